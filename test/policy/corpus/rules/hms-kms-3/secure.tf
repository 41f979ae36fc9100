resource "aws_kms_key" "secure_hcl" {
  description = "state"
  enable_key_rotation = true
  deletion_window_in_days = 30
  is_enabled = true
}
