resource "aws_vpc" "secure_hcl" {
  cidr_block = "10.0.0.0/16"
}

resource "aws_flow_log" "secure_hcl" {
  vpc_id = "${aws_vpc.secure_hcl.id}"
  traffic_type = "ALL"
  log_destination = "arn:aws-us-gov:logs:us-gov-west-1:111122223333:log-group:/vpc/flow"
  iam_role_arn = "arn:aws-us-gov:iam::111122223333:role/eks"
}
