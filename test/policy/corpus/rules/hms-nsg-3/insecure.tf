resource "azurerm_virtual_network" "insecure_hcl" {
  name = "vnet"
  location = "usgovvirginia"
  resource_group_name = "rg"
  address_space = ["10.0.0.0/16"]
}
