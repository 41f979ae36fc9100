resource "azurerm_key_vault_secret" "insecure_hcl" {
  name = "db"
  value = "from-pipeline"
  key_vault_id = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/kv"
}
