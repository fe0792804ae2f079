#!/usr/bin/env python3
"""Score `claimset reviews match` on CLEF CheckThat! 2020 task 2 ("detecting previously
fact-checked claims"), and build the re-ranker from its train split.

A split is a folder in the task's layout: `tweets.queries.tsv` (tweet_id, tweet_content),
`tweet-vclaim-pairs.qrels` (tweet_id 0 vclaim_id 1), with `verified_claims.docs.tsv`
(vclaim_id, vclaim, title) in the folder above it (or given with --docs). The verified
claims are written as schema.org ClaimReview JSON-LD (claimReviewed = vclaim, headline =
title, author Snopes) and the tweets as JSON Lines claims ({claim_id, claim_text}, the tweet
as it is: claimset cleans links, handles, hashtags and signature lines itself), so the run
goes through the same import and match as any user's.

    # score a split with the committed re-ranker: MAP@1, MAP@5, P@1
    python3 scripts/clef_eval.py ../shared/data/clef2020-checkthat-task2/dev

    # 5-fold cross-validation on train: the honest train figure, and the link threshold
    python3 scripts/clef_eval.py ../shared/data/clef2020-checkthat-task2/train --cv 5

    # rebuild the committed re-ranker from the train split (deterministic)
    python3 scripts/clef_eval.py ../shared/data/clef2020-checkthat-task2/train \\
        --train src/review/reranker.toml

Needs only Python's standard library and a built claimset (`cargo build --release`). The
CLEF data is not part of the project: the script reads it where it lies and writes nothing
from it into the repository except the re-ranker's weights.
"""

import argparse
import csv
import json
import os
import subprocess
import sys
import tempfile

csv.field_size_limit(1 << 30)

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TRAINED_ON = ("CLEF CheckThat! 2020 task 2, train split (800 tweets, 801 pairs, 10,375 "
              "Snopes verified claims): python3 scripts/clef_eval.py <train> --train <file>")


def read_tsv(path):
    with open(path, encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f, delimiter="\t"))
    return rows[1:]


def read_split(split, docs_path):
    queries = [(r[0], r[1]) for r in read_tsv(os.path.join(split, "tweets.queries.tsv"))]
    qrels = {}
    with open(os.path.join(split, "tweet-vclaim-pairs.qrels"), encoding="utf-8") as f:
        for line in f:
            p = line.split()
            if len(p) == 4 and p[3] != "0":
                qrels.setdefault(p[0], set()).add(p[2])
    docs = [(r[0], r[1], r[2]) for r in read_tsv(docs_path)]
    return queries, qrels, docs


def doc_url(vclaim_id):
    # A made-up address (the task gives none) on a reserved domain: it only has to be unique.
    return "https://checkthat.invalid/vclaim/%s" % vclaim_id


def write_inputs(tmp, queries, docs, qrels=None):
    reviews = os.path.join(tmp, "reviews.jsonld")
    graph = [{
        "@type": "ClaimReview",
        "url": doc_url(i),
        "claimReviewed": claim,
        "headline": title,
        "author": {"@type": "Organization", "name": "Snopes"},
    } for i, claim, title in docs]
    with open(reviews, "w", encoding="utf-8") as f:
        json.dump({"@context": "https://schema.org", "@graph": graph}, f)
    claims = os.path.join(tmp, "claims.jsonl")
    with open(claims, "w", encoding="utf-8") as f:
        for qid, text in queries:
            f.write(json.dumps({"claim_id": "tweet-" + qid, "claim_text": text}) + "\n")
    return claims, reviews


def claimset(binary, *args):
    run = subprocess.run([binary, *args], capture_output=True, text=True)
    if run.returncode not in (0, 1):
        sys.exit("claimset %s failed:\n%s" % (" ".join(args), run.stderr))
    return run.stdout


def review_ids(binary, reviews):
    """vclaim id by review id, from claimset's own import."""
    out = {}
    for line in claimset(binary, "reviews", "import", "-q", reviews).splitlines():
        r = json.loads(line)
        out[r["review_id"]] = r["review_url"].rsplit("/", 1)[1]
    return out


def run_match(binary, claims, reviews, ids, model=None, top=5):
    args = ["reviews", "match", "-q", "--claims", claims, "--reviews", reviews,
            "--top", str(top)]
    if model:
        args += ["--model", model]
    ranked = {}
    for line in claimset(binary, *args).splitlines():
        m = json.loads(line)
        q = m["claim_id"][len("tweet-"):]
        ranked.setdefault(q, []).append((m["rank"], ids[m["review_id"]], m["score"],
                                         m["linked"]))
    return {q: sorted(v) for q, v in ranked.items()}


def average_precision(gold, ranked, k):
    """The task's scorer: precision at each relevant rank up to k, over the relevant count."""
    hits, total = 0, 0.0
    for i, doc in enumerate(ranked[:k]):
        if doc in gold:
            hits += 1
            total += hits / (i + 1)
    return total / len(gold) if gold else 0.0


