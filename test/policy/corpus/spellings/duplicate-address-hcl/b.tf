# The same address as a.tf: Terraform refuses the folder, and so does check.
resource "aws_ebs_volume" "data" {
  availability_zone = "us-gov-west-1a"
  size              = 8
}
