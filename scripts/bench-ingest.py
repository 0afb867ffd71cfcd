#!/usr/bin/env python3
"""Posts the same NDJSON batches to an HTTP endpoint from concurrent clients and prints rows/s as TSV.

    bench-ingest.py generate --batches 40 --rows 10000 --out batches.ndjson
    bench-ingest.py post --url 'http://127.0.0.1:7181/v0/events?name=t&wait=true' --header 'Authorization: Bearer x' \
        --clients 4 --batches-file batches.ndjson [--skip 4]

Events are about 300 bytes: a web-analytics hit, generated from a fixed seed so every run posts the same bytes.
`post` sends each batch once (batch i by client i mod clients, in order), checks every answer is 2xx, and prints
`rows<TAB>seconds<TAB>rows_per_second`.
"""
import argparse
import http.client
import json
import random
import sys
import threading
import time
import urllib.parse

ACTIONS = ["page_hit", "click", "scroll", "signup", "purchase", "add_to_cart"]
COUNTRIES = ["ES", "US", "DE", "FR", "GB", "BR", "IN", "JP", "MX", "IT"]
DEVICES = ["desktop", "mobile-ios", "mobile-android", "tablet", "bot"]
BROWSERS = ["chrome", "firefox", "safari", "edge", "opera"]
AGENTS = [
    "Mozilla/5.0 (X11; Linux x86_64) Chrome/120.0",
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_1) Mobile",
    "Mozilla/5.0 (Windows NT 10.0) Firefox/121.0",
]


def generate(batches, rows, out):
    rng = random.Random(1)
    start = 1_735_689_600  # 2025-01-01 00:00:00 UTC
    with open(out, "w", encoding="utf-8") as f:
        for b in range(batches):
            lines = []
            for r in range(rows):
                n = b * rows + r
                t = time.gmtime(start + n // 50)
                lines.append(json.dumps({
                    "timestamp": time.strftime("%Y-%m-%d %H:%M:%S", t),
                    "session_id": "%016x" % rng.getrandbits(64),
                    "user_id": rng.getrandbits(40),
                    "action": rng.choice(ACTIONS),
                    "path": "/blog/%d/%d" % (rng.randrange(100), rng.randrange(10000)),
                    "referrer": "https://example%d.com/?q=%d" % (rng.randrange(50), rng.randrange(10**6)),
                    "country": rng.choice(COUNTRIES),
                    "device": rng.choice(DEVICES),
                    "browser": rng.choice(BROWSERS),
                    "user_agent": rng.choice(AGENTS),
                    "duration_ms": rng.randrange(100000),
                    "amount": round(rng.random() * 1000, 2),
                }, separators=(",", ":")))
            # One batch per line of the file would need escaping; batches are separated by a blank line.
            f.write("\n".join(lines))
            f.write("\n\n")


def read_batches(path):
    with open(path, "rb") as f:
        data = f.read()
    return [b + b"\n" for b in data.split(b"\n\n") if b.strip()]


def post(url, headers, clients, batches):
    parsed = urllib.parse.urlsplit(url)
    target = parsed.path + ("?" + parsed.query if parsed.query else "")
    failures = []
    rows = [b.count(b"\n") for b in batches]

    def client(index):
        connection = http.client.HTTPConnection(parsed.hostname, parsed.port, timeout=600)
        for i in range(index, len(batches), clients):
            connection.request("POST", target, body=batches[i], headers=headers)
            response = connection.getresponse()
            body = response.read()
            if response.status // 100 != 2:
                failures.append("batch %d: HTTP %d %s" % (i, response.status, body[:300]))
                return
        connection.close()

    threads = [threading.Thread(target=client, args=(i,)) for i in range(clients)]
    started = time.monotonic()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    seconds = time.monotonic() - started
    if failures:
        sys.exit("FAILED: " + "; ".join(failures))
    total = sum(rows)
    print("%d\t%.3f\t%.0f" % (total, seconds, total / seconds))


def main():
    parser = argparse.ArgumentParser()
    sub = parser.add_subparsers(dest="command", required=True)
    g = sub.add_parser("generate")
    g.add_argument("--batches", type=int, required=True)
    g.add_argument("--rows", type=int, default=10000)
    g.add_argument("--out", required=True)
    p = sub.add_parser("post")
    p.add_argument("--url", required=True)
    p.add_argument("--header", action="append", default=[])
    p.add_argument("--clients", type=int, default=4)
    p.add_argument("--batches-file", required=True)
    p.add_argument("--first", type=int, default=0, help="first batch to send")
    p.add_argument("--count", type=int, default=-1, help="batches to send (all: -1)")
    args = parser.parse_args()
    if args.command == "generate":
        generate(args.batches, args.rows, args.out)
        return
    batches = read_batches(args.batches_file)
    end = len(batches) if args.count < 0 else args.first + args.count
    headers = dict(h.split(": ", 1) for h in args.header)
    headers["Content-Type"] = "application/x-ndjson"
    post(args.url, headers, args.clients, batches[args.first:end])


if __name__ == "__main__":
    main()
