#!/usr/bin/env python3
"""Validate claim records against the published schema with Python's jsonschema.

Usage: python3 scripts/validate_records.py schema/claim.schema.json RECORDS...

RECORDS are JSON Lines files or Parquet files (a release's claims.parquet; needs pyarrow).

This is what a tool builder does with their own records; CI runs it on the pipeline's output
so that the schema is proven with a validator other than the one the Rust tests use. Prints
each invalid record's line and errors; exits 1 if any record is invalid.
"""

import json
import sys

import jsonschema


def records(path):
    """(line or row, record) pairs; dates from Parquet become YYYY-MM-DD strings."""
    with open(path, "rb") as f:
        magic = f.read(4)
    if magic == b"PAR1":
        import pyarrow.parquet as pq

        for row_no, row in enumerate(pq.read_table(path).to_pylist(), 1):
            yield row_no, {k: (v.isoformat() if hasattr(v, "isoformat") else v) for k, v in row.items()}
    else:
        with open(path, encoding="utf-8") as f:
            for line_no, line in enumerate(f, 1):
                yield line_no, json.loads(line)


def main():
    schema_path, paths = sys.argv[1], sys.argv[2:]
    with open(schema_path, encoding="utf-8") as f:
        schema = json.load(f)
    validator_class = jsonschema.validators.validator_for(schema)
    validator_class.check_schema(schema)
    validator = validator_class(schema, format_checker=validator_class.FORMAT_CHECKER)
    bad = 0
    n = 0
    for path in paths:
        for where_no, record in records(path):
            n += 1
            errors = sorted(validator.iter_errors(record), key=lambda e: list(e.path))
            if errors:
                bad += 1
                for e in errors:
                    where = "/".join(str(p) for p in e.path) or "(record)"
                    print(f"{path}:{where_no}: {where}: {e.message}")
    print(f"{n} records checked against {schema_path}: {n - bad} valid, {bad} invalid")
    return 1 if bad or n == 0 else 0


if __name__ == "__main__":
    sys.exit(main())
