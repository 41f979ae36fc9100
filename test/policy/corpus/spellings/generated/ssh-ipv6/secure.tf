resource "aws_security_group_rule" "secure_hcl_zero" {
  type = "ingress"
  security_group_id = "sg-secure-hcl"
  protocol = "tcp"
  from_port = 22
  to_port = 22
  description = "zero"
  ipv6_cidr_blocks = ["fd00::/8"]
}

resource "aws_security_group_rule" "secure_hcl_expanded" {
  type = "ingress"
  security_group_id = "sg-secure-hcl"
  protocol = "tcp"
  from_port = 22
  to_port = 22
  description = "expanded"
  ipv6_cidr_blocks = ["2001:db8:1:0:0:0:0:0/48"]
}

resource "aws_security_group_rule" "secure_hcl_short" {
  type = "ingress"
  security_group_id = "sg-secure-hcl"
  protocol = "tcp"
  from_port = 22
  to_port = 22
  description = "short"
  ipv6_cidr_blocks = ["2001:db8:2::/48"]
}
