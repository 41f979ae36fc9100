resource "aws_s3_bucket_policy" "insecure_hcl" {
  bucket = "hms-state"
  policy = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws-us-gov:s3:::hms-state/*\"}]}"
}
