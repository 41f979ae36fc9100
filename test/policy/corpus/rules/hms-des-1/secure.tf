resource "azurerm_disk_encryption_set" "secure_hcl" {
  name = "des"
  location = "usgovvirginia"
  resource_group_name = "rg"
  key_vault_key_id = "https://hms-kv.vault.usgovcloudapi.net/keys/state"
  encryption_type = "EncryptionAtRestWithPlatformAndCustomerKeys"
  identity {
    type = "SystemAssigned"
  }
}
