resource "azurerm_kubernetes_cluster" "insecure_hcl" {
  name = "platform"
  location = "usgovvirginia"
  resource_group_name = "rg"
  dns_prefix_private_cluster = "platform"
  private_dns_zone_id = "System"
  private_cluster_enabled = true
  disk_encryption_set_id = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.Compute/diskEncryptionSets/des"
  local_account_disabled = true
  role_based_access_control_enabled = true
  azure_policy_enabled = true
  automatic_upgrade_channel = "patch"
  default_node_pool {
    name = "system"
    vm_size = "Standard_D4s_v5"
    node_count = 3
    fips_enabled = true
    host_encryption_enabled = true
    node_public_ip_enabled = false
  }
  identity {
    type = "SystemAssigned"
  }
  network_profile {
    network_plugin = "azure"
    network_policy = "calico"
  }
  oms_agent {
    log_analytics_workspace_id = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.OperationalInsights/workspaces/ws"
  }
  azure_active_directory_role_based_access_control {
    azure_rbac_enabled = true
    tenant_id = "00000000-0000-0000-0000-000000000000"
  }
}

resource "azurerm_monitor_diagnostic_setting" "insecure_hcl" {
  name = "audit"
  target_resource_id = "${azurerm_kubernetes_cluster.insecure_hcl.id}"
  log_analytics_workspace_id = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.OperationalInsights/workspaces/ws"
  enabled_log {
    category = "kube-audit-admin"
  }
  enabled_log {
    category = "guard"
  }
}
