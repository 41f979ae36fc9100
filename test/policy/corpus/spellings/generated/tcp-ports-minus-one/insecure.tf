resource "aws_security_group_rule" "insecure_hcl" {
  type = "ingress"
  security_group_id = "sg-insecure-hcl"
  protocol = "tcp"
  from_port = -1
  to_port = -1
  description = "all tcp"
  cidr_blocks = ["0.0.0.0/0"]
}

resource "aws_security_group" "insecure_hcl" {
  name = "nodes"
  description = "nodes"
  vpc_id = "vpc-0a1b2c3d"
}
