resource "aws_iam_policy" "secure_hcl" {
  name = "app"
  policy = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[\"s3:GetObject\"],\"Resource\":\"arn:aws-us-gov:s3:::hms-state/*\"}]}"
}
