#!/usr/bin/env python3
"""Runs the ClickBench queries on Columba and ClickHouse 18.16 over HTTP, compares their rows (and DuckDB's where
18.16 is known to be wrong), times hot runs, and writes a TSV, a Markdown table and an SVG plot.

Called by scripts/bench-clickbench.sh; see there for how the three systems are started and loaded.
"""
import argparse
import math
import os
import re
import sys
import time
import urllib.error
import urllib.parse
import urllib.request

# ClickHouse 18.16 lacks these spellings; the rewrite is the same computation (../shared/bench/PEERS.md).
CLICKHOUSE_18_REWRITES = [
    ("REGEXP_REPLACE(Referer, '^https?://(?:www\\.)?([^/]+)/.*$', '\\1')",
     "replaceRegexpOne(Referer, '^https?://(?:www\\\\.)?([^/]+)/.*$', '\\\\1')"),
    ("DATE_TRUNC('minute', EventTime)", "toStartOfMinute(EventTime)"),
]
# LIMIT without ORDER BY: any groups may come back, so each of our rows is checked against ClickHouse instead.
ANY_ROWS_CHECKS = {
    17: lambda row: (f"SELECT count() FROM hits WHERE UserID = {int(row[0])} "
                     f"AND SearchPhrase = '{sql_string(unescape_tsv(row[1]))}'", row[2]),
}
# Queries whose 18.16 answer is wrong: compared with DuckDB instead (PEERS.md: avg(UserID) overflows Int64 in 18.16).
CLICKHOUSE_WRONG = {3: "18.16 overflows Int64 in avg(UserID)"}


def log(message):
    print("clickbench: " + message, file=sys.stderr, flush=True)


def http_query(url, sql, timeout):
    request = urllib.request.Request(url, data=sql.encode())
    started = time.perf_counter()
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            body = response.read().decode()
        return body, time.perf_counter() - started, None
    except urllib.error.HTTPError as error:
        return None, time.perf_counter() - started, error.read().decode().strip()[:400]
    except (urllib.error.URLError, TimeoutError, ConnectionError) as error:
        return None, time.perf_counter() - started, str(error)


def run(url, sql, runs, timeout):
    """One cold run (its rows are kept), then `runs` hot runs; returns rows, best hot seconds, error."""
    body, _, error = http_query(url, sql + " FORMAT TabSeparated", timeout)
    if error:
        return None, None, error
    best = math.inf
    for _ in range(runs):
        _, seconds, error = http_query(url, sql + " FORMAT TabSeparated", timeout)
        if error:
            return None, None, error
        best = min(best, seconds)
    return parse_rows(body), best, None


def unescape_tsv(text):
    return re.sub(r"\\(.)", lambda m: {"t": "\t", "n": "\n", "0": "\0"}.get(m.group(1), m.group(1)), text)


def sql_string(text):
    return text.replace("\\", "\\\\").replace("'", "\\'")


def check_any_rows(url, index, ours, expected_count, timeout):
    """For a LIMIT without ORDER BY: the right number of rows, each a real group with the right count."""
    if len(ours) != expected_count:
        return f"differs: {len(ours)} rows against {expected_count}"
    for row in ours:
        sql, expected = ANY_ROWS_CHECKS[index](row)
        body, _, error = http_query(url, sql + " FORMAT TabSeparated", timeout)
        if error or body.strip() != expected:
            return f"differs: ClickHouse counts {body.strip() if body else error} for {'|'.join(row)[:80]}"
    return "same (any rows, each checked)"


def parse_rows(body):
    return [line.split("\t") for line in body.split("\n") if line != ""]


def same_value(a, b):
    if a == b:
        return True
    try:
        x, y = float(a), float(b)
    except ValueError:
        return normalize_temporal(a) == normalize_temporal(b)
    if math.isnan(x) and math.isnan(y):
        return True
    return abs(x - y) <= 1e-9 * max(1.0, abs(x), abs(y))


def normalize_temporal(text):
    # DuckDB prints timestamps with a 'T' or without seconds' zero padding differences.
    return text.replace("T", " ")


def same_row(a, b):
    return len(a) == len(b) and all(same_value(x, y) for x, y in zip(a, b))


def split_top_level(text, separator=","):
    parts, depth, current, quote = [], 0, [], None
    for char in text:
        if quote:
            current.append(char)
            if char == quote:
                quote = None
            continue
        if char in "'\"`":
            quote = char
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == separator and depth == 0:
            parts.append("".join(current).strip())
            current = []
            continue
        current.append(char)
    parts.append("".join(current).strip())
    return parts


