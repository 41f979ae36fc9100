resource "aws_vpc" "insecure_hcl" {
  cidr_block = "10.0.0.0/16"
}

resource "aws_default_security_group" "insecure_hcl" {
  vpc_id = "${aws_vpc.insecure_hcl.id}"
}

resource "aws_vpc_security_group_ingress_rule" "insecure_hcl" {
  security_group_id = "${aws_default_security_group.insecure_hcl.id}"
  ip_protocol = "tcp"
  from_port = 443
  to_port = 443
  cidr_ipv4 = "10.0.0.0/8"
}
