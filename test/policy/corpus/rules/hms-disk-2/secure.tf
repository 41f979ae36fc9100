resource "azurerm_managed_disk" "secure_hcl" {
  name = "data"
  location = "usgovvirginia"
  resource_group_name = "rg"
  storage_account_type = "Premium_LRS"
  create_option = "Empty"
  disk_size_gb = 32
  disk_encryption_set_id = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.Compute/diskEncryptionSets/des"
  public_network_access_enabled = false
  network_access_policy = "DenyAll"
}
