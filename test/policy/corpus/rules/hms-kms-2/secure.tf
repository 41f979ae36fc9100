resource "aws_kms_key" "secure_hcl" {
  description = "state"
  enable_key_rotation = true
  deletion_window_in_days = 30
  is_enabled = true
  policy = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws-us-gov:iam::111122223333:root\"},\"Action\":\"kms:*\",\"Resource\":\"*\"}]}"
}
