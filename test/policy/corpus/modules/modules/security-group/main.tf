variable "name" {}
variable "ingress_cidr" {}

resource "aws_security_group" "this" {
  name        = var.name
  description = "SSH for ${var.name}"

  ingress {
    description = "ssh"
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = [var.ingress_cidr]
  }
}
