resource "azurerm_network_watcher_flow_log" "secure_hcl" {
  name = "vnet"
  network_watcher_name = "nw"
  resource_group_name = "rg"
  target_resource_id = "vnet"
  storage_account_id = "sa"
  enabled = true
  retention_policy {
    enabled = true
    days = 90
  }
}
