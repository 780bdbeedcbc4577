# Its shell-local script ignores SIGTERM (and so does its sleep, which inherits the disposition):
# only SIGKILL stops it.
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
    inline = ["trap '' TERM", "echo sleeping for ${var.marker}", "sleep 60"]
  }
}
