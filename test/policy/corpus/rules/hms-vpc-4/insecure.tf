resource "aws_vpc" "insecure_hcl" {
  cidr_block = "10.0.0.0/16"
}

resource "aws_default_security_group" "insecure_hcl" {
  vpc_id = "${aws_vpc.insecure_hcl.id}"
  ingress {
    protocol = "-1"
    self = true
    from_port = 0
    to_port = 0
  }
}
