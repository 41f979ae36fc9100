resource "aws_flow_log" "secure_hcl" {
  vpc_id = "vpc-0a1b2c3d"
  traffic_type = "ALL"
  log_destination = "arn:aws-us-gov:logs:us-gov-west-1:111122223333:log-group:/vpc/flow"
  iam_role_arn = "arn:aws-us-gov:iam::111122223333:role/eks"
}
