resource "aws_s3_bucket_policy" "secure_hcl" {
  bucket = "hms-state"
  policy = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws-us-gov:iam::111122223333:root\"},\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws-us-gov:s3:::hms-state/*\"}]}"
}
