# Succeeds without writing any file.
source "null" "image" {
  communicator = "none"
}

build {
  sources = ["source.null.image"]

  provisioner "shell-local" {
    inline = ["echo nothing to see"]
  }
}
