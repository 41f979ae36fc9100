resource "aws_security_group" "secure_hcl" {
  name = "nodes"
  description = "Node traffic"
  vpc_id = "vpc-0a1b2c3d"
}
