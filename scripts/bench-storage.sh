#!/usr/bin/env bash
# Storage side by side on generated `hits` (issue 3): Columba vs ClickHouse 18.16 on the same TSV.
#   1. bytes on disk of the loaded table (active parts)   target: Columba <= ClickHouse
#   2. bulk load time of the TSV                          target: Columba <= ClickHouse
#   3. JMH HitsScanBenchmark: sums over an Int64 and a String column, decoded vectors and from disk,
#      against a plain long[]                             target: within 2x of the long[] sum
#
#   scripts/bench-storage.sh [--rows N] [--threads N] [--out FILE] [--no-build] [--no-jmh]
#
# --rows N      rows to generate (default 10000000; try 1000000 first). The TSV is kept in $WORK_DIR
#               (default /tmp/columba-hits) and reused when it holds N lines.
# --threads N   batches Columba inserts at once (`columba local load --threads`, default 2).
# --out FILE    results TSV (default docs/benchmarks/storage-hits.tsv; with --rows other than 10M,
#               docs/benchmarks/storage-hits-<N>.tsv).
# ClickHouse runs through scripts/clickhouse-peer.sh (started if needed, stopped again only if this script
# started it); its table is columba_bench.hits, dropped and created from create_clickhouse.sql.
# Environment: WORK_DIR, BENCH_DIR (default /work/shared/bench), COLUMBA_LOAD_HEAP (default 16g).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
WORK_DIR="${WORK_DIR:-/tmp/columba-hits}"
BENCH_DIR="${BENCH_DIR:-/work/shared/bench}"
LOAD_HEAP="${COLUMBA_LOAD_HEAP:-16g}"
ROWS=10000000
THREADS=2
OUT=""
BUILD=1
JMH=1
CLICKHOUSE=(clickhouse-client --host 127.0.0.1 --port 19000)
CLICKHOUSE_DATABASE=columba_bench
CLICKHOUSE_HTTP=http://127.0.0.1:18123

log() { echo "bench-storage: $*" >&2; }
die() { log "ERROR: $*"; exit 1; }

while (($#)); do
    case "$1" in
        --rows) ROWS="$2"; shift 2 ;;
        --threads) THREADS="$2"; shift 2 ;;
        --out) OUT="$2"; shift 2 ;;
        --no-build) BUILD=0; shift ;;
        --no-jmh) JMH=0; shift ;;
        -h|--help) sed -n '2,20p' "$0"; exit 0 ;;
        *) die "unknown option $1 (see --help)" ;;
    esac
done
[[ "$ROWS" =~ ^[1-9][0-9]*$ ]] || die "--rows must be a positive integer, got $ROWS"
if [[ -z "$OUT" ]]; then
    if ((ROWS == 10000000)); then
        OUT="$ROOT/docs/benchmarks/storage-hits.tsv"
    else
        OUT="$ROOT/docs/benchmarks/storage-hits-$ROWS.tsv"
    fi
fi

# shellcheck source=scripts/jdk.sh
source "$ROOT/scripts/jdk.sh"
JAVA_HOME="$(find_jdk)" || die "no JDK found"
export JAVA_HOME
JAVA="$JAVA_HOME/bin/java"

now() { date +%s.%N; }
seconds_since() { python3 -c "import sys; print(f'{float(sys.argv[2]) - float(sys.argv[1]):.2f}')" "$1" "$(now)"; }

build() {
    ((BUILD)) || return 0
    log "building cli/target/columba.jar and jmh/target/benchmarks.jar"
    local maven=(flock /tmp/columba-mvn.lock mvn -q -DskipTests -Dspotless.check.skip=true package -pl cli,jmh -am)
    (cd "$ROOT" && { "${maven[@]}" -o >&2 || "${maven[@]}" >&2; }) || die "the build failed"
}

