resource "aws_instance" "insecure_hcl_public_ip" {
  ami = "ami-0a1b2c3d4e5f67890"
  instance_type = "t3.medium"
  associate_public_ip_address = true
  monitoring = true
  metadata_options {
    http_endpoint = "enabled"
    http_tokens = "required"
    http_put_response_hop_limit = 1
  }
  root_block_device {
    encrypted = true
    kms_key_id = "arn:aws-us-gov:kms:us-gov-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"
  }
  user_data = "#!/bin/bash\necho hello\n"
}
