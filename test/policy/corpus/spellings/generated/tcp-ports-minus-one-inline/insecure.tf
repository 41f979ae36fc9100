resource "aws_security_group" "insecure_hcl" {
  name = "nodes"
  description = "Node traffic"
  vpc_id = "vpc-0a1b2c3d"
  ingress {
    description = "rule"
    from_port = -1
    to_port = -1
    protocol = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}
