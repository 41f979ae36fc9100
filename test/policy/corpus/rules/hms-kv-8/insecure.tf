resource "azurerm_key_vault" "insecure_hcl" {
  name = "hms-kv"
  location = "usgovvirginia"
  resource_group_name = "rg"
  tenant_id = "00000000-0000-0000-0000-000000000000"
  sku_name = "premium"
  public_network_access_enabled = false
  purge_protection_enabled = true
  soft_delete_retention_days = 90
}

resource "azurerm_monitor_diagnostic_setting" "insecure_hcl" {
  name = "audit"
  target_resource_id = "${azurerm_key_vault.insecure_hcl.id}"
  log_analytics_workspace_id = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.OperationalInsights/workspaces/ws"
  enabled_log {
    category = "AuditEvent"
  }
}
