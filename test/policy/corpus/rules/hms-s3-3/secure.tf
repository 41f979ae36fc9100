resource "aws_s3_bucket" "secure_hcl" {
  bucket = "hms-state"
}

resource "aws_s3_bucket_server_side_encryption_configuration" "secure_hcl" {
  bucket = "${aws_s3_bucket.secure_hcl.id}"
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "aws:kms"
      kms_master_key_id = "arn:aws-us-gov:kms:us-gov-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"
    }
  }
}

resource "aws_s3_bucket_versioning" "secure_hcl" {
  bucket = "${aws_s3_bucket.secure_hcl.id}"
  versioning_configuration {
    status = "Enabled"
  }
}

resource "aws_s3_bucket_policy" "secure_hcl" {
  bucket = "${aws_s3_bucket.secure_hcl.id}"
  policy = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"TlsOnly\",\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"s3:*\",\"Resource\":[\"arn:aws-us-gov:s3:::hms-state\",\"arn:aws-us-gov:s3:::hms-state/*\"],\"Condition\":{\"Bool\":{\"aws:SecureTransport\":\"false\"}}}]}"
}

resource "aws_s3_bucket_logging" "secure_hcl" {
  bucket = "${aws_s3_bucket.secure_hcl.id}"
  target_bucket = "hms-access-logs"
  target_prefix = "state/"
}

resource "aws_s3_bucket_public_access_block" "secure_hcl" {
  bucket = "${aws_s3_bucket.secure_hcl.id}"
  block_public_acls = true
  block_public_policy = true
  ignore_public_acls = true
  restrict_public_buckets = true
}