generate() {
    TSV="$WORK_DIR/hits-$ROWS.tsv"
    mkdir -p "$WORK_DIR"
    if [[ -f "$TSV" ]] && [[ "$(wc -l <"$TSV")" -eq "$ROWS" ]]; then
        log "reusing $TSV ($(du -h "$TSV" | cut -f1))"
        return
    fi
    log "generating $TSV (10M rows: about 140 s, 5.3 GB)"
    python3 "$BENCH_DIR/gen_hits.py" "$ROWS" --jobs 2 --format tsv --out "$TSV.part"
    mv "$TSV.part" "$TSV"
}

STARTED_PEER=0
start_clickhouse() {
    if [[ "$(curl -s --max-time 2 "$CLICKHOUSE_HTTP/ping" || true)" != "Ok." ]]; then
        STARTED_PEER=1
    fi
    bash "$ROOT/scripts/clickhouse-peer.sh" start
}

stop_clickhouse() {
    if ((STARTED_PEER)); then
        bash "$ROOT/scripts/clickhouse-peer.sh" stop || true
    fi
}

load_clickhouse() {
    "${CLICKHOUSE[@]}" --query "CREATE DATABASE IF NOT EXISTS $CLICKHOUSE_DATABASE"
    "${CLICKHOUSE[@]}" --database "$CLICKHOUSE_DATABASE" --query "DROP TABLE IF EXISTS hits"
    "${CLICKHOUSE[@]}" --database "$CLICKHOUSE_DATABASE" --multiquery <"$BENCH_DIR/create_clickhouse.sql"
    log "loading ClickHouse: INSERT INTO hits FORMAT TabSeparated < $TSV"
    local started
    started="$(now)"
    "${CLICKHOUSE[@]}" --database "$CLICKHOUSE_DATABASE" --query "INSERT INTO hits FORMAT TabSeparated" <"$TSV"
    CLICKHOUSE_LOAD_SECONDS="$(seconds_since "$started")"
    local count
    count="$("${CLICKHOUSE[@]}" --database "$CLICKHOUSE_DATABASE" --query "SELECT count() FROM hits")"
    [[ "$count" -eq "$ROWS" ]] || die "ClickHouse holds $count rows, expected $ROWS"
    log "ClickHouse loaded $ROWS rows in $CLICKHOUSE_LOAD_SECONDS s"
}

