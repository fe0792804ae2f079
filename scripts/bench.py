#!/usr/bin/env python3
"""Corpus-scale benchmark: `claimset extract` and a whole `claimset release`, at 1x and 4x.

    python3 scripts/bench.py [--runs N] [--corpus FILE.jsonl[.zst]] [--baseline BINARY]

Uses ../shared/data/allsides.jsonl.zst when present (or --corpus), else the project's own
fixture articles repeated, and says which. The 4x corpus is the 1x one four times over, ids
suffixed so that no article is a duplicate. Every measurement is a separate process, so peak
RSS is that run's own (from wait4). The commands run in turn, round after round, so that drift
in the machine's speed shifts them alike. Prints medians over --runs rounds: wall time, MB of
article text per second in total and per thread, articles per second, cores kept busy (CPU
time over wall time), and the largest peak RSS seen. With --baseline, another build's
one-thread extraction runs in the same rounds, alternating with this one's, and the ratio of
their medians is printed: before and after a change, measured alike.
Needs the `zstd` command for compressed corpora.
"""

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ALLSIDES = ROOT.parent / "shared" / "data" / "allsides.jsonl.zst"


def read_lines(path):
    """The lines of a JSON Lines file, compressed with zstd or not."""
    if path.suffix == ".zst":
        out = subprocess.run(["zstd", "-dc", str(path)], check=True, capture_output=True).stdout
    else:
        out = path.read_bytes()
    return out.decode("utf-8").splitlines()


