#!/usr/bin/env bash
# Events API throughput side by side, same run (issue 7): Columba's POST /v0/events?wait=true against ClickHouse
# 18.16's INSERT ... FORMAT JSONEachRow over HTTP, the same NDJSON batches (10,000 events of ~330 bytes) posted by
# the same 4 concurrent clients, one system after the other. Each system first gets WARMUP batches (JIT warm-up
# for Columba, caches for both), then the timed BATCHES; the rows in each table are counted afterwards.
#   scripts/bench-ingest.sh            # BATCHES=40 WARMUP=8 CLIENTS=4 ROWS=10000 (env)
#   COLUMBA_JAR=old.jar COLUMBA_LABEL=columba-before scripts/bench-ingest.sh   # another build, named in the TSV
# Results: docs/benchmarks/ingest-events.tsv (one line per system, appended with the date of the run).
# Needs python3, a built cli/target/columba.jar, and starts ClickHouse with scripts/clickhouse-peer.sh.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BATCHES="${BATCHES:-40}"
WARMUP="${WARMUP:-8}"
CLIENTS="${CLIENTS:-4}"
ROWS="${ROWS:-10000}"
PORT="${COLUMBA_BENCH_PORT:-7191}"
WORK="${COLUMBA_BENCH_DIR:-$ROOT/target/bench-ingest}"
RESULTS="$ROOT/docs/benchmarks/ingest-events.tsv"
JAR="${COLUMBA_JAR:-$ROOT/cli/target/columba.jar}"
CLICKHOUSE="http://127.0.0.1:18123"
TABLE=columba_bench_events
# shellcheck source=scripts/jdk.sh
source "$ROOT/scripts/jdk.sh"
JAVA_HOME="$(find_jdk)"
[ -f "$JAR" ] || { echo "build Columba first (./columba --help builds it)" >&2; exit 2; }

rm -rf "$WORK"
mkdir -p "$WORK"
BATCH_FILE="$WORK/batches.ndjson"
python3 "$ROOT/scripts/bench-ingest.py" generate --batches $((WARMUP + BATCHES)) --rows "$ROWS" --out "$BATCH_FILE"
BYTES_PER_ROW=$(( $(stat -c %s "$BATCH_FILE") / ((WARMUP + BATCHES) * ROWS) ))
post() { # url, then header arguments
  local url="$1" first="$2" count="$3"
  shift 3
  python3 "$ROOT/scripts/bench-ingest.py" post --url "$url" --clients "$CLIENTS" --batches-file "$BATCH_FILE" \
    --first "$first" --count "$count" "$@"
}
clickhouse_sql() { curl -sS --fail-with-body "$CLICKHOUSE/" --data-binary "$1"; }
# CPU seconds (user + system) the process $1 has used so far: on a shared machine a steadier measure than time.
cpu_seconds() { awk -v hz="$(getconf CLK_TCK)" '{ printf "%.2f", ($14 + $15) / hz }' "/proc/$1/stat"; }

# ClickHouse 18.16: the table of testdata/projects/ingest-bench/datasources/bench_events.datasource.
bash "$ROOT/scripts/clickhouse-peer.sh" start
clickhouse_sql "DROP TABLE IF EXISTS $TABLE"
clickhouse_sql "CREATE TABLE $TABLE (timestamp DateTime, session_id String, user_id UInt64, action String,
  path String, referrer String, country String, device String, browser String, user_agent String,
  duration_ms UInt32, amount Float64) ENGINE = MergeTree ORDER BY (action, timestamp)"
CH_URL="$CLICKHOUSE/?query=$(python3 -c 'import urllib.parse,sys; print(urllib.parse.quote(sys.argv[1]))' \
  "INSERT INTO $TABLE FORMAT JSONEachRow")"
CH_PID="$(cat "${CLICKHOUSE_PEER_DIR:-/tmp/columba-clickhouse-peer}/clickhouse-server.pid")"
post "$CH_URL" 0 "$WARMUP" > /dev/null
CH_CPU_BEFORE="$(cpu_seconds "$CH_PID")"
CH_RESULT="$(post "$CH_URL" "$WARMUP" "$BATCHES")"
CH_CPU="$(python3 -c "print(f'{$(cpu_seconds "$CH_PID") - $CH_CPU_BEFORE:.2f}')")"
CH_COUNT="$(clickhouse_sql "SELECT count() FROM $TABLE")"
clickhouse_sql "DROP TABLE $TABLE"

