resource "aws_security_group_rule" "insecure_hcl_ipv4" {
  type = "ingress"
  security_group_id = "sg-insecure-hcl"
  protocol = "tcp"
  from_port = 22
  to_port = 22
  description = "ipv4"
  cidr_blocks = ["0.0.0.0/0"]
}

resource "aws_security_group_rule" "insecure_hcl_both" {
  type = "ingress"
  security_group_id = "sg-insecure-hcl"
  protocol = "tcp"
  from_port = 22
  to_port = 22
  description = "both"
  cidr_blocks = ["10.0.0.0/8", "0.0.0.0/0"]
}

resource "aws_security_group_rule" "insecure_hcl_quarters" {
  type = "ingress"
  security_group_id = "sg-insecure-hcl"
  protocol = "tcp"
  from_port = 22
  to_port = 22
  description = "quarters"
  cidr_blocks = ["0.0.0.0/2", "64.0.0.0/2", "128.0.0.0/2", "192.0.0.0/2"]
}
