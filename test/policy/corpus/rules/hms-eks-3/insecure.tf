resource "aws_eks_cluster" "insecure_hcl" {
  name = "platform"
  role_arn = "arn:aws-us-gov:iam::111122223333:role/eks"
  version = "1.33"
  vpc_config {
    subnet_ids = ["subnet-0a1b2c3d", "subnet-4e5f6a7b"]
    endpoint_private_access = true
    endpoint_public_access = false
  }
  enabled_cluster_log_types = ["api", "audit", "authenticator", "controllerManager", "scheduler"]
}
