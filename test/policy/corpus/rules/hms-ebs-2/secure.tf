resource "aws_ebs_volume" "secure_hcl" {
  availability_zone = "us-gov-west-1a"
  size = 8
  encrypted = true
  kms_key_id = "arn:aws-us-gov:kms:us-gov-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"
}
