resource "aws_eks_cluster" "insecure_hcl" {
  name = "platform"
  role_arn = "arn:aws-us-gov:iam::111122223333:role/eks"
  version = "1.33"
  vpc_config {
    subnet_ids = ["subnet-0a1b2c3d", "subnet-4e5f6a7b"]
    endpoint_private_access = true
    endpoint_public_access = false
  }
  encryption_config {
    resources = ["secrets"]
    provider {
      key_arn = "arn:aws-us-gov:kms:us-gov-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"
    }
  }
  enabled_cluster_log_types = ["api", "authenticator"]
}
