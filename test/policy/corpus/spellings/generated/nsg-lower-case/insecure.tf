resource "azurerm_network_security_rule" "insecure_hcl" {
  name = "admin"
  location = "usgovvirginia"
  resource_group_name = "rg"
  network_security_group_name = "nsg-insecure-hcl"
  priority = 100
  direction = "inbound"
  access = "allow"
  protocol = "tcp"
  source_port_range = "*"
  destination_address_prefix = "*"
  destination_port_range = "22"
  source_address_prefix = "internet"
}
