# Buckets made with count and for_each; versioning is configured for neither.
resource "aws_s3_bucket" "insecure_hcl_count" {
  count  = 1
  bucket = "hms-state-insecure-count-${count.index}"
}

resource "aws_s3_bucket" "insecure_hcl_each" {
  for_each = toset(["a"])
  bucket   = "hms-state-insecure-each-${each.key}"
}
