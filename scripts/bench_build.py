"""Print what a streaming `kg build` costs: time, peak memory, store size, count-query times.

The input is the shared corpus repeated under new titles and arXiv ids
(written to a temporary JSONL, never into the repository). The reference
is `kg extract` of the same input in the same run, so the build's speed is
also printed as a ratio: what storing adds to extracting.

    python scripts/bench_build.py --papers 20000 [--corpus /work/shared/corpus] [--batch-size 500]
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from kg.sources import read_papers

QUERIES = {
    "papers": "MATCH (p:Paper) RETURN count(*) AS n",
    "role edges": "MATCH (p:Paper)-[r]->(e:Model:Method:Benchmark:Environment) RETURN count(*) AS n",
    "papers per benchmark (top 10)": "MATCH (p:Paper)-[:EVALUATES_ON]->(b:Benchmark) RETURN b.name AS name, count(*) AS n ORDER BY n DESC LIMIT 10",
    "distinct models": "MATCH (m:Model) RETURN count(DISTINCT m.id) AS n",
}


def write_corpus(corpus: Path, count: int, out: Path) -> None:
    papers = read_papers(sorted(corpus.glob("*.txt")))
    with out.open("w", encoding="utf-8") as handle:
        for i in range(count):
            paper = papers[i % len(papers)]
            record = {"title": f"{paper.title} (copy {i // len(papers)})", "abstract": paper.abstract, "arxiv_id": f"{2600 + i // 99999}.{i % 99999:05d}"}
            handle.write(json.dumps(record) + "\n")


def timed(args: list[str]) -> tuple[float, int]:
    """Wall seconds and peak RSS (MB) of a `kg` subprocess, from /usr/bin/time -v."""
    start = time.perf_counter()
    done = subprocess.run(["/usr/bin/time", "-v", sys.executable, "-m", "kg", *args], capture_output=True, text=True)
    wall = time.perf_counter() - start
    if done.returncode != 0:
        sys.exit(done.stderr)
    return wall, int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", done.stderr).group(1)) // 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--papers", type=int, default=20000)
    parser.add_argument("--corpus", type=Path, default=Path("/work/shared/corpus"))
    parser.add_argument("--batch-size", type=int, default=500)
    args = parser.parse_args()
    import kg

    with tempfile.TemporaryDirectory() as tmp:
        data, store = Path(tmp) / "papers.jsonl", Path(tmp) / "kg.db"
        write_corpus(args.corpus, args.papers, data)
        extract_s, extract_mb = timed(["extract", str(data), "-o", str(Path(tmp) / "out.jsonl")])
        build_s, build_mb = timed(["build", str(data), "--store", str(store), "--batch-size", str(args.batch_size)])
        again_s, _ = timed(["build", str(data), "--store", str(store), "--batch-size", str(args.batch_size)])
        size = store.stat().st_size
        print(f"papers: {args.papers}  batch size: {args.batch_size}")
        print(f"kg extract (reference): {extract_s:.1f} s, peak RSS {extract_mb} MB")
        print(f"kg build:               {build_s:.1f} s, peak RSS {build_mb} MB, {build_s / extract_s:.2f}x the extraction")
        print(f"kg build again (no-op): {again_s:.1f} s")
        print(f"store: {size / 1e6:.1f} MB, {size / args.papers / 1e3:.1f} kB per paper")
        with kg.open_store(store, read_only=True) as db:
            for name, query in QUERIES.items():
                list(db.run(query))  # warm
                start = time.perf_counter()
                rows = list(db.run(query))
                print(f"query {name}: {(time.perf_counter() - start) * 1e3:.0f} ms warm ({rows[0]})")


if __name__ == "__main__":
    main()
