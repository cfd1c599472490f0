#!/usr/bin/env python3
"""Benchmark `kg export rdf` on a synthetic graph of at least 1,000,000 triples.

Prints triples per second and peak memory for N-Triples (streamed) and
Turtle (built as an rdflib Graph, then serialised). Each format runs in its
own process, so each peak is that format's alone. Before timing, it checks
on a smaller graph of the same shape that the streamed N-Triples parse back
into a graph isomorphic to the one rdflib builds.

    .venv/bin/python scripts/bench_rdf.py            # ~1.1M triples
    .venv/bin/python scripts/bench_rdf.py --papers 2000 --formats nt
"""

from __future__ import annotations

import argparse
import io
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import networkx as nx

from kg.graph import ENTITY_LABELS, ROLE_TYPES

ROLES_FOR = {
    "Model": ("proposes", "uses", "compares_to", "mentions"),
    "Method": ("proposes", "uses", "compares_to", "mentions"),
    "Benchmark": ("proposes", "evaluates_on", "uses", "mentions"),
    "Environment": ("proposes", "evaluates_on", "uses", "mentions"),
}


def synthetic_graph(papers: int, seed: int = 0) -> nx.MultiDiGraph:
    """A graph shaped like `kg.graph.build_graph`'s: about 64 triples per paper once exported."""
    rng = random.Random(seed)
    graph = nx.MultiDiGraph()
    pools = {}
    for label in ENTITY_LABELS:
        names = [f"{label}-{i}" for i in range(max(50, papers // 20))]
        pools[label] = [f"{label.lower()}:{name.lower().replace('-', '')}" for name in names]
        for node, name in zip(pools[label], names):
            graph.add_node(node, label=label, name=name, aliases=[name.replace("-", " ")] if rng.random() < 0.3 else [])
        for node in pools[label][1:10]:
            graph.add_edge(node, pools[label][0], key="VARIANT_OF")
    for number in range(papers):
        paper = f"arxiv:{2400 + number // 90000}.{number % 90000:05d}"
        title = f"Paper {number}: a study of agents"
        abstract = " ".join(f"Sentence {i} of paper {number} names things (with \"quotes\") and\nnew lines." for i in range(6))
        graph.add_node(paper, label="Paper", title=title, abstract=abstract, sources=["/data/papers.jsonl"],
                       arxiv_id=paper.removeprefix("arxiv:"), url=f"https://arxiv.org/abs/{paper.removeprefix('arxiv:')}")
        text = f"{title}\n\n{abstract}"
        linked = {}
        for _ in range(5):
            label = rng.choice(ENTITY_LABELS)
            node = rng.choice(pools[label])
            if node in linked:
                continue
            role = rng.choice(ROLES_FOR[label])
            linked[node] = label
            start = rng.randrange(len(title) + 2, len(text) - 80)
            graph.add_edge(paper, node, key=ROLE_TYPES[role], role=role, confidence=rng.choice((0.6, 0.75, 0.9)),
                           extractor="kg-rules/0.1.0", sentence=text[start:start + 60], start=start, end=start + 60)
        if number % 4 == 0:
            result = f"result:{paper}:0"
            graph.add_node(result, label="Result", subject="Model-1", benchmark="Benchmark-2", metric="accuracy", value="41.0%")
            graph.add_edge(paper, result, key="REPORTS")
            graph.add_edge(pools["Model"][1], result, key="ACHIEVES")
            graph.add_edge(pools["Benchmark"][2], result, key="HAS_RESULT")
    return graph


def status_mb(field: str) -> float:
    """A memory figure of this process from /proc/self/status (Linux): VmRSS now, VmHWM peak."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def reset_peak() -> None:
    """Start the peak (VmHWM) afresh, so it measures the export and not building the graph."""
    Path("/proc/self/clear_refs").write_text("5")


def run_one(fmt: str, papers: int) -> dict:
    """Build the graph, then export it once in `fmt`, in this process."""
    from kg.export.rdf import write

    graph = synthetic_graph(papers)
    reset_peak()
    before = status_mb("VmRSS")
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"bench.{fmt}"
        started = time.perf_counter()
        with path.open("wb") as handle:
            count = write(graph, handle, fmt)
        seconds = time.perf_counter() - started
        size = path.stat().st_size
    return {"format": fmt, "triples": count, "seconds": seconds, "bytes": size, "graph_mb": before, "peak_mb": status_mb("VmHWM")}


def check_stream(papers: int) -> bool:
    """The streamed N-Triples parse into a graph isomorphic to the rdflib-built export."""
    from rdflib import Graph
    from rdflib.compare import isomorphic

    from kg.export.rdf import to_graph, write_ntriples

    graph = synthetic_graph(papers)
    out = io.StringIO()
    write_ntriples(graph, out)
    streamed = Graph().parse(data=out.getvalue(), format="nt")
    return isomorphic(streamed, to_graph(graph))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--papers", type=int, default=16000, help="papers in the synthetic graph (16000 gives ~1.1M triples)")
    parser.add_argument("--formats", default="nt,turtle", help="comma-separated formats to time")
    parser.add_argument("--one", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(run_one(args.one, args.papers)))
        return
    check_papers = max(100, args.papers // 10)
    print(f"check: streamed N-Triples of a {check_papers}-paper graph isomorphic to the rdflib Graph: {check_stream(check_papers)}")
    for fmt in args.formats.split(","):
        line = subprocess.run([sys.executable, __file__, "--one", fmt, "--papers", str(args.papers)],
                              check=True, capture_output=True, text=True).stdout
        r = json.loads(line)
        print(f"{r['format']:>7}: {r['triples']:,} triples in {r['seconds']:.1f} s = {r['triples'] / r['seconds']:,.0f} triples/s, "
              f"{r['bytes'] / 1e6:.0f} MB written, peak RSS during export {r['peak_mb']:,.0f} MB (RSS {r['graph_mb']:,.0f} MB with just the networkx graph)")


if __name__ == "__main__":
    main()
