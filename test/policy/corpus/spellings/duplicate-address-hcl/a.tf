resource "aws_ebs_volume" "data" {
  availability_zone = "us-gov-west-1a"
  size              = 8
  encrypted         = true
}
