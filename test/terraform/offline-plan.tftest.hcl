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
    defaults = { account_id = "123456789012", arn = "arn:aws-us-gov:sts::123456789012:assumed-role/hms-sys-deployer/ci-run-42" }
  }
  mock_data "aws_region" {
    defaults = { name = "us-gov-west-1" }
  }
  mock_data "aws_iam_session_context" {
    defaults = { issuer_arn = "arn:aws-us-gov:iam::123456789012:role/hms-sys-deployer" }
  }
  mock_data "aws_secretsmanager_secret" {
    defaults = {
      arn        = "arn:aws-us-gov:secretsmanager:us-gov-west-1:123456789012:secret:ecr-pullthroughcache/dcaa-audit/ghcr-AbCdEf"
      kms_key_id = "arn:aws-us-gov:kms:us-gov-west-1:123456789012:key/11111111-2222-3333-4444-555555555555"
    }
  }
  # aws_eks_addon's addon_version must look like an add-on version (the provider validates it).
  mock_data "aws_eks_addon_version" {
    defaults = { version = "v1.11.4-eksbuild.1" }
  }
  mock_data "aws_ami" {
    defaults = { id = "ami-0fedcba9876543210", image_id = "ami-0fedcba9876543210" }
  }
}

run "plan" {
  command = plan
}
