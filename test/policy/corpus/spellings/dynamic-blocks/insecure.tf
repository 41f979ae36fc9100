# SSH and RDP from the internet through a dynamic block over a literal list.
resource "aws_security_group" "insecure_hcl" {
  name        = "admin-hcl"
  description = "admin ports"
  vpc_id      = "vpc-0a1b2c3d"
  dynamic "ingress" {
    for_each = [22, 3389]
    content {
      description = "admin"
      protocol    = "tcp"
      from_port   = ingress.value
      to_port     = ingress.value
      cidr_blocks = ["0.0.0.0/0"]
    }
  }
}
