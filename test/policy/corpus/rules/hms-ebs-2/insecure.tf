resource "aws_ebs_volume" "insecure_hcl" {
  availability_zone = "us-gov-west-1a"
  size = 8
  encrypted = true
}
