#!/usr/bin/env python3
"""Write the article texts of an annotated set, taken from the corpus they belong to, as
JSON Lines that `claimset eval` reads. The texts are their publishers' and are never
committed; the set's ids and gold claims are.

    python3 scripts/eval_texts.py [--corpus ../shared/data/allsides.jsonl.zst] [--out target/eval]

writes target/eval/allsides-dev.jsonl and target/eval/allsides-heldout.jsonl from
eval/allsides/articles.tsv.
"""
import argparse
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", default=os.path.join(ROOT, "..", "shared", "data", "allsides.jsonl.zst"))
    ap.add_argument("--out", default=os.path.join(ROOT, "target", "eval"))
    ap.add_argument("--set", default=os.path.join(ROOT, "eval", "allsides", "articles.tsv"))
    a = ap.parse_args()
    if not os.path.exists(a.corpus):
        sys.exit(f"no corpus at {a.corpus}: the AllSides corpus (../shared/data/allsides.jsonl.zst) "
                 "is needed to score this set; pass --corpus PATH")
    split = {}
    with open(a.set) as f:
        next(f)
        for line in f:
            aid, sp = line.rstrip("\n").split("\t")[:2]
            split[aid] = sp
    os.makedirs(a.out, exist_ok=True)
    outs = {sp: open(os.path.join(a.out, f"allsides-{sp}.jsonl"), "w") for sp in set(split.values())}
    found = set()
    p = subprocess.Popen(["zstd", "-dc", a.corpus], stdout=subprocess.PIPE, text=True)
    for line in p.stdout:
        d = json.loads(line)
        if d["id"] in split:
            outs[split[d["id"]]].write(line if line.endswith("\n") else line + "\n")
            found.add(d["id"])
    p.wait()
    for f in outs.values():
        f.close()
    missing = sorted(set(split) - found)
    if missing:
        sys.exit(f"{len(missing)} articles of the set are not in the corpus: {', '.join(missing[:5])}")
    for sp in sorted(outs):
        n = sum(1 for v in split.values() if v == sp)
        print(f"{sp}: {n} articles -> {os.path.join(a.out, f'allsides-{sp}.jsonl')}")


if __name__ == "__main__":
    main()
