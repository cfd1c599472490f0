#!/usr/bin/env python3
"""Load speed into Neo4j: a synthetic graph in kg's shape, loaded with kg's loader.

    .venv/bin/python scripts/bench_neo4j.py --uri bolt://localhost:7687 --user neo4j --password ... --clear

Prints nodes/s and relationships/s for a first load into an empty database,
then the time of a second, idempotent load of the same graph (which must
create nothing). The graph has --papers papers with --edges role edges each
(10,000 x 10 = 100,000 relationships by default) plus variants, results and
their edges. --clear deletes the nodes kg writes, before and after; without
it the script refuses to run on a database that already holds kg nodes.
"""

from __future__ import annotations

import argparse
import random
import sys
import time

import networkx as nx

from kg.graph import ENTITY_LABELS, ROLE_TYPES
from kg.store.neo4j import Neo4jError, Neo4jSettings, clear, kg_nodes_clause, load_graph, session


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


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--uri", required=True)
    parser.add_argument("--user", default="neo4j")
    parser.add_argument("--password", default="")
    parser.add_argument("--database", default=None)
    parser.add_argument("--papers", type=int, default=10_000)
    parser.add_argument("--edges", type=int, default=10, help="role edges per paper")
    parser.add_argument("--entities", type=int, default=5_000)
    parser.add_argument("--batch-size", type=int, default=2000)
    parser.add_argument("--clear", action="store_true", help="delete kg's nodes before and after (never anything else)")
    args = parser.parse_args()

    graph = synthetic_graph(args.papers, args.edges, args.entities)
    nodes, rels = graph.number_of_nodes(), graph.number_of_edges()
    print(f"synthetic graph: {nodes} nodes, {rels} relationships; batch size {args.batch_size}")
    settings = Neo4jSettings(args.uri, args.user, args.password, args.database)
    try:
        with session(settings) as db:
            if args.clear:
                clear(db)
            elif db.run(f"MATCH (n) WHERE {kg_nodes_clause()} RETURN count(n) > 0 AS any").single()["any"]:
                print("the database already holds kg nodes: pass --clear to delete them first", file=sys.stderr)
                return 2
            marks = {"loaded": 0}
            start = time.perf_counter()

            def progress(report, rows):
                marks["loaded"] += rows
                if marks["loaded"] == nodes:
                    marks["nodes_done"] = time.perf_counter()

            first = load_graph(db, graph, args.batch_size, progress)
            end = time.perf_counter()
            nodes_done = marks.get("nodes_done", end)
            print(f"first load: {end - start:.2f} s; {first}")
            print(f"nodes: {nodes / (nodes_done - start):,.0f} nodes/s")
            print(f"relationships: {rels / (end - nodes_done):,.0f} relationships/s")
            start = time.perf_counter()
            second = load_graph(db, graph, args.batch_size)
            print(f"second (idempotent) load: {time.perf_counter() - start:.2f} s; {second}")
            if args.clear:
                clear(db)
    except Neo4jError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
