resource "kubernetes_default_service_account_v1" "secure_hcl" {
  metadata {
    namespace = "app"
  }
  automount_service_account_token = false
}
