resource "aws_security_group_rule" "insecure_hcl_zero" {
  type = "ingress"
  security_group_id = "sg-insecure-hcl"
  protocol = "tcp"
  from_port = 22
  to_port = 22
  description = "zero"
  ipv6_cidr_blocks = ["::0/0"]
}

resource "aws_security_group_rule" "insecure_hcl_expanded" {
  type = "ingress"
  security_group_id = "sg-insecure-hcl"
  protocol = "tcp"
  from_port = 22
  to_port = 22
  description = "expanded"
  ipv6_cidr_blocks = ["0:0:0:0:0:0:0:0/0"]
}

resource "aws_security_group_rule" "insecure_hcl_short" {
  type = "ingress"
  security_group_id = "sg-insecure-hcl"
  protocol = "tcp"
  from_port = 22
  to_port = 22
  description = "short"
  ipv6_cidr_blocks = ["::/0"]
}
