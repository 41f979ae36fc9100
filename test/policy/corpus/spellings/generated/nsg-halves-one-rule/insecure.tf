resource "azurerm_network_security_rule" "insecure_hcl" {
  name = "admin"
  location = "usgovvirginia"
  resource_group_name = "rg"
  network_security_group_name = "nsg-insecure-hcl"
  priority = 100
  direction = "Inbound"
  access = "Allow"
  protocol = "Tcp"
  source_port_range = "*"
  destination_address_prefix = "*"
  destination_port_range = "22"
  source_address_prefixes = ["0.0.0.0/1", "128.0.0.0/1"]
}
