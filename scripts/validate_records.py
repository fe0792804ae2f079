#!/usr/bin/env python3
"""Validate claim records (JSON Lines) against the published schema with Python's jsonschema.

Usage: python3 scripts/validate_records.py schema/claim.schema.json claims.jsonl

This is what a tool builder does with their own records; CI runs it on the pipeline's output
so that the schema is proven with a validator other than the one the Rust tests use. Prints
each invalid record's line and errors; exits 1 if any record is invalid.
"""

import json
import sys

import jsonschema


def main():
    schema_path, records_path = sys.argv[1], sys.argv[2]
    with open(schema_path, encoding="utf-8") as f:
        schema = json.load(f)
    validator_class = jsonschema.validators.validator_for(schema)
    validator_class.check_schema(schema)
    validator = validator_class(schema, format_checker=validator_class.FORMAT_CHECKER)
    bad = 0
    n = 0
    with open(records_path, encoding="utf-8") as f:
        for line_no, line in enumerate(f, 1):
            n += 1
            errors = sorted(validator.iter_errors(json.loads(line)), key=lambda e: list(e.path))
            if errors:
                bad += 1
                for e in errors:
                    where = "/".join(str(p) for p in e.path) or "(record)"
                    print(f"{records_path}:{line_no}: {where}: {e.message}")
    print(f"{n} records checked against {schema_path}: {n - bad} valid, {bad} invalid")
    return 1 if bad or n == 0 else 0


if __name__ == "__main__":
    sys.exit(main())
