resource "azurerm_network_security_rule" "insecure_hcl_ipv4" {
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
  source_address_prefix = "0.0.0.0/0"
}

resource "azurerm_network_security_rule" "insecure_hcl_ipv6" {
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
  source_address_prefix = "::/0"
}

resource "azurerm_network_security_rule" "insecure_hcl_ipv6_expanded" {
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
  source_address_prefix = "0:0:0:0:0:0:0:0/0"
}

resource "azurerm_network_security_rule" "insecure_hcl_any" {
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
  source_address_prefix = "Any"
}

resource "azurerm_network_security_rule" "insecure_hcl_star" {
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
  source_address_prefix = "*"
}

resource "azurerm_network_security_rule" "insecure_hcl_internet" {
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
  source_address_prefix = "Internet"
}