def fixture_lines():
    """The fixture articles as JSON lines, repeated to a few thousand."""
    base = []
    for p in sorted((ROOT / "tests" / "fixtures" / "articles").glob("*.txt")):
        title, date, url, body = p.read_text(encoding="utf-8").split("\n", 3)
        base.append({"id": p.stem, "title": title, "date": date, "url": url, "text": body})
    for p in sorted((ROOT / "tests" / "fixtures" / "jsonl").glob("*.jsonl")):
        for line in p.read_text(encoding="utf-8").splitlines():
            try:
                a = json.loads(line)
            except json.JSONDecodeError:
                continue
            if isinstance(a, dict) and a.get("text") and a.get("url") and a.get("date"):
                base.append(a)
    lines = []
    for k in range(max(1, 3000 // len(base))):
        for a in base:
            lines.append(json.dumps(dict(a, id=f"{a.get('id', 'a')}-{k}"), ensure_ascii=False))
    return lines


def write_corpus(lines, copies, dest):
    """Writes `copies` copies of the corpus to dest (.jsonl.zst); returns (articles, text bytes)."""
    articles = 0
    text = 0
    raw = dest.with_suffix("")
    with raw.open("w", encoding="utf-8") as f:
        for k in range(copies):
            for line in lines:
                a = json.loads(line)
                if k:
                    a["id"] = f"{a['id']}~{k + 1}"
                text += len(str(a.get("text", "")).encode("utf-8"))
                articles += 1
                f.write(json.dumps(a, ensure_ascii=False))
                f.write("\n")
    subprocess.run(["zstd", "-q", "-f", "--rm", "-3", str(raw), "-o", str(dest)], check=True)
    return articles, text


GNU_TIME = Path("/usr/bin/time")


def run(cmd, scratch):
    """Runs cmd once; returns (wall seconds, CPU seconds, peak RSS in MB).

    A child forked from this (large) Python process starts with its pages counted in its
    peak RSS, so the peak is read through GNU time, a small parent, when it is installed.
    CPU time is user + system of the command (wait4 counts the descendants it waited for).
    """
    rss_file = scratch / "rss"
    timed = [str(GNU_TIME), "-f", "%M", "-o", str(rss_file), *cmd] if GNU_TIME.exists() else cmd
    start = time.perf_counter()
    proc = subprocess.Popen(timed, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    err = proc.stderr.read().decode("utf-8", "replace")
    proc.stderr.close()
    code = os.waitstatus_to_exitcode(status)
    # 1 = problems found (a rejected input); the run still completed.
    if code not in (0, 1):
        sys.exit(f"bench: {' '.join(cmd)} failed ({code}):\n{err}")
    if GNU_TIME.exists():
        kb = int(rss_file.read_text().split()[-1])
    else:
        kb = usage.ru_maxrss
    return wall, usage.ru_utime + usage.ru_stime, kb / 1024


class Measure:
    """The runs of one command: wall times, CPU times, peak RSS."""

    def __init__(self, label, cmd, threads):
        self.label, self.cmd, self.threads = label, cmd, threads
        self.walls, self.cpus, self.rss = [], [], []

    def once(self, scratch):
        w, c, r = run(self.cmd(), scratch)
        self.walls.append(w)
        self.cpus.append(c)
        self.rss.append(r)

    def wall(self):
        return statistics.median(self.walls)

    def report(self, articles, text):
        wall = self.wall()
        mbs = text / 1e6 / wall
        busy = statistics.median(c / w for c, w in zip(self.cpus, self.walls))
        print(
            f"{self.label:<22} {wall:7.2f} s  {mbs:6.1f} MB/s  {mbs / self.threads:6.1f} MB/s/core  "
            f"{articles / wall:7.0f} articles/s  {busy:4.2f} cores busy  "
            f"peak RSS {max(self.rss):6.1f} MB"
        )


def measure(runs, scratch, *measures):
    """Runs the measures in turn, round after round, so that a machine that speeds up or
    slows down during the benchmark shifts all of them alike and their ratios hold."""
    for _ in range(runs):
        for m in measures:
            m.once(scratch)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--runs", type=int, default=3, help="runs per measurement (median)")
    ap.add_argument("--corpus", type=Path, help="a JSON Lines corpus (.zst or not)")
    ap.add_argument("--binary", type=Path, help="claimset binary [default: build --release]")
    ap.add_argument("--baseline", type=Path, help="another claimset binary to compare with")
    args = ap.parse_args()

    if args.binary:
        binary = args.binary
    else:
        subprocess.run(["cargo", "build", "--release", "--quiet"], cwd=ROOT, check=True)
        target = Path(os.environ.get("CARGO_TARGET_DIR", ROOT / "target"))
        binary = target / "release" / "claimset"
    cores = os.cpu_count() or 1

    if args.corpus:
        label, lines = str(args.corpus), read_lines(args.corpus)
    elif ALLSIDES.exists():
        label, lines = f"AllSides ({ALLSIDES})", read_lines(ALLSIDES)
    else:
        label, lines = "the project's fixtures, repeated (AllSides not found)", fixture_lines()

    with tempfile.TemporaryDirectory(prefix="claimset-bench-") as tmp:
        tmp = Path(tmp)
        print(f"corpus: {label}; {cores} cores; medians of {args.runs} runs")
        for copies in (1, 4):
            dataset = tmp / f"bench-{copies}x"
            (dataset / "articles").mkdir(parents=True)
            (dataset / "dataset.toml").write_text(
                'name = "bench"\n'
                'title = "Benchmark corpus"\n'
                'description = "A corpus for throughput measurement."\n'
                'language = "en"\n'
                'source = "bench.py"\n'
                'licence = "not for distribution"\n',
                encoding="utf-8",
            )
            corpus = dataset / "articles" / "corpus.jsonl.zst"
            articles, text = write_corpus(lines, copies, corpus)
            print(
                f"\n{copies}x: {articles} articles, {text / 1e6:.1f} MB of article text, "
                f"{corpus.stat().st_size / 1e6:.1f} MB compressed"
            )
            extract = lambda jobs, b=binary: lambda: [  # noqa: E731
                str(b), "extract", "-q", "-j", str(jobs), str(corpus), "-o", os.devnull
            ]
            out = tmp / "out"

            def release():
                shutil.rmtree(out, ignore_errors=True)
                return [str(binary), "release", "-q", str(dataset), "--out", str(out)]

            one = Measure("extract, 1 thread", extract(1), 1) if copies == 1 else None
            base = None
            if args.baseline and copies == 1:
                base = Measure("baseline, 1 thread", extract(1, args.baseline), 1)
            every = Measure(f"extract, {cores} threads", extract(cores), cores)
            whole = Measure(f"release, {cores} threads", release, cores)
            measure(args.runs, tmp, *[m for m in (one, base, every, whole) if m is not None])
            if base is not None:
                base.report(articles, text)
                rounds = [a / b for a, b in zip(base.walls, one.walls)]
                print(
                    f"{'':<22} baseline time / this build's, 1 thread: "
                    f"{base.wall() / one.wall():.2f}x "
                    f"(per round: {', '.join(f'{r:.2f}' for r in rounds)})"
                )
            for m in (one, every):
                if m is not None:
                    m.report(articles, text)
            if one is not None:
                rounds = [a / b for a, b in zip(one.walls, every.walls)]
                print(
                    f"{'':<22} speed-up {cores} threads / 1: {one.wall() / every.wall():.2f}x "
                    f"(per round: {', '.join(f'{r:.2f}' for r in rounds)})"
                )
            whole.report(articles, text)

if __name__ == "__main__":
    main()
