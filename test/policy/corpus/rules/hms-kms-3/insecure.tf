resource "aws_kms_key" "insecure_hcl" {
  description = "state"
  enable_key_rotation = true
  is_enabled = true
}
