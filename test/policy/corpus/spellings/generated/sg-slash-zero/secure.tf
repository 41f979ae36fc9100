resource "aws_security_group_rule" "secure_hcl_ipv4" {
  type = "ingress"
  security_group_id = "sg-secure-hcl"
  protocol = "tcp"
  from_port = 22
  to_port = 22
  description = "ipv4"
  cidr_blocks = ["10.0.0.0/8"]
}

resource "aws_security_group_rule" "secure_hcl_both" {
  type = "ingress"
  security_group_id = "sg-secure-hcl"
  protocol = "tcp"
  from_port = 22
  to_port = 22
  description = "both"
  cidr_blocks = ["10.0.0.0/8", "172.16.0.0/12"]
}

resource "aws_security_group_rule" "secure_hcl_quarters" {
  type = "ingress"
  security_group_id = "sg-secure-hcl"
  protocol = "tcp"
  from_port = 22
  to_port = 22
  description = "quarters"
  cidr_blocks = ["10.0.0.0/10", "10.64.0.0/10"]
}
