#!/usr/bin/env bash
# ClickBench side by side (issue 5): the 43 queries of ../shared/bench/clickbench-queries.sql on generated `hits`,
# run on Columba, ClickHouse 18.16 and DuckDB in one run on this machine. For each query it checks that Columba
# returns ClickHouse's rows (DuckDB's where 18.16 is known to be wrong) and reports the fastest of --runs hot runs.
#
#   scripts/bench-clickbench.sh [--rows N] [--runs N] [--only 0,5,28] [--no-duckdb] [--no-build]
#
# Data: the same TSV and tables as scripts/bench-storage.sh (ClickHouse columba_bench.hits, Columba's data folder
# $WORK_DIR/columba-N). When either is missing or holds another row count, bench-storage.sh loads both first.
# DuckDB (org.duckdb:duckdb_jdbc from Maven Central) loads the TSV into $WORK_DIR/duckdb-N.db once.
# Columba is started from cli/target/columba.jar on ports 17181/18124 over that data folder (JVM -Xmx$HEAP).
# Results: docs/benchmarks/clickbench[-N].tsv and .svg; progress and the summary on stderr.
# Exit status 1 when a query's rows differ from the reference.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
WORK_DIR="${WORK_DIR:-/tmp/columba-hits}"
BENCH_DIR="${BENCH_DIR:-/work/shared/bench}"
HEAP="${COLUMBA_HEAP:-16g}"
DUCKDB_VERSION=2.0.0.1
ROWS=10000000
RUNS=3
ONLY=""
DUCKDB=1
BUILD=1
CLICKHOUSE=(clickhouse-client --host 127.0.0.1 --port 19000)
CLICKHOUSE_URL="http://127.0.0.1:18123/?database=columba_bench"
COLUMBA_PORT=17181
COLUMBA_CLICKHOUSE_PORT=18124

log() { echo "bench-clickbench: $*" >&2; }
die() { log "ERROR: $*"; exit 2; }

while (($#)); do
    case "$1" in
        --rows) ROWS="$2"; shift 2 ;;
        --runs) RUNS="$2"; shift 2 ;;
        --only) ONLY="$2"; shift 2 ;;
        --no-duckdb) DUCKDB=0; shift ;;
        --no-build) BUILD=0; shift ;;
        -h|--help) sed -n '2,14p' "$0"; exit 0 ;;
        *) die "unknown option $1 (see --help)" ;;
    esac
done
[[ "$ROWS" =~ ^[1-9][0-9]*$ ]] || die "--rows must be a positive integer, got $ROWS"
SUFFIX=""
((ROWS == 10000000)) || SUFFIX="-$ROWS"
OUT="$ROOT/docs/benchmarks/clickbench$SUFFIX.tsv"
SVG="$ROOT/docs/benchmarks/clickbench$SUFFIX.svg"
TSV="$WORK_DIR/hits-$ROWS.tsv"
COLUMBA_DATA="$WORK_DIR/columba-$ROWS"

source "$ROOT/scripts/jdk.sh"
JAVA_HOME="$(find_jdk)" || die "no JDK found"
export JAVA_HOME
JAVA="$JAVA_HOME/bin/java"

build() {
    ((BUILD)) || return 0
    log "building cli/target/columba.jar"
    local maven=(flock /tmp/columba-mvn.lock mvn -q -DskipTests -Dspotless.check.skip=true package -pl cli -am)
    (cd "$ROOT" && { "${maven[@]}" -o >&2 || "${maven[@]}" >&2; }) || die "the build failed"
}

loaded() {
    local clickhouse_rows
    [[ -f "$TSV" && -f "$COLUMBA_DATA/metadata/hits.sql" ]] || return 1
    clickhouse_rows="$("${CLICKHOUSE[@]}" --query "SELECT count() FROM columba_bench.hits" 2>/dev/null || echo 0)"
    [[ "$clickhouse_rows" == "$ROWS" ]]
}

