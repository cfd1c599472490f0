#!/usr/bin/env python3
"""Extraction speed against spaCy's blank English tokenizer, in one process: warm, cold and recurring.

usage: scripts/bench_extract.py [CORPUS FILES...] [--min 10000] [--rounds 3] [--cold-rounds 3] [--stages]

The reference is `spacy.blank("en")`'s tokenizer over the same texts, timed
in the same run, so each printed ratio (tokenizer time / extraction time)
depends little on the machine; issue "Throughput" asks for at least 0.5.
Everything is timed by CPU time, and the best of several rounds counts: on
a shared machine, wall time and any one round measure the neighbours' load
as much as the code. Both pipelines are built before any clock starts.

WARM: the corpus's papers are repeated to at least --min papers, so all but
the first pass meets strings both vocabularies and all caches have seen. The
two are timed in alternation over --rounds rounds in this process.

COLD: one pass over the distinct papers in a fresh process, just after the
pipeline is built (`pipeline.load_frozen`, as kg's workers start), so every
string is new to the vocab and every per-string cache is empty, as in a
stream of new papers, which keeps bringing new names and numbers. kg's pass
runs the steps of `extract` batch by batch as `extract` runs them, each
timed, and counts their sum; the blank tokenizer's first pass over the same
texts is the reference. Each runs in a fresh subprocess of its own,
alternated over --cold-rounds rounds.

RECURRING: the team's own measure (the stop hook's). In a fresh process,
the distinct papers three times over go through one `extract` call, after
20 papers have warmed it up: one pass over new strings, two over strings
seen before, as in a stream where papers recur. `spacy.blank("en")`'s
`nlp.pipe` over the same texts, built and timed after it in the same
process, is the reference. Best of --cold-rounds fresh processes.

Then it prints peak memory: the process's maximum resident set size, and
tracemalloc's peak of Python allocations during a second pass over the
distinct papers (tracemalloc slows Python several times over, so the timed
passes run without it). `--stages` also prints the CPU time of each step,
warm over the repeated papers and cold over the distinct ones, in batches as
`extract` runs them: the tokenizer, each pipeline component, and the making
of the extraction records from the annotated docs.
"""

from __future__ import annotations

import argparse
import glob
import json
import resource
import subprocess
import sys
import time
import tracemalloc
from pathlib import Path

import spacy

from kg.collector import fewer_collections
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
            with fewer_collections():  # as `extract` runs each batch
                _batch_steps(nlp, papers, spent)
        best = {step: min(best[step], spent[step]) for step in steps}
    return best


def _batch_steps(nlp, papers: list, spent: dict[str, float]) -> None:
    """Add the CPU time of each step over one batch of `papers` to `spent`."""
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


def _cold_pass(kind: str, files: list[str]) -> None:
    """In a fresh process: build `kind`'s pipeline, time one pass over the distinct papers, print the CPU seconds as JSON."""
    papers = read_papers(files)
    if kind == "blank":
        blank = spacy.blank("en")
        texts = [p.text for p in papers]
        print(json.dumps({"total": _timed(lambda: sum(1 for _ in blank.tokenizer.pipe(texts)))}))
        return
    pipeline.load_frozen()  # as kg's extraction workers start
    steps = _stages(pipeline.load(), papers, 1)
    print(json.dumps({"total": sum(steps.values()), **steps}))


def _recurring_pass(files: list[str]) -> None:
    """In a fresh process: the stop hook's measure; print kg's and the blank pipeline's CPU seconds as JSON."""
    papers = read_papers(files) * 3
    sum(1 for _ in extract(papers[:20]))
    kg = _timed(lambda: sum(1 for _ in extract(papers)))
    blank = spacy.blank("en")
    print(json.dumps({"kg": kg, "blank": _timed(lambda: sum(1 for _ in blank.pipe(p.text for p in papers)))}))


def _recurring(files: list[str], rounds: int) -> dict[str, float]:
    """The recurring pass with the best ratio over `rounds` fresh processes."""
    runs = []
    for _ in range(rounds):
        out = subprocess.run([sys.executable, str(HERE), "--recurring-pass", *files], check=True, capture_output=True, text=True).stdout
        runs.append(json.loads(out.splitlines()[-1]))
    return max(runs, key=lambda run: run["blank"] / run["kg"])


def _cold(files: list[str], rounds: int) -> tuple[float, dict[str, float]]:
    """The best cold pass of the blank tokenizer, and kg's best cold pass with its steps, each in fresh processes."""
    blank = float("inf")
    kg: dict[str, float] = {"total": float("inf")}
    for _ in range(rounds):
        for kind in ("blank", "kg"):
            out = subprocess.run([sys.executable, str(HERE), "--cold-pass", kind, *files], check=True, capture_output=True, text=True).stdout
            spent = json.loads(out.splitlines()[-1])
            if kind == "blank":
                blank = min(blank, spent["total"])
            elif spent["total"] < kg["total"]:
                kg = spent
    return blank, kg


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", default=DEFAULT_CORPUS)
    parser.add_argument("--cold-rounds", type=int, default=3, help="fresh-process rounds of the cold pass of each; the best counts")
    parser.add_argument("--cold-pass", choices=["kg", "blank"], help=argparse.SUPPRESS)
    parser.add_argument("--recurring-pass", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--min", type=int, default=10_000, help="repeat the papers to at least this many")
    parser.add_argument("--rounds", type=int, default=3, help="timed rounds of each; the best counts")
    parser.add_argument("--stages", action="store_true", help="also print the CPU time of each step")
    args = parser.parse_args()
    if not args.files:
        parser.error("no corpus files given and none found beside the checkout")
    if args.cold_pass:
        _cold_pass(args.cold_pass, args.files)
        return
    if args.recurring_pass:
        _recurring_pass(args.files)
        return
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
    print(f"ratio extract/tokenizer: {tokenizer_s / extract_s:.3f} (warm)")
    if args.stages:
        stages = _stages(nlp, batch, args.rounds)
        print("steps (best of each, CPU s): " + ", ".join(f"{step} {spent:.2f}" for step, spent in stages.items()))
    cold_blank, cold_kg = _cold(args.files, args.cold_rounds)
    print(f"cold, one pass over the {len(papers)} distinct papers in a fresh process, best of {args.cold_rounds}, CPU time:")
    print(f"blank tokenizer: {len(papers) / cold_blank:.0f} abstracts/s ({cold_blank:.2f} s); kg extract: {len(papers) / cold_kg['total']:.0f} abstracts/s ({cold_kg['total']:.2f} s)")
    print(f"ratio extract/tokenizer: {cold_blank / cold_kg['total']:.3f} (cold)")
    if args.stages:
        print("cold steps (CPU s): " + ", ".join(f"{step} {spent:.2f}" for step, spent in cold_kg.items() if step != "total"))
    recurring = _recurring(args.files, args.cold_rounds)
    print(f"recurring, the {len(papers)} distinct papers x 3 in one extract() call in a fresh process (the stop hook's measure), best of {args.cold_rounds}, CPU time:")
    print(f"blank pipeline: {3 * len(papers) / recurring['blank']:.0f} abstracts/s ({recurring['blank']:.2f} s); kg extract: {3 * len(papers) / recurring['kg']:.0f} abstracts/s ({recurring['kg']:.2f} s)")
    print(f"ratio extract/tokenizer: {recurring['blank'] / recurring['kg']:.3f} (recurring)")
    print(f"peak memory: tracemalloc {peak / 2**20:.1f} MiB, max RSS {rss:.0f} MiB")


if __name__ == "__main__":
    main()
