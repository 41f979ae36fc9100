resource "aws_eks_node_group" "insecure_hcl" {
  cluster_name = "platform"
  node_group_name = "workers"
  node_role_arn = "arn:aws-us-gov:iam::111122223333:role/eks"
  subnet_ids = ["subnet-0a1b2c3d"]
  ami_type = "BOTTLEROCKET_x86_64_FIPS"
  scaling_config {
    desired_size = 2
    max_size = 3
    min_size = 1
  }
  remote_access {
    ec2_ssh_key = "ops"
  }
}
