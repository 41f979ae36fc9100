resource "aws_kms_key" "insecure_hcl" {
  description = "state"
  enable_key_rotation = false
  deletion_window_in_days = 30
  is_enabled = true
}
