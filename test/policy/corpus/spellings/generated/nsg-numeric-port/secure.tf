resource "azurerm_network_security_rule" "secure_hcl_number" {
  name = "admin"
  location = "usgovvirginia"
  resource_group_name = "rg"
  network_security_group_name = "nsg-secure-hcl"
  priority = 100
  direction = "Inbound"
  access = "Allow"
  protocol = "Tcp"
  source_port_range = "*"
  destination_address_prefix = "*"
  destination_port_range = 443
  source_address_prefix = "*"
}

resource "azurerm_network_security_rule" "secure_hcl_range" {
  name = "admin"
  location = "usgovvirginia"
  resource_group_name = "rg"
  network_security_group_name = "nsg-secure-hcl"
  priority = 100
  direction = "Inbound"
  access = "Allow"
  protocol = "Tcp"
  source_port_range = "*"
  destination_address_prefix = "*"
  destination_port_range = "440-445"
  source_address_prefix = "*"
}

resource "azurerm_network_security_rule" "secure_hcl_list" {
  name = "admin"
  location = "usgovvirginia"
  resource_group_name = "rg"
  network_security_group_name = "nsg-secure-hcl"
  priority = 100
  direction = "Inbound"
  access = "Allow"
  protocol = "Tcp"
  source_port_range = "*"
  destination_address_prefix = "*"
  source_address_prefix = "*"
  destination_port_ranges = ["443", "8443"]
}
