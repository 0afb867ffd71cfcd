#!/usr/bin/env python3
"""Every endpoint of the web-analytics starter kit on Columba against the same SQL on ClickHouse 18.16 (issue 6).

Columba builds the project (this script starts it, or uses --columba-url/--token) and loads its fixture. The
script copies the data sources into a ClickHouse database of their own (--database, default wa_check): the
landing data source's rows as Columba stores them, each materialized data source by running its materializing
pipe's compiled SQL on ClickHouse. Then, for each endpoint and each parameter case, it asks Columba for the SQL it
compiled (debug=query), runs that SQL on ClickHouse (spelled for 18.16, see endpoints/clickhouse_sql.py) and
compares the rows with the endpoint's answer: in order, or as a multiset when the order differs (accepted when the
SQL has no ORDER BY, or when some column holds the same values row by row on both: rows tied on the sort key),
numbers to 1e-9 relative. Columns computed by any() are left out (either system may pick any row's value).
--endpoints and --skip-param narrow the cases.

  scripts/compare-web-analytics.py                       # starts cli/target/columba.jar on port 27181
  scripts/compare-web-analytics.py --columba-url http://127.0.0.1:7181 --token p.ey...
Exit code 0 when every case matches, 1 otherwise, 2 when ClickHouse or the project is missing.
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "endpoints"))
from clickhouse_sql import Http, for_clickhouse_18  # noqa: E402
from mirror import any_columns, compare, create_tables, materialize, materialized_pipes, matches  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PROJECT = os.path.join(ROOT, "..", "shared", "conformance", "tinybird", "web-analytics-starter-kit")
LANDING = "analytics_events"
SERVICE_TABLES = "__tinybird_"  # the tables behind tinybird.datasources_ops_log and tinybird.pipe_stats_rt

RANGES = [("2024-01-01", "2024-03-31"), ("2023-07-01", "2025-07-31"), ("2024-06-15", "2024-06-15")]


def cases(parameters):
    """The parameter sets to try for an endpoint with these parameter names: defaults first."""
    names = set(parameters)
    out = [{}]
    for start, end in RANGES:
        if {"date_from", "date_to"} <= names:
            out.append({"date_from": start, "date_to": end})
        if {"from_date", "to_date"} <= names:
            out.append({"from_date": start, "to_date": end})
    base = dict(out[2]) if len(out) > 2 else {}
    if "include_previous_period" in names:
        out.append(dict(out[1], include_previous_period="true"))
    if "tenant_id" in names:
        out.append(dict(base, tenant_id="tenant_2"))
    if "domain" in names:
        out.append(dict(base, tenant_id="tenant_1", domain="test.org"))
    if "limit" in names:
        out.append(dict(base, limit="5", **({"skip": "2"} if "skip" in names else {})))
    if "days" in names:
        out.append({"days": "1000"})
    if "analysis_type" in names:
        out.append({"days": "1000", "analysis_type": "pathnames", "sort_order": "asc"})
    if "action_filter" in names:
        out.append({"tenant_id": "tenant_1", "action_filter": "%page%"})
    return out



def find_java():
    """A java >= 21 as scripts/jdk.sh finds one: JAVA_HOME's, else the newest JDK under /usr/lib/jvm."""
    script = os.path.join(os.path.dirname(os.path.abspath(__file__)), "jdk.sh")
    home = subprocess.run(["bash", "-c", f'source "{script}" && find_jdk'], capture_output=True, text=True)
    if home.returncode != 0:
        sys.exit(home.stderr.strip() or "no JDK >= 21 found")
    return os.path.join(home.stdout.strip(), "bin", "java")

def start_columba(args):
    jar = os.path.join(ROOT, "cli", "target", "columba.jar")
    if not os.path.exists(jar):
        sys.exit("build Columba first: cli/target/columba.jar is missing (./columba --help builds it)")
    work = tempfile.mkdtemp(prefix="columba-wa-check-")
    java = find_java()
    log = open(os.path.join(work, "server.log"), "w")
    server = subprocess.Popen(
        [java, "-jar", jar, "local", "start", "--data-dir", os.path.join(work, "data"), "--port", str(args.port),
         "--clickhouse-port", "0", "--project", args.project], stdout=log, stderr=subprocess.STDOUT)
    for _ in range(600):
        time.sleep(0.2)
        text = open(log.name).read()
        if "Columba is ready" in text:
            return server, "http://127.0.0.1:%d" % args.port
        if server.poll() is not None:
            sys.exit("Columba did not start:\n" + text)
    server.kill()
    sys.exit("Columba did not start within 120 s")