load() {
    bash "$ROOT/scripts/clickhouse-peer.sh" start
    if loaded; then
        log "reusing the loaded data: $COLUMBA_DATA and ClickHouse columba_bench.hits ($ROWS rows)"
        return
    fi
    log "loading $ROWS rows into both with scripts/bench-storage.sh"
    bash "$ROOT/scripts/bench-storage.sh" --rows "$ROWS" --no-build --no-jmh >&2
}

COLUMBA_PID=""
start_columba() {
    local home="$WORK_DIR/columba-server-$ROWS"
    mkdir -p "$home"
    ln -sfn "$COLUMBA_DATA" "$home/database"
    log "starting Columba over $COLUMBA_DATA (heap $HEAP)"
    "$JAVA" "-Xmx$HEAP" -jar "$ROOT/cli/target/columba.jar" local start --data-dir "$home" --port "$COLUMBA_PORT" \
        --clickhouse-port "$COLUMBA_CLICKHOUSE_PORT" >"$WORK_DIR/columba-server.log" 2>&1 &
    COLUMBA_PID=$!
    local waited=0
    until grep -q "Columba is ready" "$WORK_DIR/columba-server.log" 2>/dev/null; do
        kill -0 "$COLUMBA_PID" 2>/dev/null || die "Columba did not start: $(tail -5 "$WORK_DIR/columba-server.log")"
        ((waited++ < 120)) || die "Columba did not start within 60 s"
        sleep 0.5
    done
    local password
    password="$(grep -o "password=[^'&]*" "$WORK_DIR/columba-server.log" | head -1 | cut -d= -f2)"
    COLUMBA_URL="http://127.0.0.1:$COLUMBA_CLICKHOUSE_PORT/?user=default&password=$password"
}

stop_columba() {
    [[ -n "$COLUMBA_PID" ]] && kill "$COLUMBA_PID" 2>/dev/null && wait "$COLUMBA_PID" 2>/dev/null || true
}

run_duckdb() {
    DUCKDB_DIR="$WORK_DIR/duckdb-results-$ROWS"
    ((DUCKDB)) || { DUCKDB_DIR=""; return 0; }
    local jar="$HOME/.m2/repository/org/duckdb/duckdb_jdbc/$DUCKDB_VERSION/duckdb_jdbc-$DUCKDB_VERSION.jar"
    if [[ ! -f "$jar" ]]; then
        log "fetching org.duckdb:duckdb_jdbc:$DUCKDB_VERSION from Maven Central"
        mvn -q dependency:get -Dartifact="org.duckdb:duckdb_jdbc:$DUCKDB_VERSION" >&2 || die "could not fetch DuckDB"
    fi
    rm -rf "$DUCKDB_DIR"
    log "running the queries on DuckDB $DUCKDB_VERSION ($RUNS hot runs each; the first run loads the TSV)"
    "$JAVA" -Xmx16g -cp "$jar" "$ROOT/scripts/clickbench/DuckDbPeer.java" "$WORK_DIR/duckdb-$ROWS.db" \
        "$BENCH_DIR/create_duckdb.sql" "$TSV" "$BENCH_DIR/clickbench-queries.sql" "$RUNS" "$DUCKDB_DIR" >&2
}

main() {
    log "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $("$JAVA" -version 2>&1 | head -1)," \
        "commit $(git -C "$ROOT" rev-parse --short HEAD)"
    build
    load
    run_duckdb
    start_columba
    trap stop_columba EXIT
    mkdir -p "$(dirname "$OUT")"
    local status=0
    python3 "$ROOT/scripts/clickbench/compare.py" --columba "$COLUMBA_URL" --clickhouse "$CLICKHOUSE_URL" \
        ${DUCKDB_DIR:+--duckdb-dir "$DUCKDB_DIR"} --queries "$BENCH_DIR/clickbench-queries.sql" --runs "$RUNS" \
        ${ONLY:+--only "$ONLY"} --out "$OUT" --svg "$SVG" || status=$?
    log "results in $OUT and $SVG"
    column -t -s $'\t' "$OUT" >&2
    return "$status"
}

main
