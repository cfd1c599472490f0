#!/usr/bin/env python3
"""Load speed into Neo4j: a synthetic graph in kg's shape, loaded with kg's loader and with the old one.

    .venv/bin/python scripts/bench_neo4j.py --uri bolt://localhost:7687 --user neo4j --password ... --clear

The graph has --papers papers with --edges role edges each (10,000 x 10 =
100,000 relationships by default) plus variants, results and their edges.
For each loader it prints nodes/s and relationships/s of a first load into
an empty database and the time of a second, idempotent load of the same
graph (which must create nothing); for kg's loader also a re-load after 1%
of the relationships changed. The reference is the loader kg had before
issue 10 (one MERGE per row, properties compared in Cypher, 2,000 rows per
batch), run after kg's in the same session on the same server, so the
ratios printed hold whatever the machine; --no-reference skips it. --clear deletes the
nodes kg writes, before, between and after; without it the script refuses
to run on a database that already holds kg nodes.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections.abc import Callable

import networkx as nx

from kg.graph import ENTITY_LABELS, LABELS, ROLE_TYPES
from kg.store.neo4j import (
    LoadReport,
    Neo4jError,
    Neo4jSettings,
    apply_schema,
    clear,
    kg_nodes_clause,
    load_graph,
    session,
)
from kg.store.neo4j_rows import node_rows, relationship_rows

REFERENCE_BATCH = 2000


def synthetic_graph(papers: int, edges: int, entities: int, seed: int = 7) -> nx.MultiDiGraph:
    """A graph like `build_graph`'s: role edges with evidence, variants, results."""
    rng = random.Random(seed)
    graph = nx.MultiDiGraph()
    names = []
    for number in range(entities):
        label = ENTITY_LABELS[number % len(ENTITY_LABELS)]
        node = f"{label.lower()}:entity{number}"
        graph.add_node(node, label=label, name=f"Entity-{number}", aliases=[f"E{number}"] if number % 3 == 0 else [])
        names.append(node)
    for number in range(0, entities - len(ENTITY_LABELS), 10):  # every tenth entity is a variant of the next of its type
        graph.add_edge(names[number], names[number + len(ENTITY_LABELS)], key="VARIANT_OF")
    roles = list(ROLE_TYPES.items())
    for number in range(papers):
        paper = f"arxiv:2501.{number:05d}"
        sentence = f"We evaluate paper {number} on several environments and compare against strong baselines."
        graph.add_node(paper, label="Paper", title=f"Paper {number}", abstract=sentence * 3,
                       sources=["/data/synthetic.jsonl"], arxiv_id=f"2501.{number:05d}")
        for entity in rng.sample(names, edges):
            role, type_ = rng.choice(roles)
            graph.add_edge(paper, entity, key=type_, role=role, confidence=0.9, extractor="bench/1",
                           sentence=sentence, start=20, end=20 + len(sentence))
        if number % 5 == 0:
            result = f"result:{paper}:0"
            graph.add_node(result, label="Result", subject="Entity-0", value="41.0%")
            graph.add_edge(paper, result, key="REPORTS")
            graph.add_edge(names[0], result, key="ACHIEVES")
    return graph


def reference_load(db, graph: nx.MultiDiGraph, batch_size: int = REFERENCE_BATCH,
                   progress: Callable[[LoadReport, int], None] | None = None) -> LoadReport:
    """The loader before issue 10: every row MERGEd, properties compared in Cypher and set where they differ."""
    report = apply_schema(db)
    nodes, rels = node_rows(graph), relationship_rows(graph)
    groups = [((f"UNWIND $rows AS row\nMERGE (n:{label} {{id: row.id}})\nWITH n, row WHERE properties(n) <> row.props\n"
                "SET n = row.props"), nodes[label]) for label in LABELS if label in nodes]
    groups += [((f"UNWIND $rows AS row\nMATCH (a:{start} {{id: row.start}})\nMATCH (b:{end} {{id: row.end}})\n"
                 f"MERGE (a)-[r:{type_}]->(b)\nWITH r, row WHERE properties(r) <> row.props\nSET r = row.props"), rels[(start, type_, end)])
               for start, type_, end in sorted(rels)]
    for query, rows in groups:
        for at in range(0, len(rows), batch_size):
            batch = rows[at : at + batch_size]
            report.add(db.execute_write(lambda tx, q=query, b=batch: tx.run(q, rows=b).consume().counters))
            report.batches += 1
            if progress:
                progress(report, len(batch))
    return report


