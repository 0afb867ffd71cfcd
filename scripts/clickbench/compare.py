#!/usr/bin/env python3
"""Runs the ClickBench queries on Columba, ClickHouse 18.16 and DuckDB over HTTP, in alternation: for each query one
cold run per system (after dropping the OS page cache when allowed), then --runs rounds of one hot run per system.
Checks that Columba returns ClickHouse's rows (DuckDB's where 18.16 is known to be wrong) and writes a TSV, a
Markdown summary and an SVG chart (per-query bars on a log scale, geometric means, load time and bytes on disk).

Called by scripts/bench-clickbench.sh; see there for how the three systems are generated, loaded and started.
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


def timed_query(url, sql, timeout):
    """(rows, seconds, error) of one run over HTTP, timed from request to the last byte of the answer."""
    body, seconds, error = http_query(url, sql, timeout)
    return (None if error else parse_rows(body)), seconds, error


def texts_of(sql):
    """The query as each system runs it: ClickHouse 18.16 gets its older spellings, both get FORMAT TabSeparated."""
    texts = {"columba": sql, "clickhouse": sql, "duckdb": sql}
    for modern, old in CLICKHOUSE_18_REWRITES:
        texts["clickhouse"] = texts["clickhouse"].replace(modern, old)
    for key in ("columba", "clickhouse"):
        texts[key] += " FORMAT TabSeparated"
    return texts


def drop_page_cache():
    """Empties the OS page cache (needs root); False when not allowed."""
    try:
        os.sync()
        with open("/proc/sys/vm/drop_caches", "w") as handle:
            handle.write("3\n")
        return True
    except OSError:
        return False


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


def split_top_level(text, separator=",", stop=None):
    """Splits at `separator` outside parentheses and quotes; with `stop`, returns instead the text before the first
    top-level match of that pattern (None when there is none)."""
    parts, depth, current, quote = [], 0, [], None
    for position, char in enumerate(text):
        if stop is not None and not quote and depth == 0 and stop.match(text, position):
            return text[:position]
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
    if stop is not None:
        return None
    parts.append("".join(current).strip())
    return parts


def order_key_columns(sql):
    """Output positions of the ORDER BY expressions (by alias or by the same text), or None."""
    # The select list ends at the first FROM outside parentheses (not the one of `extract(minute FROM x)`).
    select = split_top_level(sql, separator=None, stop=re.compile(r"(?i)\sFROM\s"))
    match = re.search(r"(?is) ORDER BY (.*?)(?: LIMIT .*)?$", sql)
    if not sql[:7].upper() == "SELECT " or select is None or not match:
        return None
    items = split_top_level(select[7:])
    names = []
    for item in items:
        alias = re.search(r"(?i)\s+AS\s+(\w+)$", item)
        names.append((item[: alias.start()].strip() if alias else item, alias.group(1) if alias else None))
    positions = []
    for key in split_top_level(match.group(1)):
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


def geometric_mean(values):
    values = [v for v in values if v and v > 0]
    return math.exp(sum(math.log(v) for v in values) / len(values)) if values else float("nan")



SYSTEMS = [("columba", "#1f77b4", "Columba"), ("clickhouse", "#ff7f0e", "ClickHouse 18.16"),
           ("duckdb", "#2ca02c", "DuckDB")]


def xml(text):
    return str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def write_svg(path, results, summary, loads, title):
    """Per-query hot-time bars on a log scale, then geometric means and the load figures, in one SVG."""
    present = [s for s in SYSTEMS if any(r.get(s[0] + "_hot") for r in results)]
    # A last group of bars: each system's geometric mean over the queries every system answered.
    complete = [r for r in results if all(r.get(key + "_hot") for key, _, _ in present)]
    if complete:
        means = {key + "_hot": geometric_mean([r[key + "_hot"] for r in complete]) for key, _, _ in present}
        results = results + [dict(means, query="Qgeo mean", verdict="same")]
    width, top, plot_height, left = max(900, 60 + 30 * len(results)), 50, 300, 60
    band = (width - left - 20) / max(1, len(results))
    bar = band / (len(present) + 1)
    hot = [r.get(s[0] + "_hot") for r in results for s in present if r.get(s[0] + "_hot")]
    low = math.floor(math.log10(min(hot))) if hot else -3
    high = math.ceil(math.log10(max(hot))) if hot else 2
    high = max(high, low + 1)
    height = top + plot_height + 70 + 24 * (len(summary) + len(loads) + 2)

    def y_of(seconds):
        value = min(max(math.log10(seconds), low), high)
        return top + plot_height * (high - value) / (high - low)

    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" font-family="sans-serif" '
             f'font-size="11"><rect width="100%" height="100%" fill="white"/>',
             f'<text x="{width / 2}" y="18" text-anchor="middle" font-size="15">{xml(title)}</text>',
             f'<text x="{width / 2}" y="36" text-anchor="middle" fill="#555">best of the hot runs per query, '
             f'seconds, log scale, lower is better</text>']
    for exponent in range(low, high + 1):
        y = top + plot_height * (high - exponent) / (high - low)
        label = f"{10.0 ** exponent:g} s"
        parts.append(f'<line x1="{left}" x2="{width - 20}" y1="{y:.1f}" y2="{y:.1f}" stroke="#ddd"/>')
        parts.append(f'<text x="{left - 4}" y="{y + 4:.1f}" text-anchor="end">{label}</text>')
    for i, result in enumerate(results):
        x0 = left + i * band
        for s, (key, color, label) in enumerate(present):
            seconds = result.get(key + "_hot")
            if not seconds:
                continue
            y = y_of(seconds)
            parts.append(f'<rect x="{x0 + bar * (s + 0.5):.1f}" y="{y:.1f}" width="{bar:.1f}" '
                         f'height="{top + plot_height - y:.1f}" fill="{color}"><title>{result["query"]} {label}: '
                         f'{seconds:.4f} s</title></rect>')
        mark = "" if result["verdict"].startswith("same") else "✗"  # rows differ from the reference
        parts.append(f'<text x="{x0 + band / 2:.1f}" y="{top + plot_height + 14}" text-anchor="middle" '
                     f'font-size="9">{result["query"][1:]}{mark}</text>')
    y = top + plot_height + 34
    for s, (_, color, label) in enumerate(present):
        parts.append(f'<rect x="{left + s * 170}" y="{y - 9}" width="10" height="10" fill="{color}"/>')
        parts.append(f'<text x="{left + 14 + s * 170}" y="{y}">{xml(label)}</text>')
    y += 26
    for line in summary + [""] + loads:
        parts.append(f'<text x="{left}" y="{y}" font-size="13">{xml(line)}</text>')
        y += 24
    parts.append("</svg>")
    with open(path, "w") as handle:
        handle.write("\n".join(parts) + "\n")


def read_loads(path):
    """The load TSV the shell script wrote: system, rows, load_seconds, bytes_on_disk."""
    loads = {}
    if path and os.path.exists(path):
        with open(path) as handle:
            header = handle.readline().rstrip("\n").split("\t")
            for line in handle:
                row = dict(zip(header, line.rstrip("\n").split("\t")))
                loads[row["system"]] = row
    return loads


def load_lines(loads):
    lines = []
    columba = loads.get("columba")
    for key, _, label in SYSTEMS:
        row = loads.get(key)
        if not row:
            continue
        text = (f"{label}: load {float(row['load_seconds']):.1f} s, {int(row['bytes_on_disk']) / 2 ** 30:.2f} GiB "
                f"on disk")
        if columba and key != "columba":
            text += (f"  (Columba/{label}: load time {float(columba['load_seconds']) / float(row['load_seconds']):.2f}"
                     f", size {int(columba['bytes_on_disk']) / int(row['bytes_on_disk']):.2f})")
        lines.append(text)
    return lines


def summarize(results):
    lines = []
    matching = sum(1 for r in results if r["verdict"].startswith("same"))
    lines.append(f"{matching} of {len(results)} queries return the reference's rows")
    for other, label in (("clickhouse", "ClickHouse 18.16"), ("duckdb", "DuckDB")):
        for kind in ("hot", "cold"):
            ratios = [r["columba_" + kind] / r[other + "_" + kind] for r in results
                      if r.get("columba_" + kind) and r.get(other + "_" + kind)]
            if ratios:
                lines.append(f"geometric mean Columba/{label}, {kind}: {geometric_mean(ratios):.3f} over "
                             f"{len(ratios)} queries (worst {max(ratios):.2f})")
    return lines


def write_markdown(path, results, summary, loads, title):
    with open(path, "w") as handle:
        handle.write(f"# {title}\n\n")
        for line in summary + load_lines(loads):
            handle.write(f"- {line}\n")
        handle.write("\n| query | Columba hot s | ClickHouse hot s | DuckDB hot s | Columba/ClickHouse | "
                     "Columba cold s | ClickHouse cold s | DuckDB cold s | rows |\n")
        handle.write("|---|---:|---:|---:|---:|---:|---:|---:|---|\n")
        for r in results:
            ratio = r["columba_hot"] / r["clickhouse_hot"] if r.get("columba_hot") and r.get("clickhouse_hot") else None
            handle.write(f"| {r['query']} | {fmt(r.get('columba_hot'))} | {fmt(r.get('clickhouse_hot'))} | "
                         f"{fmt(r.get('duckdb_hot'))} | {fmt(ratio, 2)} | {fmt(r.get('columba_cold'))} | "
                         f"{fmt(r.get('clickhouse_cold'))} | {fmt(r.get('duckdb_cold'))} | "
                         f"{r['verdict'].replace('|', '/')} |\n")


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--columba", required=True, help="Columba's ClickHouse HTTP URL with credentials")
    parser.add_argument("--clickhouse", required=True, help="ClickHouse HTTP URL with ?database=")
    parser.add_argument("--duckdb", help="DuckDbPeer's URL")
    parser.add_argument("--queries", required=True)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--timeout", type=float, default=600)
    parser.add_argument("--only", help="comma-separated query numbers, e.g. 0,5,28")
    parser.add_argument("--no-drop-caches", action="store_true", help="cold runs without emptying the page cache")
    parser.add_argument("--no-warmup", dest="warmup", action="store_false",
                        help="no untimed pass of the queries on each system before the measured runs")
    parser.add_argument("--loads", help="load TSV (system, rows, load_seconds, bytes_on_disk) for the summary")
    parser.add_argument("--title", default="ClickBench on generated hits")
    parser.add_argument("--out", required=True, help="results TSV")
    parser.add_argument("--svg", help="chart to write")
    parser.add_argument("--markdown", help="Markdown summary to write")
    parser.add_argument("--redraw", action="store_true",
                        help="run nothing: draw --svg and --markdown again from the results in --out (and --loads)")
    args = parser.parse_args()
    if args.redraw:
        return redraw(args)

    with open(args.queries) as handle:
        queries = [line.strip().rstrip(";") for line in handle if line.strip()]
    only = {int(q) for q in args.only.split(",")} if args.only else None
    chosen = [(i, sql) for i, sql in enumerate(queries) if only is None or i in only]
    drop = not args.no_drop_caches and drop_page_cache()
    if not args.no_drop_caches and not drop:
        log("cannot drop the page cache (not root?): cold runs are only first runs")
    systems = [("columba", args.columba), ("clickhouse", args.clickhouse)]
    if args.duckdb:
        systems.append(("duckdb", args.duckdb))
    if args.warmup:
        # Servers as they are after some use, not just started: one untimed pass of every query on each system
        # (a JVM compiles its hot code during its first queries). Cold runs below still start with no page cache.
        started = time.monotonic()
        for key, url in systems:
            for index, sql in chosen:
                http_query(url, texts_of(sql)[key], args.timeout)
            log(f"warm-up pass on {key} done ({time.monotonic() - started:.0f} s so far)")
    results = []
    started = time.monotonic()
    for done, (index, sql) in enumerate(chosen):
        texts = texts_of(sql)
        rows, result, errors = {}, {"query": f"Q{index}"}, {}
        for key, url in systems:  # cold: each system after emptying the page cache
            if drop:
                drop_page_cache()
            rows[key], result[key + "_cold"], errors[key] = timed_query(url, texts[key], args.timeout)
            if errors[key]:
                result[key + "_cold"] = None
        for _ in range(args.runs):  # hot: one run per system per round, in alternation
            for key, url in systems:
                if errors[key]:
                    continue
                _, seconds, error = timed_query(url, texts[key], args.timeout)
                if error:
                    errors[key] = error
                    result[key + "_hot"] = None
                    continue
                result[key + "_hot"] = min(seconds, result.get(key + "_hot") or math.inf)
        reference_name, reference = "ClickHouse", rows.get("clickhouse")
        if index in CLICKHOUSE_WRONG:
            reference_name, reference = "DuckDB", rows.get("duckdb")
        ours = rows.get("columba")
        if errors.get("columba"):
            verdict = "error: " + errors["columba"].replace("\n", " ")[:200]
        elif reference is None:
            verdict = f"not compared: no {reference_name} result ({errors.get('clickhouse') or 'DuckDB not run'})"
        elif index in ANY_ROWS_CHECKS:
            verdict = check_any_rows(args.clickhouse, index, ours, len(reference), args.timeout)
        else:
            verdict = compare(sql, ours, reference)
        result["reference"], result["verdict"] = reference_name, verdict
        results.append(result)
        elapsed = time.monotonic() - started
        eta = elapsed / (done + 1) * (len(chosen) - done - 1)
        ratio = (result["columba_hot"] / result["clickhouse_hot"]
                 if result.get("columba_hot") and result.get("clickhouse_hot") else None)
        times = ", ".join(f"{key} {fmt(result.get(key + '_hot'))}" for key, _ in systems)
        log(f"[{done + 1}/{len(chosen)}, ETA {eta:.0f} s] Q{index}: hot s {times}; Columba/ClickHouse "
            f"{fmt(ratio, 2)}; rows vs {reference_name}: {verdict}")

    columns = ["columba", "clickhouse", "duckdb"]
    with open(args.out, "w") as handle:
        handle.write("query\t" + "\t".join(f"{c}_hot_s\t{c}_cold_s" for c in columns)
                     + "\tcolumba_over_clickhouse_hot\tcolumba_over_duckdb_hot\tcompared_with\tresult\n")
        for r in results:
            def ratio(other):
                if r.get("columba_hot") and r.get(other + "_hot"):
                    return r["columba_hot"] / r[other + "_hot"]
                return None
            handle.write(f"{r['query']}\t" + "\t".join(f"{fmt(r.get(c + '_hot'))}\t{fmt(r.get(c + '_cold'))}"
                                                    for c in columns)
                         + f"\t{fmt(ratio('clickhouse'), 3)}\t{fmt(ratio('duckdb'), 3)}\t{r['reference']}"
                         f"\t{r['verdict']}\n")
    summary = summarize(results)
    loads = read_loads(args.loads)
    if args.svg:
        write_svg(args.svg, results, summary, load_lines(loads), args.title)
    if args.markdown:
        write_markdown(args.markdown, results, summary, loads, args.title)
    for line in summary + load_lines(loads):
        log(line)
    matching = sum(1 for r in results if r["verdict"].startswith("same"))
    return 0 if matching == len(results) else 1


def redraw(args):
    """The chart and the summary of an earlier run, from its TSV (e.g. after correcting its loads file)."""
    results = []
    with open(args.out) as handle:
        header = handle.readline().rstrip("\n").split("\t")
        for line in handle:
            row = dict(zip(header, line.rstrip("\n").split("\t")))
            result = {"query": row["query"], "reference": row["compared_with"], "verdict": row["result"]}
            for key, _, _ in SYSTEMS:
                for kind in ("hot", "cold"):
                    value = row.get(f"{key}_{kind}_s", "")
                    result[f"{key}_{kind}"] = float(value) if value else None
            results.append(result)
    summary = summarize(results)
    loads = read_loads(args.loads)
    if args.svg:
        write_svg(args.svg, results, summary, load_lines(loads), args.title)
    if args.markdown:
        write_markdown(args.markdown, results, summary, loads, args.title)
    for line in summary + load_lines(loads):
        log(line)
    return 0


def fmt(value, digits=4):
    return "" if value is None else f"{value:.{digits}f}"


if __name__ == "__main__":
    sys.exit(main())
