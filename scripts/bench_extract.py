#!/usr/bin/env python3
"""Extraction speed against spaCy's blank English tokenizer, in one process.

usage: scripts/bench_extract.py [CORPUS FILES...] [--min 10000]

The corpus's papers are repeated to at least --min papers. The reference is
`spacy.blank("en")`'s tokenizer over the same texts, timed in the same run,
so the printed ratio (extraction rate / tokenizer rate) depends little on
the machine; issue "Throughput" asks for at least 0.5. The two are timed in
alternation over --rounds rounds, each by the CPU time of this process, and
the best round of each counts: on a shared machine, wall time and any one
round measure the neighbours' load as much as the code. Then it
prints peak memory: the process's maximum resident set size, and
tracemalloc's peak of Python allocations during a second pass over the
distinct papers (tracemalloc slows Python several times over, so the timed
passes run without it). Both pipelines are built before the clock starts.
"""

from __future__ import annotations

import argparse
import glob
import resource
import time
import tracemalloc
from pathlib import Path

import spacy

from kg.extract import extract, pipeline
from kg.sources import read_papers

HERE = Path(__file__).resolve()
DEFAULT_CORPUS = sorted(glob.glob(str(HERE.parents[2] / "shared" / "corpus" / "*.txt")) or glob.glob(str(HERE.parents[3] / "shared" / "corpus" / "*.txt")))


def _timed(run) -> float:
    started = time.process_time()
    run()
    return time.process_time() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", default=DEFAULT_CORPUS)
    parser.add_argument("--min", type=int, default=10_000, help="repeat the papers to at least this many")
    parser.add_argument("--rounds", type=int, default=3, help="timed rounds of each; the best counts")
    args = parser.parse_args()
    if not args.files:
        parser.error("no corpus files given and none found beside the checkout")
    papers = read_papers(args.files)
    repeats = -(-args.min // len(papers))
    batch = papers * repeats
    texts = [p.text for p in batch]
    blank = spacy.blank("en")
    pipeline.load()
    tokens = sum(len(doc) for doc in blank.tokenizer.pipe(p.text for p in papers)) * repeats
    sum(1 for _ in extract(papers[:50]))  # warm the caches the first papers fill
    tokenizer_s = extract_s = float("inf")
    for _ in range(args.rounds):
        tokenizer_s = min(tokenizer_s, _timed(lambda: sum(1 for _ in blank.tokenizer.pipe(texts))))
        extract_s = min(extract_s, _timed(lambda: sum(1 for _ in extract(batch))))
    tracemalloc.start()
    sum(1 for _ in extract(papers))
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    count = len(batch)
    print(f"papers {count} ({len(papers)} distinct x {repeats}), best of {args.rounds} rounds, CPU time")
    print(f"blank tokenizer: {count / tokenizer_s:.0f} abstracts/s ({tokenizer_s:.1f} s)")
    print(f"kg extract:      {count / extract_s:.0f} abstracts/s ({extract_s:.1f} s), {tokens / extract_s:.0f} tokens/s")
    print(f"ratio extract/tokenizer: {tokenizer_s / extract_s:.2f}")
    print(f"peak memory: tracemalloc {peak / 2**20:.1f} MiB, max RSS {rss:.0f} MiB")


if __name__ == "__main__":
    main()
