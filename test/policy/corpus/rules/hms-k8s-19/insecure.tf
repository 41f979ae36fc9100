resource "kubernetes_default_service_account_v1" "insecure_hcl" {
  metadata {
    namespace = "app"
  }
  automount_service_account_token = true
}
