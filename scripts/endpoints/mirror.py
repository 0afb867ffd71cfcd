"""Copies a Columba project's data sources into a ClickHouse 18.16 database, and compares result rows."""

import json
import math
import re

from clickhouse_sql import clickhouse_type, for_clickhouse_18


def engine_clause(datasource_file):
    """The ENGINE clause of a .datasource file's ENGINE, ENGINE_PARTITION_KEY and ENGINE_SORTING_KEY lines."""
    settings = {}
    for line in open(datasource_file):
        parts = line.strip().split(None, 1)
        if len(parts) == 2 and parts[0] in ("ENGINE", "ENGINE_PARTITION_KEY", "ENGINE_SORTING_KEY"):
            settings[parts[0]] = parts[1].strip().strip('"')
    clause = "ENGINE = " + settings.get("ENGINE", "MergeTree")
    if "ENGINE_PARTITION_KEY" in settings:
        clause += " PARTITION BY " + settings["ENGINE_PARTITION_KEY"]
    return clause + " ORDER BY (%s)" % settings.get("ENGINE_SORTING_KEY", "tuple()")


def create_tables(columba, clickhouse, database, tables, engines=None):
    """Creates database (dropped first) with each table as Columba describes it, in a plain MergeTree unless
    engines maps the table to its ENGINE clause."""
    clickhouse.request("/", body="DROP DATABASE IF EXISTS " + database)
    clickhouse.request("/", body="CREATE DATABASE " + database)
    for table in tables:
        described = columba.json("/v0/sql", {"q": "DESCRIBE TABLE %s FORMAT JSON" % table})["data"]
        columns = ", ".join("`%s` %s" % (c["name"], clickhouse_type(c["type"])) for c in described)
        engine = (engines or {}).get(table, "ENGINE = MergeTree ORDER BY tuple()")
        clickhouse.request("/", body="CREATE TABLE %s.%s (%s) %s" % (database, table, columns, engine))


def materialize(columba, clickhouse, database, pipe):
    """Fills the data source of materialized pipe from its compiled SQL over ClickHouse's copy of the sources."""
    target = pipe["materialized_datasource"]
    sql = columba.request("/v0/pipes/%s.json" % pipe["name"], {"debug": "query"})
    clickhouse.request("/", {"database": database}, "INSERT INTO %s %s" % (target, for_clickhouse_18(sql)))


def materialized_pipes(columba):
    return [p for p in columba.json("/v0/pipes")["pipes"] if p.get("type") == "materialized"]


def same_value(a, b):
    if isinstance(a, bool) or isinstance(b, bool):
        return a == b
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        if isinstance(a, float) and math.isnan(a) or isinstance(b, float) and math.isnan(b):
            return isinstance(a, float) and isinstance(b, float) and math.isnan(a) and math.isnan(b)
        return a == b or abs(a - b) <= 1e-9 * max(abs(a), abs(b))
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(same_value(x, y) for x, y in zip(a, b))
    return a == b


def same_rows(a, b):
    return len(a) == len(b) and all(same_value(x, y) for x, y in zip(a, b))


def sort_key(row):
    return json.dumps([round(v, 6) if isinstance(v, float) else v for v in row], sort_keys=True, default=str)


ANY_COLUMN = re.compile(r"\bany(?:SimpleState)?\s*\([^()]*\)\s+AS\s+(\w+)", re.IGNORECASE)


def any_columns(sql):
    """Result columns that are any(x) (or anySimpleState): either system may pick any row's value for them."""
    return set(ANY_COLUMN.findall(sql))


def compare(columba, clickhouse, ignored=()):
    """Two FORMAT JSON answers: 'same', 'same rows, order differs only among ties on <column>', 'same rows, other
    order', or the first difference. Columns in ignored (any() results) are left out, and the verdict says so."""
    names_a = [m["name"] for m in columba["meta"]]
    names_b = [m["name"] for m in clickhouse["meta"]]
    if names_a != names_b:
        return "columns differ: Columba %s, ClickHouse %s" % (names_a, names_b)
    left_out = [n for n in names_a if n in ignored]
    if left_out:
        verdict = compare_rows(columba, clickhouse, [n for n in names_a if n not in ignored])
        return verdict + " (without any() column %s)" % ", ".join(left_out)
    return compare_rows(columba, clickhouse, names_a)


def compare_rows(columba, clickhouse, names):
    rows_a = [[r[n] for n in names] for r in columba["data"]]
    rows_b = [[r[n] for n in names] for r in clickhouse["data"]]
    if same_rows(rows_a, rows_b):
        return "same"
    if same_rows(sorted(rows_a, key=sort_key), sorted(rows_b, key=sort_key)):
        for i, name in enumerate(names):
            if all(same_value(x[i], y[i]) for x, y in zip(rows_a, rows_b)):
                return "same rows, order differs only among ties on " + name
        return "same rows, other order"
    for i, (x, y) in enumerate(zip(rows_a, rows_b)):
        if not same_value(x, y):
            return "%d vs %d rows; row %d: Columba %s, ClickHouse %s" % (len(rows_a), len(rows_b), i, x, y)
    return "%d vs %d rows" % (len(rows_a), len(rows_b))


def matches(verdict, sql):
    """Whether a verdict of compare() means the same answer for a query with this SQL."""
    verdict = verdict.split(" (without any() column")[0]
    if verdict == "same" or verdict.startswith("same rows, order differs only among ties"):
        return True
    return verdict == "same rows, other order" and "ORDER BY" not in sql.upper()
