# VyOS gateway image for the lab network.
#
# This template is a stand-in that Debian's packer 1.6.6 builds with no plugins: the built-in
# `file` builder writes a small placeholder artifact. A real VyOS build would use the qemu builder
# (boot the VyOS ISO, answer the installer over boot_command, provision the config over SSH with
# ssh_password = var.ssh_password) and write the same artifact path, so the manifest stays the same.
#
# Variables come from images/images.yaml (source.variables); the pipeline passes them as -var.

variable "vyos_version" {
  type        = string
  description = "VyOS release the image is built from."
  default     = "1.4.0"
}

variable "hostname" {
  type        = string
  description = "Host name baked into the gateway configuration."
  default     = "vyos-gateway"
}

variable "ssh_password" {
  type        = string
  description = "Password of the vyos user during provisioning (from $VYOS_SSH_PASSWORD). Never written to the artifact."
}

source "file" "vyos-gateway" {
  target  = "output/vyos-gateway.qcow2"
  content = "vyos-gateway placeholder image: VyOS ${var.vyos_version}, hostname ${var.hostname}\n"
}

build {
  sources = ["source.file.vyos-gateway"]

  # Stands in for the provisioning step: it needs the password, but only checks that it is set.
  post-processor "shell-local" {
    environment_vars = ["VYOS_SSH_PASSWORD=${var.ssh_password}"]
    inline           = ["test -n \"$VYOS_SSH_PASSWORD\"", "ls -l output/vyos-gateway.qcow2"]
  }
}
