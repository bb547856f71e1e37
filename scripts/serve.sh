#!/usr/bin/env bash
# Build, then serve dist/ on http://127.0.0.1:${PORT:-8080}/ (Ctrl-C to stop).
set -euo pipefail
cd "$(dirname "$0")/.."

./scripts/build.sh
PORT=${PORT:-8080}
echo "[serve] http://127.0.0.1:$PORT/"
exec python3 -m http.server "$PORT" --bind 127.0.0.1 --directory dist