def scores(ranked, qrels, same=None):
    n = len(qrels)
    out = {}
    for k in (1, 5):
        out["MAP@%d" % k] = sum(
            average_precision(g, [d for _, d, _, _ in ranked.get(q, [])], k)
            for q, g in qrels.items()) / n
    out["P@1"] = sum(1 for q, g in qrels.items()
                     if ranked.get(q) and ranked[q][0][1] in g) / n
    linked = [(q, r[0][1]) for q, r in ranked.items() if r and r[0][3]]
    right = sum(1 for q, d in linked if d in qrels.get(q, ()))
    out["linked"] = len(linked)
    out["linked precision"] = right / len(linked) if linked else float("nan")
    same = same or {}
    copy_right = sum(1 for q, d in linked
                     if any(d in same.get(g, {g}) for g in qrels.get(q, ())))
    out["linked precision, copies right"] = copy_right / len(linked) if linked else float("nan")
    return out


def copies(docs):
    """Each verified claim's exact copies: the task lists some fact-checks more than once
    (the same claim and headline, down to punctuation), and its qrels name only the first.
    For a link, a copy of the right fact-check is the right verdict."""
    by_text = {}
    for i, claim, title in docs:
        key = "".join(ch for ch in (claim + " " + title).lower() if ch.isalnum())
        by_text.setdefault(key, set()).add(i)
    return {i: group for group in by_text.values() for i in group}


def thresholds(ranked, qrels, same):
    """Precision (a copy of the right fact-check counts as right) and coverage of the best
    match at each probability threshold."""
    def right(q, d):
        return any(d in same.get(g, {g}) for g in qrels.get(q, ()))
    best = [(r[0][2], right(q, r[0][1])) for q, r in ranked.items() if r]
    rows = []
    for t in [x / 100 for x in range(30, 100, 5)]:
        kept = [ok for s, ok in best if s >= t]
        if kept:
            rows.append((t, sum(kept) / len(kept), len(kept) / len(qrels)))
    return rows


def show(name, s):
    print("%-12s MAP@1 %.4f  MAP@5 %.4f  P@1 %.4f  linked %d (precision %.4f; %.4f with "
          "copies of the fact-check counted right)" % (
              name, s["MAP@1"], s["MAP@5"], s["P@1"], s["linked"], s["linked precision"],
              s["linked precision, copies right"]))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("split", help="folder with tweets.queries.tsv and tweet-vclaim-pairs.qrels")
    ap.add_argument("--docs", help="verified_claims.docs.tsv [default: beside the split]")
    ap.add_argument("--claimset", default=os.path.join(ROOT, "target/release/claimset"))
    ap.add_argument("--model", help="a re-ranker file other than the committed one")
    ap.add_argument("--train", metavar="OUT", help="fit a re-ranker on the split, write it")
    ap.add_argument("--cv", type=int, metavar="K", help="K-fold cross-validation on the split")
    ap.add_argument("--candidates", type=int, default=100)
    ap.add_argument("--l2", type=float, default=1.0)
    a = ap.parse_args()
    docs_path = a.docs or os.path.join(os.path.dirname(os.path.abspath(a.split)),
                                       "verified_claims.docs.tsv")
    for p in (os.path.join(a.split, "tweets.queries.tsv"), docs_path, a.claimset):
        if not os.path.exists(p):
            sys.exit("not found: %s (the CLEF data lives outside the project; build claimset "
                     "with `cargo build --release`)" % p)
    queries, qrels, docs = read_split(a.split, docs_path)
    with tempfile.TemporaryDirectory() as tmp:
        claims, reviews = write_inputs(tmp, queries, docs)
        ids = review_ids(a.claimset, reviews)
        by_vclaim = {v: r for r, v in ids.items()}

        def fit(subset, out):
            sub_claims = os.path.join(tmp, "fit-claims.jsonl")
            with open(sub_claims, "w", encoding="utf-8") as f:
                for qid, text in subset:
                    f.write(json.dumps({"claim_id": "tweet-" + qid, "claim_text": text}) + "\n")
            pairs = os.path.join(tmp, "pairs.jsonl")
            with open(pairs, "w", encoding="utf-8") as f:
                for qid, _ in subset:
                    for v in sorted(qrels.get(qid, ())):
                        f.write(json.dumps({"claim_id": "tweet-" + qid,
                                            "review_id": by_vclaim[v]}) + "\n")
            claimset(a.claimset, "reviews", "train", "--claims", sub_claims, "--reviews",
                     reviews, "--pairs", pairs, "--candidates", str(a.candidates),
                     "--l2", repr(a.l2), "--trained-on", TRAINED_ON, "-o", out)

        if a.train:
            fit(queries, a.train)
            print("wrote %s" % a.train)
            return
        if a.cv:
            ranked = {}
            for k in range(a.cv):
                held = [q for i, q in enumerate(queries) if i % a.cv == k]
                rest = [q for i, q in enumerate(queries) if i % a.cv != k]
                model = os.path.join(tmp, "fold.toml")
                fit(rest, model)
                held_claims = os.path.join(tmp, "held.jsonl")
                with open(held_claims, "w", encoding="utf-8") as f:
                    for qid, text in held:
                        f.write(json.dumps({"claim_id": "tweet-" + qid,
                                            "claim_text": text}) + "\n")
                ranked.update(run_match(a.claimset, held_claims, reviews, ids, model))
            show("%d-fold CV" % a.cv, scores(ranked, qrels, copies(docs)))
            print("threshold  precision of best  share of claims")
            for t, p, c in thresholds(ranked, qrels, copies(docs)):
                print("  %.2f        %.4f          %.4f" % (t, p, c))
            return
        ranked = run_match(a.claimset, claims, reviews, ids, a.model)
        show(os.path.basename(os.path.normpath(a.split)), scores(ranked, qrels, copies(docs)))


if __name__ == "__main__":
    main()
