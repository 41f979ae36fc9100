resource "aws_kms_key" "insecure_hcl" {
  description = "state"
  enable_key_rotation = true
  deletion_window_in_days = 30
  is_enabled = true
  policy = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"*\"},\"Action\":\"kms:*\",\"Resource\":\"*\"}]}"
}
