# Offline plan of an hms-sys AWS stack: the real AWS provider schema validates
# every resource, and a mocked provider answers the data sources and computed
# attributes that would otherwise need AWS credentials.
mock_provider "aws" {
  mock_data "aws_availability_zones" {
    defaults = { names = ["us-gov-west-1a", "us-gov-west-1b", "us-gov-west-1c", "us-gov-west-1d", "us-gov-west-1e", "us-gov-west-1f"] }
  }
  mock_data "aws_partition" {
    defaults = { partition = "aws-us-gov", dns_suffix = "amazonaws.com" }
  }
  mock_data "aws_caller_identity" {
    defaults = { account_id = "123456789012" }
  }
  mock_data "aws_region" {
    defaults = { name = "us-gov-west-1" }
  }
  mock_data "aws_ssm_parameter" {
    defaults = { insecure_value = "ami-0123456789abcdef0" }
  }
}

run "plan" {
  command = plan
}
