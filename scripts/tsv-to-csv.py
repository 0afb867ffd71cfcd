#!/usr/bin/env python3
"""ClickHouse TabSeparated (its escapes) to CSV (RFC 4180 quoting), streaming:
    scripts/tsv-to-csv.py in.tsv out.csv [rows]
Used by scripts/bench-ingest-csv.sh to give Columba and ClickHouse the same CSV file."""
import csv, sys
ESC = {'t': '\t', 'n': '\n', 'r': '\r', '\\': '\\', '0': '\0', "'": "'", 'b': '\b', 'f': '\f', 'a': '\a', 'v': '\v'}
def unescape(field):
    if '\\' not in field:
        return field
    out = []; i = 0; n = len(field)
    while i < n:
        ch = field[i]
        if ch == '\\' and i + 1 < n:
            out.append(ESC.get(field[i + 1], field[i + 1])); i += 2
        else:
            out.append(ch); i += 1
    return ''.join(out)
src, dst = sys.argv[1], sys.argv[2]
limit = int(sys.argv[3]) if len(sys.argv) > 3 else None
with open(src, encoding='utf-8', newline='\n') as fin, open(dst, 'w', encoding='utf-8', newline='') as fout:
    writer = csv.writer(fout, lineterminator='\n', quoting=csv.QUOTE_MINIMAL)
    for k, line in enumerate(fin):
        if limit is not None and k >= limit:
            break
        writer.writerow([unescape(f) for f in line.rstrip('\n').split('\t')])
