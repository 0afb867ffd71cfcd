#!/usr/bin/env python3
"""Deterministic web-analytics events (the analytics_events data source of the web-analytics starter kit).

  gen_events.py ROWS [--seed 1] > events.ndjson

Page hits over 2024 (one second apart on average, in time order) from ROWS/20 sessions of about 20 hits each,
on 3 tenants x 2 domains, 20 paths, 5 user agents, 8 locations; a progress line goes to stderr every million rows.
"""

import argparse
import json
import random
import sys
import time

START = 1704067200  # 2024-01-01 00:00:00 UTC
SPAN = 366 * 86400
PATHS = ["/", "/pricing", "/docs", "/blog", "/about", "/login", "/signup", "/dashboard", "/settings", "/features",
         "/contact", "/careers", "/changelog", "/docs/api", "/docs/sdk", "/blog/launch", "/blog/scale", "/terms",
         "/privacy", "/status"]
AGENTS = ["Mozilla/5.0 (Windows NT 10.0) Chrome/120.0", "Mozilla/5.0 (Macintosh) Version/17.1 Safari/605.1",
          "Mozilla/5.0 (X11; Linux) Firefox/121.0", "Mozilla/5.0 (iPhone; iOS 17_1) Safari/604.1",
          "Mozilla/5.0 (Linux; Android 14) Chrome/120.0 Mobile"]
LOCATIONS = ["US", "DE", "ES", "FR", "GB", "JP", "BR", "IN"]
REFERRERS = ["", "https://google.com/", "https://twitter.com/", "https://news.ycombinator.com/"]
SITES = [("tenant_1", "example.com"), ("tenant_1", "shop.example.com"), ("tenant_2", "myapp.com"),
         ("tenant_2", "demo.site"), ("tenant_3", "test.org"), ("tenant_3", "docs.test.org")]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("rows", type=int)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    sessions = max(1, args.rows // 20)
    out = sys.stdout
    step = SPAN / max(1, args.rows)
    # payload fragments per path/agent/location, built once: the loop only joins strings
    payloads = [[[json.dumps(json.dumps({"pathname": p, "href": "https://DOMAIN" + p, "referrer": r,
                                         "user-agent": a, "location": loc}))[1:-1]
                  for loc in LOCATIONS] for a in AGENTS] for p, r in zip(PATHS, REFERRERS * 5)]
    line = '{"timestamp":"%s","session_id":"s%08d","action":"page_hit","version":"1","payload":"%s",' \
           '"tenant_id":"%s","domain":"%s"}'
    second, stamp = -1, ""
    lines = []
    for i in range(args.rows):
        session = int(i / 20) % sessions + rng.randrange(0, 3)  # sessions interleave a little
        tenant, domain = SITES[session % len(SITES)]
        agent = session % len(AGENTS)
        location = (session // 7) % len(LOCATIONS)
        path = min(int(rng.paretovariate(1.2)) - 1, len(PATHS) - 1)
        payload = payloads[path][agent][location].replace("DOMAIN", domain, 1)
        ts = START + int(i * step)
        if ts != second:
            second, stamp = ts, time.strftime("%Y-%m-%d %H:%M:%S", time.gmtime(ts))
        lines.append(line % (stamp, session, payload, tenant, domain))
        if len(lines) == 100000:
            out.write("\n".join(lines) + "\n")
            lines = []
        if (i + 1) % 1000000 == 0:
            print("generated %d of %d events" % (i + 1, args.rows), file=sys.stderr, flush=True)
    if lines:
        out.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
