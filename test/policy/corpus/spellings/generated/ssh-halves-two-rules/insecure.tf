resource "aws_security_group_rule" "insecure_hcl_low" {
  type = "ingress"
  security_group_id = "sg-insecure-hcl"
  protocol = "tcp"
  from_port = 22
  to_port = 22
  description = "low"
  cidr_blocks = ["0.0.0.0/1"]
}

resource "aws_security_group_rule" "insecure_hcl_high" {
  type = "ingress"
  security_group_id = "sg-insecure-hcl"
  protocol = "tcp"
  from_port = 22
  to_port = 22
  description = "high"
  cidr_blocks = ["128.0.0.0/1"]
}
