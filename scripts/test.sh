#!/usr/bin/env bash
# Everything CI checks, in order; stops at the first failure with a non-zero exit.
#
#   setup (with browser) -> cargo fmt --check -> clippy (native, all targets) -> clippy (wasm32)
#   -> cargo test (native: engine, integration tests incl. LibreOffice's pages, Yew SSR)
#   -> [cargo test --target wasm32 --test X in headless Chromium, for tests/X.rs using wasm_bindgen_test]
#   -> scripts/build.sh -> serve dist/ on a free port -> node --test tests/e2e/*.spec.mjs
#
# Environment knobs:
#   SKIP_SETUP=1        skip scripts/setup.sh (quick local loop)
#   E2E_PORT=8099       first port to try for the e2e server (the next free one is used)
#   E2E_SUBPATH=a/b     serve the site under http://127.0.0.1:PORT/a/b/ instead of the root
#   WASM_TESTS=auto|0   headless-Chromium wasm-bindgen tests: auto = every tests/*.rs that uses
#                       wasm_bindgen_test (such files need #![cfg(target_arch = "wasm32")])
#   OCOP_REQUIRE_LIBREOFFICE=1 (the default here) makes tests/pages.rs fail without soffice and
#                       pdftotext instead of skipping; 0 lets it skip with a note
# Spec files get BASE_URL (ends with "/"); screenshots go to target/e2e/.
set -euo pipefail
cd "$(dirname "$0")/.."

export PATH="$PWD/node_modules/.bin:${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
export CARGO_TERM_COLOR=${CARGO_TERM_COLOR:-auto}

T_START=$SECONDS
SECTION_NAME=""
SECTION_T0=0
SUMMARY=()
section() {
  end_section
  SECTION_NAME=$1
  SECTION_T0=$SECONDS
  printf '\n==================== %s ====================\n' "$1"
}
end_section() {
  if [ -n "$SECTION_NAME" ]; then
    SUMMARY+=("$(printf '%5ss  %s' $((SECONDS - SECTION_T0)) "$SECTION_NAME")")
    SECTION_NAME=""
  fi
}
on_exit() {
  local rc=$?
  if [ -n "${SERVER_PID:-}" ]; then kill "$SERVER_PID" 2>/dev/null || true; fi
  if [ -n "${SERVE_ROOT:-}" ]; then rm -rf "$SERVE_ROOT"; fi
  if [ "$rc" != 0 ] && [ -n "$SECTION_NAME" ]; then
    printf '\n[test] FAILED in section: %s\n' "$SECTION_NAME" >&2
  fi
  end_section
  printf '\n[test] timings:\n'
  printf '  %s\n' "${SUMMARY[@]}"
  printf '[test] %s after %ss\n' "$([ "$rc" = 0 ] && echo PASSED || echo "FAILED (exit $rc)")" $((SECONDS - T_START))
  exit "$rc"
}
trap on_exit EXIT

if [ "${SKIP_SETUP:-0}" != 1 ]; then
  section "setup (with browser)"
  ./scripts/setup.sh --with-browser
fi

section "cargo fmt --check"
cargo fmt --all --check

section "clippy (native, all targets)"
cargo clippy --locked --all-targets -- -D warnings

section "clippy (wasm32-unknown-unknown, lib + bins)"
cargo clippy --locked --target wasm32-unknown-unknown --lib --bins -- -D warnings

section "cargo test (native: engine, integration, LibreOffice pages, Yew SSR)"
# setup installs LibreOffice, so the page-layout checks must run, not skip.
OCOP_REQUIRE_LIBREOFFICE=${OCOP_REQUIRE_LIBREOFFICE:-1} cargo test --locked

# Browser-side Rust tests: only the integration tests (tests/*.rs) that use wasm_bindgen_test are
# run, one `--test` each, so native-only unit tests in the lib are not compiled for wasm32.
WASM_TESTS=${WASM_TESTS:-auto}
WASM_TEST_ARGS=()
if [ "$WASM_TESTS" != 0 ]; then
  for f in tests/*.rs; do
    [ -f "$f" ] || continue
    if grep -q 'wasm_bindgen_test' "$f"; then WASM_TEST_ARGS+=(--test "$(basename "$f" .rs)"); fi
  done
fi
if [ "${#WASM_TEST_ARGS[@]}" -gt 0 ]; then
  section "cargo test --target wasm32-unknown-unknown ${WASM_TEST_ARGS[*]} (headless Chromium)"
  CHROMEDRIVER=${CHROMEDRIVER:-/usr/bin/chromedriver} \
    CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
    cargo test --locked --target wasm32-unknown-unknown "${WASM_TEST_ARGS[@]}"
elif [ "$WASM_TESTS" = 1 ]; then
  echo "[test] WASM_TESTS=1 but no tests/*.rs uses wasm_bindgen_test" >&2
  exit 1
fi

section "build (scripts/build.sh)"
./scripts/build.sh
# The same site with the error screen's test hook (#test-panic), for the e2e tests of that screen.
./scripts/build.sh --test-hooks

section "e2e (node --test tests/e2e/*.spec.mjs)"
shopt -s nullglob
SPECS=(tests/e2e/*.spec.mjs)
shopt -u nullglob
if [ "${#SPECS[@]}" = 0 ]; then
  echo "[test] no tests/e2e/*.spec.mjs files yet; skipping e2e"
else
  PORT=$(python3 - "${E2E_PORT:-8099}" <<'PY'
import socket, sys
start = int(sys.argv[1])
for port in range(start, start + 200):
    s = socket.socket()
    try:
        s.bind(("127.0.0.1", port))
    except OSError:
        continue
    finally:
        s.close()
    print(port)
    break
else:
    sys.exit("no free port from %d" % start)
PY
  )
  SUBPATH=${E2E_SUBPATH:-}
  SUBPATH=${SUBPATH#/}
  SUBPATH=${SUBPATH%/}
  if [ -n "$SUBPATH" ]; then
    SERVE_ROOT=$(mktemp -d "${TMPDIR:-/tmp}/ocop-serve.XXXXXX")
    mkdir -p "$SERVE_ROOT/$(dirname "$SUBPATH")"
    ln -s "$PWD/dist" "$SERVE_ROOT/$SUBPATH"
    SERVE_DIR=$SERVE_ROOT
    BASE_URL="http://127.0.0.1:$PORT/$SUBPATH/"
  else
    SERVE_DIR=dist
    BASE_URL="http://127.0.0.1:$PORT/"
  fi
  mkdir -p target/e2e
  python3 -m http.server "$PORT" --bind 127.0.0.1 --directory "$SERVE_DIR" \
    >target/e2e/http-server.log 2>&1 &
  SERVER_PID=$!
  ready=0
  for _ in $(seq 100); do
    kill -0 "$SERVER_PID" 2>/dev/null || break
    if python3 -c 'import sys, urllib.request; urllib.request.urlopen(sys.argv[1], timeout=1)' \
      "$BASE_URL" 2>/dev/null; then
      ready=1
      break
    fi
    sleep 0.1
  done
  if [ "$ready" != 1 ]; then
    cat target/e2e/http-server.log >&2 || true
    echo "[test] the e2e server did not answer at $BASE_URL" >&2
    exit 1
  fi
  echo "[test] serving dist/ at $BASE_URL (pid $SERVER_PID); ${#SPECS[@]} spec file(s)"
  BASE_URL=$BASE_URL node --test --test-reporter=spec "${SPECS[@]}"
fi
end_section
