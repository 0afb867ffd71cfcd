#!/usr/bin/env bash
# JMH benchmarks of the hot paths (issue 8): codec decode, filter, hash aggregation, sort, hash join, JSON row
# conversion, templates, the endpoint call, plus the regexp benchmark. Short settings (one fork, 4 warmups x 1 s,
# 3 measurements x 1 s); the default set takes about 8 minutes on 2 cores.
#
#   scripts/bench-jmh.sh [--filter REGEX] [--quick] [--no-build] [--out FILE]
#
# --filter REGEX  benchmarks to run (JMH's include regex, e.g. 'Aggregate|Sort' or 'CodecDecode.*decodeSum');
#                 default: every benchmark but HitsScanBenchmark (needs a table from scripts/bench-storage.sh),
#                 ScanSumBenchmark (loads 10M rows first; scripts/bench-storage.sh and
#                 scripts/clickhouse-sum-int64.sh cover that sum) and ParseBenchmark (seconds per operation).
# --quick         1 warmup x 0.3 s and 2 measurements x 0.3 s: a smoke run, numbers only roughly right.
# --no-build      use the jmh/target/benchmarks.jar already built.
# --out FILE      results TSV (default docs/benchmarks/jmh.tsv; with --filter or --quick,
#                 jmh/target/jmh-partial.tsv, so a partial run never overwrites the full one).
#
# JMH's own progress goes to stderr. The TSV has one row per benchmark and parameter set: benchmark, params
# (name=value,...), score (JMH's mean of the measurements), error (99.9% half-width; empty with fewer than 2
# measurements), unit, best (the fastest measurement: steadier than the mean on a shared machine), and, for a
# benchmark with a plain-Java baseline run alongside, the baseline's name and how many times the baseline's
# time the benchmark takes, best against best (x_baseline; 1 is as fast as plain Java).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
FILTER=""
QUICK=0
BUILD=1
OUT=""
DEFAULT_EXCLUDE='HitsScanBenchmark|ScanSumBenchmark|ParseBenchmark'

log() { echo "bench-jmh: $*" >&2; }
die() { log "ERROR: $*"; exit 1; }

while (($#)); do
    case "$1" in
        --filter) FILTER="$2"; shift 2 ;;
        --quick) QUICK=1; shift ;;
        --no-build) BUILD=0; shift ;;
        --out) OUT="$2"; shift 2 ;;
        -h|--help) sed -n '2,23p' "$0"; exit 0 ;;
        *) die "unknown option $1 (see --help)" ;;
    esac
done
if [[ -z "$OUT" ]]; then
    if [[ -z "$FILTER" ]] && ((!QUICK)); then
        OUT="$ROOT/docs/benchmarks/jmh.tsv"
    else
        OUT="$ROOT/jmh/target/jmh-partial.tsv"
    fi
fi

# shellcheck source=scripts/jdk.sh
source "$ROOT/scripts/jdk.sh"
JAVA_HOME="$(find_jdk)" || die "no JDK found"
export JAVA_HOME
quiet_maven_on_new_jdks "$JAVA_HOME"
JAR="$ROOT/jmh/target/benchmarks.jar"

if ((BUILD)); then
    log "building $JAR"
    maven=(flock /tmp/columba-mvn.lock "$(find_maven "$ROOT")" -q -DskipTests -Dspotless.check.skip=true
        package -pl jmh -am)
    (cd "$ROOT" && { "${maven[@]}" -o >&2 || "${maven[@]}" >&2; }) || die "the build failed"
fi
[[ -f "$JAR" ]] || die "no $JAR (run without --no-build)"

if ((QUICK)); then
    settings=(-f 1 -wi 1 -w 300ms -i 2 -r 300ms)
else
    settings=(-f 1 -wi 4 -w 1s -i 3 -r 1s)
fi
selection=()
if [[ -n "$FILTER" ]]; then
    selection=("$FILTER")
else
    selection=(-e "$DEFAULT_EXCLUDE")
fi
RESULT="$(mktemp /tmp/columba-jmh-XXXXXX.json)"
trap 'rm -f "$RESULT"' EXIT

