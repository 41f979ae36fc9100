resource "aws_vpc_security_group_ingress_rule" "insecure_hcl_ipv4" {
  security_group_id = "sg-insecure-hcl"
  ip_protocol = "tcp"
  from_port = 22
  to_port = 22
  cidr_ipv4 = "0.0.0.0/0"
}

resource "aws_vpc_security_group_ingress_rule" "insecure_hcl_ipv6" {
  security_group_id = "sg-insecure-hcl"
  ip_protocol = "6"
  from_port = 0
  to_port = 1024
  cidr_ipv6 = "::0/0"
}
