#!/usr/bin/env bash
# CSV append side by side, same run (issue 7): a CSV of generated `hits` rows (105 columns) loaded by Columba
# (`columba local load`, the FileAppender road of /v0/datasources?mode=append, no HTTP in between) and by
# ClickHouse 18.16 (`clickhouse-client --query "INSERT INTO hits FORMAT CSV" < file`), one after the other.
#   scripts/bench-ingest-csv.sh                 # ROWS=10000000 THREADS=2 (env)
#   ROWS=1000000 scripts/bench-ingest-csv.sh
#   COLUMBA_JAR=old.jar COLUMBA_LABEL=columba-before scripts/bench-ingest-csv.sh
# The CSV is made once from $HITS_DIR/hits-ROWS.tsv (scripts/bench-storage.sh or gen_hits.py make it; it is only
# read) as $WORK/hits-ROWS.csv and reused. Results: docs/benchmarks/ingest-csv.tsv (one line per system).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ROWS="${ROWS:-10000000}"
THREADS="${THREADS:-2}"
HITS_DIR="${HITS_DIR:-/tmp/columba-hits}"
WORK="${COLUMBA_BENCH_DIR:-/tmp/ingest-bench}"
BENCH_DIR="${BENCH_DIR:-$ROOT/../shared/bench}"
JAR="${COLUMBA_JAR:-$ROOT/cli/target/columba.jar}"
HEAP="${COLUMBA_LOAD_HEAP:-4g}"
RESULTS="$ROOT/docs/benchmarks/ingest-csv.tsv"
CLICKHOUSE=(clickhouse-client --host 127.0.0.1 --port 19000)
DATABASE=columba_bench_csv
# shellcheck source=scripts/jdk.sh
source "$ROOT/scripts/jdk.sh"
JAVA_HOME="$(find_jdk)"
[ -f "$JAR" ] || { echo "build Columba first (./columba --help builds it)" >&2; exit 2; }

TSV="$HITS_DIR/hits-$ROWS.tsv"
CSV="$WORK/hits-$ROWS.csv"
mkdir -p "$WORK"
if [ ! -f "$CSV" ]; then
  [ -f "$TSV" ] || python3 "$BENCH_DIR/gen_hits.py" "$ROWS" --jobs 2 --format csv --out "$CSV.part"
  [ -f "$TSV" ] && python3 "$ROOT/scripts/tsv-to-csv.py" "$TSV" "$CSV.part"
  mv "$CSV.part" "$CSV"
fi
now() { date +%s.%N; }
seconds_since() { python3 -c "import sys; print(f'{float(sys.argv[2]) - float(sys.argv[1]):.2f}')" "$1" "$(now)"; }

bash "$ROOT/scripts/clickhouse-peer.sh" start
"${CLICKHOUSE[@]}" --query "CREATE DATABASE IF NOT EXISTS $DATABASE"
"${CLICKHOUSE[@]}" --database "$DATABASE" --query "DROP TABLE IF EXISTS hits"
"${CLICKHOUSE[@]}" --database "$DATABASE" --multiquery < "$BENCH_DIR/create_clickhouse.sql"
CH_PID="$(cat "${CLICKHOUSE_PEER_DIR:-/tmp/columba-clickhouse-peer}/clickhouse-server.pid")"
cpu_seconds() { awk -v hz="$(getconf CLK_TCK)" '{ printf "%.2f", ($14 + $15) / hz }' "/proc/$1/stat"; }
CH_CPU_BEFORE="$(cpu_seconds "$CH_PID")"
STARTED="$(now)"
"${CLICKHOUSE[@]}" --database "$DATABASE" --query "INSERT INTO hits FORMAT CSV" < "$CSV"
CH_SECONDS="$(seconds_since "$STARTED")"
CH_CPU="$(python3 -c "print(f'{$(cpu_seconds "$CH_PID") - $CH_CPU_BEFORE:.2f}')")"
CH_COUNT="$("${CLICKHOUSE[@]}" --database "$DATABASE" --query "SELECT count() FROM hits")"
"${CLICKHOUSE[@]}" --database "$DATABASE" --query "DROP TABLE hits"

DATA="$WORK/columba-csv-$ROWS"
rm -rf "$DATA"
STARTED="$(now)"
# /usr/bin/time: the CPU seconds (user + system) of the load.
/usr/bin/time -f '%U %S' -o "$WORK/time.txt" "$JAVA_HOME/bin/java" "-Xmx$HEAP" ${COLUMBA_JAVA_OPTS:-} -jar "$JAR" \
  local load --data "$DATA" --table hits --create-sql "$BENCH_DIR/create_clickhouse.sql" --threads "$THREADS" \
  --quiet "$CSV" > "$WORK/load.txt"
COLUMBA_CPU="$(awk '{ printf "%.2f", $1 + $2 }' "$WORK/time.txt")"
COLUMBA_SECONDS="$(seconds_since "$STARTED")"
COLUMBA_COUNT="$(sed -n 's/^Loaded \([0-9,]*\) rows.*/\1/p' "$WORK/load.txt" | tr -d ,)"
rm -rf "$DATA"

[ "$CH_COUNT" = "$ROWS" ] || { echo "ClickHouse holds $CH_COUNT rows, expected $ROWS" >&2; exit 1; }
[ "$COLUMBA_COUNT" = "$ROWS" ] || { echo "Columba loaded $COLUMBA_COUNT rows, expected $ROWS" >&2; exit 1; }
CH_RATE="$(python3 -c "print(round($ROWS / $CH_SECONDS))")"
COLUMBA_RATE="$(python3 -c "print(round($ROWS / $COLUMBA_SECONDS))")"
RATIO="$(python3 -c "print(f'{$COLUMBA_RATE / $CH_RATE:.2f}')")"
RUN="$(date -u +%Y-%m-%dT%H:%M:%SZ)"
COMMIT="$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)"
LOAD="$(cut -d' ' -f1 /proc/loadavg)"
[ -f "$RESULTS" ] || printf 'run\tcommit\tsystem\trows\tbytes\tseconds\trows_per_second\tvs_clickhouse\tcpu_seconds\tload_average\n' > "$RESULTS"
BYTES="$(stat -c %s "$CSV")"
printf '%s\t%s\tclickhouse-18.16\t%s\t%s\t%s\t%s\t1.00\t%s\t%s\n' "$RUN" "$COMMIT" "$ROWS" "$BYTES" "$CH_SECONDS" \
  "$CH_RATE" "$CH_CPU" "$LOAD" >> "$RESULTS"
printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$RUN" "$COMMIT" "${COLUMBA_LABEL:-columba}" "$ROWS" "$BYTES" \
  "$COLUMBA_SECONDS" "$COLUMBA_RATE" "$RATIO" "$COLUMBA_CPU" "$LOAD" >> "$RESULTS"
echo "ClickHouse 18.16 INSERT FORMAT CSV: $ROWS rows in $CH_SECONDS s ($CH_RATE rows/s), server CPU $CH_CPU s"
echo "Columba local load (JVM start to exit): $ROWS rows in $COLUMBA_SECONDS s ($COLUMBA_RATE rows/s), CPU $COLUMBA_CPU s"
echo "Columba / ClickHouse rows/s: $RATIO   (results appended to $RESULTS)"
