resource "aws_security_group" "insecure_hcl" {
  name = "nodes"
  description = "Node traffic"
  vpc_id = "vpc-0a1b2c3d"
  egress {
    description = "all"
    from_port = 0
    to_port = 0
    protocol = "-1"
    cidr_blocks = ["0.0.0.0/0"]
  }
}
