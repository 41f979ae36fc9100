resource "kubernetes_role_v1" "insecure_hcl" {
  metadata {
    name = "ops"
    namespace = "app"
  }
  rule {
    api_groups = ["*"]
    resources = ["*"]
    verbs = ["*"]
  }
}
