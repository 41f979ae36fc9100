resource "azurerm_storage_account" "secure_hcl" {
  name = "hmsstate"
  location = "usgovvirginia"
  resource_group_name = "rg"
  account_tier = "Standard"
  account_replication_type = "GRS"
  https_traffic_only_enabled = true
  min_tls_version = "TLS1_2"
  public_network_access_enabled = false
  allow_nested_items_to_be_public = false
  shared_access_key_enabled = false
  network_rules {
    default_action = "Deny"
  }
  blob_properties {
    versioning_enabled = true
    delete_retention_policy {
      days = 30
    }
    container_delete_retention_policy {
      days = 30
    }
  }
  identity {
    type = "SystemAssigned"
  }
}

resource "azurerm_storage_account_customer_managed_key" "secure_hcl" {
  storage_account_id = "${azurerm_storage_account.secure_hcl.id}"
  key_vault_id = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/kv"
  key_name = "state"
}
