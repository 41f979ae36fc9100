resource "aws_launch_template" "insecure_hcl" {
  name_prefix = "nodes-"
  block_device_mappings {
    device_name = "/dev/xvda"
    ebs {
      encrypted = "false"
      volume_size = 20
    }
  }
  metadata_options {
    http_endpoint = "enabled"
    http_tokens = "required"
    http_put_response_hop_limit = 1
  }
  network_interfaces {
    associate_public_ip_address = "false"
  }
  monitoring {
    enabled = true
  }
  user_data = "IyEvYmluL2Jhc2gKZWNobyBoZWxsbwo="
}
