#!/usr/bin/env python3
"""Parallel extraction speed: one process, a process pool (--jobs), a Dask LocalCluster, on the same papers.

usage: scripts/bench_parallel.py [CORPUS FILES...] [--papers 5000] [--jobs 2] [--workdir /tmp/kg-bench-parallel]

The corpus papers are repeated under new titles (and so new ids) to
--papers distinct papers, written as one JSON Lines file under --workdir.
Prints abstracts/s for spaCy's blank tokenizer on the same texts (the
reference, measured in the same run), for `extract_lines(jobs=1)` and
`extract_lines(jobs=N)` (what `kg extract --jobs` runs), and for `extract_distributed` on a LocalCluster
of N worker processes reading byte-range shards of the file, each with its
speed-up over one process and its share of the tokenizer's rate. The pool
and cluster times include starting their workers (the cluster itself is
started before the clock, as an existing cluster would be). The three
outputs are checked to be identical. The machine's own speed-up, a busy
loop in one process against the same loop in N processes at once, is
printed too: on a machine that others share, no pool can beat it.
"""

from __future__ import annotations

import argparse
import glob
import json
import multiprocessing
import shutil
import time
from pathlib import Path

import spacy

from kg.extract import pipeline
from kg.extract.distributed import extract_distributed, iter_extractions, plan_shards
from kg.extract.parallel import POOL_MIN_CHUNKS, extract_lines, extraction_line
from kg.records import Paper
from kg.sources import read_papers

# The shared corpus beside the checkout (../shared/corpus), looked for upwards so a worktree finds it too.
DEFAULT_CORPUS = next((sorted(glob.glob(str(p / "shared" / "corpus" / "*.txt"))) for p in Path(__file__).resolve().parents
                       if glob.glob(str(p / "shared" / "corpus" / "*.txt"))), [])


def repeated(papers: list[Paper], count: int) -> list[dict]:
    """`count` records: the papers over and over, each copy under a new title."""
    records = []
    for number in range(count):
        paper = papers[number % len(papers)]
        title = paper.title if number < len(papers) else f"{paper.title} (copy {number // len(papers)})"
        records.append({"title": title, "abstract": paper.abstract})
    return records


def busy(loops: int) -> int:
    total = 0
    for number in range(loops):
        total += number * number
    return total


def machine_speedup(jobs: int, loops: int = 5_000_000) -> float:
    """How much faster `jobs` processes do `jobs` busy loops than one process does them, right now."""
    started = time.perf_counter()
    for _ in range(jobs):
        busy(loops)
    serial = time.perf_counter() - started
    with multiprocessing.get_context("spawn").Pool(jobs) as pool:
        pool.map(busy, [10] * jobs)  # the workers are up before the clock starts
        started = time.perf_counter()
        pool.map(busy, [loops] * jobs)
        return serial / (time.perf_counter() - started)


def warm() -> None:
    """Build the pipeline in a worker (returning nothing, so no pipeline is sent back)."""
    pipeline.load()


def timed(label: str, run, count: int, reference: float | None, tokenizer: float) -> tuple[float, list[bytes]]:
    started = time.perf_counter()
    lines = run()
    elapsed = time.perf_counter() - started
    rate = count / elapsed
    speedup = f"  speed-up {rate / reference:.2f}x" if reference else ""
    print(f"{label:<28} {elapsed:7.1f} s  {rate:8,.0f} abstracts/s{speedup}  ({rate / tokenizer:.2f} of the tokenizer's rate)")
    return rate, lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", default=DEFAULT_CORPUS)
    parser.add_argument("--papers", type=int, default=5000)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/kg-bench-parallel"))
    args = parser.parse_args()
    if not args.files:
        parser.error("no corpus files found; name them")
    from distributed import Client, LocalCluster

    shutil.rmtree(args.workdir, ignore_errors=True)
    args.workdir.mkdir(parents=True)
    source = args.workdir / "papers.jsonl"
    source.write_text("".join(json.dumps(r) + "\n" for r in repeated(read_papers(args.files), args.papers)), encoding="utf-8")
    papers = read_papers([source])
    count = len(papers)
    assert count == args.papers, "the repeated titles must give distinct papers"
    print(f"{count} papers ({source.stat().st_size / 2**20:.1f} MiB) from {len(args.files)} corpus file(s); {args.jobs} jobs")

    blank = spacy.blank("en")
    texts = [paper.text for paper in papers]
    started = time.perf_counter()
    for _ in blank.tokenizer.pipe(texts):
        pass
    tokenizer = count / (time.perf_counter() - started)
    print(f"{'blank tokenizer (reference)':<28} {count / tokenizer:7.1f} s  {tokenizer:8,.0f} abstracts/s")

    pipeline.load()
    one, reference = timed("one process", lambda: list(extract_lines(papers, 1)), count, None, tokenizer)
    _, pooled = timed(f"--jobs {args.jobs} (process pool)", lambda: list(extract_lines(papers, args.jobs)), count, one, tokenizer)
    started = time.perf_counter()
    list(extract_lines(papers[: POOL_MIN_CHUNKS + 1], args.jobs, chunk_size=1))
    print(f"{'  of which pool start-up':<28} {time.perf_counter() - started:7.1f} s  (a pool run of {POOL_MIN_CHUNKS + 1} papers)")
    shard_bytes = max(1, source.stat().st_size // (4 * args.jobs))  # four shards per worker
    with LocalCluster(n_workers=args.jobs, threads_per_worker=1, processes=True, dashboard_address=":0") as cluster, Client(cluster) as client:
        client.run(warm)  # an existing cluster has its workers warm

        def on_cluster() -> list[bytes]:
            extract_distributed(plan_shards([source], shard_bytes=shard_bytes), args.workdir / "out", cluster.scheduler_address)
            return [extraction_line(e) for e in iter_extractions(args.workdir / "out")]

        _, clustered = timed(f"LocalCluster({args.jobs}), shards", on_cluster, count, one, tokenizer)
    print(f"machine: {args.jobs} busy processes at once run {machine_speedup(args.jobs):.2f}x the rate of one (the ceiling here now)")
    print("outputs identical:", reference == pooled == clustered)


if __name__ == "__main__":
    main()
