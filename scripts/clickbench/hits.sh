# Sourced by scripts/bench-clickbench.sh and scripts/bench-storage.sh: generates the ClickBench-like `hits` TSV and
# loads it into Columba, ClickHouse 18.16 and DuckDB, measuring load time and bytes on disk for each.
#
# Expects: ROOT, ROWS, WORK_DIR, BENCH_DIR, JAVA, log(), die(). Sets TSV, COLUMBA_DATA, CLICKHOUSE_DATABASE,
# DUCKDB_DB and, after each load_* / *_bytes call, <SYSTEM>_LOAD_SECONDS, <SYSTEM>_BYTES, <SYSTEM>_PARTS.

TSV="$WORK_DIR/hits-$ROWS.tsv"
COLUMBA_DATA="$WORK_DIR/columba-$ROWS"
DUCKDB_DB="$WORK_DIR/duckdb-$ROWS.db"
DUCKDB_VERSION=2.0.0.1
if ((ROWS == 10000000)); then CLICKHOUSE_DATABASE=columba_bench; else CLICKHOUSE_DATABASE="columba_bench_$ROWS"; fi
CLICKHOUSE=(clickhouse-client --host 127.0.0.1 --port 19000)
CLICKHOUSE_HTTP=http://127.0.0.1:18123
GENERATOR="${GENERATOR:-auto}"
LOAD_THREADS="${LOAD_THREADS:-2}"
LOAD_HEAP="${COLUMBA_LOAD_HEAP:-16g}"

now() { date +%s.%N; }
seconds_since() { python3 -c "import sys; print(f'{float(sys.argv[2]) - float(sys.argv[1]):.2f}')" "$1" "$(now)"; }

# The generator: Columba's own Java port of ../shared/bench/gen_hits.py (GENERATOR=auto|java: the same columns and
# distributions, about 5x faster), or that script itself (GENERATOR=python). Both are deterministic per row count.
generate_hits() {
    mkdir -p "$WORK_DIR"
    if [[ -f "$TSV" ]] && [[ "$(wc -l <"$TSV")" -eq "$ROWS" ]]; then
        log "reusing $TSV ($(du -h "$TSV" | cut -f1))"
        return
    fi
    local generator="$GENERATOR" started
    [[ "$generator" == auto ]] && generator=java
    started="$(now)"
    if [[ "$generator" == python ]]; then
        log "generating $TSV with $BENCH_DIR/gen_hits.py (10M rows: about 140 s, 5.3 GB)"
        python3 "$BENCH_DIR/gen_hits.py" "$ROWS" --jobs "$(nproc)" --format tsv --out "$TSV.part"
    else
        log "generating $TSV with Columba's HitsGenerator"
        "$JAVA" -cp "$ROOT/cli/target/columba.jar" io.columba.cli.bench.HitsGenerator --rows "$ROWS" --format tsv \
            --threads "$(nproc)" --out "$TSV.part" || die "the generator failed"
    fi
    mv "$TSV.part" "$TSV"
    log "generated $ROWS rows in $(seconds_since "$started") s"
}

load_clickhouse() {
    bash "$ROOT/scripts/clickhouse-peer.sh" start
    "${CLICKHOUSE[@]}" --query "CREATE DATABASE IF NOT EXISTS $CLICKHOUSE_DATABASE"
    "${CLICKHOUSE[@]}" --database "$CLICKHOUSE_DATABASE" --query "DROP TABLE IF EXISTS hits"
    "${CLICKHOUSE[@]}" --database "$CLICKHOUSE_DATABASE" --multiquery <"$BENCH_DIR/create_clickhouse.sql"
    log "loading ClickHouse: INSERT INTO $CLICKHOUSE_DATABASE.hits FORMAT TabSeparated < $TSV"
    local started count
    started="$(now)"
    "${CLICKHOUSE[@]}" --database "$CLICKHOUSE_DATABASE" --query "INSERT INTO hits FORMAT TabSeparated" <"$TSV" &
    local client=$!
    show_read_progress "$client" "$TSV" &
    local progress=$!
    wait "$client" || die "the ClickHouse load failed"
    CLICKHOUSE_LOAD_SECONDS="$(seconds_since "$started")"
    kill "$progress" 2>/dev/null || true
    count="$("${CLICKHOUSE[@]}" --database "$CLICKHOUSE_DATABASE" --query "SELECT count() FROM hits")"
    [[ "$count" -eq "$ROWS" ]] || die "ClickHouse holds $count rows, expected $ROWS"
    log "ClickHouse loaded $ROWS rows in $CLICKHOUSE_LOAD_SECONDS s"
}

