#!/usr/bin/env bash
# Measures ClickHouse 18.16 (the peer) on SELECT sum(x) over 10M Int64 rows, hot:
# 2 warm-up runs, then 10 timed runs (HTTP round trip timed by curl), default threads and max_threads=1.
# Prints min/median seconds, rows/s, the result and the table's bytes (system.parts).
#
#   scripts/clickhouse-sum-int64.sh            # ROWS=10000000 RUNS=10 WARMUPS=2 by default
set -euo pipefail

cd "$(dirname "$0")/.."
ROWS="${ROWS:-10000000}"
RUNS="${RUNS:-10}"
WARMUPS="${WARMUPS:-2}"
CLIENT=(clickhouse-client --host 127.0.0.1 --port 19000)
URL="http://127.0.0.1:18123/"

scripts/clickhouse-peer.sh start

"${CLIENT[@]}" --query "DROP TABLE IF EXISTS sum10m"
"${CLIENT[@]}" --query "CREATE TABLE sum10m (x Int64) ENGINE = MergeTree ORDER BY tuple()"
load_start=$(date +%s%N)
"${CLIENT[@]}" --query "INSERT INTO sum10m SELECT toInt64((number * 2654435761) % 1000000007) - 500000000 FROM system.numbers LIMIT $ROWS"
load_end=$(date +%s%N)
echo "loaded $ROWS rows in $(awk -v ns=$((load_end - load_start)) 'BEGIN { printf "%.3f", ns / 1e9 }') s"
# Let background merges settle so the byte counts (and timings) are stable.
sleep 5

"${CLIENT[@]}" --query "SELECT 'parts', count(), 'rows', sum(rows), 'data_compressed_bytes', sum(data_compressed_bytes), 'data_uncompressed_bytes', sum(data_uncompressed_bytes), 'bytes_on_disk', sum(bytes_on_disk) FROM system.parts WHERE database = currentDatabase() AND table = 'sum10m' AND active"

# Runs QUERY WARMUPS+RUNS times over HTTP; prints "result min median" (curl's time_total, seconds,
# i.e. the full request round trip on loopback, with microsecond resolution).
time_query() {
    local query="$1" i result times=()
    for ((i = 0; i < WARMUPS; i++)); do
        curl -sS --fail --data-binary "$query" "$URL" >/dev/null
    done
    for ((i = 0; i < RUNS; i++)); do
        times+=("$(curl -sS --fail -o /dev/null -w '%{time_total}' --data-binary "$query" "$URL")")
    done
    result=$(curl -sS --fail --data-binary "$query" "$URL")
    printf '%s\n' "${times[@]}" | sort -g | awk -v result="$result" '
        { t[NR] = $1 }
        END {
            median = (NR % 2) ? t[(NR + 1) / 2] : (t[NR / 2] + t[NR / 2 + 1]) / 2
            printf "%s %.4f %.4f\n", result, t[1], median
        }'
}

report() {
    local label="$1" query="$2" result min median
    read -r result min median < <(time_query "$query")
    echo "$label: result=$result runs=$RUNS min=${min}s median=${median}s" \
        "rows/s(min)=$(awk -v r="$ROWS" -v t="$min" 'BEGIN { printf "%.0f", r / t }')" \
        "rows/s(median)=$(awk -v r="$ROWS" -v t="$median" 'BEGIN { printf "%.0f", r / t }')"
}

echo "server: ClickHouse $("${CLIENT[@]}" --query "SELECT version()"), $(nproc) cores"
report "sum(x) default threads" "SELECT sum(x) FROM sum10m"
report "sum(x) max_threads=1  " "SELECT sum(x) FROM sum10m SETTINGS max_threads = 1"
