#!/usr/bin/env bash
# ClickBench side by side (issues 5 and 8): Columba, ClickHouse 18.16 and DuckDB on the same generated `hits` rows,
# in one run on this machine. Usually started as `./columba bench clickbench [options]`.
#
#   scripts/bench-clickbench.sh [--rows N] [--runs N] [--only 0,5,28] [--queries FILE] [--reuse-data]
#                               [--no-duckdb] [--no-drop-caches] [--no-warmup] [--no-build]
#
# 1. Generates N rows (default 10M) into $WORK_DIR/hits-N.tsv, reused when it already holds N lines: with Columba's
#    own HitsGenerator (same distributions as ../shared/bench/gen_hits.py; GENERATOR=python runs that script).
# 2. Loads them into each system, timing the load and measuring bytes on disk: Columba (`columba local load`, data
#    in $WORK_DIR/columba-N), ClickHouse (`INSERT ... FORMAT TabSeparated` into columba_bench.hits, or
#    columba_bench_N for other sizes) and DuckDB (org.duckdb:duckdb_jdbc from Maven Central, $WORK_DIR/duckdb-N.db).
#    --reuse-data skips generation and loading when all three hold N rows, and reports the last measured loads.
# 3. Waits until Columba and ClickHouse have no merge of `hits` running (system.merges) and a stable count of active
#    parts (system.parts). Then warms each server up with one untimed pass of the queries (--no-warmup to skip),
#    runs each query of --queries (default ../shared/bench/clickbench-queries.sql) cold once on each system (after
#    dropping the OS page cache, when root), then --runs (default 3) hot rounds, one run per system per round, in
#    alternation. Checks that Columba returns ClickHouse's rows (DuckDB's where 18.16 is known wrong).
# 4. Writes docs/benchmarks/clickbench[-N].tsv (per query), clickbench-load[-N].tsv, clickbench[-N].svg (chart) and
#    clickbench[-N].md (summary and table), and clickbench[-N].png when Chromium is installed. Progress with an ETA
#    goes to stderr.
# Exit status 1 when a query's rows differ from the reference, 2 on any other failure.
# ClickHouse is installed with apt-get and started by scripts/clickhouse-peer.sh when needed.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
WORK_DIR="${WORK_DIR:-/tmp/columba-hits}"
BENCH_DIR="${BENCH_DIR:-$(cd "$ROOT/.." && pwd)/shared/bench}"
HEAP="${COLUMBA_HEAP:-16g}"
ROWS=10000000
RUNS=3
ONLY=""
QUERIES=""
REUSE=0
DUCKDB=1
DROP_CACHES=1
WARMUP=1
BUILD=1
COLUMBA_PORT="${BENCH_COLUMBA_PORT:-17181}"
COLUMBA_CLICKHOUSE_PORT="${BENCH_COLUMBA_CLICKHOUSE_PORT:-18124}"
DUCKDB_PORT="${BENCH_DUCKDB_PORT:-18125}"

log() { echo "bench-clickbench: $*" >&2; }
die() { log "ERROR: $*"; exit 2; }

while (($#)); do
    case "$1" in
        --rows) ROWS="$2"; shift 2 ;;
        --runs) RUNS="$2"; shift 2 ;;
        --only) ONLY="$2"; shift 2 ;;
        --queries) QUERIES="$2"; shift 2 ;;
        --reuse-data) REUSE=1; shift ;;
        --no-duckdb) DUCKDB=0; shift ;;
        --no-drop-caches) DROP_CACHES=0; shift ;;
        --no-warmup) WARMUP=0; shift ;;
        --no-build) BUILD=0; shift ;;
        -h|--help) sed -n '2,23p' "$0"; exit 0 ;;
        *) die "unknown option $1 (see --help)" ;;
    esac
done
[[ "$ROWS" =~ ^[1-9][0-9]*$ ]] || die "--rows must be a positive integer, got $ROWS"
[[ "$RUNS" =~ ^[1-9][0-9]*$ ]] || die "--runs must be a positive integer, got $RUNS"
QUERIES="${QUERIES:-$BENCH_DIR/clickbench-queries.sql}"
for needed in "$QUERIES" "$BENCH_DIR/create_clickhouse.sql" "$BENCH_DIR/create_duckdb.sql"; do
    [[ -f "$needed" ]] || die "$needed is missing: put ../shared beside the repository or set BENCH_DIR"
