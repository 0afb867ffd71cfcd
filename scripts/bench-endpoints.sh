#!/usr/bin/env bash
# Endpoint load side by side, same run (issues 6 and 8): wrk against the web-analytics starter kit's top_pages
# endpoint on Columba (date_from/date_to rotating over a few months) and against ClickHouse 18.16's HTTP interface
# with the same SQL (the SQL Columba compiles for each range, spelled for 18.16), FORMAT JSON on both, the same
# connections, threads and duration, one system after the other after a warm-up of each.
#   scripts/bench-endpoints.sh [--rows N] [--duration S] [--connections C] [--threads T]   # 10M, 30 s, 16, 2
# The N generated events (scripts/endpoints/gen_events.py, deterministic) go through Columba's Data Sources API
# (append, NDJSON, into analytics_events alone; then Columba restarts with the kit, which backfills its new
# analytics_pages_mv in one query: running the views per appended chunk reparses each event's JSON per view and
# loaded ~3,000 events/s) and ClickHouse's INSERT FORMAT JSONEachRow; ClickHouse's analytics_pages_mv is filled by
# Columba's compiled materializing SQL. Only the materialized view top_pages reads is kept on both. Both must answer
# the same rows first.
# Results: docs/benchmarks/endpoints.tsv (one line per system, appended). Needs python3, ../shared, a built
# cli/target/columba.jar; installs wrk with apt-get when missing; starts ClickHouse with scripts/clickhouse-peer.sh.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ROWS=10000000
DURATION=30
CONNECTIONS=16
THREADS=2
while [ $# -gt 0 ]; do
  case "$1" in
    --rows) ROWS="$2"; shift 2 ;;
    --duration) DURATION="$2"; shift 2 ;;
    --connections) CONNECTIONS="$2"; shift 2 ;;
    --threads) THREADS="$2"; shift 2 ;;
    *) echo "usage: $0 [--rows N] [--duration S] [--connections C] [--threads T]" >&2; exit 2 ;;
  esac
done
PORT="${COLUMBA_BENCH_PORT:-27181}"
WORK="${COLUMBA_BENCH_DIR:-$ROOT/target/bench-endpoints}"
RESULTS="$ROOT/docs/benchmarks/endpoints.tsv"
JAR="${COLUMBA_JAR:-$ROOT/cli/target/columba.jar}"
KIT="$ROOT/../shared/conformance/tinybird/web-analytics-starter-kit"
CLICKHOUSE="http://127.0.0.1:18123"
DATABASE=wa_bench
RANGES="2024-02-01:2024-02-29,2024-05-01:2024-05-31,2024-08-01:2024-08-31,2024-10-15:2024-11-14"
HELPERS="$ROOT/scripts/endpoints"
# shellcheck source=scripts/jdk.sh
source "$ROOT/scripts/jdk.sh"
JAVA_HOME="$(find_jdk)"
step() { echo "==> $*" >&2; }
[ -f "$JAR" ] || { echo "build Columba first (./columba --help builds it)" >&2; exit 2; }
[ -d "$KIT" ] || { echo "skipped: $KIT is absent (the project comes from ../shared)" >&2; exit 2; }

if ! command -v wrk >/dev/null; then
  step "installing wrk with apt-get"
  for _ in 1 2 3 4 5 6; do  # another apt-get may hold the lock for a while
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null 2>&1 && break
    apt-get update -qq >/dev/null 2>&1 || sleep 10
  done
  command -v wrk >/dev/null || { echo "cannot install wrk (apt-get install wrk)" >&2; exit 1; }
fi

mkdir -p "$WORK"
EVENTS="$WORK/events-$ROWS.ndjson"
if [ ! -s "$EVENTS" ]; then
  step "generating $ROWS events into $EVENTS"
  python3 "$HELPERS/gen_events.py" "$ROWS" > "$EVENTS.tmp"
  mv "$EVENTS.tmp" "$EVENTS"
