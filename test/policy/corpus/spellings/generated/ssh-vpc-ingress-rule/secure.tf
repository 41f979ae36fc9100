resource "aws_vpc_security_group_ingress_rule" "secure_hcl_ipv4" {
  security_group_id = "sg-secure-hcl"
  ip_protocol = "tcp"
  from_port = 22
  to_port = 22
  cidr_ipv4 = "10.20.0.0/16"
}

resource "aws_vpc_security_group_ingress_rule" "secure_hcl_ipv6" {
  security_group_id = "sg-secure-hcl"
  ip_protocol = "6"
  from_port = 0
  to_port = 1024
  cidr_ipv6 = "fd00::/8"
}