# Columba, with the same data source loaded from the project.
# shellcheck disable=SC2046
"$JAVA_HOME/bin/java" $(server_java_opts) -jar "$JAR" local start --data-dir "$WORK/data" --port "$PORT" \
  --clickhouse-port 0 --project "$ROOT/testdata/projects/ingest-bench" > "$WORK/server.log" 2>&1 &
SERVER=$!
trap 'kill "$SERVER" 2>/dev/null || true; wait "$SERVER" 2>/dev/null || true' EXIT
for _ in $(seq 1 150); do
  grep -q 'Columba is ready' "$WORK/server.log" 2>/dev/null && break
  kill -0 "$SERVER" 2>/dev/null || { cat "$WORK/server.log" >&2; exit 1; }
  sleep 0.2
done
TOKEN="$(curl -sS "http://127.0.0.1:$PORT/tokens" | python3 -c 'import json,sys; print(json.load(sys.stdin)["admin_token"])')"
EVENTS_URL="http://127.0.0.1:$PORT/v0/events?name=bench_events&wait=true"
post "$EVENTS_URL" 0 "$WARMUP" --header "Authorization: Bearer $TOKEN" > /dev/null
COLUMBA_CPU_BEFORE="$(cpu_seconds "$SERVER")"
COLUMBA_RESULT="$(post "$EVENTS_URL" "$WARMUP" "$BATCHES" --header "Authorization: Bearer $TOKEN")"
COLUMBA_CPU="$(python3 -c "print(f'{$(cpu_seconds "$SERVER") - $COLUMBA_CPU_BEFORE:.2f}')")"
COLUMBA_COUNT="$(curl -sS -G "http://127.0.0.1:$PORT/v0/sql" -H "Authorization: Bearer $TOKEN" \
  --data-urlencode "q=SELECT count() FROM bench_events FORMAT TSV")"

EXPECTED=$(((WARMUP + BATCHES) * ROWS))
[ "$CH_COUNT" = "$EXPECTED" ] || { echo "ClickHouse holds $CH_COUNT rows, expected $EXPECTED" >&2; exit 1; }
[ "$COLUMBA_COUNT" = "$EXPECTED" ] || { echo "Columba holds $COLUMBA_COUNT rows, expected $EXPECTED" >&2; exit 1; }

CH_RATE="$(cut -f3 <<< "$CH_RESULT")"
COLUMBA_RATE="$(cut -f3 <<< "$COLUMBA_RESULT")"
RATIO="$(python3 -c "print(f'{$COLUMBA_RATE / $CH_RATE:.2f}')")"
RUN="$(date -u +%Y-%m-%dT%H:%M:%SZ)"
COMMIT="$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)"
mkdir -p "$(dirname "$RESULTS")"
[ -f "$RESULTS" ] || printf 'run\tcommit\tsystem\tclients\tbatches\trows_per_batch\tbytes_per_row\trows\tseconds\trows_per_second\tvs_clickhouse\tserver_cpu_seconds\tload_average\n' > "$RESULTS"
LOAD="$(cut -d' ' -f1 /proc/loadavg)"
printf '%s\t%s\tclickhouse-18.16\t%s\t%s\t%s\t%s\t%s\t1.00\t%s\t%s\n' "$RUN" "$COMMIT" "$CLIENTS" "$BATCHES" "$ROWS" \
  "$BYTES_PER_ROW" "$CH_RESULT" "$CH_CPU" "$LOAD" >> "$RESULTS"
printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$RUN" "$COMMIT" "${COLUMBA_LABEL:-columba}" "$CLIENTS" "$BATCHES" \
  "$ROWS" "$BYTES_PER_ROW" "$COLUMBA_RESULT" "$RATIO" "$COLUMBA_CPU" "$LOAD" >> "$RESULTS"
echo "ClickHouse 18.16 JSONEachRow: $CH_RESULT (rows, seconds, rows/s), server CPU $CH_CPU s"
echo "Columba /v0/events wait=true: $COLUMBA_RESULT (rows, seconds, rows/s), server CPU $COLUMBA_CPU s"
echo "Columba / ClickHouse rows/s: $RATIO   (results appended to $RESULTS)"
