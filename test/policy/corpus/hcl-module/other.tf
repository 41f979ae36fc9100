resource "aws_ebs_volume" "tfvars_decides" {
  availability_zone = "a"
  size              = 10
  encrypted         = var.encrypt
  kms_key_id        = "k"
}

variable "encrypt" {}