done
SUFFIX=""
((ROWS == 10000000)) || SUFFIX="-$ROWS"
OUT_DIR="$ROOT/docs/benchmarks"
LOADS="$WORK_DIR/loads-$ROWS.tsv"

# shellcheck source=scripts/jdk.sh
source "$ROOT/scripts/jdk.sh"
JAVA_HOME="$(find_jdk)" || die "no JDK found"
export JAVA_HOME
JAVA="$JAVA_HOME/bin/java"
# shellcheck source=scripts/clickbench/hits.sh
source "$ROOT/scripts/clickbench/hits.sh"

build() {
    ((BUILD)) || return 0
    log "building cli/target/columba.jar"
    local maven=(flock /tmp/columba-mvn.lock mvn -q -DskipTests -Dspotless.check.skip=true package -pl cli -am)
    (cd "$ROOT" && { "${maven[@]}" -o >&2 || "${maven[@]}" >&2; }) || die "the build failed"
}

all_loaded() {
    local clickhouse_rows
    [[ -f "$TSV" && -f "$COLUMBA_DATA/metadata/hits.sql" && -f "$LOADS" ]] || return 1
    ((! DUCKDB)) || [[ -f "$DUCKDB_DB" ]] || return 1
    clickhouse_rows="$("${CLICKHOUSE[@]}" --query "SELECT count() FROM $CLICKHOUSE_DATABASE.hits" 2>/dev/null || echo 0)"
    [[ "$clickhouse_rows" == "$ROWS" ]]
}

load_all() {
    bash "$ROOT/scripts/clickhouse-peer.sh" start
    if ((REUSE)) && all_loaded; then
        log "reusing the loaded data and the loads measured then ($LOADS)"
        return
    fi
    generate_hits
    load_columba
    columba_bytes
    load_clickhouse
    clickhouse_bytes
    {
        printf 'system\trows\tload_seconds\tbytes_on_disk\tparts\n'
        printf 'columba\t%s\t%s\t%s\t%s\n' "$ROWS" "$COLUMBA_LOAD_SECONDS" "$COLUMBA_BYTES" "$COLUMBA_PARTS"
        printf 'clickhouse\t%s\t%s\t%s\t%s\n' "$ROWS" "$CLICKHOUSE_LOAD_SECONDS" "$CLICKHOUSE_BYTES" "$CLICKHOUSE_PARTS"
    } >"$LOADS.part"
    if ((DUCKDB)); then
        load_duckdb
        printf 'duckdb\t%s\t%s\t%s\t%s\n' "$ROWS" "$DUCKDB_LOAD_SECONDS" "$DUCKDB_BYTES" "$DUCKDB_PARTS" >>"$LOADS.part"
    fi
    mv "$LOADS.part" "$LOADS"
}

PIDS=()
stop_all() {
    local pid
    for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null || true; done
}

wait_for() { # PID LOG TEXT WHAT
    local waited=0
    until grep -q "$3" "$2" 2>/dev/null; do
        kill -0 "$1" 2>/dev/null || die "$4 did not start: $(tail -5 "$2")"
        ((waited++ < 240)) || die "$4 did not start within 120 s"
        sleep 0.5
    done
}

