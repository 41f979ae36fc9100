resource "kubernetes_role_v1" "secure_hcl" {
  metadata {
    name = "ops"
    namespace = "app"
  }
  rule {
    api_groups = [""]
    resources = ["pods"]
    verbs = ["get", "list"]
  }
}
