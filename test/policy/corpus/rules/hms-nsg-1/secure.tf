resource "azurerm_network_security_rule" "secure_hcl" {
  name = "admin"
  location = "usgovvirginia"
  resource_group_name = "rg"
  network_security_group_name = "nsg"
  priority = 100
  direction = "Inbound"
  access = "Allow"
  protocol = "Tcp"
  source_port_range = "*"
  destination_address_prefix = "*"
  source_address_prefix = "10.20.0.0/16"
  destination_port_range = "22"
}
