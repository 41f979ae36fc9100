resource "aws_s3_bucket" "insecure_hcl" {
  bucket = "hms-state"
}

resource "aws_s3_bucket_versioning" "insecure_hcl" {
  bucket = "${aws_s3_bucket.insecure_hcl.id}"
  versioning_configuration {
    status = "Enabled"
  }
}

resource "aws_s3_bucket_policy" "insecure_hcl" {
  bucket = "${aws_s3_bucket.insecure_hcl.id}"
  policy = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"TlsOnly\",\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"s3:*\",\"Resource\":[\"arn:aws-us-gov:s3:::hms-state\",\"arn:aws-us-gov:s3:::hms-state/*\"],\"Condition\":{\"Bool\":{\"aws:SecureTransport\":\"false\"}}}]}"
}

resource "aws_s3_bucket_logging" "insecure_hcl" {
  bucket = "${aws_s3_bucket.insecure_hcl.id}"
  target_bucket = "hms-access-logs"
  target_prefix = "state/"
}

resource "aws_s3_bucket_public_access_block" "insecure_hcl" {
  bucket = "${aws_s3_bucket.insecure_hcl.id}"
  block_public_acls = true
  block_public_policy = true
  ignore_public_acls = true
  restrict_public_buckets = true
}
