# An agency module in HCL: every shape below is read as Terraform reads it.
variable "public_endpoint" {
  default = true
}

locals {
  admin_ports = [22, 3389]
  everyone    = "::/0"
}

resource "aws_eks_cluster" "default_public" {
  name     = "c"
  role_arn = "r"
  vpc_config {
    subnet_ids              = ["a"]
    endpoint_private_access = true
    endpoint_public_access  = var.public_endpoint
  }
}

resource "aws_security_group" "dynamic_admin" {
  description = "dynamic ingress over a literal local"
  dynamic "ingress" {
    for_each = local.admin_ports
    content {
      description      = "admin"
      protocol         = "tcp"
      from_port        = ingress.value
      to_port          = ingress.value
      ipv6_cidr_blocks = [local.everyone]
    }
  }
}

resource "aws_instance" "imdsv1" {
  ami           = "ami-12345678"
  instance_type = "t3.micro"
  user_data     = "export AWS_ACCESS_KEY_ID=AKIAABCDEFGHIJKLMNOP"
}

resource "aws_iam_policy" "escalation" {
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = ["iam:*"], Resource = "*" }]
  })
}
