resource "kubernetes_persistent_volume_claim_v1" "insecure_hcl" {
  metadata {
    name = "data"
    namespace = "app"
  }
  spec {
    access_modes = ["ReadWriteOnce"]
    storage_class_name = "${kubernetes_storage_class_v1.insecure_hcl.metadata[0].name}"
    resources {
      requests = {
        "storage" = "10Gi"
      }
    }
  }
}

resource "kubernetes_storage_class_v1" "insecure_hcl" {
  metadata {
    name = "encrypted-insecure-hcl"
  }
  storage_provisioner = "ebs.csi.aws.com"
  parameters = {
    "type" = "gp3"
    "encrypted" = "false"
  }
}
