# Writes var.content into output/image.raw and echoes it from a shell-local provisioner,
# so a test can see both the artifact and what Packer prints.
variable "content" {
  type = string
}

source "file" "image" {
  content = var.content
  target  = "output/image.raw"
}

build {
  sources = ["source.file.image"]

  provisioner "shell-local" {
    inline = ["echo \"provisioning with $CONTENT\""]
    environment_vars = ["CONTENT=${var.content}"]
  }
}
