resource "azurerm_virtual_network" "secure_hcl" {
  name = "vnet"
  location = "usgovvirginia"
  resource_group_name = "rg"
  address_space = ["10.0.0.0/16"]
}

resource "azurerm_network_watcher_flow_log" "secure_hcl" {
  name = "vnet"
  network_watcher_name = "nw"
  resource_group_name = "rg"
  target_resource_id = "${azurerm_virtual_network.secure_hcl.id}"
  storage_account_id = "sa"
  enabled = true
  retention_policy {
    enabled = true
    days = 90
  }
}
