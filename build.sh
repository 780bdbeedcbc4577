#!/usr/bin/env bash
# Bootstrapper in the shape of NUKE's: find a .NET SDK that satisfies global.json, build the
# _build program only when its sources changed (by content: see sources_hash), run it with every argument, return its exit code.
#   ./build.sh [targets…] [--parameters…]       e.g. ./build.sh Sync --dry-run
# Set IMAGEPIPELINE_INSTALL_DOTNET=1 to let it install the pinned SDK into .nuke/temp/dotnet
# with Microsoft's official dotnet-install.sh when no suitable SDK is on PATH.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
BUILD_PROJECT="$ROOT/build/_build.csproj"
OUT_DIR="$ROOT/.nuke/temp/bin"
STAMP="$OUT_DIR/.stamp"
LOCAL_DOTNET="$ROOT/.nuke/temp/dotnet"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

required_sdk() { sed -n 's/.*"version"[[:space:]]*:[[:space:]]*"\([^"]*\)".*/\1/p' "$ROOT/global.json" | head -n 1; }

# global.json pins x.y.Npp with rollForward latestPatch: any installed SDK x.y.Nqq with qq >= pp fits.
sdk_fits() {
  local want="$1" have
  while read -r have _; do
    [[ "${have%.*}" == "${want%.*}" ]] || continue
    local want_patch="${want##*.}" have_patch="${have##*.}"
    [[ "${have_patch:0:1}" == "${want_patch:0:1}" && "$have_patch" =~ ^[0-9]+$ && "$have_patch" -ge "$want_patch" ]] && return 0
  done < <("$2" --list-sdks 2>/dev/null)
  return 1
}

find_dotnet() {
  local want; want="$(required_sdk)"
  for candidate in "$LOCAL_DOTNET/dotnet" "$(command -v dotnet || true)"; do
    if [[ -n "$candidate" && -x "$candidate" ]] && sdk_fits "$want" "$candidate"; then
      echo "$candidate"; return 0
    fi
  done
  if [[ "${IMAGEPIPELINE_INSTALL_DOTNET:-}" == "1" ]]; then
    echo "Installing .NET SDK $want into $LOCAL_DOTNET (official dotnet-install.sh)…" >&2
    mkdir -p "$LOCAL_DOTNET"
    curl -fsSL https://dot.net/v1/dotnet-install.sh -o "$LOCAL_DOTNET/dotnet-install.sh"
    bash "$LOCAL_DOTNET/dotnet-install.sh" --version "$want" --install-dir "$LOCAL_DOTNET" --no-path >&2
    echo "$LOCAL_DOTNET/dotnet"; return 0
  fi
  cat >&2 <<MSG
error: no .NET SDK matching global.json ($want, same feature band or newer patch) was found.
Install it from https://dotnet.microsoft.com/download/dotnet/10.0 (or your package manager),
or run again with IMAGEPIPELINE_INSTALL_DOTNET=1 to install it into .nuke/temp/dotnet.
MSG
  exit 2
}

# What the compiled build depends on, as one hash: the SDK in use and the content (not the mtime, which a
# checkout or a restored CI cache does not keep) of every source file under build/ and src/ (bin/ and obj/ left
# out), the props files and global.json. The stamp holds the hash of the last successful build, so a build
# restored from a cache is used as it is when its stamp matches this checkout.
sources_hash() {
  (
    cd "$ROOT"
    "$DOTNET" --version
    find build src global.json Directory.Build.props Directory.Packages.props \
        \( -name bin -o -name obj \) -prune -o -type f -print0 | LC_ALL=C sort -z | xargs -0 sha256sum
  ) | sha256sum | cut -d' ' -f1
}

DOTNET="$(find_dotnet)"
HASH="$(sources_hash)"
if [[ ! -f "$OUT_DIR/_build.dll" || "$(cat "$STAMP" 2>/dev/null)" != "$HASH" ]]; then
  mkdir -p "$OUT_DIR"
  if ! log="$("$DOTNET" build "$BUILD_PROJECT" -c Release -o "$OUT_DIR" -nologo -clp:NoSummary -v:quiet 2>&1)"; then
    echo "$log" >&2
    echo "error: building build/_build.csproj failed" >&2
    exit 2
  fi
  echo "$HASH" > "$STAMP"
fi

exec "$DOTNET" "$OUT_DIR/_build.dll" "$@"
