#!/usr/bin/env bash
# Benchmark the release build in one run: file and first-screen bytes, first usable render and
# answer -> result at 1x and 4x CPU throttle (medians of RUNS cold runs), dossier generation in the
# page, and the native engine (criterion). Results: target/bench/report.md (paste into
# BENCHMARKS.md with the date and machine) and target/bench/report.json.
#
#   ./scripts/bench.sh            # RUNS=15 by default; SKIP_BUILD=1 reuses dist/
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
RUNS=${RUNS:-15}
PORT=${BENCH_PORT:-8090}
[ "${SKIP_BUILD:-0}" = 1 ] || ./scripts/build.sh
node tests/bench/serve.mjs dist "$PORT" >/dev/null 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 100); do curl -sf "http://127.0.0.1:$PORT/" >/dev/null && break; sleep 0.1; done
BASE_URL="http://127.0.0.1:$PORT/" RUNS=$RUNS node tests/bench/bench.mjs
echo
echo "[bench] native engine (criterion)"
cargo bench --locked --bench assess -- --warm-up-time 1 --measurement-time 3 2>/dev/null \
  | grep -E '^(assess|parse|import)|time:' | tee target/bench/native.txt
if [ -f benches/dossier.rs ]; then
  cargo bench --locked --bench dossier -- --warm-up-time 1 --measurement-time 3 2>/dev/null \
    | grep -E 'time:' -B1 | tee -a target/bench/native.txt
fi