# Progress of a process reading a file on its stdin, every 10 s on stderr, from the file offset the kernel keeps in
# /proc/PID/fdinfo/0: nothing sits between the file and the client, so the load is timed as it runs alone.
show_read_progress() {
    local pid="$1" total started position
    total="$(stat -c %s "$2")"
    started=$SECONDS
    while sleep 10 && kill -0 "$pid" 2>/dev/null; do
        position="$(awk '/^pos:/ {print $2}' "/proc/$pid/fdinfo/0" 2>/dev/null || echo 0)"
        ((position > 0)) || continue
        python3 -c "import sys; p, t, s = map(int, sys.argv[1:]); r = p / max(s, 1); \
print(f'  {p / t:6.1%} of {t / 2**30:.1f} GiB read, {r / 2**20:.0f} MiB/s, ETA {(t - p) / max(r, 1):.0f} s', \
file=sys.stderr)" "$position" "$total" "$((SECONDS - started))"
    done
}

clickhouse_bytes() {
    # Active parts only: parts replaced by a merge linger on disk for a while.
    read -r CLICKHOUSE_PARTS CLICKHOUSE_BYTES < <("${CLICKHOUSE[@]}" --query "SELECT count(), sum(bytes_on_disk)
        FROM system.parts WHERE active AND database = '$CLICKHOUSE_DATABASE' AND table = 'hits' FORMAT TSV")
}

load_columba() {
    rm -rf "$COLUMBA_DATA"
    log "loading Columba: columba local load --threads $LOAD_THREADS (heap $LOAD_HEAP) into $COLUMBA_DATA"
    local started
    started="$(now)"
    "$JAVA" "-Xmx$LOAD_HEAP" -jar "$ROOT/cli/target/columba.jar" local load --data "$COLUMBA_DATA" --table hits \
        --create-sql "$BENCH_DIR/create_clickhouse.sql" --threads "$LOAD_THREADS" "$TSV" >&2
    COLUMBA_LOAD_SECONDS="$(seconds_since "$started")"
    log "Columba loaded $ROWS rows in $COLUMBA_LOAD_SECONDS s (JVM start to exit)"
}

columba_bytes() {
    # Active parts only, as for ClickHouse: parts covered by a merged part and tmp_* leftovers are not counted.
    read -r COLUMBA_PARTS COLUMBA_BYTES < <(python3 - "$COLUMBA_DATA/data/hits" <<'PY'
import os, re, sys
folder = sys.argv[1]
parts = []
for name in os.listdir(folder):
    match = re.fullmatch(r"(.+)_(\d+)_(\d+)_(\d+)", name)
    if match and not name.startswith("tmp_") and os.path.isdir(os.path.join(folder, name)):
        parts.append((name, match.group(1), int(match.group(2)), int(match.group(3)), int(match.group(4))))
def covered(p):
    return any(q is not p and q[1] == p[1] and q[2] <= p[2] and q[3] >= p[3] and q[4] > p[4] for q in parts)
total = 0
active = [p for p in parts if not covered(p)]
for part in active:
    for directory, _, files in os.walk(os.path.join(folder, part[0])):
        total += sum(os.path.getsize(os.path.join(directory, f)) for f in files)
print(len(active), total)
PY
    )
    [[ "$COLUMBA_PARTS" -gt 0 ]] || die "no Columba part in $COLUMBA_DATA/data/hits"
}

duckdb_jar() {
    DUCKDB_JAR="$HOME/.m2/repository/org/duckdb/duckdb_jdbc/$DUCKDB_VERSION/duckdb_jdbc-$DUCKDB_VERSION.jar"
    if [[ ! -f "$DUCKDB_JAR" ]]; then
        log "fetching org.duckdb:duckdb_jdbc:$DUCKDB_VERSION from Maven Central"
        mvn -q dependency:get -Dartifact="org.duckdb:duckdb_jdbc:$DUCKDB_VERSION" >&2 || die "could not fetch DuckDB"
    fi
}

load_duckdb() {
    duckdb_jar
    log "loading DuckDB $DUCKDB_VERSION: read_csv('$TSV') into $DUCKDB_DB"
    local line
    line="$("$JAVA" -Xmx2g --enable-native-access=ALL-UNNAMED -cp "$DUCKDB_JAR" \
        "$ROOT/scripts/clickbench/DuckDbPeer.java" load "$DUCKDB_DB" "$BENCH_DIR/create_duckdb.sql" "$TSV")" \
        || die "the DuckDB load failed"
    DUCKDB_LOAD_SECONDS="${line#load_seconds$'\t'}"
    DUCKDB_BYTES="$(stat -c %s "$DUCKDB_DB")"
    DUCKDB_PARTS=1
    log "DuckDB loaded $ROWS rows in $DUCKDB_LOAD_SECONDS s (the INSERT ... read_csv and CHECKPOINT)"
}