def measure(name: str, load, db, graph: nx.MultiDiGraph) -> tuple[float, float]:
    """First load and idempotent re-load with `load(db, graph, progress)`; returns (relationships/s, re-load seconds)."""
    nodes, rels = graph.number_of_nodes(), graph.number_of_edges()
    marks = {"loaded": 0}
    start = time.perf_counter()

    def progress(report, rows):
        marks["loaded"] += rows
        if marks["loaded"] >= nodes and "nodes_done" not in marks:
            marks["nodes_done"] = time.perf_counter()

    first = load(db, graph, progress)
    end = time.perf_counter()
    nodes_done = marks.get("nodes_done", end)
    rate = rels / (end - nodes_done)
    print(f"{name}: first load {end - start:.2f} s: {nodes / (nodes_done - start):,.0f} nodes/s, {rate:,.0f} relationships/s; {first}")
    start = time.perf_counter()
    second = load(db, graph, None)
    again = time.perf_counter() - start
    print(f"{name}: second (idempotent) load {again:.2f} s; {second}")
    if second.nodes_created or second.relationships_created or second.properties_set:
        print(f"{name}: the second load wrote something: not idempotent", file=sys.stderr)
    return rate, again


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--uri", required=True)
    parser.add_argument("--user", default="neo4j")
    parser.add_argument("--password", default="")
    parser.add_argument("--database", default=None)
    parser.add_argument("--papers", type=int, default=10_000)
    parser.add_argument("--edges", type=int, default=10, help="role edges per paper")
    parser.add_argument("--entities", type=int, default=5_000)
    parser.add_argument("--batch-size", type=int, default=10_000)
    parser.add_argument("--no-reference", action="store_true", help="skip the old loader")
    parser.add_argument("--clear", action="store_true", help="delete kg's nodes before, between and after (never anything else)")
    args = parser.parse_args()

    graph = synthetic_graph(args.papers, args.edges, args.entities)
    print(f"synthetic graph: {graph.number_of_nodes()} nodes, {graph.number_of_edges()} relationships; batch size {args.batch_size}")
    settings = Neo4jSettings(args.uri, args.user, args.password, args.database)
    try:
        with session(settings) as db:
            if args.clear:
                clear(db)
            elif db.run(f"MATCH (n) WHERE {kg_nodes_clause()} RETURN count(n) > 0 AS any").single()["any"]:
                print("the database already holds kg nodes: pass --clear to delete them first", file=sys.stderr)
                return 2
            rate, again = measure("kg", lambda d, g, p: load_graph(d, g, args.batch_size, p), db, graph)
            changed = graph.copy()
            for number, (_, _, data) in enumerate(changed.edges(data=True)):
                if number % 100 == 0:
                    data["confidence"] = 0.42
            start = time.perf_counter()
            report = load_graph(db, changed, args.batch_size)
            print(f"kg: re-load with 1% of relationships changed {time.perf_counter() - start:.2f} s; {report}")
            if not args.no_reference:  # second, so that a warmer server favours the old loader, not kg's
                clear(db)
                old_rate, old_again = measure("reference (old loader)", lambda d, g, p: reference_load(d, g, REFERENCE_BATCH, p), db, graph)
                print(f"ratios: first load {rate / old_rate:.2f}x the old relationships/s; "
                      f"re-load {old_again / again:.2f}x faster than the old re-load")
            if args.clear:
                clear(db)
    except Neo4jError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
