resource "azurerm_key_vault_secret" "secure_hcl" {
  name = "db"
  value = "from-pipeline"
  key_vault_id = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/kv"
  expiration_date = "2027-06-30T00:00:00Z"
}
