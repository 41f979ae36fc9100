resource "aws_cloudwatch_log_group" "insecure_hcl" {
  name = "/hms/audit"
  kms_key_id = "arn:aws-us-gov:kms:us-gov-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"
}
