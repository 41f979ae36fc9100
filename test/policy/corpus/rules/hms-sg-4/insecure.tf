resource "aws_security_group" "insecure_hcl" {
  name = "nodes"
  vpc_id = "vpc-0a1b2c3d"
}
