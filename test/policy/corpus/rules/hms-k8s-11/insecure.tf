resource "kubernetes_namespace_v1" "insecure_hcl" {
  metadata {
    name = "app-insecure-hcl"
  }
}
