#!/usr/bin/env bash
# Lighthouse mobile audit (simulated slow 4G, 4x CPU) of the release build, served with brotli by
# tests/bench/serve.mjs, driving Debian Chromium. Lighthouse itself (npm, ~100 packages) is
# installed on first use under target/tools/ so it stays out of the project's npm dependencies.
#
#   ./scripts/lighthouse.sh         # RUNS=3; SKIP_BUILD=1 reuses dist/; report in target/lighthouse/
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-3}
PORT=${LH_PORT:-8095}
TOOLS=target/tools/lighthouse
LH_VERSION=13.5.0
[ "${SKIP_BUILD:-0}" = 1 ] || ./scripts/build.sh
if [ ! -x "$TOOLS/node_modules/.bin/lighthouse" ]; then
  mkdir -p "$TOOLS"
  npm install --prefix "$TOOLS" --no-audit --no-fund --no-save "lighthouse@$LH_VERSION" >/dev/null
fi
node tests/bench/serve.mjs dist "$PORT" >/dev/null 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 100); do curl -sf "http://127.0.0.1:$PORT/" >/dev/null && break; sleep 0.1; done
mkdir -p target/lighthouse
for i in $(seq "$RUNS"); do
  CHROME_PATH=${CHROME_PATH:-/usr/bin/chromium} "$TOOLS/node_modules/.bin/lighthouse" "http://127.0.0.1:$PORT/" --quiet \
    --chrome-flags="--headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync --no-first-run" \
    --output=json --output=html --output-path="target/lighthouse/run$i" >/dev/null 2>&1 || true
  node -e '
    const r = require(process.argv[1]);
    const s = (k) => Math.round(r.categories[k].score * 100);
    const a = (k) => r.audits[k].displayValue;
    console.log(`run ${process.argv[2]}: Performance ${s("performance")}, Accessibility ${s("accessibility")}, Best Practices ${s("best-practices")}, SEO ${s("seo")} | FCP ${a("first-contentful-paint")}, LCP ${a("largest-contentful-paint")}, TBT ${a("total-blocking-time")}, CLS ${a("cumulative-layout-shift")}, SI ${a("speed-index")}`);
  ' "$PWD/target/lighthouse/run$i.report.json" "$i"
done