log "running ${selection[*]} with ${settings[*]} (JMH's output follows)"
started=$(date +%s)
"$JAVA_HOME/bin/java" -jar "$JAR" "${selection[@]}" "${settings[@]}" -rf json -rff "$RESULT" >&2 \
    || die "JMH failed"
log "ran in $(($(date +%s) - started)) s"

mkdir -p "$(dirname "$OUT")"
python3 - "$RESULT" "$OUT" <<'PYTHON'
import json
import sys

# benchmark (without package) -> (baseline benchmark, params the comparison holds for; {} for all)
BASELINES = [
    ("CodecDecodeBenchmark.decodeSum", "CodecDecodeBenchmark.plainSum", {}),
    ("FilterBenchmark.filter", "FilterBenchmark.plainIntCompare", {"predicate": "int_compare"}),
    ("AggregateBenchmark.groupBy", "AggregateBenchmark.plainSmallIntGroupSum",
     {"keys": "small_int", "aggregate": "sum"}),
    ("SortBenchmark.orderBy", "SortBenchmark.plainArraysSort", {"key": "int64", "limit": "all"}),
    ("JoinBenchmark.build", "JoinBenchmark.plainHashMapBuild", {"key": "int64"}),
    ("JoinBenchmark.probe", "JoinBenchmark.plainHashMapProbe", {"key": "int64"}),
    ("JsonIngestBenchmark.convertBody", "JsonIngestBenchmark.plainJacksonTokenize", {}),
    ("JsonIngestBenchmark.convertParsedTree", "JsonIngestBenchmark.plainJacksonTokenize", {}),
    ("TemplateBenchmark.renderSimple", "TemplateBenchmark.plainStringBuilder", {}),
    ("EndpointBenchmark.httpPipe", "EndpointBenchmark.httpPing", {}),
    ("ScanSumBenchmark.sqlSum", "ScanSumBenchmark.plainArraySum", {}),
    ("ScanSumBenchmark.storageScanSum", "ScanSumBenchmark.plainArraySum", {}),
    ("HitsScanBenchmark.decodedLongSum", "HitsScanBenchmark.plainLongArraySum", {}),
    ("HitsScanBenchmark.diskLongSum", "HitsScanBenchmark.plainLongArraySum", {}),
]


def best(result):
    """The fastest measurement: the lowest time, or the highest throughput."""
    values = [float(v) for fork in result["primaryMetric"]["rawData"] for v in fork]
    return max(values) if result["mode"] == "thrpt" else min(values)


def short(name):
    return name.replace("io.columba.jmh.", "")


def number(value):
    value = float(value)
    if value != value:  # NaN: fewer than two measurements
        return ""
    return f"{value:.4g}" if abs(value) < 1000 else f"{value:.0f}"


results = json.load(open(sys.argv[1]))
scores = {}
for result in results:
    params = result.get("params", {})
    scores[(short(result["benchmark"]), tuple(sorted(params.items())))] = result

rows = []
for result in results:
    name = short(result["benchmark"])
    params = result.get("params", {})
    metric = result["primaryMetric"]
    baseline, ratio = "", ""
    for benchmark, base, holds in BASELINES:
        if benchmark != name or any(params.get(k) != v for k, v in holds.items()):
            continue
        other = scores.get((base, ()))
        if other is None or other["primaryMetric"]["scoreUnit"] != metric["scoreUnit"]:
            continue
        base_score, score = best(other), best(result)
        # Times the baseline's time: a throughput divides the other way.
        times = score / base_score if result["mode"] != "thrpt" else base_score / score
        baseline, ratio = base, f"{times:.2f}"
    rows.append([
        name,
        ",".join(f"{k}={v}" for k, v in params.items()) or "-",
        number(metric["score"]),
        number(metric["scoreError"]),
        metric["scoreUnit"],
        number(best(result)),
        baseline,
        ratio,
    ])

with open(sys.argv[2], "w") as out:
    out.write("benchmark\tparams\tscore\terror\tunit\tbest\tbaseline\tx_baseline\n")
    for row in rows:
        out.write("\t".join(row) + "\n")
PYTHON
log "wrote $OUT"
column -t -s $'\t' "$OUT" >&2 || cat "$OUT" >&2
