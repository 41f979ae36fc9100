resource "aws_security_group_rule" "secure_hcl_low" {
  type = "ingress"
  security_group_id = "sg-secure-hcl"
  protocol = "tcp"
  from_port = 22
  to_port = 22
  description = "low"
  cidr_blocks = ["10.0.0.0/9"]
}

resource "aws_security_group_rule" "secure_hcl_high" {
  type = "ingress"
  security_group_id = "sg-secure-hcl"
  protocol = "tcp"
  from_port = 22
  to_port = 22
  description = "high"
  cidr_blocks = ["10.128.0.0/9"]
}
