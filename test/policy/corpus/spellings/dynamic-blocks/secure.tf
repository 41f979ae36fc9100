resource "aws_security_group" "secure_hcl" {
  name        = "admin-hcl-secure"
  description = "admin ports from the agency network"
  vpc_id      = "vpc-0a1b2c3d"
  dynamic "ingress" {
    for_each = toset(["22", "3389"])
    iterator = port
    content {
      description = "admin"
      protocol    = "tcp"
      from_port   = port.value
      to_port     = port.value
      cidr_blocks = ["10.20.0.0/16"]
    }
  }
}
