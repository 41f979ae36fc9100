resource "kubernetes_namespace_v1" "secure_hcl" {
  metadata {
    name = "app-secure-hcl"
  }
}

resource "kubernetes_network_policy_v1" "secure_hcl" {
  metadata {
    name = "default-deny"
    namespace = "${kubernetes_namespace_v1.secure_hcl.metadata[0].name}"
  }
  spec {
    pod_selector {
    }
    policy_types = ["Ingress", "Egress"]
  }
}
