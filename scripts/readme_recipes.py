#!/usr/bin/env python3
"""Run the README's loading recipes exactly as written, and check what each one gives.

Usage: python3 scripts/readme_recipes.py [--lang python|r] [README.md...]

A recipe is a fenced code block preceded by a `<!-- recipe: NAME -->` line, in the README or
in a dataset card (`datasets/<name>/README.md`, whose recipes `release` writes). Each runs from the
repository's root in a fresh interpreter (this Python, or `Rscript` for R), followed by the
check this script keeps for NAME: row counts against the manifest of the release the recipe
opens (`datasets/<name>/releases/latest/`), and the types a user relies on (dates that support
`.dt`, `Date` in R). A recipe without a check is an error, so a new recipe cannot go untested.
Exits 1 on the first recipe that fails.
"""

import json
import os
import re
import subprocess
import sys
import tempfile
import time

# Appended to the recipe of the same name; {claims} and {articles} are the release's counts.
CHECKS = {
    "pandas": """
assert len(claims) == {claims}, len(claims)
assert str(claims.claim_date.dtype).startswith("date32"), claims.claim_date.dtype
assert list(claims.claim_date.dt.year.unique()) != []
""",
    "pandas-numpy": """
assert len(claims) == {claims}, len(claims)
assert str(claims.claim_date.dtype).startswith("datetime64"), claims.claim_date.dtype
""",
    "polars": """
import polars as pl
assert claims.height == {claims}, claims.height
assert claims.schema["claim_date"] == pl.Date, claims.schema["claim_date"]
""",
    "duckdb": """
total = duckdb.sql("SELECT count(*) FROM 'datasets/*/releases/latest/claims.parquet'").fetchall()[0][0]
assert total == {all_claims}, total
""",
    "datasets": """
assert claims.num_rows == {claims}, claims.num_rows
assert articles.num_rows == {articles}, articles.num_rows
assert claims.features["claim_date"].dtype == "date32", claims.features["claim_date"]
""",
    "card-python": """
assert len(claims) == {claims}, len(claims)
assert articles.num_rows == {articles}, articles.num_rows
assert str(claims.claim_date.dtype).startswith("date32"), claims.claim_date.dtype
""",
    "croissant": """
assert len(claims) == {claims}, len(claims)
""",
    "r": """
stopifnot(nrow(claims) == {claims})
stopifnot(inherits(claims$claim_date, "Date"), is.integer(claims$span_start), is.character(claims$quote_type))
""",
}

LANGS = {"python": "python", "r": "r"}


def recipes(readme):
    """(name, language, line, code) of every marked block."""
    lines = open(readme, encoding="utf-8").read().split("\n")
    found = []
    for i, line in enumerate(lines):
        m = re.fullmatch(r"<!-- recipe: ([a-z0-9-]+) -->", line.strip())
        if not m:
            continue
        fence = lines[i + 1] if i + 1 < len(lines) else ""
        if not fence.startswith("```"):
            sys.exit(f"{readme}:{i + 1}: a recipe marker must stand just before a code block")
        lang = fence[3:].strip()
        end = next(k for k in range(i + 2, len(lines)) if lines[k].startswith("```"))
        found.append((m.group(1), lang, i + 3, "\n".join(lines[i + 2 : end])))
    return found


def counts(code):
    """The counts of the release a recipe opens, and the claims of every latest release."""
    out = {"all_claims": 0}
    for name in sorted(os.listdir("datasets")):
        manifest = os.path.join("datasets", name, "releases", "latest", "manifest.json")
        if os.path.exists(manifest):
            with open(manifest, encoding="utf-8") as f:
                out["all_claims"] += json.load(f)["counts"]["claims"]
    m = re.search(r"datasets/([a-z0-9][a-z0-9-]*)/", code)
    if m:
        with open(os.path.join("datasets", m.group(1), "releases", "latest", "manifest.json"), encoding="utf-8") as f:
            c = json.load(f)["counts"]
        out.update(claims=c["claims"], articles=c["articles"])
    return out


def run(name, lang, line, code, readme):
    if name not in CHECKS:
        sys.exit(f"{readme}:{line}: recipe {name!r} has no check in scripts/readme_recipes.py")
    script = code + "\n" + CHECKS[name].format(**counts(code))
    suffix = ".R" if lang == "r" else ".py"
    with tempfile.NamedTemporaryFile("w", suffix=suffix, delete=False, encoding="utf-8") as f:
        f.write(script)
    cmd = ["Rscript", f.name] if lang == "r" else [sys.executable, f.name]
    start = time.monotonic()
    try:
        done = subprocess.run(cmd, capture_output=True, text=True)
    finally:
        os.unlink(f.name)
    took = time.monotonic() - start
    if done.returncode != 0:
        print(f"{readme}:{line}: recipe {name} failed ({took:.1f} s):\n{code}\n--- output\n{done.stdout}{done.stderr}", file=sys.stderr)
        sys.exit(1)
    print(f"recipe {name} ({readme}:{line}, {lang}): ran as written and checked, {took:.1f} s")


def main():
    args = sys.argv[1:]
    lang = None
    if args[:1] == ["--lang"]:
        lang, args = args[1], args[2:]
    for readme in args or ["README.md"]:
        found = [r for r in recipes(readme) if lang is None or r[1] == lang]
        if not found:
            sys.exit(f"{readme}: no recipe" + (f" in {lang}" if lang else ""))
        for name, block_lang, line, code in found:
            if block_lang not in LANGS:
                sys.exit(f"{readme}:{line}: recipe {name} is in {block_lang!r}; only python and r run")
            run(name, block_lang, line, code, readme)


if __name__ == "__main__":
    main()
