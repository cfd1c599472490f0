#!/usr/bin/env python3
"""The embedded store at scale: build time, peak memory, size on disk, stats and README query times.

usage: scripts/bench_store.py [--papers 100000 | --papers 20000,100000] [--seed 0] [--workdir DIR]
       scripts/bench_store.py --load-only 1000000

For each corpus size, a synthetic corpus (scripts/synth_corpus.py) is built
into a new store through the Python API in a child process, whose wall
time, CPU time and peak RSS (`os.wait4`) are printed with the store's size
on disk. Then `kg stats` runs as a user runs it, and each README example
query runs warm (after one unmeasured run), best of 3, through the API.
Several sizes show whether peak RSS grows with the corpus (issue "embedded
store": at most 1 GB, flat from 20k to 100k papers). `--load-only N` writes
N synthetic extraction records (no NLP) and loads those instead.

The store API calls are the small functions under "Store API": the
documented calls `kg.build`, `kg.open_store` and `kg.query.run_query`.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "tests"))
import synth_corpus  # noqa: E402
from readme_queries import PARAMS, readme_queries  # noqa: E402


# Store API ------------------------------------------------------------------


def build_store(paths: list[Path], store: Path) -> Any:
    """Build (or extend) the store from paper files: read, extract (every core), write."""
    import kg

    return kg.build([str(p) for p in paths], store=str(store))


def load_records(path: Path, store: Path) -> Any:
    """Load `kg extract` records into the store without extracting (the build takes extraction records as they are)."""
    import kg

    return kg.build([str(path)], store=str(store))


@contextmanager
def open_store(store: Path) -> Iterator[Any]:
    """The store opened read-only, as `kg query` opens it."""
    import kg

    with kg.open_store(str(store), read_only=True) as db:
        yield db


def query(db: Any, cypher: str, params: dict[str, Any]) -> list[dict[str, Any]]:
    """A README query as `kg query` runs it (with its dialect translations)."""
    from kg.query import run_query

    return run_query(db, cypher, params).records()


def stats_command(store: Path) -> list[str]:
    return [sys.executable, "-m", "kg", "stats", "--store", str(store)]


# Measuring ------------------------------------------------------------------


def measured(args: list[str]) -> tuple[float, float, float]:
    """Wall seconds, CPU seconds and peak RSS (MiB) of a child process; its failure stops the benchmark."""
    started = time.perf_counter()
    proc = subprocess.Popen(args, stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode:
        sys.exit(f"failed (exit {proc.returncode}): {' '.join(args)}")
    return time.perf_counter() - started, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def size_mib(path: Path) -> float:
    """A store's size on disk: the file or folder and the files beside it that share its name (WAL, lock)."""
    total = 0
    for p in path.parent.glob(path.name + "*"):
        total += p.stat().st_size if p.is_file() else sum(f.stat().st_size for f in p.rglob("*") if f.is_file())
    return total / 2**20


def synthetic_params(seed: int) -> dict[int, dict[str, Any]]:
    """README query parameters that the synthetic corpus has answers for: a model family with variants, a popular environment."""
    vocab = synth_corpus.vocabulary(seed)
    rank = {n.text: r for r, n in enumerate(vocab["Model"], 1)}
    bare = [m for m in rank if not m[-1].isalpha() and not m.endswith("B")]  # `Gemma-2.5`, `Qwen3`

    def weight(base: str) -> float:  # how often the base and its variants are drawn together, by their Zipf ranks
        return sum(1 / rank[m] for m in rank if m.startswith(base + "-")) / rank[base]

    family = max(bare, key=weight) if bare else next(iter(rank))
    params = {number: dict(values) for number, values in PARAMS.items()}
    params[5]["family"] = family
    params[6]["name"] = vocab["Environment"][0].text
    return params


