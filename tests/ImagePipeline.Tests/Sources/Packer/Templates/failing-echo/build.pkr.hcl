# Prints var.content, then fails: its output ends up in the PackerBuildException.
variable "content" {
  type = string
}

source "null" "image" {
  communicator = "none"
}

build {
  sources = ["source.null.image"]

  provisioner "shell-local" {
    inline = ["echo \"about to fail with $CONTENT\"", "exit 3"]
    environment_vars = ["CONTENT=${var.content}"]
  }
}