clickhouse_bytes() {
    # Active parts only: parts replaced by a merge linger on disk for a while.
    read -r CLICKHOUSE_PARTS CLICKHOUSE_BYTES < <("${CLICKHOUSE[@]}" --query "SELECT count(), sum(bytes_on_disk)
        FROM system.parts WHERE active AND database = '$CLICKHOUSE_DATABASE' AND table = 'hits' FORMAT TSV")
}

load_columba() {
    COLUMBA_DATA="$WORK_DIR/columba-$ROWS"
    rm -rf "$COLUMBA_DATA"
    log "loading Columba: columba local load --threads $THREADS (heap $LOAD_HEAP) into $COLUMBA_DATA"
    local started
    started="$(now)"
    "$JAVA" "-Xmx$LOAD_HEAP" -jar "$ROOT/cli/target/columba.jar" local load --data "$COLUMBA_DATA" --table hits \
        --create-sql "$BENCH_DIR/create_clickhouse.sql" --threads "$THREADS" "$TSV" >&2
    COLUMBA_LOAD_SECONDS="$(seconds_since "$started")"
    log "Columba loaded $ROWS rows in $COLUMBA_LOAD_SECONDS s (JVM start to exit)"
}

columba_bytes() {
    # Active parts only, as for ClickHouse: parts covered by a merged part and tmp_* leftovers are not counted.
    read -r COLUMBA_PARTS COLUMBA_BYTES < <(python3 - "$COLUMBA_DATA/data/hits" <<'EOF'
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
EOF
    )
    [[ "$COLUMBA_PARTS" -gt 0 ]] || die "no Columba part in $COLUMBA_DATA/data/hits"
}

run_jmh() {
    JMH_JSON="$WORK_DIR/jmh-hits-$ROWS.json"
    rm -f "$JMH_JSON"
    ((JMH)) || return 0
    log "running JMH HitsScanBenchmark on $COLUMBA_DATA/data/hits"
    "$JAVA" -jar "$ROOT/jmh/target/benchmarks.jar" HitsScanBenchmark -p "table=$COLUMBA_DATA/data/hits" \
        -rf json -rff "$JMH_JSON" >&2
}

write_results() {
    mkdir -p "$(dirname "$OUT")"
    python3 - "$OUT" "$ROWS" "$COLUMBA_BYTES" "$CLICKHOUSE_BYTES" "$COLUMBA_PARTS" "$CLICKHOUSE_PARTS" \
        "$COLUMBA_LOAD_SECONDS" "$CLICKHOUSE_LOAD_SECONDS" "$JMH_JSON" <<'EOF'
import json, os, sys
out, rows, cb, hb, cp, hp, cs, hs, jmh = sys.argv[1:]
rows, cb, hb, cp, hp, cs, hs = int(rows), int(cb), int(hb), int(cp), int(hp), float(cs), float(hs)
lines = [("measure", "columba", "reference", "columba_over_reference", "unit", "reference_is")]
lines.append(("rows", rows, rows, "", "rows", "ClickHouse 18.16"))
lines.append(("bytes_on_disk", cb, hb, f"{cb / hb:.3f}", "bytes (active parts)", "ClickHouse 18.16"))
lines.append(("active_parts", cp, hp, "", "parts", "ClickHouse 18.16"))
lines.append(("load_seconds", f"{cs:.1f}", f"{hs:.1f}", f"{cs / hs:.2f}", "s", "ClickHouse 18.16"))
lines.append(("load_rows_per_second", round(rows / cs), round(rows / hs), f"{hs / cs:.2f}", "rows/s",
              "ClickHouse 18.16"))
if os.path.exists(jmh):
    scores = {}
    for result in json.load(open(jmh)):
        name = result["benchmark"].rsplit(".", 1)[1]
        scores[name] = result["primaryMetric"]["score"]  # ms per full scan
        params = result.get("params", {})
    plain = scores.get("plainLongArraySum")
    labels = {
        "plainLongArraySum": f"scan_sum plain long[] ({params.get('longColumn')} values)",
        "decodedLongSum": f"scan_sum decoded LongColumn {params.get('longColumn')}",
        "decodedStringLengthSum": f"scan_sum_length decoded StringColumn {params.get('stringColumn')}",
        "diskLongSum": f"scan_sum DataPart.read {params.get('longColumn')}",
        "diskStringLengthSum": f"scan_sum_length DataPart.read {params.get('stringColumn')}",
    }
    for name, label in labels.items():
        if name in scores:
            ms = scores[name]
            lines.append((label + " ms/scan", f"{ms:.3f}", f"{plain:.3f}", f"{ms / plain:.2f}", "ms per scan",
                          "plain long[] sum"))
            lines.append((label + " rows/s", round(rows / ms * 1000), round(rows / plain * 1000),
                          f"{plain / ms:.3f}", "rows/s", "plain long[] sum"))
with open(out, "w") as f:
    for line in lines:
        f.write("\t".join(str(v) for v in line) + "\n")
EOF
    log "results in $OUT"
    column -t -s $'\t' "$OUT"
}

main() {
    log "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $("$JAVA" -version 2>&1 | head -1)," \
        "commit $(git -C "$ROOT" rev-parse --short HEAD)"
    build
    generate
    start_clickhouse
    trap stop_clickhouse EXIT
    load_clickhouse
    load_columba
    clickhouse_bytes
    columba_bytes
    log "bytes on disk: Columba $COLUMBA_BYTES ($COLUMBA_PARTS parts), ClickHouse $CLICKHOUSE_BYTES" \
        "($CLICKHOUSE_PARTS parts)"
    run_jmh
    write_results
}

main
