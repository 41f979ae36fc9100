resource "aws_vpc" "insecure_hcl" {
  cidr_block = "10.0.0.0/16"
}

resource "aws_security_group_rule" "insecure_hcl" {
  type = "egress"
  security_group_id = "${aws_vpc.insecure_hcl.default_security_group_id}"
  protocol = "-1"
  from_port = 0
  to_port = 0
  cidr_blocks = ["0.0.0.0/0"]
}
