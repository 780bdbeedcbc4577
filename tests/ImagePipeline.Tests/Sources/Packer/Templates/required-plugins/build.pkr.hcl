# Declares required_plugins, which needs `packer init` (Packer >= 1.7).
packer {
  required_plugins {
    qemu = {
      version = ">= 1.0.0"
      source  = "github.com/hashicorp/qemu"
    }
  }
}

source "null" "image" {
  communicator = "none"
}

build {
  sources = ["source.null.image"]
}
