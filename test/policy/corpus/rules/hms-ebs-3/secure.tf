resource "aws_ebs_encryption_by_default" "secure_hcl" {
  enabled = true
}
