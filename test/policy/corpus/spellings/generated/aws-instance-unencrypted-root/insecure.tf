resource "aws_instance" "insecure_hcl_unencrypted_root" {
  ami = "ami-0a1b2c3d4e5f67890"
  instance_type = "t3.medium"
  associate_public_ip_address = false
  monitoring = true
  metadata_options {
    http_endpoint = "enabled"
    http_tokens = "required"
    http_put_response_hop_limit = 1
  }
  root_block_device {
    encrypted = false
  }
  user_data = "#!/bin/bash\necho hello\n"
}