def order_key_columns(sql):
    """Output positions of the ORDER BY expressions (by alias or by the same text), or None."""
    match = re.search(r"(?is)^SELECT (.*?) FROM .*? ORDER BY (.*?)(?: LIMIT .*)?$", sql)
    if not match:
        return None
    items = split_top_level(match.group(1))
    names = []
    for item in items:
        alias = re.search(r"(?i)\s+AS\s+(\w+)$", item)
        names.append((item[: alias.start()].strip() if alias else item, alias.group(1) if alias else None))
    positions = []
    for key in split_top_level(match.group(2)):
        key = re.sub(r"(?i)\s+(ASC|DESC)$", "", key).strip()
        found = [i for i, (expression, alias) in enumerate(names) if key in (expression, alias)]
        if not found:
            return None
        positions.append(found[0])
    return positions


def compare(sql, ours, reference):
    """'same', 'same (ties)', or a short description of the first difference."""
    if len(ours) == len(reference) and all(same_row(a, b) for a, b in zip(ours, reference)):
        return "same"
    if len(ours) != len(reference):
        return f"differs: {len(ours)} rows against {len(reference)}"
    keys = order_key_columns(sql)
    if keys is None or " LIMIT " not in sql.upper():
        if sorted(map(tuple, ours)) == sorted(map(tuple, reference)):
            return "same (row order)"
        return first_difference(ours, reference)
    def key_of(row):
        return [row[k] for k in keys]

    if not all(same_row(key_of(a), key_of(b)) for a, b in zip(ours, reference)):
        return first_difference(ours, reference)
    # Equal sort keys row by row: rows may differ only inside a run of equal keys that the LIMIT (or OFFSET) cuts,
    # whose members ClickHouse picks arbitrarily too; every other run must hold the same rows.
    tied, start = False, 0
    while start < len(reference):
        end = start + 1
        while end < len(reference) and key_of(reference[end]) == key_of(reference[start]):
            end += 1
        mine, theirs = sorted(map(tuple, ours[start:end])), sorted(map(tuple, reference[start:end]))
        if not all(same_row(a, b) for a, b in zip(mine, theirs)):
            if start != 0 and end != len(reference):
                return first_difference(ours, reference)
            tied = True
        elif ours[start:end] != reference[start:end]:
            tied = True
        start = end
    return "same (ties)" if tied else "same"


def first_difference(ours, reference):
    for i, (a, b) in enumerate(zip(ours, reference)):
        if not same_row(a, b):
            return f"differs at row {i + 1}: {'|'.join(a)[:80]} against {'|'.join(b)[:80]}"
    return "differs"


def read_duckdb(directory, index):
    path = os.path.join(directory, f"q{index}.tsv")
    if not os.path.exists(path):
        return None
    with open(path) as handle:
        return parse_rows(handle.read())


def read_duckdb_times(directory):
    times = {}
    path = os.path.join(directory, "times.tsv")
    if os.path.exists(path):
        with open(path) as handle:
            for line in handle:
                name, seconds = line.rstrip("\n").split("\t")
                times[name] = float(seconds)
    return times


def geometric_mean(values):
    values = [v for v in values if v and v > 0]
    return math.exp(sum(math.log(v) for v in values) / len(values)) if values else float("nan")


