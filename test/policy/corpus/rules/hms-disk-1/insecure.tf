resource "azurerm_managed_disk" "insecure_hcl" {
  name = "data"
  location = "usgovvirginia"
  resource_group_name = "rg"
  storage_account_type = "Premium_LRS"
  create_option = "Empty"
  disk_size_gb = 32
  public_network_access_enabled = false
  network_access_policy = "DenyAll"
}
