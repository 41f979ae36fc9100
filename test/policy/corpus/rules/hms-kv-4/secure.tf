resource "azurerm_key_vault_key" "secure_hcl" {
  name = "state"
  key_vault_id = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/kv"
  key_type = "RSA-HSM"
  key_size = 3072
  key_opts = ["wrapKey", "unwrapKey"]
  expiration_date = "2027-06-30T00:00:00Z"
  rotation_policy {
    expire_after = "P1Y"
    notify_before_expiry = "P30D"
    automatic {
      time_before_expiry = "P30D"
    }
  }
}
