#!/usr/bin/env bash
# `./columba bench MODE [options]`: Columba side by side with ClickHouse 18.16 (and DuckDB), on this machine, in one
# run. Each mode installs or fetches its peers when they are missing, shows progress on stderr and writes its
# results into docs/benchmarks/ (see docs/benchmarks.md). `./columba bench MODE --help` lists a mode's options.
#
#   clickbench   the 43 ClickBench queries on generated `hits`: load time, bytes on disk, cold and hot query times
#                of Columba, ClickHouse and DuckDB, results checked against ClickHouse; TSV, SVG chart, Markdown
#   storage      bytes on disk and bulk load time of `hits` against ClickHouse, plus JMH scan benchmarks
#   ingest       Events API throughput against ClickHouse's HTTP INSERT ... FORMAT JSONEachRow
#   endpoints    wrk against a parameterized pipe endpoint and the same SQL over ClickHouse's HTTP interface
#   jmh          the JMH benchmarks of the hot paths (jmh/)
#   generate     only writes the `hits` TSV (--rows N --out FILE), with Columba's own generator
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
usage() { sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'; }

mode="${1:-}"
[[ -n "$mode" ]] && shift
case "$mode" in
    clickbench) exec bash "$ROOT/scripts/bench-clickbench.sh" "$@" ;;
    storage) exec bash "$ROOT/scripts/bench-storage.sh" "$@" ;;
    ingest) exec bash "$ROOT/scripts/bench-ingest.sh" "$@" ;;
    endpoints|jmh)
        script="$ROOT/scripts/bench-$mode.sh"
        [[ -f "$script" ]] || { echo "columba bench: $mode is not available in this checkout ($script)" >&2; exit 2; }
        exec bash "$script" "$@" ;;
    generate)
        # shellcheck source=scripts/jdk.sh
        source "$ROOT/scripts/jdk.sh"
        JAVA_HOME="$(find_jdk)" || exit 1
        [[ -f "$ROOT/cli/target/columba.jar" ]] || "$ROOT/columba" --help >/dev/null
        exec "$JAVA_HOME/bin/java" -cp "$ROOT/cli/target/columba.jar" io.columba.cli.bench.HitsGenerator "$@" ;;
    ""|-h|--help|help) usage; [[ -n "$mode" ]] ;;
    *) echo "columba bench: unknown mode '$mode'" >&2; usage >&2; exit 2 ;;
esac