start_columba() {
    local home="$WORK_DIR/columba-server-$ROWS" server_log="$WORK_DIR/columba-server-$ROWS.log"
    mkdir -p "$home"
    ln -sfn "$COLUMBA_DATA" "$home/database"
    log "starting Columba over $COLUMBA_DATA (heap $HEAP)"
    "$JAVA" "-Xmx$HEAP" -jar "$ROOT/cli/target/columba.jar" local start --data-dir "$home" --port "$COLUMBA_PORT" \
        --clickhouse-port "$COLUMBA_CLICKHOUSE_PORT" >"$server_log" 2>&1 &
    PIDS+=($!)
    wait_for "$!" "$server_log" "Columba is ready" Columba
    local password
    password="$(grep -o "password=[^'&]*" "$server_log" | head -1 | cut -d= -f2)"
    COLUMBA_URL="http://127.0.0.1:$COLUMBA_CLICKHOUSE_PORT/?user=default&password=$password"
}

start_duckdb() {
    DUCKDB_URL=""
    ((DUCKDB)) || return 0
    duckdb_jar
    local server_log="$WORK_DIR/duckdb-server-$ROWS.log"
    "$JAVA" -Xmx2g --enable-native-access=ALL-UNNAMED -cp "$DUCKDB_JAR" "$ROOT/scripts/clickbench/DuckDbPeer.java" \
        serve "$DUCKDB_DB" "$DUCKDB_PORT" \
        >"$server_log" 2>&1 &
    PIDS+=($!)
    wait_for "$!" "$server_log" "duckdb: serving" DuckDB
    DUCKDB_URL="http://127.0.0.1:$DUCKDB_PORT/"
}

# Background merges change a system's speed while they run (Columba merges the parts `local load` wrote when it
# starts). Waits until neither system is merging `hits` and its count of active parts is the same twice in a row,
# 5 s apart, for at most 20 minutes, with a progress line. A system without system.merges is not waited for.
settled_state() { # URL DATABASE -> "merges parts", empty when the system cannot say
    curl -sf --data-binary "SELECT (SELECT count() FROM system.merges WHERE database = '$2' AND table = 'hits'),
        (SELECT count() FROM system.parts WHERE database = '$2' AND table = 'hits' AND active) FORMAT TSV" "$1" \
        2>/dev/null | tr '\t' ' ' || true
}

wait_for_merges() {
    local name url database previous state waited
    for name in Columba ClickHouse; do
        if [[ "$name" == Columba ]]; then url="$COLUMBA_URL"; database=default; else
            url="$CLICKHOUSE_HTTP/"; database="$CLICKHOUSE_DATABASE"; fi
        previous="" waited=0
        while :; do
            state="$(settled_state "$url" "$database")"
            if [[ -z "$state" ]]; then log "$name has no system.merges: not waiting for its merges"; break; fi
            [[ "$state" == "0 "* && "$state" == "$previous" ]] && break
            ((waited % 30 == 0)) && log "waiting for $name's merges to settle: ${state% *} merging, ${state#* } active parts"
            ((waited < 1200)) || { log "$name still merging after 20 minutes; measuring anyway"; break; }
            previous="$state"
            sleep 5
            waited=$((waited + 5))
        done
        log "$name settled: ${state#* } active parts of hits"
    done
}

# A PNG of the chart through headless Chromium, when it is installed: the chart as a browser draws it.
render_png() {
    local browser width height
    browser="$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)"
    [[ -n "$browser" && -f "$1" ]] || return 0
    read -r width height < <(grep -o '<svg [^>]*' "$1" | sed 's/.*width="\([0-9]*\)" height="\([0-9]*\)".*/\1 \2/')
    timeout 60 "$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size="$width,$height" \
        --screenshot="${1%.svg}.png" "file://$1" >/dev/null 2>&1 || log "could not render ${1%.svg}.png"
}

main() {
    local started=$SECONDS commit
    commit="$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)"
    log "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $("$JAVA" -version 2>&1 | head -1)," \
        "ClickHouse $(clickhouse-client --version 2>/dev/null | grep -o '[0-9][0-9.]*[0-9]' | head -1 || true)," \
        "commit $commit"
    build
    load_all
    trap stop_all EXIT
    start_columba
    start_duckdb
    wait_for_merges
    mkdir -p "$OUT_DIR"
    local status=0 drop=()
    ((DROP_CACHES)) || drop=(--no-drop-caches)
    ((WARMUP)) || drop+=(--no-warmup)
    python3 "$ROOT/scripts/clickbench/compare.py" --columba "$COLUMBA_URL" \
        --clickhouse "$CLICKHOUSE_HTTP/?database=$CLICKHOUSE_DATABASE" ${DUCKDB_URL:+--duckdb "$DUCKDB_URL"} \
        --queries "$QUERIES" --runs "$RUNS" ${ONLY:+--only "$ONLY"} "${drop[@]}" --loads "$LOADS" \
        --title "ClickBench, $ROWS generated rows, $(nproc) cores, commit $commit" \
        --out "$OUT_DIR/clickbench$SUFFIX.tsv" --svg "$OUT_DIR/clickbench$SUFFIX.svg" \
        --markdown "$OUT_DIR/clickbench$SUFFIX.md" || status=$?
    cp "$LOADS" "$OUT_DIR/clickbench-load$SUFFIX.tsv"
    render_png "$OUT_DIR/clickbench$SUFFIX.svg"
    log "results: $OUT_DIR/clickbench$SUFFIX.{tsv,svg,md} and clickbench-load$SUFFIX.tsv; $((SECONDS - started)) s in all"
    return "$status"
}

main