def write_svg(path, results):
    """A log-scale bar chart of hot seconds per query, one bar per system."""
    systems = [("columba", "#1f77b4", "Columba"), ("clickhouse", "#ff7f0e", "ClickHouse 18.16"),
               ("duckdb", "#2ca02c", "DuckDB")]
    width, height, left, bottom, top = 1400, 420, 60, 40, 40
    plot_height = height - bottom - top
    low, high = -4, 2  # 0.1 ms to 100 s
    band = (width - left - 20) / len(results)
    bar = band / 4
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" font-family="sans-serif" '
             f'font-size="10"><rect width="100%" height="100%" fill="white"/>',
             f'<text x="{width / 2}" y="16" text-anchor="middle" font-size="14">ClickBench hot time per query '
             f'(seconds, log scale, lower is better)</text>']
    for exponent in range(low, high + 1):
        y = top + plot_height * (high - exponent) / (high - low)
        parts.append(f'<line x1="{left}" x2="{width - 20}" y1="{y:.1f}" y2="{y:.1f}" stroke="#ddd"/>')
        parts.append(f'<text x="{left - 4}" y="{y + 3:.1f}" text-anchor="end">1e{exponent}</text>')
    for i, result in enumerate(results):
        x0 = left + i * band
        for s, (key, color, _) in enumerate(systems):
            seconds = result.get(key)
            if not seconds:
                continue
            value = min(max(math.log10(seconds), low), high)
            y = top + plot_height * (high - value) / (high - low)
            parts.append(f'<rect x="{x0 + bar * (s + 0.5):.1f}" y="{y:.1f}" width="{bar:.1f}" '
                         f'height="{top + plot_height - y:.1f}" fill="{color}"/>')
        parts.append(f'<text x="{x0 + band / 2:.1f}" y="{height - bottom + 14}" text-anchor="middle">'
                     f'{result["query"]}</text>')
    for s, (_, color, label) in enumerate(systems):
        parts.append(f'<rect x="{left + 10 + s * 150}" y="{height - 16}" width="10" height="10" fill="{color}"/>')
        parts.append(f'<text x="{left + 24 + s * 150}" y="{height - 7}">{label}</text>')
    parts.append("</svg>")
    with open(path, "w") as handle:
        handle.write("\n".join(parts) + "\n")


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--columba", required=True, help="Columba's ClickHouse HTTP URL with credentials")
    parser.add_argument("--clickhouse", required=True, help="ClickHouse HTTP URL with ?database=")
    parser.add_argument("--duckdb-dir", help="DuckDbPeer's output folder")
    parser.add_argument("--queries", required=True)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--timeout", type=float, default=600)
    parser.add_argument("--only", help="comma-separated query numbers, e.g. 0,5,28")
    parser.add_argument("--out", required=True, help="results TSV")
    parser.add_argument("--svg", help="plot to write")
    args = parser.parse_args()

    with open(args.queries) as handle:
        queries = [line.strip().rstrip(";") for line in handle if line.strip()]
    only = {int(q) for q in args.only.split(",")} if args.only else None
    duck_times = read_duckdb_times(args.duckdb_dir) if args.duckdb_dir else {}
    results = []
    for index, sql in enumerate(queries):
        if only is not None and index not in only:
            continue
        clickhouse_sql = sql
        for modern, old in CLICKHOUSE_18_REWRITES:
            clickhouse_sql = clickhouse_sql.replace(modern, old)
        theirs, clickhouse_seconds, clickhouse_error = run(args.clickhouse, clickhouse_sql, args.runs, args.timeout)
        ours, columba_seconds, columba_error = run(args.columba, sql, args.runs, args.timeout)
        duck_rows = read_duckdb(args.duckdb_dir, index) if args.duckdb_dir else None
        reference_name, reference = "ClickHouse", theirs
        if index in CLICKHOUSE_WRONG:
            reference_name, reference = "DuckDB", duck_rows
        if columba_error:
            verdict = "error: " + columba_error.replace("\n", " ")[:200]
        elif reference is None:
            verdict = f"not compared: no {reference_name} result ({clickhouse_error or 'DuckDB not run'})"
        elif index in ANY_ROWS_CHECKS:
            verdict = check_any_rows(args.clickhouse, index, ours, len(reference), args.timeout)
        else:
            verdict = compare(sql, ours, reference)
        result = {
            "query": f"Q{index}",
            "columba": columba_seconds,
            "clickhouse": clickhouse_seconds,
            "duckdb": duck_times.get(f"Q{index}"),
            "reference": reference_name,
            "verdict": verdict,
        }
        results.append(result)
        ratio = columba_seconds / clickhouse_seconds if columba_seconds and clickhouse_seconds else None
        log(f"Q{index}: Columba {fmt(columba_seconds)} s, ClickHouse {fmt(clickhouse_seconds)} s, ratio "
            f"{fmt(ratio, 2)}; rows vs {reference_name}: {verdict}")

    with open(args.out, "w") as handle:
        handle.write("query\tcolumba_hot_s\tclickhouse_18.16_hot_s\tduckdb_hot_s\tcolumba_over_clickhouse"
                     "\tcompared_with\tresult\n")
        for r in results:
            ratio = r["columba"] / r["clickhouse"] if r["columba"] and r["clickhouse"] else None
            handle.write(f"{r['query']}\t{fmt(r['columba'])}\t{fmt(r['clickhouse'])}\t{fmt(r['duckdb'])}\t"
                         f"{fmt(ratio, 2)}\t{r['reference']}\t{r['verdict']}\n")
    if args.svg:
        write_svg(args.svg, results)
    ratios = [r["columba"] / r["clickhouse"] for r in results if r["columba"] and r["clickhouse"]]
    matching = sum(1 for r in results if r["verdict"].startswith("same"))
    log(f"{matching} of {len(results)} queries return the reference's rows; geometric mean Columba/ClickHouse "
        f"{fmt(geometric_mean(ratios), 3)} over {len(ratios)} queries; worst {fmt(max(ratios, default=None), 2)}")
    duck_ratios = [r["columba"] / r["duckdb"] for r in results if r["columba"] and r["duckdb"]]
    if duck_ratios:
        log(f"geometric mean Columba/DuckDB {fmt(geometric_mean(duck_ratios), 3)} over {len(duck_ratios)} queries")
    return 0 if matching == len(results) else 1


def fmt(value, digits=4):
    return "" if value is None else f"{value:.{digits}f}"


if __name__ == "__main__":
    sys.exit(main())
