resource "azurerm_subnet" "secure_hcl" {
  name = "nodes"
  resource_group_name = "rg"
  virtual_network_name = "vnet"
  address_prefixes = ["10.0.1.0/24"]
}

resource "azurerm_subnet_network_security_group_association" "secure_hcl" {
  subnet_id = "${azurerm_subnet.secure_hcl.id}"
  network_security_group_id = "nsg"
}
