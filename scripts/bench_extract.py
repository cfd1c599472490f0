#!/usr/bin/env python3
"""Extraction speed: the corpus's papers repeated to at least --min papers, in one process.

usage: scripts/bench_extract.py [CORPUS FILES...] [--min 10000]

Prints abstracts/s, tokens/s and peak memory: the process's maximum
resident set size, and tracemalloc's peak of Python allocations during a
second pass over the distinct papers (tracemalloc slows Python several
times over, so the timed pass runs without it). The pipeline is loaded
before the clock starts.
"""

from __future__ import annotations

import argparse
import glob
import resource
import time
import tracemalloc
from pathlib import Path

from kg.extract import extract, pipeline
from kg.sources import read_papers

DEFAULT_CORPUS = sorted(glob.glob(str(Path(__file__).resolve().parents[2] / "shared" / "corpus" / "*.txt")))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", default=DEFAULT_CORPUS)
    parser.add_argument("--min", type=int, default=10_000, help="repeat the papers to at least this many")
    args = parser.parse_args()
    papers = read_papers(args.files)
    repeats = -(-args.min // len(papers))
    batch = papers * repeats
    nlp = pipeline.load()
    tokens = sum(len(doc) for doc in nlp.tokenizer.pipe(p.text for p in papers)) * repeats
    started = time.perf_counter()
    count = sum(1 for _ in extract(batch))
    elapsed = time.perf_counter() - started
    tracemalloc.start()
    sum(1 for _ in extract(papers))
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"papers {count} ({len(papers)} distinct x {repeats}) in {elapsed:.1f} s")
    print(f"abstracts/s {count / elapsed:.0f}")
    print(f"tokens/s {tokens / elapsed:.0f}")
    print(f"peak memory: tracemalloc {peak / 2**20:.1f} MiB, max RSS {rss:.0f} MiB")


if __name__ == "__main__":
    main()
