#!/usr/bin/env bash
# Release build of the web app into dist/ (a self-contained static site, relative URLs only).
#
#   cargo build (wasm32, release) -> wasm-bindgen --target web -> wasm-opt -Oz (npm binaryen)
#   -> copy index.html + static/ -> print sizes
#
# Layout of dist/:
#   index.html
#   ocop-start.js, ocop-start_bg.wasm             (the start module: first screen of a first visit)
#   ocop-self-check.js, ocop-self-check_bg.wasm   (the full app; wasm-bindgen output, stable names)
#   ocop-dossier.js, ocop-dossier_bg.wasm         (the dossier writer, a second module the app
#                                                   imports only when a download is asked for)
#   static/...                                     (a copy of static/, same relative paths as in the repo)
#   sw.js                                          (only if static/sw.js exists: a service worker must sit
#                                                   at the root to control ./index.html; register "./sw.js")
#
# Needs: scripts/setup.sh done once. Works offline after that (CARGO_NET_OFFLINE=true is fine).
#
#   scripts/build.sh --test-hooks   the same site in target/dist-test-hooks/, its full app built
#                                   with the `test-hooks` feature (#test-panic shows the error
#                                   screen), for the e2e tests of that screen only. dist/, what is
#                                   deployed, never has the hook.
set -euo pipefail
cd "$(dirname "$0")/.."

export PATH="$PWD/node_modules/.bin:${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

BIN=ocop-self-check
START=ocop-start
DOSSIER=ocop-dossier
TARGET=wasm32-unknown-unknown
TARGET_DIR=${CARGO_TARGET_DIR:-target}
DIST=dist
APP_FEATURES=()
if [ "${1:-}" = "--test-hooks" ]; then
  DIST=target/dist-test-hooks
  APP_FEATURES=(--features test-hooks)
fi

die() {
  printf '[build] ERROR: %s\n' "$*" >&2
  exit 1
}

[ -f index.html ] || die "index.html is missing at the repository root"
command -v wasm-bindgen >/dev/null || die "wasm-bindgen not found; run scripts/setup.sh"
[ -x node_modules/.bin/wasm-opt ] || die "node_modules/.bin/wasm-opt not found; run scripts/setup.sh (npm ci)"
if [ -f Cargo.lock ]; then
  want=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
  have=$(wasm-bindgen --version | cut -d' ' -f2)
  [ -z "$want" ] || [ "$want" = "$have" ] \
    || die "wasm-bindgen CLI is $have but Cargo.lock has $want; run scripts/setup.sh"
fi

t0=$(date +%s)
echo "[build] cargo build --release --target $TARGET --bin $BIN --bin $START"
cargo build --release --target "$TARGET" --locked --bin "$BIN" --bin "$START" "${APP_FEATURES[@]}"
echo "[build] cargo build --release --target $TARGET --bin $DOSSIER --features dossier-module"
cargo build --release --target "$TARGET" --locked --bin "$DOSSIER" --features dossier-module

# Assemble in a fresh directory, then swap, so a failed build never leaves a half-written dist/.
STAGE=$(mktemp -d "${TMPDIR:-/tmp}/ocop-dist.XXXXXX")
trap 'rm -rf "$STAGE"' EXIT

echo "[build] wasm-bindgen --target web"
wasm-bindgen --target web --no-typescript --out-dir "$STAGE" --out-name "$BIN" \
  "$TARGET_DIR/$TARGET/release/$BIN.wasm"

echo "[build] wasm-opt -Oz ($(wasm-opt --version))"
wasm-opt -Oz "$STAGE/${BIN}_bg.wasm" -o "$STAGE/${BIN}_bg.wasm"

# The start module (src/bin/ocop-start.rs): the first screen of a first visit; static/boot.js
# chooses between it and the full app.
wasm-bindgen --target web --no-typescript --out-dir "$STAGE" --out-name "$START" \
  "$TARGET_DIR/$TARGET/release/$START.wasm"
wasm-opt -Oz "$STAGE/${START}_bg.wasm" -o "$STAGE/${START}_bg.wasm"

# The dossier module: same package, built with the feature that compiles its exports
# (src/platform/dossier_module.rs); loaded on demand by src/platform/dossier_lazy.rs.
wasm-bindgen --target web --no-typescript --out-dir "$STAGE" --out-name "$DOSSIER" \
  "$TARGET_DIR/$TARGET/release/$DOSSIER.wasm"
wasm-opt -Oz "$STAGE/${DOSSIER}_bg.wasm" -o "$STAGE/${DOSSIER}_bg.wasm"

cp index.html "$STAGE/"
if [ -d static ]; then
  cp -R static "$STAGE/static"
  rm -f "$STAGE/static/sw.js"
fi

# The help, glossary and scoring-sheet files without their spaces and indentation (what the
# app parses is the same; the repository keeps them as made and readable): 17 KB less in the
# offline copy, which the prerendered questionnaire's code (in boot.js and the app) made larger.
python3 - "$STAGE/static/help" "$STAGE/static/rubric" <<'PY'
import json, os, sys
for path in sorted(os.path.join(d, n) for d in sys.argv[1:] for n in os.listdir(d)):
    name = os.path.basename(path)
    if not name.endswith(".json"):
        continue
    with open(path, encoding="utf-8") as f:
        text = f.read()
    value = json.loads(text)
    out = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    if json.loads(out) != value:
        sys.exit(f"{name}: not the same once compacted")
    with open(path, "w", encoding="utf-8") as f:
        f.write(out)
PY

