#!/usr/bin/env bash
# Looplab's entry script: `./dev.sh serve` and `./dev.sh test` (see README.md).
# Installs every tool it needs from package registries (never a prebuilt download),
# skipping what is already there, then does the job.
set -euo pipefail
cd "$(dirname "$0")"

WASM_BINDGEN_VERSION=$(grep -A1 '^name = "wasm-bindgen"$' Cargo.lock | sed -n 's/^version = "\(.*\)"/\1/p')
TRUNK_VERSION=0.21.14
export PATH="$HOME/.cargo/bin:$PATH"

log() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

have_version() { # have_version BIN VERSION: BIN is on PATH and prints VERSION
  command -v "$1" >/dev/null 2>&1 && "$1" --version 2>/dev/null | grep -q "$2"
}

cargo_install() { # cargo_install CRATE VERSION BIN
  have_version "$3" "$2" && return
  log "cargo install $1 $2"
  cargo install --locked "$1" --version "$2" || cargo install "$1" --version "$2"
}

install_tools() {
  rustup target list --installed | grep -q wasm32-unknown-unknown ||
    rustup target add wasm32-unknown-unknown
  rustup component list --installed | grep -q clippy || rustup component add clippy
  rustup component list --installed | grep -q rustfmt || rustup component add rustfmt
  local pkgs=()
  command -v chromium >/dev/null || pkgs+=(chromium)
  command -v chromedriver >/dev/null || pkgs+=(chromium-driver)
  command -v firefox >/dev/null || command -v firefox-esr >/dev/null || pkgs+=(firefox-esr)
  command -v python3 >/dev/null || pkgs+=(python3)
  if [ ${#pkgs[@]} -gt 0 ]; then
    log "apt-get install ${pkgs[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${pkgs[@]}"
  fi
  cargo_install wasm-bindgen-cli "$WASM_BINDGEN_VERSION" wasm-bindgen
  command -v wasm-pack >/dev/null || cargo_install wasm-pack 0.13.1 wasm-pack
  cargo_install trunk "$TRUNK_VERSION" trunk
  command -v geckodriver >/dev/null || { log "cargo install geckodriver"; cargo install geckodriver; }
}

case "${1:-}" in
  install) install_tools ;;
  *) echo "usage: $0 serve|test" >&2; exit 2 ;;
esac
