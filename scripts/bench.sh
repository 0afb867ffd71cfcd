#!/usr/bin/env bash
# `./columba bench MODE [options]`: Columba side by side with ClickHouse 18.16 (and DuckDB), on this machine, in one
# run. Each mode installs or fetches its peers when they are missing, shows progress on stderr and writes its
# results into docs/benchmarks/ (see docs/benchmarks.md). `./columba bench MODE --help` lists a mode's options.
#
#   clickbench   the 43 ClickBench queries on generated `hits`: load time, bytes on disk, cold and hot query times
#                of Columba, ClickHouse and DuckDB, results checked against ClickHouse; TSV, SVG chart, Markdown
#   storage      bytes on disk and bulk load time of `hits` against ClickHouse, plus JMH scan benchmarks
#   ingest       Events API throughput against ClickHouse's HTTP INSERT ... FORMAT JSONEachRow
#   ingest-csv   a 10M-row CSV append against ClickHouse's INSERT ... FORMAT CSV
#   endpoints    wrk against a parameterized pipe endpoint and the same SQL over ClickHouse's HTTP interface
#   jmh          the JMH benchmarks of the hot paths (jmh/)
#   generate     only writes the `hits` TSV (--rows N --out FILE), with Columba's own generator
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
usage() { sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'; }

# The last run of a TSV that accumulates runs, as a bar chart beside it (same name, .svg).
plot() {
    local tsv="$ROOT/docs/benchmarks/$1" title="$2"
    shift 2
    python3 "$ROOT/scripts/bench-plot.py" --tsv "$tsv" --label system --last run --title "$title" "$@" \
        --out "${tsv%.tsv}.svg"
}

mode="${1:-}"
[[ -n "$mode" ]] && shift
case "$mode" in
    clickbench) exec bash "$ROOT/scripts/bench-clickbench.sh" "$@" ;;
    storage) exec bash "$ROOT/scripts/bench-storage.sh" "$@" ;;
    ingest)
        bash "$ROOT/scripts/bench-ingest.sh" "$@"
        plot ingest-events.tsv "Events API ingestion (wait=true, 4 clients, batches of 10,000)" \
            --value rows_per_second --unit rows/s --better higher --value server_cpu_seconds --unit s --better lower ;;
    ingest-csv)
        bash "$ROOT/scripts/bench-ingest-csv.sh" "$@"
        plot ingest-csv.tsv "CSV append of generated hits rows" \
            --value rows_per_second --unit rows/s --better higher --value seconds --unit s --better lower ;;
    endpoints)
        bash "$ROOT/scripts/bench-endpoints.sh" "$@"
        plot endpoints.tsv "wrk on a top-pages endpoint against the same SQL on ClickHouse" \
            --value requests_per_second --unit req/s --better higher --value p99_ms --unit ms --better lower ;;
    jmh) exec bash "$ROOT/scripts/bench-jmh.sh" "$@" ;;
    generate)
        # shellcheck source=scripts/jdk.sh
        source "$ROOT/scripts/jdk.sh"
        JAVA_HOME="$(find_jdk)" || exit 1
        [[ -f "$ROOT/cli/target/columba.jar" ]] || "$ROOT/columba" --help >/dev/null
        exec "$JAVA_HOME/bin/java" -cp "$ROOT/cli/target/columba.jar" io.columba.cli.bench.HitsGenerator "$@" ;;
    ""|-h|--help|help) usage; [[ -n "$mode" ]] ;;
    *) echo "columba bench: unknown mode '$mode'" >&2; usage >&2; exit 2 ;;
esac
