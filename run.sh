#!/usr/bin/env bash
# Set up (first time: a few minutes, compiles wasm-bindgen-cli), build, and serve the app at
# http://127.0.0.1:8080/ (PORT=... to change).
set -euo pipefail
cd "$(dirname "$0")"
./scripts/setup.sh && exec ./scripts/serve.sh
