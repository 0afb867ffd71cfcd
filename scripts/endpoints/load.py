#!/usr/bin/env python3
"""POSTs an NDJSON file to a URL in chunks of --chunk-rows lines over one keep-alive connection, with progress.

  load.py FILE URL [--header 'Name: value'] [--chunk-rows 200000] [--label columba]
Prints '<rows>\t<seconds>' at the end; fails on the first non-2xx answer.
"""

import argparse
import http.client
import sys
import time
import urllib.parse


def chunks(path, rows_per_chunk):
    with open(path, "rb") as f:
        lines = []
        for line in f:
            lines.append(line)
            if len(lines) == rows_per_chunk:
                yield lines
                lines = []
        if lines:
            yield lines


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("file")
    parser.add_argument("url")
    parser.add_argument("--header", action="append", default=[])
    parser.add_argument("--chunk-rows", type=int, default=200000)
    parser.add_argument("--total-rows", type=int, default=0)
    parser.add_argument("--label", default="load")
    args = parser.parse_args()
    url = urllib.parse.urlsplit(args.url)
    headers = dict(h.split(": ", 1) for h in args.header)
    headers["Content-Type"] = "application/x-ndjson"
    connection = http.client.HTTPConnection(url.hostname, url.port, timeout=3600)
    path = url.path + ("?" + url.query if url.query else "")
    rows, start = 0, time.monotonic()
    for lines in chunks(args.file, args.chunk_rows):
        connection.request("POST", path, b"".join(lines), headers)
        response = connection.getresponse()
        body = response.read()
        if response.status // 100 != 2:
            sys.exit("%s: HTTP %d after %d rows: %s" % (args.label, response.status, rows, body[:500].decode()))
        rows += len(lines)
        elapsed = time.monotonic() - start
        total = " of %d" % args.total_rows if args.total_rows else ""
        print("\r%s: %d%s rows loaded, %.0f s, %.0f rows/s   " % (args.label, rows, total, elapsed, rows / elapsed),
              end="", file=sys.stderr, flush=True)
    print(file=sys.stderr)
    print("%d\t%.1f" % (rows, time.monotonic() - start))


if __name__ == "__main__":
    main()
