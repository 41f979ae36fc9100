variable "public_endpoint_secure_hcl" {
  type    = bool
  default = false
}

locals {
  encrypt_secure_hcl = true
}

resource "aws_eks_cluster" "secure_hcl" {
  name     = "platform-secure-hcl"
  role_arn = "arn:aws-us-gov:iam::111122223333:role/eks"
  vpc_config {
    subnet_ids              = ["subnet-0a1b2c3d", "subnet-4e5f6a7b"]
    endpoint_private_access = true
    endpoint_public_access  = var.public_endpoint_secure_hcl
  }
}

resource "aws_ebs_volume" "secure_hcl" {
  availability_zone = "us-gov-west-1a"
  size              = 8
  encrypted         = local.encrypt_secure_hcl
}
