resource "kubernetes_storage_class_v1" "insecure_hcl" {
  metadata {
    name = "encrypted-insecure-hcl"
  }
  storage_provisioner = "ebs.csi.aws.com"
  parameters = {
    "type" = "gp3"
    "encrypted" = "true"
  }
}
