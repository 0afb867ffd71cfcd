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
# Environment: WORK_DIR, BENCH_DIR (default ../shared/bench beside the repository), COLUMBA_LOAD_HEAP (default 16g).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
WORK_DIR="${WORK_DIR:-/tmp/columba-hits}"
BENCH_DIR="${BENCH_DIR:-$(cd "$ROOT/.." && pwd)/shared/bench}"
ROWS=10000000
THREADS=2
OUT=""
BUILD=1
JMH=1

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
LOAD_THREADS="$THREADS"
# shellcheck source=scripts/clickbench/hits.sh
source "$ROOT/scripts/clickbench/hits.sh"

build() {
    ((BUILD)) || return 0
    log "building cli/target/columba.jar and jmh/target/benchmarks.jar"
    local maven=(flock /tmp/columba-mvn.lock mvn -q -DskipTests -Dspotless.check.skip=true package -pl cli,jmh -am)
    (cd "$ROOT" && { "${maven[@]}" -o >&2 || "${maven[@]}" >&2; }) || die "the build failed"
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
    generate_hits
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
