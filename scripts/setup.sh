#!/usr/bin/env bash
# Install what building and testing this repository needs. Idempotent: every step checks first,
# so a second run takes a few seconds.
#
#   scripts/setup.sh                  # build tools: wasm32 target, wasm-bindgen-cli, npm packages, crates
#   scripts/setup.sh --with-browser   # ... plus, for tests: Debian chromium + chromium-driver, firefox-esr,
#                                     #     fonts, brotli, LibreOffice Writer + poppler-utils (tests/pages.rs)
#   WITH_BROWSER=1 scripts/setup.sh   # same as --with-browser
#
# Prerequisites that cannot come from the reachable registries: rustup with a stable toolchain,
# node >= 20 with npm, python3; apt-get (Debian 12) for the browser step.
set -euo pipefail
cd "$(dirname "$0")/.."

WITH_BROWSER=${WITH_BROWSER:-0}
for arg in "$@"; do
  case "$arg" in
    --with-browser) WITH_BROWSER=1 ;;
    --no-browser) WITH_BROWSER=0 ;;
    -h | --help)
      sed -n '2,11p' "$0"
      exit 0
      ;;
    *)
      echo "setup.sh: unknown argument: $arg" >&2
      exit 2
      ;;
  esac
done

CARGO_BIN="${CARGO_HOME:-$HOME/.cargo}/bin"
export PATH="$CARGO_BIN:$PATH"

step() { printf '\n[setup] %s\n' "$*"; }
die() {
  printf '[setup] ERROR: %s\n' "$*" >&2
  exit 1
}
have() { command -v "$1" >/dev/null 2>&1; }

for tool in rustup cargo node npm python3; do
  have "$tool" || die "'$tool' is not installed (prerequisite; see scripts/setup.sh header)"
done

# --- Rust: wasm32 target, rustfmt, clippy ------------------------------------------------------
step "rust $(rustc --version | cut -d' ' -f2): target wasm32-unknown-unknown, rustfmt, clippy"
# (Outputs are captured first: `cmd | grep -q` can fail under pipefail when grep exits early.)
targets=$(rustup target list --installed)
if ! grep -qx wasm32-unknown-unknown <<<"$targets"; then
  rustup target add wasm32-unknown-unknown
fi
components=$(rustup component list --installed 2>/dev/null || true)
for comp in rustfmt clippy; do
  if ! grep -q "^${comp}" <<<"$components"; then
    rustup component add "$comp"
  fi
done

# --- Debian packages for browser tests ----------------------------------------------------------
if [ "$WITH_BROWSER" = 1 ]; then
  # LibreOffice Writer (no GUI) lays the .docx out as a commune's computer would, and
  # poppler-utils reads the PDF back (tests/pages.rs); fonts-liberation2 is Times New Roman's
  # metric twin, so LibreOffice's lines and pages are Word's. Measured on a bare Debian 12
  # (debootstrap minbase, 2 cores): 127 packages, 123 MB, 52 s; less after chromium.
  step "browser: chromium, chromium-driver, firefox-esr, fonts-dejavu-core, brotli; libreoffice-writer-nogui, poppler-utils, fonts-liberation2, zip, unzip"
  installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'ok installed'; }
  need_apt=0
  [ -x /usr/bin/chromium ] || need_apt=1
  [ -x /usr/bin/chromedriver ] || need_apt=1
  [ -x /usr/bin/firefox-esr ] || need_apt=1
  have brotli || need_apt=1
  have soffice || need_apt=1
  have pdftotext || need_apt=1
  # zip/unzip: the evidence e2e reads the downloaded .docx and package, and makes a bad one.
  have zip || need_apt=1
  have unzip || need_apt=1
  installed fonts-dejavu-core || need_apt=1
  installed fonts-liberation2 || need_apt=1
  if [ "$need_apt" = 1 ]; then
    have apt-get || die "apt-get not found; install chromium + chromium-driver by hand"
    if [ "$(id -u)" = 0 ]; then
      SUDO=()
    elif have sudo; then
      SUDO=(sudo)
    else
      die "need root (or sudo) to apt-get install chromium chromium-driver firefox-esr fonts-dejavu-core brotli libreoffice-writer-nogui poppler-utils fonts-liberation2 zip unzip"
    fi
    export DEBIAN_FRONTEND=noninteractive
    "${SUDO[@]}" apt-get update </dev/null
    "${SUDO[@]}" apt-get install -y --no-install-recommends \
      chromium chromium-driver firefox-esr fonts-dejavu-core brotli \
      libreoffice-writer-nogui poppler-utils fonts-liberation2 zip unzip </dev/null
  fi
  echo "  $(/usr/bin/chromium --version 2>/dev/null || echo 'chromium: ?')"
  echo "  $(/usr/bin/firefox-esr --version 2>/dev/null || echo 'firefox-esr: ?')"
  echo "  $(soffice --version 2>/dev/null | head -n1 || echo 'soffice: ?')"
  echo "  $(pdftotext -v 2>&1 | head -n1 || echo 'pdftotext: ?')"
fi

# --- wasm-bindgen-cli, at exactly the version in Cargo.lock ---------------------------------------
# The CLI and the wasm-bindgen crate must be the same version. Cargo.lock is authoritative; without
# it, fall back to the `=x.y.z` pin in Cargo.toml.
WB=""
if [ -f Cargo.lock ]; then
  WB=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
fi
if [ -z "$WB" ]; then
  WB=$(sed -n 's/^wasm-bindgen *= *"=\([0-9][0-9.]*\)".*/\1/p' Cargo.toml | head -n1)
fi
[ -n "$WB" ] || die "cannot tell the wasm-bindgen version (no Cargo.lock entry, no '=x.y.z' pin in Cargo.toml)"
step "wasm-bindgen-cli $WB"
have_wb=$(wasm-bindgen --version 2>/dev/null | cut -d' ' -f2 || true)
if [ "$have_wb" = "$WB" ] && have wasm-bindgen-test-runner; then
  echo "  already installed: $(command -v wasm-bindgen)"
else
  echo "  installing (compiles from source, ~2.5 min on 2 cores; found: '${have_wb:-none}')"
  # --locked fails on registries that lack one of the CLI's locked deps; then resolve freshly.
  cargo install wasm-bindgen-cli --version "=$WB" --locked \
    || {
      echo "  'cargo install --locked' failed; retrying without --locked"
      cargo install wasm-bindgen-cli --version "=$WB"
    }
fi

# --- npm packages (binaryen's wasm-opt, playwright-core, axe-core) --------------------------------
step "npm ci"
stamp=node_modules/.setup-stamp
want="$(sha256sum package-lock.json | cut -d' ' -f1) node-$(node --version)"
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ] && [ -x node_modules/.bin/wasm-opt ]; then
  echo "  node_modules up to date"
else
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 PUPPETEER_SKIP_DOWNLOAD=1 npm ci --no-audit --no-fund
  echo "$want" >"$stamp"
fi

# --- crates --------------------------------------------------------------------------------------
step "cargo fetch"
if [ -f Cargo.lock ]; then
  cargo fetch --locked
elif [ "${CI:-}" = true ]; then
  die "Cargo.lock is missing; it must be committed (builds use --locked)"
else
  echo "  WARNING: Cargo.lock is missing; 'cargo fetch' will create it. Commit it."
  cargo fetch
fi

step "done"
