#!/usr/bin/env bash
# Looplab's entry script (see README.md):
#   ./dev.sh serve     build and serve the app at http://127.0.0.1:8080, rebuilding on change
#   ./dev.sh test      every check CI runs: fmt, clippy (native + wasm32), native tests,
#                      browser tests in Chrome and Firefox, release build, smoke test
#   ./dev.sh install   only install the tools (all of them: `test`'s; `serve` installs
#                      only what serving needs)
# Installs every tool it needs from package registries (crates.io, Debian, npm; never a
# prebuilt download), skipping in seconds what is already there, then does the job.
set -euo pipefail
cd "$(dirname "$0")"

TRUNK_VERSION=0.21.14
WASM_PACK_VERSION=0.15.1
GECKODRIVER_VERSION=0.37.1
CARGO_BIN="${CARGO_HOME:-$HOME/.cargo}/bin"
export PATH="$CARGO_BIN:$PATH"
export CARGO_TERM_COLOR="${CARGO_TERM_COLOR:-auto}"

log() { printf '\n\033[1m== %s\033[0m\n' "$*"; }
die() { printf '\033[31merror:\033[0m %s\n' "$*" >&2; exit 1; }

# The wasm-bindgen CLI must be exactly the version of the wasm-bindgen crate in Cargo.lock.
wasm_bindgen_version() {
  [ -f Cargo.lock ] || cargo generate-lockfile --quiet
  awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock
}

have_version() { # have_version BIN VERSION: BIN is on PATH and its --version says VERSION
  local reported # no `| grep -q`: it can SIGPIPE the tool and fail under pipefail
  command -v "$1" >/dev/null 2>&1 || return 1
  reported=$("$1" --version 2>/dev/null) || return 1
  reported=${reported%%$'\n'*} # first line: "NAME VERSION [...]"
  [[ " $reported " == *" $2 "* ]]
}

cargo_install() { # cargo_install CRATE VERSION BIN
  have_version "$3" "$2" && return
  log "cargo install $1 $2"
  cargo install --locked "$1" --version "$2" || cargo install "$1" --version "$2"
}

# What `serve` needs: the wasm target, a C compiler, wasm-bindgen's CLI and trunk.
install_serve_tools() {
  rustup target list --installed | grep -x wasm32-unknown-unknown >/dev/null ||
    rustup target add wasm32-unknown-unknown

  local pkgs=()
  command -v cc >/dev/null || pkgs+=(build-essential)
  pkg-config --exists openssl 2>/dev/null || pkgs+=(pkg-config libssl-dev)
  apt_install "${pkgs[@]}"

  local wb
  wb=$(wasm_bindgen_version)
  [ -n "$wb" ] || die "no wasm-bindgen in Cargo.lock"
  grep -qx "wasm_bindgen = \"$wb\"" Trunk.toml ||
    die "Trunk.toml [tools] wasm_bindgen must be \"$wb\", the version in Cargo.lock"
  cargo_install wasm-bindgen-cli "$wb" wasm-bindgen
  cargo_install trunk "$TRUNK_VERSION" trunk
}

# What `test` needs besides: clippy and rustfmt, both browsers and their drivers,
# wasm-pack, Node.js and the end-to-end tests' packages.
install_tools() {
  install_serve_tools
  rustup component list --installed | grep '^clippy' >/dev/null || rustup component add clippy
  rustup component list --installed | grep '^rustfmt' >/dev/null || rustup component add rustfmt

  local pkgs=()
  command -v chromium >/dev/null || pkgs+=(chromium)
  command -v chromedriver >/dev/null || pkgs+=(chromium-driver)
  command -v firefox-esr >/dev/null || command -v firefox >/dev/null || pkgs+=(firefox-esr)
  command -v node >/dev/null || pkgs+=(nodejs)
  command -v npm >/dev/null || pkgs+=(npm)
  apt_install "${pkgs[@]}"

  cargo_install wasm-pack "$WASM_PACK_VERSION" wasm-pack
  cargo_install geckodriver "$GECKODRIVER_VERSION" geckodriver

  if [ ! -d tests/e2e/node_modules ] ||
    [ tests/e2e/package-lock.json -nt tests/e2e/node_modules/.package-lock.json ]; then
    log "npm ci (tests/e2e)"
    (cd tests/e2e && npm ci --no-audit --no-fund)
  fi
}

