#!/usr/bin/env python3
"""Draw the fact-checker's judged sample: 3 records per outlet over the 20 largest outlets of
the 2020 slice of AllSides, with a fixed seed, from an `extract` output.

  python3 scripts/judge_sample.py CLAIMS.jsonl CORPUS.jsonl.zst OUT_DIR [--seed S]

CLAIMS.jsonl is the extractor's output over the corpus, before any correction; the sample of
eval/judged-2020/ was drawn, after `cargo build --release`, with

  ./target/release/claimset extract ../shared/data/allsides.jsonl.zst -o target/allsides.jsonl
  python3 scripts/judge_sample.py target/allsides.jsonl ../shared/data/allsides.jsonl.zst target/judged-2020

Outlets are ranked by their articles of the year with claims (ties by name); within an outlet,
3 articles and one record of each are drawn with the seed and the outlet's name.

Writes OUT_DIR/sample.jsonl (the records to judge, with the paragraph they sit in) and
OUT_DIR/texts/<article_id>.txt (whole bodies, to read the context). Both hold article text,
which belongs to its publishers: keep OUT_DIR out of the repository (target/ is ignored), and
commit only the records, without `source_text` and `paragraph`.
"""
import argparse
import collections
import json
import os
import random
import subprocess


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("claims")
    ap.add_argument("corpus")
    ap.add_argument("out")
    ap.add_argument("--seed", default="claimset-judged-2020")
    ap.add_argument("--year", default="2020")
    ap.add_argument("--outlets", type=int, default=20)
    ap.add_argument("--per-outlet", type=int, default=3)
    a = ap.parse_args()

    by_outlet = collections.defaultdict(lambda: collections.defaultdict(list))
    with open(a.claims) as f:
        for line in f:
            r = json.loads(line)
            if r["article_date"].startswith(a.year):
                by_outlet[r["publisher"]][r["article_id"]].append(r)
    # Largest outlets by articles with claims; ties by name, so the choice is stable.
    outlets = sorted(by_outlet, key=lambda o: (-len(by_outlet[o]), o))[: a.outlets]
    sample = []
    for outlet in outlets:
        rng = random.Random(f"{a.seed}:{outlet}")
        articles = sorted(by_outlet[outlet])
        for aid in rng.sample(articles, min(a.per_outlet, len(articles))):
            records = by_outlet[outlet][aid]
            sample.append(records[rng.randrange(len(records))])

    wanted = {r["article_id"] for r in sample}
    bodies = {}
    p = subprocess.Popen(["zstd", "-dc", a.corpus], stdout=subprocess.PIPE, text=True)
    for line in p.stdout:
        d = json.loads(line)
        if d["id"] in wanted:
            bodies[d["id"]] = d["text"]
    p.wait()

    os.makedirs(os.path.join(a.out, "texts"), exist_ok=True)
    with open(os.path.join(a.out, "sample.jsonl"), "w") as f:
        for n, r in enumerate(sample, 1):
            body = bodies[r["article_id"]]
            start = body.rfind("\n", 0, r["span_start"]) + 1
            end = body.find("\n", r["span_end"])
            end = len(body) if end < 0 else end
            row = {"n": n, **r, "source_text": body[r["span_start"]:r["span_end"]],
                   "paragraph": body[start:end]}
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
    for aid, body in bodies.items():
        with open(os.path.join(a.out, "texts", aid + ".txt"), "w") as f:
            f.write(body)
    print(f"{len(sample)} records from {len(outlets)} outlets: {', '.join(outlets)}")


if __name__ == "__main__":
    main()
