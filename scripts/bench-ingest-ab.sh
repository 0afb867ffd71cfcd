#!/usr/bin/env bash
# Events API A/B of Columba builds alone (no ClickHouse in between), for changes smaller than the noise of
# scripts/bench-ingest.sh: each build in turn gets a fresh server, 40 warm-up batches, then 100 timed batches of
# 10,000 events (4 clients, wait=true). Prints rows/s, the server's CPU seconds for the timed part, and each thread
# group's user/system CPU over the server's life (merges, flusher, request threads: where the time went).
#   scripts/bench-ingest-ab.sh old.jar new.jar old.jar new.jar ...
# JAVA_OPTS_AB replaces the server's JVM options (default: scripts/jdk.sh's server_java_opts).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
WORK="${COLUMBA_BENCH_DIR:-$ROOT/target/bench-ingest-ab}"
PORT="${COLUMBA_BENCH_PORT:-7391}"
# shellcheck source=scripts/jdk.sh
source "$ROOT/scripts/jdk.sh"
JAVA_HOME="$(find_jdk)"
[ $# -gt 0 ] || { sed -n '2,8p' "$0"; exit 2; }
mkdir -p "$WORK"
BATCH_FILE="$WORK/batches.ndjson"
[ -f "$BATCH_FILE" ] || python3 "$ROOT/scripts/bench-ingest.py" generate --batches 140 --rows 10000 --out "$BATCH_FILE"
OPTS="${JAVA_OPTS_AB:-$(server_java_opts)}"
cpu() { awk -v hz="$(getconf CLK_TCK)" '{ printf "%.2f", ($14 + $15) / hz }' "/proc/$1/stat"; }
# Thread names without spaces (the /proc stat fields shift otherwise), summed by name, user/system seconds.
threads() {
  for task in /proc/"$1"/task/*; do
    name="$(cat "$task/comm")"
    case "$name" in *" "*) continue ;; esac
    awk -v hz="$(getconf CLK_TCK)" -v n="$name" '{ printf "%s\t%.2f\t%.2f\n", n, $14 / hz, $15 / hz }' "$task/stat"
  done | awk -F'\t' '{u[$1]+=$2; s[$1]+=$3} END {for (k in u) if (u[k] + s[k] > 0.3) printf "%s=%.2f/%.2f ", k, u[k], s[k]}'
}
for jar in "$@"; do
  rm -rf "$WORK/data"
  # shellcheck disable=SC2086
  "$JAVA_HOME/bin/java" $OPTS -jar "$jar" local start --data-dir "$WORK/data" --port "$PORT" --clickhouse-port 0 \
    --project "$ROOT/testdata/projects/ingest-bench" > "$WORK/server.log" 2>&1 &
  server=$!
  for _ in $(seq 1 150); do grep -q 'Columba is ready' "$WORK/server.log" 2>/dev/null && break; sleep 0.2; done
  token="$(curl -sS "http://127.0.0.1:$PORT/tokens" | python3 -c 'import json,sys; print(json.load(sys.stdin)["admin_token"])')"
  url="http://127.0.0.1:$PORT/v0/events?name=bench_events&wait=true"
  post() { python3 "$ROOT/scripts/bench-ingest.py" post --url "$url" --clients 4 --batches-file "$BATCH_FILE" \
    --first "$1" --count "$2" --header "Authorization: Bearer $token"; }
  post 0 40 > /dev/null
  before="$(cpu "$server")"
  result="$(post 40 100)"
  after="$(cpu "$server")"
  printf '%s\t%s\tcpu %s\t%s\n' "$jar" "$result" "$(python3 -c "print(f'{$after - $before:.2f}')")" "$(threads "$server")"
  kill "$server"
  wait "$server" 2>/dev/null || true
done
