resource "aws_launch_configuration" "insecure_hcl_public_ip" {
  instance_type = "t3.medium"
  associate_public_ip_address = true
  metadata_options {
    http_endpoint = "enabled"
    http_tokens = "required"
    http_put_response_hop_limit = 1
  }
  root_block_device {
    encrypted = true
  }
  user_data = "#!/bin/bash\necho hello\n"
  name_prefix = "nodes-"
  image_id = "ami-0a1b2c3d4e5f67890"
  enable_monitoring = true
}
