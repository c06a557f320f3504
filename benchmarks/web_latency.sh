#!/usr/bin/env bash
# Latency of the events API under load: `nkwatch serve` over a store of the KCNA 2024 dump, and
# wrk (apt-get install wrk) against 127.0.0.1 for a bounded run per URL; prints wrk's latency
# distribution (p50 .. p99) and requests/s.
#
#   bash benchmarks/web_latency.sh [DB] [DURATION] [CONNECTIONS]
#
# DB (default /tmp/kcna.db) is built first when missing (ingest of ../shared/corpus/kcna, about a
# minute of CPU). Defaults: 20s per URL, 4 connections, 1 wrk thread.
set -euo pipefail
cd "$(dirname "$0")/.."
DB=${1:-/tmp/kcna.db}
DURATION=${2:-20s}
CONNECTIONS=${3:-4}
PORT=${NKWATCH_BENCH_PORT:-8791}
command -v wrk >/dev/null || { echo "web_latency: wrk is needed (apt-get install wrk)" >&2; exit 1; }
[ -e "$DB" ] || .venv/bin/nkwatch --db "$DB" ingest ../shared/corpus/kcna/kcna_2024.json >/dev/null

env -u NKWATCH_TOKEN .venv/bin/nkwatch --db "$DB" serve --port "$PORT" 2>/dev/null &
SERVER=$!
trap 'kill "$SERVER" 2>/dev/null; wait "$SERVER" 2>/dev/null || true' EXIT
BASE="http://127.0.0.1:$PORT"
for _ in $(seq 1 100); do curl -fs -o /dev/null "$BASE/events.json?limit=1" && break; sleep 0.2; done

echo "store: $DB; $(curl -fs "$BASE/events.json?limit=1000" | .venv/bin/python -c \
    'import json, sys; print(len(json.load(sys.stdin)["events"]), "events")')"
for path in "/events.json" "/events.json?type=weapons_test&since=2024-01&limit=50" "/events.json?q=missile" "/events"; do
    echo
    echo "== GET $path  (wrk -t1 -c$CONNECTIONS -d$DURATION --latency)"
    wrk -t1 -c"$CONNECTIONS" -d"$DURATION" --latency "$BASE$path" \
        | grep -E "Latency Distribution|^ +(50|75|90|99)%|Requests/sec|Non-2xx|Socket errors"
done
