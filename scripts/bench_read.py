#!/usr/bin/env python3
"""Benchmark the read side on a synthetic LadybugDB store: RDF export memory and speed, query times.

Writes a store of `--papers` made-up papers by COPY from pandas
(`tests/known_graph.py`'s `synthetic`: ~1,000-character abstracts, 3-5
entities, 1-3 authors per paper), then

- exports it as N-Triples and as Turtle (and any other `--formats`), each in
  its own process so that each peak RSS (VmHWM, reset just before the export)
  is that format's alone, and prints Turtle's peak as a ratio of N-Triples';
- times the README's six queries, `kg stats` and `kg search` on the store
  (cold: the first run in a fresh process; warm: the best of three more).

    .venv/bin/python scripts/bench_read.py                      # 20,000 papers
    .venv/bin/python scripts/bench_read.py --papers 2000 --formats nt,turtle,jsonld
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))


def status_mb(field: str) -> float:
    """A memory figure of this process from /proc/self/status (Linux): VmRSS now, VmHWM peak."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024
    raise RuntimeError(f"no {field} in /proc/self/status")


def export_one(store: Path, fmt: str) -> dict:
    """Export the store once in `fmt`, in this process; the peak is reset after the store is opened."""
    from kg.export.rdf import write
    from kg.store.reader import LadybugReader

    with LadybugReader(store) as reader, tempfile.TemporaryDirectory() as tmp:
        Path("/proc/self/clear_refs").write_text("5")
        before = status_mb("VmRSS")
        path = Path(tmp) / f"bench.{fmt}"
        started = time.perf_counter()
        with path.open("wb") as handle:
            count = write(reader, handle, fmt)
        seconds = time.perf_counter() - started
        return {"format": fmt, "triples": count, "seconds": seconds, "bytes": path.stat().st_size, "base_mb": before, "peak_mb": status_mb("VmHWM")}


def queries_one(store: Path) -> dict:
    """Cold and warm times of the README queries, stats and search, in this process."""
    from kg.query import run_query
    from kg.search import search
    from kg.stats import stats
    from kg.store.reader import LadybugReader
    from readme_queries import readme_queries

    params = {5: {"family": "Model 0"}, 6: {"name": "Environment 3"}}
    jobs = {f"README query {n}": (lambda r, q=q, n=n: run_query(r, q, params.get(n))) for n, (_, q) in sorted(readme_queries().items())}
    jobs["kg stats"] = lambda r: stats(r, 10)
    jobs["kg search 'model 1'"] = lambda r: search(r, "model 1")
    times = {}
    with LadybugReader(store) as reader:
        for name, job in jobs.items():
            runs = []
            for _ in range(4):
                started = time.perf_counter()
                answer = job(reader)
                runs.append(time.perf_counter() - started)
            rows = len(answer.rows) if hasattr(answer, "rows") else len(answer) if isinstance(answer, list) else answer.papers
            times[name] = {"cold": runs[0], "warm": min(runs[1:]), "rows": rows}
    return times


def child(*args: str) -> dict:
    line = subprocess.run([sys.executable, __file__, *args], check=True, capture_output=True, text=True).stdout
    return json.loads(line)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--papers", type=int, default=20000)
    parser.add_argument("--formats", default="nt,turtle")
    parser.add_argument("--export", nargs=2, help=argparse.SUPPRESS)
    parser.add_argument("--queries", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.export:
        print(json.dumps(export_one(Path(args.export[0]), args.export[1])))
        return
    if args.queries:
        print(json.dumps(queries_one(Path(args.queries))))
        return
    from known_graph import synthetic

    with tempfile.TemporaryDirectory() as tmp:
        store = Path(tmp) / "bench.db"
        started = time.perf_counter()
        synthetic(store, args.papers, max(400, args.papers // 10), abstract_words=150)
        size = sum(f.stat().st_size for f in Path(tmp).iterdir())
        print(f"store: {args.papers:,} papers written by COPY in {time.perf_counter() - started:.1f} s, {size / 1e6:.0f} MB")
        peaks = {}
        for fmt in args.formats.split(","):
            r = child("--export", str(store), fmt)
            peaks[fmt] = r["peak_mb"]
            print(f"{r['format']:>7}: {r['triples']:,} triples in {r['seconds']:.1f} s = {r['triples'] / r['seconds']:,.0f} triples/s, "
                  f"{r['bytes'] / 1e6:.0f} MB written, peak RSS {r['peak_mb']:,.0f} MB (RSS {r['base_mb']:,.0f} MB with the store open)")
        if "nt" in peaks and "turtle" in peaks:
            print(f"Turtle's peak RSS is {peaks['turtle'] / peaks['nt']:.2f} x N-Triples'")
        for name, t in child("--queries", str(store)).items():
            print(f"{name:>24}: cold {t['cold'] * 1000:7.1f} ms, warm {t['warm'] * 1000:7.1f} ms ({t['rows']} rows)")


if __name__ == "__main__":
    main()
