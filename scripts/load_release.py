#!/usr/bin/env python3
"""Open a claimset release the way users do, and check what they get.

Usage: python3 scripts/load_release.py datasets/<name>/releases/<version>

Loads claims.parquet and articles.parquet with pyarrow, pandas, polars and DuckDB, and
asserts, for each: the row counts of manifest.json, the column names of the data
dictionary, and that date columns come out as dates (not strings or timestamps). A release
with published fact-checks also has proposed-links.jsonl: it is read with pandas, polars and
DuckDB, which must agree with the manifest's count, and every link must name a claim of the
release. Exits 1 with a message on the first mismatch.
"""

import datetime
import json
import os
import sys

import duckdb
import pandas as pd
import polars as pl
import pyarrow as pa
import pyarrow.parquet as pq

CLAIM_DATES = ["claim_date", "article_date", "review_date"]
ARTICLE_DATES = ["article_date"]


def fail(msg):
    print(f"load_release: {msg}", file=sys.stderr)
    sys.exit(1)


def check(release):
    with open(os.path.join(release, "manifest.json"), encoding="utf-8") as f:
        manifest = json.load(f)
    expected = {
        "claims.parquet": (manifest["counts"]["claims"], CLAIM_DATES),
        "articles.parquet": (manifest["counts"]["articles"], ARTICLE_DATES),
    }
    for name, (rows, dates) in expected.items():
        path = os.path.join(release, name)

        table = pq.read_table(path)
        if table.num_rows != rows:
            fail(f"{name}: pyarrow reads {table.num_rows} rows, manifest says {rows}")
        for d in dates:
            if table.schema.field(d).type != pa.date32():
                fail(f"{name}: pyarrow gives {d} as {table.schema.field(d).type}, not date32")
        for field in table.schema:
            if pa.types.is_unsigned_integer(field.type) or field.type == pa.int64():
                fail(f"{name}: column {field.name} is {field.type}; R and pandas want int32")
        meta = pq.ParquetFile(path).metadata.metadata or {}
        if name == "claims.parquet":
            for key in (b"claimset.dataset", b"claimset.version", b"claimset.schema_version", b"claimset.schema_id"):
                if key not in meta:
                    fail(f"{name}: key-value metadata has no {key.decode()}")
        columns = table.column_names

        df = pd.read_parquet(path)
        if len(df) != rows or list(df.columns) != columns:
            fail(f"{name}: pandas reads {len(df)} rows and columns {list(df.columns)}")
        for d in dates:
            values = df[d].dropna()
            if not all(isinstance(v, datetime.date) and not isinstance(v, datetime.datetime) for v in values):
                fail(f"{name}: pandas gives {d} values that are not dates")

        pdf = pl.read_parquet(path)
        if pdf.height != rows or pdf.columns != columns:
            fail(f"{name}: polars reads {pdf.height} rows and columns {pdf.columns}")
        for d in dates:
            if pdf.schema[d] != pl.Date:
                fail(f"{name}: polars gives {d} as {pdf.schema[d]}, not Date")

        con = duckdb.connect()
        n = con.execute(f"SELECT count(*) FROM read_parquet('{path}')").fetchone()[0]
        if n != rows:
            fail(f"{name}: DuckDB counts {n} rows, manifest says {rows}")
        types = {r[0]: r[1] for r in con.execute(f"DESCRIBE SELECT * FROM read_parquet('{path}')").fetchall()}
        for d in dates:
            if types.get(d) != "DATE":
                fail(f"{name}: DuckDB gives {d} as {types.get(d)}, not DATE")
        print(f"{name}: {rows} rows, {len(columns)} columns: pyarrow, pandas, polars and DuckDB agree")
    check_proposed_links(release, manifest)


def check_proposed_links(release, manifest):
    path = os.path.join(release, "proposed-links.jsonl")
    listed = any(f["name"] == "proposed-links.jsonl" for f in manifest["files"])
    if not os.path.exists(path):
        if listed:
            fail("proposed-links.jsonl is listed in manifest.json but missing")
        return
    if not listed:
        fail("proposed-links.jsonl is not listed in manifest.json")
    rows = (manifest["counts"].get("reviews") or {}).get("links_proposed")
    if rows is None:
        fail("proposed-links.jsonl without counts.reviews.links_proposed in manifest.json")
    with open(path, encoding="utf-8") as f:
        lines = [json.loads(line) for line in f if line.strip()]
    claims = set(pq.read_table(os.path.join(release, "claims.parquet"), columns=["claim_id"]).column(0).to_pylist())
    for k, link in enumerate(lines, 1):
        if link["claim_id"] not in claims:
            fail(f"proposed-links.jsonl:{k}: claim {link['claim_id']} is not in claims.parquet")
    if len(lines) != rows:
        fail(f"proposed-links.jsonl: {len(lines)} lines, manifest says {rows}")
    if rows:
        df = pd.read_json(path, lines=True)
        pdf = pl.read_ndjson(path)
        n = duckdb.connect().execute(f"SELECT count(*) FROM read_json_auto('{path}', format='newline_delimited')").fetchone()[0]
        if not len(df) == pdf.height == n == rows:
            fail(f"proposed-links.jsonl: pandas {len(df)}, polars {pdf.height}, DuckDB {n} rows; manifest says {rows}")
    print(f"proposed-links.jsonl: {rows} links: pandas, polars and DuckDB agree")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        fail("usage: load_release.py RELEASE_DIR")
    check(sys.argv[1])
