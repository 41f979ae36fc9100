resource "aws_vpc" "secure_hcl" {
  cidr_block = "10.0.0.0/16"
}

resource "aws_default_security_group" "secure_hcl" {
  vpc_id = "${aws_vpc.secure_hcl.id}"
}

resource "aws_security_group" "secure_hcl" {
  name = "app"
  description = "app"
  vpc_id = "${aws_vpc.secure_hcl.id}"
}

resource "aws_vpc_security_group_ingress_rule" "secure_hcl" {
  security_group_id = "${aws_security_group.secure_hcl.id}"
  ip_protocol = "tcp"
  from_port = 443
  to_port = 443
  cidr_ipv4 = "10.0.0.0/8"
}
