resource "aws_cloudwatch_log_group" "insecure_hcl" {
  name = "/hms/audit"
  retention_in_days = 365
}
