#!/usr/bin/env python3
"""Write a release's tables as JSON Lines, for validators that read JSON (ajv).

Usage: python3 scripts/release_jsonl.py RELEASE_DIR OUT_DIR

Writes OUT_DIR/claims.jsonl and OUT_DIR/articles.jsonl: one record per row, dates as
YYYY-MM-DD strings, nulls as null, exactly as the schemas describe the records.
"""

import json
import os
import sys

import pyarrow.parquet as pq


def main():
    if len(sys.argv) != 3:
        print("usage: release_jsonl.py RELEASE_DIR OUT_DIR", file=sys.stderr)
        return 2
    release, out = sys.argv[1], sys.argv[2]
    os.makedirs(out, exist_ok=True)
    for table in ("claims", "articles"):
        rows = pq.read_table(os.path.join(release, f"{table}.parquet")).to_pylist()
        with open(os.path.join(out, f"{table}.jsonl"), "w", encoding="utf-8") as f:
            for row in rows:
                record = {k: (v.isoformat() if hasattr(v, "isoformat") else v) for k, v in row.items()}
                f.write(json.dumps(record, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