apt_install() { # apt_install PKG...: nothing when given none
  [ $# -gt 0 ] || return 0
  log "apt-get install $*"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@"
}

# --- test -----------------------------------------------------------------------------

# Browser drivers: from apt and cargo, never a download. wasm-bindgen-test-runner takes the
# first of GECKODRIVER, SAFARIDRIVER, CHROMEDRIVER it finds in the environment, so each
# run gets exactly one of them (see wasm_pack_test), never both.
CHROMEDRIVER_BIN="${CHROMEDRIVER:-/usr/bin/chromedriver}"
GECKODRIVER_BIN="${GECKODRIVER:-$CARGO_BIN/geckodriver}"
unset CHROMEDRIVER GECKODRIVER SAFARIDRIVER MSEDGEDRIVER
export WASM_BINDGEN_TEST_TIMEOUT="${WASM_BINDGEN_TEST_TIMEOUT:-120}"

passed=0
failed=0

summary() { echo "$passed passed, $failed failed"; }

step() { # step NAME COMMAND...: run COMMAND, count it, stop at the first failure
  local name=$1 start=$SECONDS rc
  shift
  log "$name"
  set +e
  (set -e; "$@")
  rc=$?
  set -e
  if [ $rc -eq 0 ]; then
    passed=$((passed + 1))
    printf '\033[32mok\033[0m %s (%ss)\n' "$name" $((SECONDS - start))
  else
    failed=$((failed + 1))
    printf '\033[31mFAILED\033[0m %s (exit %s after %ss)\n' "$name" "$rc" $((SECONDS - start))
    summary
    exit 1
  fi
}

wasm_pack_test() { # wasm_pack_test chrome|firefox
  case $1 in
    chrome)
      CHROMEDRIVER="$CHROMEDRIVER_BIN" \
        wasm-pack test --mode no-install --headless --chrome --chromedriver "$CHROMEDRIVER_BIN"
      ;;
    firefox)
      GECKODRIVER="$GECKODRIVER_BIN" \
        wasm-pack test --mode no-install --headless --firefox --geckodriver "$GECKODRIVER_BIN"
      ;;
  esac
}

e2e_tests() { # every tests/e2e/*.test.mjs against the release build in dist/
  (cd tests/e2e && node --test)
}

run_tests() {
  local start=$SECONDS
  step "install tools" install_tools
  step "cargo fmt --check" cargo fmt --check
  step "clippy (native)" cargo clippy --all-targets -- -D warnings
  step "clippy (wasm32)" cargo clippy --all-targets --target wasm32-unknown-unknown -- -D warnings
  step "cargo test (native)" cargo test
  step "wasm-pack test (Chrome)" wasm_pack_test chrome
  step "wasm-pack test (Firefox)" wasm_pack_test firefox
  step "trunk build --release" trunk build --release
  step "browser end-to-end tests (dist/ in headless Chromium)" e2e_tests
  log "done in $((SECONDS - start))s"
  summary
}

# --- serve ----------------------------------------------------------------------------

serve() {
  install_serve_tools
  log "Looplab at http://127.0.0.1:8080 (Ctrl-C to stop)"
  exec trunk serve --address 127.0.0.1 --port 8080
}

case "${1:-}" in
  serve) serve ;;
  test) run_tests ;;
  install) install_tools ;;
  *)
    echo "usage: $0 serve|test|install" >&2
    exit 2
    ;;
esac
