#!/usr/bin/env python3
"""Extraction speed against spaCy's blank English tokenizer, in one process.

usage: scripts/bench_extract.py [CORPUS FILES...] [--min 10000] [--stages]

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
`--stages` also prints the CPU time of each step over the same papers, in
batches as `extract` runs them: the tokenizer, each pipeline component, and
the making of the extraction records from the annotated docs.
"""

from __future__ import annotations

import argparse
import glob
import resource
import time
import tracemalloc
from pathlib import Path

import spacy

from kg.extract import BATCH, _doc_to_extraction, extract, names, pipeline
from kg.sources import read_papers

HERE = Path(__file__).resolve()
DEFAULT_CORPUS = sorted(glob.glob(str(HERE.parents[2] / "shared" / "corpus" / "*.txt")) or glob.glob(str(HERE.parents[3] / "shared" / "corpus" / "*.txt")))


def _timed(run) -> float:
    started = time.process_time()
    run()
    return time.process_time() - started


def _stages(nlp, batch: list, rounds: int) -> dict[str, float]:
    """The best of `rounds` CPU times of each step of `extract` over `batch`, run batch by batch as it runs them."""
    steps = ["tokenizer", *nlp.pipe_names, "records"]
    best = dict.fromkeys(steps, float("inf"))
    for _ in range(rounds):
        spent = dict.fromkeys(steps, 0.0)
        for at in range(0, len(batch), BATCH):
            papers = batch[at : at + BATCH]
            started = time.process_time()
            docs = [nlp.make_doc(p.text) for p in papers]
            spent["tokenizer"] += time.process_time() - started
            for doc, paper in zip(docs, papers):
                doc.user_data[names.TEXT] = paper.text
            for name, component in nlp.pipeline:
                started = time.process_time()
                docs = [component(doc) for doc in docs]
                spent[name] += time.process_time() - started
            started = time.process_time()
            for doc, paper in zip(docs, papers):
                _doc_to_extraction(doc, paper)
            spent["records"] += time.process_time() - started
        best = {step: min(best[step], spent[step]) for step in steps}
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", default=DEFAULT_CORPUS)
    parser.add_argument("--min", type=int, default=10_000, help="repeat the papers to at least this many")
    parser.add_argument("--rounds", type=int, default=3, help="timed rounds of each; the best counts")
    parser.add_argument("--stages", action="store_true", help="also print the CPU time of each step")
    args = parser.parse_args()
    if not args.files:
        parser.error("no corpus files given and none found beside the checkout")
    papers = read_papers(args.files)
    repeats = -(-args.min // len(papers))
    batch = papers * repeats
    texts = [p.text for p in batch]
    blank = spacy.blank("en")
    pipeline.load_frozen()  # as kg's extraction workers start
    nlp = pipeline.load()
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
    print(f"ratio extract/tokenizer: {tokenizer_s / extract_s:.3f}")
    if args.stages:
        stages = _stages(nlp, batch, args.rounds)
        print("steps (best of each, CPU s): " + ", ".join(f"{step} {spent:.2f}" for step, spent in stages.items()))
    print(f"peak memory: tracemalloc {peak / 2**20:.1f} MiB, max RSS {rss:.0f} MiB")


if __name__ == "__main__":
    main()
