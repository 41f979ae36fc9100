resource "aws_security_group" "insecure_hcl" {
  name = "nodes"
  description = "Node traffic"
  vpc_id = "vpc-0a1b2c3d"
  ingress {
    description = "rule"
    cidr_blocks = ["0.0.0.0/0"]
    ipv6_cidr_blocks = []
    prefix_list_ids = []
    security_groups = []
    self = false
    from_port = -1
    to_port = -1
    protocol = "tcp"
  }
}
