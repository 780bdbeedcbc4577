# Runs `sleep 60` from shell-local, so a test can cancel a build in the middle.
variable "marker" {
  type    = string
  default = ""
}

source "null" "image" {
  communicator = "none"
}

build {
  sources = ["source.null.image"]

  provisioner "shell-local" {
    inline = ["echo sleeping for ${var.marker}", "sleep 60"]
  }
}
