resource "kubernetes_persistent_volume_claim_v1" "secure_hcl" {
  metadata {
    name = "data"
    namespace = "app"
  }
  spec {
    access_modes = ["ReadWriteOnce"]
    storage_class_name = "${kubernetes_storage_class_v1.secure_hcl.metadata[0].name}"
    resources {
      requests = {
        "storage" = "10Gi"
      }
    }
  }
}

resource "kubernetes_storage_class_v1" "secure_hcl" {
  metadata {
    name = "encrypted-secure-hcl"
  }
  storage_provisioner = "ebs.csi.aws.com"
  parameters = {
    "type" = "gp3"
    "encrypted" = "true"
    "kmsKeyId" = "arn:aws-us-gov:kms:us-gov-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"
  }
}
