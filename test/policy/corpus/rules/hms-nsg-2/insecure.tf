resource "azurerm_subnet" "insecure_hcl" {
  name = "nodes"
  resource_group_name = "rg"
  virtual_network_name = "vnet"
  address_prefixes = ["10.0.1.0/24"]
}
