#!/usr/bin/env python3
"""Writes fixtures/events.ndjson: 5,000 deterministic shop events (Jan-Mar 2025) for the quickstart project.

Run from anywhere: python3 testdata/projects/quickstart/generate_fixtures.py
"""
import json
import random
from datetime import datetime, timedelta, timezone
from pathlib import Path

ROWS = 5000
ACTIONS = [("page_view", 60), ("add_to_cart", 20), ("checkout", 12), ("purchase", 8)]
COUNTRIES = [("US", 30), ("DE", 15), ("ES", 12), ("GB", 12), ("FR", 10), ("JP", 8), ("BR", 7), ("IN", 6)]


def pick(rng, weighted):
    values, weights = zip(*weighted)
    return rng.choices(values, weights=weights)[0]


def main():
    rng = random.Random(20250101)
    start = datetime(2025, 1, 1, tzinfo=timezone.utc)
    span_seconds = 90 * 24 * 3600
    rows = []
    for _ in range(ROWS):
        at = start + timedelta(seconds=rng.randrange(span_seconds))
        action = pick(rng, ACTIONS)
        revenue = round(rng.uniform(5, 250), 2) if action == "purchase" else 0.0
        rows.append({
            "timestamp": at.strftime("%Y-%m-%d %H:%M:%S"),
            "session_id": "s%05d" % rng.randrange(1200),
            "action": action,
            "country": pick(rng, COUNTRIES),
            "duration_ms": rng.randrange(20, 30000),
            "revenue": revenue,
        })
    rows.sort(key=lambda row: (row["timestamp"], row["session_id"]))
    target = Path(__file__).resolve().parent / "fixtures" / "events.ndjson"
    with target.open("w", encoding="utf-8", newline="\n") as out:
        for row in rows:
            out.write(json.dumps(row, separators=(",", ":")) + "\n")
    print("wrote %d rows to %s" % (len(rows), target))


if __name__ == "__main__":
    main()
