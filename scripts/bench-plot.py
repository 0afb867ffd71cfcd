#!/usr/bin/env python3
"""Draws a benchmark TSV as a horizontal bar chart (SVG, self-contained), one bar per row: the side-by-side figure
of a run, e.g. rows/s of Columba and ClickHouse in the last ingestion run.

    scripts/bench-plot.py --tsv docs/benchmarks/ingest-events.tsv --label system --value rows_per_second \
        --last run --title "Events API ingestion" --unit "rows/s" --better higher --out docs/benchmarks/ingest.svg

--last COLUMN keeps only the rows holding that column's last value (the latest run of a TSV that accumulates runs);
--where COLUMN=VALUE keeps rows with that value. Several --value columns draw one panel each.
"""
import argparse
import csv
import sys

COLORS = {"columba": "#1f77b4", "clickhouse": "#ff7f0e", "duckdb": "#2ca02c"}


def color_of(label):
    for key, color in COLORS.items():
        if label.lower().startswith(key):
            return color
    return "#7f7f7f"


def xml(text):
    return str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--tsv", required=True)
    parser.add_argument("--label", required=True, help="column naming each bar")
    parser.add_argument("--value", required=True, action="append", help="numeric column (repeat for panels)")
    parser.add_argument("--unit", action="append", help="unit of each --value, in order")
    parser.add_argument("--last", help="keep only rows with this column's last value")
    parser.add_argument("--where", action="append", default=[], help="COLUMN=VALUE filter")
    parser.add_argument("--title", required=True)
    parser.add_argument("--better", action="append", help="higher or lower, for each --value in order")
    parser.add_argument("--out", required=True)
    args = parser.parse_args()

    with open(args.tsv, newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    for condition in args.where:
        column, value = condition.split("=", 1)
        rows = [r for r in rows if r.get(column) == value]
    if args.last and rows:
        last = rows[-1][args.last]
        rows = [r for r in rows if r[args.last] == last]
    if not rows:
        sys.exit(f"bench-plot: no rows to draw from {args.tsv}")
    units = (args.unit or []) + [""] * len(args.value)
    betters = (args.better or []) + [""] * len(args.value)
    width, left, bar, gap = 760, 220, 24, 8
    panel = 40 + len(rows) * (bar + gap)
    height = 60 + panel * len(args.value) + 20
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" font-family="sans-serif" '
             f'font-size="12"><rect width="100%" height="100%" fill="white"/>',
             f'<text x="{width / 2}" y="26" text-anchor="middle" font-size="15">{xml(args.title)}</text>']
    top = 60
    for column, unit, better in zip(args.value, units, betters):
        values = [float(r[column]) for r in rows]
        scale = (width - left - 120) / max(max(values), 1e-12)
        note = f' <tspan fill="#555" font-weight="normal">({better} is better)</tspan>' if better else ""
        suffix = f" ({xml(unit)})" if unit else ""
        parts.append(f'<text x="10" y="{top + 12}" font-weight="bold">{xml(column)}{suffix}{note}</text>')
        y = top + 24
        for row, value in zip(rows, values):
            label = row[args.label]
            parts.append(f'<text x="{left - 8}" y="{y + bar * 0.7:.1f}" text-anchor="end">{xml(label)}</text>')
            parts.append(f'<rect x="{left}" y="{y}" width="{value * scale:.1f}" height="{bar}" '
                         f'fill="{color_of(label)}"/>')
            parts.append(f'<text x="{left + value * scale + 6:.1f}" y="{y + bar * 0.7:.1f}">{value:,.6g}</text>')
            y += bar + gap
        top += panel
    parts.append("</svg>")
    with open(args.out, "w") as handle:
        handle.write("\n".join(parts) + "\n")
    print(f"bench-plot: wrote {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