fi

# The kit without its fixtures, so both systems hold exactly the generated events, and without the materialized
# views top_pages does not read (ClickHouse gets only analytics_pages_mv too).
rm -rf "$WORK/project" "$WORK/events-project" "$WORK/data"
mkdir -p "$WORK/project" "$WORK/events-project/datasources"
(cd "$KIT" && tar cf - --exclude=fixtures --exclude=mock .) | (cd "$WORK/project" && tar xf -)
for view in "$WORK"/project/materializations/*.pipe; do
  grep -q '^DATASOURCE analytics_pages_mv' "$view" || rm "$view"
done
# The events are loaded first with no view at all, then Columba restarts with the project, whose new
# analytics_pages_mv is backfilled over them in one query, as a deployment populates a new materialized view.
cp "$WORK/project/datasources/analytics_events.datasource" "$WORK/events-project/datasources/"

SERVER=""
trap 'if [ -n "$SERVER" ]; then kill "$SERVER" 2>/dev/null || true; wait "$SERVER" 2>/dev/null || true; fi' EXIT
start_columba() { # project folder; sets SERVER, waits for "Columba is ready" (a backfill runs before it)
  "$JAVA_HOME/bin/java" $(server_java_opts) -jar "$JAR" local start --data-dir "$WORK/data" --port "$PORT" \
    --clickhouse-port 0 --project "$1" > "$WORK/server.log" 2>&1 &
  SERVER=$!
  echo "$SERVER" > "$WORK/server.pid"
  until grep -q 'Columba is ready' "$WORK/server.log" 2>/dev/null; do
    kill -0 "$SERVER" 2>/dev/null || { cat "$WORK/server.log" >&2; exit 1; }
    sleep 0.2
  done
}
stop_columba() {
  kill "$SERVER"
  wait "$SERVER" 2>/dev/null || true
  SERVER=""
}
step "starting Columba on port $PORT with analytics_events alone"
start_columba "$WORK/events-project"
COLUMBA="http://127.0.0.1:$PORT"
TOKEN="$(curl -sS "$COLUMBA/tokens" | python3 -c 'import json,sys; print(json.load(sys.stdin)["admin_token"])')"
setup() { python3 "$HELPERS/bench_setup.py" "$1" --columba "$COLUMBA" --token "$TOKEN" --database "$DATABASE" "${@:2}"; }

step "loading $ROWS events into Columba (Data Sources API, append, NDJSON)"
COLUMBA_LOAD="$(python3 "$HELPERS/load.py" "$EVENTS" \
  "$COLUMBA/v0/datasources?name=analytics_events&mode=append&format=ndjson" \
  --header "Authorization: Bearer $TOKEN" --total-rows "$ROWS" --label columba)"
stop_columba
step "restarting Columba with the project: analytics_pages_mv is backfilled over the events"
BACKFILL_START="$(date +%s.%N)"
start_columba "$WORK/project"
COLUMBA_LOAD="$(python3 -c "import sys, time; rows, seconds = sys.argv[1].split(); \
print('%s\t%.1f' % (rows, float(seconds) + time.time() - float(sys.argv[2])))" "$COLUMBA_LOAD" "$BACKFILL_START")"
TOKEN="$(curl -sS "$COLUMBA/tokens" | python3 -c 'import json,sys; print(json.load(sys.stdin)["admin_token"])')"

bash "$ROOT/scripts/clickhouse-peer.sh" start
step "creating $DATABASE on ClickHouse"
setup tables --project "$WORK/project"
step "loading $ROWS events into ClickHouse (INSERT FORMAT JSONEachRow)"
CH_LOAD="$(python3 "$HELPERS/load.py" "$EVENTS" \
  "$CLICKHOUSE/?query=INSERT%20INTO%20$DATABASE.analytics_events%20FORMAT%20JSONEachRow" \
  --total-rows "$ROWS" --label clickhouse)"
step "materializing analytics_pages_mv on ClickHouse"
setup materialize
step "checking that top_pages answers the same rows on both, for each date range"
setup check --ranges "$RANGES" --out "$WORK"

# wrk's '99%' latency line and Requests/sec, as "<requests/s>\t<p99 ms>".
wrk_run() { # label, url, lua, seconds
  wrk --latency -t "$THREADS" -c "$CONNECTIONS" -d "$4s" -s "$3" "$2" > "$WORK/wrk-$1.txt"
  python3 - "$WORK/wrk-$1.txt" <<'EOF'
import re, sys
text = open(sys.argv[1]).read()
rate = re.search(r"Requests/sec:\s*([\d.]+)", text).group(1)
value, unit = re.search(r"^\s*99%\s+([\d.]+)(us|ms|s)\s*$", text, re.M).groups()
errors = re.search(r"Non-2xx or 3xx responses:\s*(\d+)", text)
if errors:
    sys.exit("wrk: %s non-2xx answers:\n%s" % (errors.group(1), text))
print("%s\t%.2f" % (rate, float(value) * {"us": 0.001, "ms": 1, "s": 1000}[unit]))
EOF
}
WARMUP=$(( DURATION / 3 > 5 ? DURATION / 3 : 5 ))
step "wrk warm-up: $WARMUP s each"
wrk_run warmup-clickhouse "$CLICKHOUSE" "$WORK/clickhouse.lua" "$WARMUP" > /dev/null
wrk_run warmup-columba "$COLUMBA" "$WORK/columba.lua" "$WARMUP" > /dev/null
step "wrk on ClickHouse 18.16: $THREADS threads, $CONNECTIONS connections, $DURATION s"
CH_RESULT="$(wrk_run clickhouse "$CLICKHOUSE" "$WORK/clickhouse.lua" "$DURATION")"
step "wrk on Columba: $THREADS threads, $CONNECTIONS connections, $DURATION s"
COLUMBA_RESULT="$(wrk_run columba "$COLUMBA" "$WORK/columba.lua" "$DURATION")"

RATIO="$(python3 -c "print(f'{$(cut -f1 <<< "$COLUMBA_RESULT") / $(cut -f1 <<< "$CH_RESULT"):.2f}')")"
RUN="$(date -u +%Y-%m-%dT%H:%M:%SZ)"
COMMIT="$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)"
LOAD="$(cut -d' ' -f1 /proc/loadavg)"
mkdir -p "$(dirname "$RESULTS")"
[ -f "$RESULTS" ] || printf 'run\tcommit\tsystem\trows\tthreads\tconnections\tseconds\trequests_per_second\tp99_ms\tvs_clickhouse\tload_rows\tload_seconds\tload_average\n' > "$RESULTS"
printf '%s\t%s\tclickhouse-18.16\t%s\t%s\t%s\t%s\t%s\t1.00\t%s\t%s\n' "$RUN" "$COMMIT" "$ROWS" "$THREADS" \
  "$CONNECTIONS" "$DURATION" "$CH_RESULT" "$CH_LOAD" "$LOAD" >> "$RESULTS"
printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$RUN" "$COMMIT" "${COLUMBA_LABEL:-columba}" "$ROWS" "$THREADS" \
  "$CONNECTIONS" "$DURATION" "$COLUMBA_RESULT" "$RATIO" "$COLUMBA_LOAD" "$LOAD" >> "$RESULTS"
echo "ClickHouse 18.16 HTTP, same SQL: $(cut -f1 <<< "$CH_RESULT") requests/s, p99 $(cut -f2 <<< "$CH_RESULT") ms"
echo "Columba /v0/pipes/top_pages.json: $(cut -f1 <<< "$COLUMBA_RESULT") requests/s, p99 $(cut -f2 <<< "$COLUMBA_RESULT") ms"
echo "Columba / ClickHouse requests/s: $RATIO   (results appended to $RESULTS)"
