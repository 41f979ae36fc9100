resource "aws_ebs_encryption_by_default" "insecure_hcl" {
  enabled = false
}
