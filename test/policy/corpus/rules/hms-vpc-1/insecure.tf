resource "aws_vpc" "insecure_hcl" {
  cidr_block = "10.0.0.0/16"
}
