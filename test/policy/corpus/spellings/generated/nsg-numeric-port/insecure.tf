resource "azurerm_network_security_rule" "insecure_hcl_number" {
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
  destination_port_range = 22
  source_address_prefix = "*"
}

resource "azurerm_network_security_rule" "insecure_hcl_range" {
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
  destination_port_range = "20-25"
  source_address_prefix = "*"
}

resource "azurerm_network_security_rule" "insecure_hcl_list" {
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
  source_address_prefix = "*"
  destination_port_ranges = ["443", "3389"]
}
