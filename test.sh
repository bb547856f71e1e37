#!/usr/bin/env bash
# Full check: setup (with browser), fmt, clippy, cargo test, build, browser e2e. See scripts/test.sh.
set -euo pipefail
cd "$(dirname "$0")"
exec ./scripts/test.sh "$@"
