resource "aws_vpc" "secure_hcl" {
  cidr_block = "10.0.0.0/16"
}

resource "aws_default_security_group" "secure_hcl" {
  vpc_id = "${aws_vpc.secure_hcl.id}"
}
