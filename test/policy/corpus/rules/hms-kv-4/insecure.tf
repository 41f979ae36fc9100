resource "azurerm_key_vault_key" "insecure_hcl" {
  name = "state"
  key_vault_id = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/kv"
  key_type = "RSA-HSM"
  key_size = 3072
  key_opts = ["wrapKey", "unwrapKey"]
}
