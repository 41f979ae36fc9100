resource "aws_vpc" "insecure_hcl" {
  cidr_block = "10.0.0.0/16"
}

resource "aws_default_security_group" "insecure_hcl" {
  vpc_id = "${aws_vpc.insecure_hcl.id}"
  ingress {
    description = "rule"
    cidr_blocks = []
    ipv6_cidr_blocks = []
    prefix_list_ids = []
    security_groups = []
    self = true
    protocol = "-1"
    from_port = 0
    to_port = 0
  }
}
