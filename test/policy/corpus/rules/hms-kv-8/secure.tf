resource "azurerm_key_vault" "secure_hcl" {
  name = "hms-kv"
  location = "usgovvirginia"
  resource_group_name = "rg"
  tenant_id = "00000000-0000-0000-0000-000000000000"
  sku_name = "premium"
  public_network_access_enabled = false
  purge_protection_enabled = true
  soft_delete_retention_days = 90
}

resource "azurerm_monitor_diagnostic_setting" "secure_hcl" {
  name = "audit"
  target_resource_id = "${azurerm_key_vault.secure_hcl.id}"
  log_analytics_workspace_id = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.OperationalInsights/workspaces/ws"
  enabled_log {
    category = "AuditEvent"
  }
}

resource "azurerm_private_endpoint" "secure_hcl" {
  name = "kv"
  location = "usgovvirginia"
  resource_group_name = "rg"
  subnet_id = "snet"
  private_service_connection {
    name = "kv"
    private_connection_resource_id = "${azurerm_key_vault.secure_hcl.id}"
    is_manual_connection = false
    subresource_names = ["vault"]
  }
}
