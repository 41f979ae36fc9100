resource "aws_security_group_rule" "secure_hcl" {
  type = "ingress"
  security_group_id = "sg-secure-hcl"
  protocol = "tcp"
  from_port = -1
  to_port = -1
  description = "all tcp"
  cidr_blocks = ["10.20.0.0/16"]
}
