resource "kubernetes_cluster_role_binding_v1" "secure_hcl" {
  metadata {
    name = "readers"
  }
  role_ref {
    api_group = "rbac.authorization.k8s.io"
    kind = "ClusterRole"
    name = "view"
  }
  subject {
    kind = "Group"
    name = "app-readers"
    api_group = "rbac.authorization.k8s.io"
  }
}
