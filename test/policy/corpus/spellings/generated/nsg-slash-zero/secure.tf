resource "azurerm_network_security_rule" "secure_hcl_ipv4" {
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
  destination_port_range = "22"
  source_address_prefix = "10.20.0.0/16"
}

resource "azurerm_network_security_rule" "secure_hcl_ipv6" {
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
  destination_port_range = "22"
  source_address_prefix = "fd00::/8"
}

resource "azurerm_network_security_rule" "secure_hcl_ipv6_expanded" {
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
  destination_port_range = "22"
  source_address_prefix = "fd00:0:0:0:0:0:0:0/8"
}

resource "azurerm_network_security_rule" "secure_hcl_any" {
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
  destination_port_range = "22"
  source_address_prefix = "VirtualNetwork"
}

resource "azurerm_network_security_rule" "secure_hcl_star" {
  name = "admin"
  location = "usgovvirginia"
  resource_group_name = "rg"
  network_security_group_name = "nsg-secure-hcl"
  priority = 100
  direction = "Inbound"
  access = "Deny"
  protocol = "Tcp"
  source_port_range = "*"
  destination_address_prefix = "*"
  destination_port_range = "22"
  source_address_prefix = "*"
}

resource "azurerm_network_security_rule" "secure_hcl_internet" {
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
  destination_port_range = "22"
  source_address_prefix = "AzureLoadBalancer"
}