def time_queries(store: Path, params: dict[int, dict[str, Any]]) -> list[tuple[int, str, float, int]]:
    """(number, title, best seconds of 3 warm runs, rows) for each README query."""
    timings = []
    started = time.perf_counter()
    with open_store(store) as db:
        print(f"  open store: {time.perf_counter() - started:.2f} s")
        for number, (title, cypher) in sorted(readme_queries().items()):
            rows = query(db, cypher, params.get(number, {}))  # warm-up
            best = min(_timed(db, cypher, params.get(number, {})) for _ in range(3))
            timings.append((number, title, best, len(rows)))
            print(f"  query {number} ({title}): {best:.3f} s best of 3 warm, {len(rows)} rows", flush=True)
    return timings


def _timed(db: Any, cypher: str, params: dict[str, Any]) -> float:
    started = time.perf_counter()
    query(db, cypher, params)
    return time.perf_counter() - started


def bench(label: str, source: Path, papers: int, store: Path, params: dict[int, dict[str, Any]]) -> dict[str, float]:
    for old in store.parent.glob(store.name + "*"):
        shutil.rmtree(old) if old.is_dir() else old.unlink()
    seconds, cpu, peak = measured([sys.executable, __file__, "--child", label, str(source), str(store)])
    size = size_mib(store)
    print(f"{label} {papers:,} papers: {seconds:.1f} s ({papers / seconds:,.0f} papers/s), CPU {cpu:.1f} s, peak RSS {peak:,.0f} MiB; "
          f"store {size:,.1f} MiB ({size * 1024 / papers:.2f} KiB/paper)", flush=True)
    startup, _, _ = measured([sys.executable, "-m", "kg", "--version"])
    stats, _, _ = measured(stats_command(store))
    print(f"  kg stats: {stats:.2f} s (of which starting kg: {startup:.2f} s)", flush=True)
    timings = time_queries(store, params)
    return {"papers": papers, "seconds": seconds, "peak": peak, "size": size, "stats": stats, "query": max(t[2] for t in timings)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--papers", default="100000", help="corpus size, or sizes separated by commas to compare (20000,100000)")
    parser.add_argument("--load-only", type=int, metavar="N", help="load N synthetic extraction records instead (no NLP)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--workdir", type=Path, help="where corpora and stores go (default: a temporary folder, removed after)")
    parser.add_argument("--child", nargs=3, metavar=("MODE", "SOURCE", "STORE"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        mode, source, store = args.child
        (load_records(Path(source), Path(store)) if mode == "load-only" else build_store([Path(source)], Path(store)))
        return
    work = args.workdir or Path(tempfile.mkdtemp(prefix="kg-store-"))
    work.mkdir(parents=True, exist_ok=True)
    params = synthetic_params(args.seed)
    print(f"{os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f}; query parameters: "
          + ", ".join(f"{k}={v!r}" for p in params.values() for k, v in p.items()), flush=True)
    sizes = [args.load_only] if args.load_only else [int(n) for n in args.papers.split(",")]
    rows = []
    for n in sizes:
        fmt = "records" if args.load_only else "jsonl"
        source = work / f"{fmt}-{n}-{args.seed}.jsonl"
        started = time.perf_counter()
        with source.open("w", encoding="utf-8", buffering=1 << 20) as out:
            synth_corpus.write(out, n, args.seed, fmt, jobs=os.cpu_count() or 1)
        print(f"wrote {n:,} {'extraction records' if args.load_only else 'papers'} in {time.perf_counter() - started:.1f} s "
              f"({size_mib(source):,.0f} MiB)", flush=True)
        rows.append(bench("load-only" if args.load_only else "build", source, n, work / f"store-{n}.db", params))
    if len(rows) > 1:
        print(f"{'papers':>9} {'build s':>8} {'papers/s':>9} {'peak MiB':>9} {'store MiB':>10} {'KiB/paper':>10} {'stats s':>8} {'worst query s':>14}")
        for r in rows:
            print(f"{r['papers']:>9,} {r['seconds']:>8.1f} {r['papers'] / r['seconds']:>9,.0f} {r['peak']:>9,.0f} {r['size']:>10,.1f} "
                  f"{r['size'] * 1024 / r['papers']:>10.2f} {r['stats']:>8.2f} {r['query']:>14.3f}")
    if not args.workdir:
        shutil.rmtree(work)


if __name__ == "__main__":
    main()
