#!/usr/bin/env python3
"""Measure extraction against PolNeAR's annotated attributions.

Usage:
    cargo build --release
    python3 scripts/eval_polnear.py [POLNEAR_DIR] [--misses N] [--false N]

POLNEAR_DIR defaults to ../shared/data/polnear-train (articles/ and gold.jsonl, in the
project's article format). It runs `target/release/claimset extract` over the articles and
compares claims with the gold attributions of the bodies (title attributions are left out:
claims point into the body).

A claim matches a gold attribution when their character spans overlap with an F1 of at
least 0.5. PolNeAR annotates more than fact-check claims (beliefs, intentions, "Obama
wants ..."), so recall is also given for the gold attributions whose cue is a speech or
report verb, and precision is a lower bound: a claim PolNeAR did not annotate is counted
false even when it is a claim.
"""

import argparse
import collections
import json
import os
import subprocess
import sys

SPEECH = {
    "say", "says", "said", "saying", "tell", "tells", "told", "telling", "according to",
    "add", "adds", "added", "adding", "write", "writes", "wrote", "writing", "claim",
    "claims", "claimed", "claiming", "argue", "argues", "argued", "arguing", "note",
    "notes", "noted", "noting", "insist", "insists", "insisted", "insisting", "warn",
    "warns", "warned", "warning", "tweet", "tweets", "tweeted", "explain", "explains",
    "explained", "explaining", "acknowledge", "acknowledges", "acknowledged", "admit",
    "admits", "admitted", "announce", "announces", "announced", "declare", "declared",
    "state", "stated", "stating", "report", "reports", "reported", "accuse", "accused",
    "accusing", "deny", "denies", "denied", "denying", "suggest", "suggests", "suggested",
    "predict", "predicted", "contend", "contends", "contended", "assert", "asserted",
    "respond", "responded", "reply", "replied", "continue", "continued", "recall",
    "recalled", "concede", "conceded", "confirm", "confirmed", "has said", "have said",
    "also said", "said in a statement", "said:", "added:", ":", "told reporters",
}


def overlap_f1(a, b):
    inter = max(0, min(a[1], b[1]) - max(a[0], b[0]))
    if inter == 0:
        return 0.0
    p = inter / (a[1] - a[0])
    r = inter / (b[1] - b[0])
    return 2 * p * r / (p + r)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("polnear", nargs="?", default="../shared/data/polnear-train")
    ap.add_argument("--binary", default="target/release/claimset")
    ap.add_argument("--misses", type=int, default=0, help="print N missed speech attributions")
    ap.add_argument("--false", type=int, default=0, help="print N unmatched claims")
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()

    if not os.path.isdir(args.polnear):
        print(f"PolNeAR data not found at {args.polnear}: nothing to evaluate", file=sys.stderr)
        return 0
    out = subprocess.run(
        [args.binary, "extract", "--quiet", os.path.join(args.polnear, "articles")],
        check=False, capture_output=True, text=True,
    )
    if out.returncode == 2:
        print(out.stderr, file=sys.stderr)
        return 2
    claims = collections.defaultdict(list)
    for line in out.stdout.splitlines():
        c = json.loads(line)
        claims[c["article_id"]].append(c)
    gold = collections.defaultdict(list)
    with open(os.path.join(args.polnear, "gold.jsonl"), encoding="utf-8") as f:
        for line in f:
            g = json.loads(line)
            if not g["in_title"]:
                gold[g["article_id"]].append(g)

    bodies = {}
    adir = os.path.join(args.polnear, "articles")
    for name in os.listdir(adir):
        with open(os.path.join(adir, name), encoding="utf-8") as f:
            bodies[name[:-4]] = f.read().split("\n", 3)[3]

    n_gold = collections.Counter()
    hit_gold = collections.Counter()
    n_pred = hit_pred = 0
    claimant_ok = claimant_n = 0
    misses, falses = [], []
    for aid, gs in gold.items():
        cs = claims.get(aid, [])
        for g in gs:
            cue = (g["cue"] or "").lower()
            keys = ["all", "type:" + g["quote_type"]]
            if cue in SPEECH:
                keys += ["speech", "speech:" + g["quote_type"]]
            for k in keys:
                n_gold[k] += 1
            best = max(cs, key=lambda c: overlap_f1((c["span_start"], c["span_end"]), (g["char_start"], g["char_end"])), default=None)
            ok = best is not None and overlap_f1((best["span_start"], best["span_end"]), (g["char_start"], g["char_end"])) >= 0.5
            if ok:
                for k in keys:
                    hit_gold[k] += 1
                if cue in SPEECH and best["claimant_mention"]:
                    claimant_n += 1
                    gm = (g["claimant"] or "").lower().strip(" ,")
                    pm = best["claimant_mention"].lower()
                    if gm and (gm == pm or gm in pm or pm in gm):
                        claimant_ok += 1
            elif cue in SPEECH:
                misses.append((aid, g))
        for c in cs:
            n_pred += 1
            if any(overlap_f1((c["span_start"], c["span_end"]), (g["char_start"], g["char_end"])) >= 0.5 for g in gs):
                hit_pred += 1
            else:
                falses.append(c)
    for aid, cs in claims.items():
        if aid not in gold:
            n_pred += len(cs)
            falses.extend(cs)

    def pct(a, b):
        return f"{100 * a / b:5.1f}% ({a}/{b})" if b else "n/a"

    print(f"articles: {len(bodies)}, gold attributions in bodies: {n_gold['all']}, claims: {n_pred}")
    print(f"recall, all attributions:           {pct(hit_gold['all'], n_gold['all'])}")
    for t in ("direct", "mixed", "indirect"):
        print(f"  {t:9}                          {pct(hit_gold['type:' + t], n_gold['type:' + t])}")
    print(f"recall, speech/report cues:         {pct(hit_gold['speech'], n_gold['speech'])}")
    for t in ("direct", "mixed", "indirect"):
        print(f"  {t:9}                          {pct(hit_gold['speech:' + t], n_gold['speech:' + t])}")
    print(f"precision (lower bound):            {pct(hit_pred, n_pred)}")
    print(f"claimant mention agrees (matched):  {pct(claimant_ok, claimant_n)}")

    import random
    rnd = random.Random(args.seed)
    for aid, g in rnd.sample(misses, min(args.misses, len(misses))):
        body = bodies[aid]
        a, b = g["char_start"], g["char_end"]
        print(f"\nMISS {aid} [{g['cue']}] {g['claimant']!r}: ...{body[max(0, a - 120):a]}[[{body[a:b]}]]{body[b:b + 60]}...")
    for c in rnd.sample(falses, min(args.false, len(falses))):
        body = bodies.get(c["article_id"], "")
        a, b = c["span_start"], c["span_end"]
        print(f"\nFALSE {c['article_id']} [{c['cue']}] {c['claimant_mention']!r}->{c['claimant']!r}: ...{body[max(0, a - 100):a]}[[{body[a:b]}]]{body[b:b + 60]}...")
    return 0


if __name__ == "__main__":
    sys.exit(main())
