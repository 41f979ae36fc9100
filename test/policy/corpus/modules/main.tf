# A root module that calls a local module twice, a registry module, and reads a policy with file().
variable "admin_cidr" {
  default = "0.0.0.0/0"
}

module "bastion" {
  source       = "./modules/security-group"
  name         = "bastion"
  ingress_cidr = var.admin_cidr
}

module "internal" {
  source       = "./modules/security-group"
  name         = "internal"
  ingress_cidr = "10.20.0.0/16"
}

module "per_team" {
  source       = "./modules/security-group"
  for_each     = toset(["audit", "payroll"])
  name         = each.key
  ingress_cidr = each.key == "audit" ? "0.0.0.0/0" : "10.30.0.0/16"
}

module "vpc" {
  source  = "terraform-aws-modules/vpc/aws"
  version = "5.8.1"
}

resource "aws_iam_policy" "from_file" {
  name   = "admin"
  policy = file("${path.module}/policies/admin.json")
}

resource "aws_iam_policy" "from_template" {
  name   = "reader"
  policy = templatefile("${path.module}/policies/reader.json.tpl", { bucket = "agency-pdfs" })
}
