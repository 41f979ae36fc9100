resource "aws_security_group" "secure_hcl" {
  name = "nodes"
  description = "Node traffic"
  vpc_id = "vpc-0a1b2c3d"
  ingress {
    description = "rule"
    cidr_blocks = ["10.20.0.0/16"]
    ipv6_cidr_blocks = []
    prefix_list_ids = []
    security_groups = []
    self = false
    from_port = 443
    to_port = 443
    protocol = "tcp"
  }
}
