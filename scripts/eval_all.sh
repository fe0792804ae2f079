#!/usr/bin/env bash
# Scores the extractor on every annotated set this machine has: PolNeAR train, and the
# AllSides set's development and held-out parts (scored apart; never read the held-out
# part's misses while developing). Needs ../shared/data; builds the release binary.
#
#   scripts/eval_all.sh [extra claimset eval flags, e.g. --format json]
set -euo pipefail
cd "$(dirname "$0")/.."
shared=../shared/data
cargo build --release --quiet
claimset=target/release/claimset
python3 scripts/eval_texts.py --corpus "$shared/allsides.jsonl.zst" >/dev/null
echo "=== PolNeAR train"
"$claimset" eval -q --gold "$shared/polnear-train/gold.jsonl" "$shared/polnear-train/articles" "$@"
for part in dev heldout; do
    echo "=== AllSides $part"
    "$claimset" eval -q --gold "eval/allsides/$part.gold.jsonl" "target/eval/allsides-$part.jsonl" "$@"
done
