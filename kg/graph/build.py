"""Building the graph in memory: all extractions resolved in one step.

The embedded store builds the same graph batch by batch (`kg.store`); both
use `kg.graph.resolve` for entities and `kg.graph.rows` for the shape, so a
graph built here equals the store's after any sequence of builds.
"""

from __future__ import annotations

from collections.abc import Iterable

import networkx as nx

from kg.graph.resolve import MemoryState, resolve
from kg.graph.rows import LABELS, paper_rows, variant_edges
from kg.records import Extraction

__all__ = ["LABELS", "build_graph"]  # LABELS: kg.export.html reads it from here


def present(props: dict) -> dict:
    """Properties without the unknown ones (and no empty category list): networkx nodes leave them out, as Neo4j does."""
    return {k: v for k, v in props.items() if v is not None and k != "id" and not (k == "categories" and not v)}


def build_graph(extractions: Iterable[Extraction]) -> nx.MultiDiGraph:
    """The graph of `extractions`; the same extractions always give the same graph."""
    extractions = sorted(extractions, key=lambda ex: ex.paper.id)
    state = MemoryState()
    resolution = resolve(state, extractions)
    graph = nx.MultiDiGraph()
    for id_, entity in sorted(resolution.states.items()):
        name, aliases = entity.name_and_aliases()
        graph.add_node(id_, label=entity.label, name=name, aliases=aliases)
    for extraction in extractions:
        rows = paper_rows(extraction, resolution.key_ids)
        graph.add_node(rows.paper["id"], label="Paper", **present(rows.paper))
        for author in rows.authors:
            if author["id"] not in graph:
                graph.add_node(author["id"], label="Author", **present(author))
        for edge in rows.authored:
            graph.add_edge(edge["from"], edge["to"], key="AUTHORED", position=edge["position"])
        for edge in rows.roles:
            props = {k: edge[k] for k in ("role", "confidence", "extractor", "sentence")}
            graph.add_edge(edge["from"], edge["to"], key=edge["type"], **props, start=edge["start_char"], end=edge["end_char"])
        for result in rows.results:
            graph.add_node(result["id"], label="Result", **present(result))
        for type_, edges in (("REPORTS", rows.reports), ("ACHIEVES", rows.achieves), ("HAS_RESULT", rows.has_result)):
            for edge in edges:
                graph.add_edge(edge["from"], edge["to"], key=type_)
    entities = ((d["label"], n, d["name"]) for n, d in graph.nodes(data=True) if "aliases" in d)
    for _, source, target in sorted(variant_edges(entities)):
        graph.add_edge(source, target, key="VARIANT_OF")
    return graph
