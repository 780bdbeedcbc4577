# Deliberately broken: the source block is never closed.
source "null" "image" {
  communicator = "none"

build {
  sources = ["source.null.image"]
}
