# Versioning reaches the buckets through count.index and each.key references.
resource "aws_s3_bucket" "secure_hcl_count" {
  count  = 1
  bucket = "hms-state-secure-count-${count.index}"
}

resource "aws_s3_bucket_versioning" "secure_hcl_count" {
  count  = 1
  bucket = aws_s3_bucket.secure_hcl_count[count.index].id
  versioning_configuration {
    status = "Enabled"
  }
}

resource "aws_s3_bucket" "secure_hcl_each" {
  for_each = toset(["a"])
  bucket   = "hms-state-secure-each-${each.key}"
}

resource "aws_s3_bucket_versioning" "secure_hcl_each" {
  for_each = aws_s3_bucket.secure_hcl_each
  bucket   = each.value.id
  versioning_configuration {
    status = "Enabled"
  }
}