# The start-up scripts without their whole-line comments (the repository keeps them documented):
# boot.js is on every visit's first screen (120 KB brotli budget), and all three are in the
# offline copy. Only lines that are nothing but a // comment go; a template literal (a backtick
# outside a comment), where such a line could be text, fails the build instead.
python3 - "$STAGE/static" boot.js boot-failure.js prerender.js <<'PY'
import os, sys
for name in sys.argv[2:]:
    path = os.path.join(sys.argv[1], name)
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    code = [l for l in lines if not l.lstrip().startswith("//")]
    if any("`" in l.split("//")[0] for l in code):
        sys.exit(f"static/{name}: a template literal; whole-line comments are not stripped safely")
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(code))
PY
for f in boot.js boot-failure.js prerender.js; do
  node --check "$STAGE/static/$f" || die "static/$f does not parse once its comments are stripped"
done

# Each set's questionnaire as HTML, both languages (examples/static_questionnaire.rs: the app's
# own components rendered by Yew's SSR). static/boot.js shows it on a first visit's deep link
# (?set=QD26-NN) while the app loads; the app takes over its answers (src/ui/prerender.rs).
# Not in the offline copy (the worker's list below leaves static/pre/ and static/prerender.js,
# which shows them, out): offline, the app is already on the device and renders the
# questionnaire itself.
echo "[build] prerender (cargo run --example static_questionnaire -- --fragments)"
cargo run --locked --quiet --example static_questionnaire -- --fragments "$STAGE/static/pre"

# Service worker: the template static/sw.js gets the list of every file of the site (app shell and
# all 26 rubric files, so sets never opened online work offline) with each file's size and SHA-256
# (the worker checks every file against them before caching and before serving it), a version =
# hash of the template and of every file's contents, and built-in copies of index.html,
# static/boot.js and static/boot-failure.js (served when neither the cache nor the network has a
# good copy, so the page is never blank and the failure screen can always be drawn). It goes to the site root (a worker controls only its own directory and below).
if [ -f static/sw.js ]; then
  python3 - "$STAGE" static/sw.js <<'PY'
import hashlib, json, os, re, sys
stage, template = sys.argv[1], sys.argv[2]
files = []
for root, _, names in os.walk(stage):
    for n in names:
        rel = os.path.relpath(os.path.join(root, n), stage).replace(os.sep, "/")
        if rel in ("sw.js", "index.html") or n.startswith(".") or rel.startswith("static/pre/") or rel == "static/prerender.js":
            continue
        files.append(rel)
files.sort()
files = ["index.html"] + files
with open(template, encoding="utf-8") as f:
    sw = f.read()
h = hashlib.sha256()
# The template too: a change of the worker alone is a new version with a cache of its own.
h.update(b"sw.js\0" + sw.encode("utf-8"))
precache = []
for rel in files:
    with open(os.path.join(stage, rel), "rb") as f:
        data = f.read()
    h.update(rel.encode() + b"\0" + data)
    precache.append({"url": rel, "size": len(data), "sha256": hashlib.sha256(data).hexdigest()})
version = h.hexdigest()[:16]
fallback = {}
for rel, ctype in (
    ("index.html", "text/html; charset=utf-8"),
    ("static/boot.js", "text/javascript; charset=utf-8"),
    ("static/boot-failure.js", "text/javascript; charset=utf-8"),
):
    with open(os.path.join(stage, rel), "rb") as f:
        fallback[rel] = {"type": ctype, "body": f.read().decode("utf-8")}  # UTF-8, or the build fails
# One pass, so no placeholder inside the substituted text is ever replaced.
values = {
    "__VERSION__": version,
    "__PRECACHE__": "[\n" + ",\n".join(" " + json.dumps(e) for e in precache) + "\n]",
    "__FALLBACK__": json.dumps(fallback),
}
for key in values:
    if sw.count(key) != 1:
        sys.exit(f"static/sw.js must contain {key} exactly once")
sw = re.sub("|".join(values), lambda m: values[m.group(0)], sw)
with open(os.path.join(stage, "sw.js"), "w", encoding="utf-8") as f:
    f.write(sw)
total = sum(e["size"] for e in precache)
print(f"[build] sw.js: version {version}, {len(files)} files precached ({total} bytes, each with its SHA-256)")
PY
fi

rm -rf "$DIST"
mkdir -p "$DIST"
cp -R "$STAGE/." "$DIST/"
chmod -R u+rwX,go+rX "$DIST"

# Relative URLs only: the site must work under any sub-path.
if grep -nE '(src|href)="/[^/]' "$DIST/index.html"; then
  die "index.html uses root-absolute URLs (above); use ./relative ones"
fi

size_row() {
  local f=$1 raw gz br="-"
  raw=$(wc -c <"$f")
  gz=$(gzip -9 -c "$f" | wc -c)
  if command -v brotli >/dev/null; then br=$(brotli -q 11 -c "$f" | wc -c); fi
  printf '  %-28s %10s %10s %10s\n' "$(basename "$f")" "$raw" "$gz" "$br"
}
echo "[build] sizes in bytes"
printf '  %-28s %10s %10s %10s\n' file raw gzip-9 brotli-11
size_row "$DIST/${START}_bg.wasm"
size_row "$DIST/$START.js"
size_row "$DIST/${BIN}_bg.wasm"
size_row "$DIST/$BIN.js"
size_row "$DIST/${DOSSIER}_bg.wasm"
size_row "$DIST/$DOSSIER.js"
echo "[build] $DIST/ total $(du -sb "$DIST" | cut -f1) bytes, $(find "$DIST" -type f | wc -l) files; $(($(date +%s) - t0)) s"