def copy_data(columba, clickhouse, database):
    """The data sources into ClickHouse: the landing rows as Columba holds them, the rest by their pipes."""
    tables = [r["name"] for r in columba.json("/v0/sql", {"q": "SHOW TABLES FORMAT JSON"})["data"]
              if not r["name"].startswith(SERVICE_TABLES)]
    create_tables(columba, clickhouse, database, tables)
    rows = columba.request("/v0/sql", {"q": "SELECT * FROM %s FORMAT JSONEachRow" % LANDING})
    clickhouse.request("/", {"query": "INSERT INTO %s.%s FORMAT JSONEachRow" % (database, LANDING)}, rows)
    for pipe in materialized_pipes(columba):
        materialize(columba, clickhouse, database, pipe)
    for table in tables:
        a = columba.request("/v0/sql", {"q": "SELECT count() FROM %s FORMAT TSV" % table}).strip()
        b = clickhouse.request("/", {"database": database}, "SELECT count() FROM %s" % table).strip()
        print("%-24s Columba %6s rows, ClickHouse %6s rows%s" % (table, a, b, "" if a == b else "  (differ)"))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--project", default=os.path.normpath(PROJECT))
    parser.add_argument("--columba-url")
    parser.add_argument("--token", help="admin token (read from /tokens when absent)")
    parser.add_argument("--port", type=int, default=27181, help="port of the Columba this script starts")
    parser.add_argument("--clickhouse-url", default="http://127.0.0.1:18123")
    parser.add_argument("--database", default="wa_check")
    parser.add_argument("--endpoints", help="comma-separated endpoint names to check (default: all)")
    parser.add_argument("--skip-param", action="append", default=[], help="leave out the cases setting this parameter")
    parser.add_argument("--verbose", action="store_true", help="print the ClickHouse SQL of failing cases")
    args = parser.parse_args()
    if not os.path.isdir(args.project):
        print("skipped: no project at " + args.project)
        return 2
    clickhouse = Http(args.clickhouse_url, params={"output_format_json_quote_64bit_integers": "0"})
    try:
        clickhouse.request("/", {"query": "SELECT 1"})
    except (OSError, RuntimeError) as e:
        print("skipped: no ClickHouse at %s (%s); scripts/clickhouse-peer.sh start runs one" % (args.clickhouse_url, e))
        return 2
    server = None
    url = args.columba_url
    if url is None:
        server, url = start_columba(args)
    try:
        token = args.token or json.loads(Http(url).request("/tokens"))["admin_token"]
        columba = Http(url, headers={"Authorization": "Bearer " + token})
        return check(columba, clickhouse, args)
    finally:
        if server is not None:
            server.terminate()
            server.wait()


def check(columba, clickhouse, args):
    copy_data(columba, clickhouse, args.database)
    endpoints = [p for p in columba.json("/v0/pipes")["pipes"] if p.get("type") == "endpoint"]
    if args.endpoints:
        endpoints = [p for p in endpoints if p["name"] in args.endpoints.split(",")]
    failures, total = 0, 0
    for pipe in sorted(endpoints, key=lambda p: p["name"]):
        parameters = [p["name"] for p in pipe.get("params", [])]
        for params in cases(parameters):
            if any(name in params for name in args.skip_param):
                continue
            total += 1
            label = "%s %s" % (pipe["name"], "&".join("%s=%s" % kv for kv in params.items()) or "(defaults)")
            try:
                sql = columba.request("/v0/pipes/%s.json" % pipe["name"], dict(params, debug="query"))
                ours = columba.json("/v0/pipes/%s.json" % pipe["name"], params)
                ch_sql = for_clickhouse_18(sql)
                theirs = clickhouse.json("/", {"database": args.database}, ch_sql + "\nFORMAT JSON")
                verdict = compare(ours, theirs, any_columns(sql))
            except RuntimeError as e:
                verdict, ch_sql = "error: " + str(e).replace("\n", " ")[:400], None
            ok = matches(verdict, sql)
            failures += 0 if ok else 1
            rows = len(ours["data"]) if verdict.startswith("same") else "-"
            print("%-4s %-70s %s rows: %s" % ("ok" if ok else "FAIL", label[:70], rows, verdict))
            if not ok and args.verbose and ch_sql:
                print(ch_sql)
    print("%d of %d cases answer the same rows on Columba and ClickHouse 18.16" % (total - failures, total))
    return 0 if failures == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
