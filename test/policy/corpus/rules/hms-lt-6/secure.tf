resource "aws_launch_template" "secure_hcl" {
  name_prefix = "nodes-"
  block_device_mappings {
    device_name = "/dev/xvda"
    ebs {
      encrypted = "true"
      kms_key_id = "arn:aws-us-gov:kms:us-gov-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"
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
