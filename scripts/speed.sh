#!/usr/bin/env bash
# The questionnaire's speed on every way in (issue 16), in one run, against the issue's targets:
#   1. Lighthouse 13.5 mobile (median of LH_RUNS=3) on ?set=QD26-07, ?demo=1, a returning visit
#      with 50 saved drafts, and the first visit /: Performance, TBT, LCP, CLS, Accessibility;
#   2. at 4x CPU on ?set=QD26-07: every main-thread task from first paint until the
#      questionnaire is complete (Chrome trace + PerformanceObserver 'longtask'), and the
#      longest task of an answer (the total updated and the next frame painted);
#   3. "usable" on the deep link (criterion 1.1's levels in the DOM, visible, enabled) against a
#      static floor: the same components rendered to HTML by Yew's SSR
#      (examples/static_questionnaire.rs), RUNS cold runs each, interleaved, at 1x and 4x; and
#      answer -> total against the floor page with ~20 lines of plain JavaScript;
#   4. bytes on the wire until the deep link is usable, and the first visit's first screen;
#   5. memory with the largest set open and 50 drafts saved (JS heap + wasm memory).
# Prints the machine, date, build commit and PASS/MISS per target; writes target/bench/speed.md
# and target/bench/speed.json (and the Lighthouse reports, a trace). Not part of CI.
#
#   ./scripts/speed.sh                    # build dist/ (scripts/build.sh) and measure, RUNS=15
#   SKIP_BUILD=1 ./scripts/speed.sh       # reuse dist/ as it is
#   SKIP_BUILD=1 RUNS=5 LH_RUNS=1 ./scripts/speed.sh   # a quick check (a few minutes)
#   ONLY=usable,answer SKIP_BUILD=1 ./scripts/speed.sh # some phases only (lighthouse, tasks,
#                                                      # usable, answer, bytes, memory)
#
# Needs scripts/setup.sh --with-browser (node_modules, /usr/bin/chromium). Lighthouse is installed
# on first use under target/tools/lighthouse, as scripts/lighthouse.sh does. Takes 6-9 min with
# RUNS=15 on 2 shared cores (plus the first build of the example, which compiles the
# dev-dependencies once: ~15 min); keep other work off the machine while it runs.
# REPORT_ONLY=1 node tests/bench/speed.mjs rewrites speed.md from speed.json.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
RUNS=${RUNS:-15}
LH_RUNS=${LH_RUNS:-3}
SET=${SET:-QD26-07}
# Free ports unless given (other work on the machine may serve its own dist/ on the usual ones).
free_port() { node -e 'const s = require("net").createServer(); s.listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); });'; }
APP_PORT=${SPEED_APP_PORT:-$(free_port)}
FLOOR_PORT=${SPEED_FLOOR_PORT:-$(free_port)}
while [ "$FLOOR_PORT" = "$APP_PORT" ]; do FLOOR_PORT=$(free_port); done
OUT=target/bench
FLOOR=$OUT/floor
TOOLS=target/tools/lighthouse
LH_VERSION=13.5.0
mkdir -p "$OUT"

# The build, and which commit it is (recorded when this script builds; with SKIP_BUILD=1 the
# record is used only if dist/ is still the build it describes: same service worker version).
commit() { git describe --always --dirty --abbrev=12 2>/dev/null || echo unknown; }
sw_version() { sed -n 's/^const VERSION = "\([0-9a-f]*\)";.*/\1/p' dist/sw.js 2>/dev/null | head -1; }
if [ "${SKIP_BUILD:-0}" != 1 ]; then
  built_from=$(commit)
  ./scripts/build.sh
  printf '%s %s\n' "$built_from" "$(sw_version)" >"$OUT/dist-build.txt"
fi
[ -f dist/index.html ] || { echo "[speed] dist/ is missing; run without SKIP_BUILD=1" >&2; exit 1; }
SW_VERSION=$(sw_version)
BUILD_COMMIT="" BUILD_NOTE=""
if [ -f "$OUT/dist-build.txt" ] && [ "$(cut -d' ' -f2 "$OUT/dist-build.txt")" = "$SW_VERSION" ]; then
  BUILD_COMMIT=$(cut -d' ' -f1 "$OUT/dist-build.txt")
else
  BUILD_COMMIT="$(commit)?"
  BUILD_NOTE="dist/ not built by speed.sh: the work tree's commit, not checked against the build"
fi

# The static floor: the questionnaire of $SET rendered by Yew's SSR, beside a copy of app.css.
echo "[speed] static floor ($SET) -> $FLOOR/"
rm -rf "$FLOOR"
mkdir -p "$FLOOR/static"
cp dist/static/app.css "$FLOOR/static/app.css"
cargo build --locked --quiet --example static_questionnaire
cargo run --locked --quiet --example static_questionnaire -- "$FLOOR/floor.html" "$SET"
cargo run --locked --quiet --example static_questionnaire -- "$FLOOR/floor-js.html" "$SET" --answer-js

if [ ! -x "$TOOLS/node_modules/.bin/lighthouse" ]; then
  echo "[speed] installing lighthouse@$LH_VERSION under $TOOLS"
  mkdir -p "$TOOLS"
  npm install --prefix "$TOOLS" --no-audit --no-fund --no-save "lighthouse@$LH_VERSION" >/dev/null
fi

# Both sites served with brotli by the same server; everything started here is stopped on exit.
PIDS=()
cleanup() {
  for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
}
trap cleanup EXIT
trap 'exit 130' INT TERM
node tests/bench/serve.mjs dist "$APP_PORT" >/dev/null 2>&1 &
PIDS+=($!)
node tests/bench/serve.mjs "$FLOOR" "$FLOOR_PORT" >/dev/null 2>&1 &
PIDS+=($!)
for url in "http://127.0.0.1:$APP_PORT/" "http://127.0.0.1:$FLOOR_PORT/floor.html"; do
  for _ in $(seq 100); do curl -sf "$url" -o /dev/null && break; sleep 0.1; done
  curl -sf "$url" -o /dev/null || { echo "[speed] no server at $url" >&2; exit 1; }
done
# The servers answering must be ours (a port taken by someone else's server fails our bind).
for p in "${PIDS[@]}"; do kill -0 "$p" 2>/dev/null || { echo "[speed] a server did not start (port taken?)" >&2; exit 1; }; done

echo "[speed] $(date -u +%FT%TZ); nproc $(nproc); load average $(cut -d' ' -f1-3 /proc/loadavg); build $BUILD_COMMIT"
# In the background and waited for, so a signal reaches the trap at once; the script kills the
# browsers and Lighthouse it started when it is stopped, and `timeout` stops it after an hour.
APP_URL="http://127.0.0.1:$APP_PORT/" FLOOR_URL="http://127.0.0.1:$FLOOR_PORT/" RUNS=$RUNS LH_RUNS=$LH_RUNS SET=$SET \
  BUILD_COMMIT=$BUILD_COMMIT BUILD_NOTE=$BUILD_NOTE SW_VERSION=$SW_VERSION LH_BIN="$TOOLS/node_modules/.bin/lighthouse" \
  OUT_DIR=$OUT RUBRICS=dist/static/rubric timeout --kill-after=30 $((60 * ${SPEED_TIMEOUT_MIN:-60})) node tests/bench/speed.mjs &
PIDS=("$!" "${PIDS[@]}")
wait "${PIDS[0]}"
echo "[speed] report: $OUT/speed.md, $OUT/speed.json"
