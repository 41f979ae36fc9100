resource "kubernetes_deployment_v1" "secure_hcl" {
  metadata {
    name = "app"
    namespace = "app"
  }
  spec {
    replicas = 2
    selector {
      match_labels = {
        "app" = "app"
      }
    }
    template {
      metadata {
        labels = {
          "app" = "app"
        }
      }
      spec {
        automount_service_account_token = false
        container {
          name = "app"
          image = "registry.example.gov/appsecure-hclsha256:0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0"
          security_context {
            privileged = false
            allow_privilege_escalation = false
            run_as_non_root = true
            read_only_root_filesystem = true
            capabilities {
              drop = ["ALL"]
            }
            seccomp_profile {
              type = "RuntimeDefault"
            }
          }
          resources {
            requests = {
              "cpu" = "250m"
              "memory" = "256Mi"
            }
            limits = {
              "cpu" = "1"
              "memory" = "512Mi"
            }
          }
        }
      }
    }
  }
}
