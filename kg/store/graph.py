"""The store's graph as networkx, read through Cypher.

A bridge for the readers that still take a whole in-memory graph; it reads
only through `run`, so it shows exactly what a query sees. Offsets come
back as `start`/`end`, the names `kg.graph.build_graph` uses.
"""

from __future__ import annotations

import networkx as nx

from kg.graph.build import present
from kg.graph.rows import ENTITY_LABELS, RELATIONSHIP_TYPES

NODE_COLUMNS = {
    "Paper": ("title", "abstract", "sources", "arxiv_id", "url", "date", "doi", "venue", "categories"),
    "Author": ("name", "orcid"),
    **{label: ("name", "aliases") for label in ENTITY_LABELS},
    "Result": ("subject", "benchmark", "metric", "value"),
}
ROLE_COLUMNS = ("role", "confidence", "extractor", "sentence", "start_char", "end_char")
RENAMED = {"start_char": "start", "end_char": "end"}


def read_graph(store) -> nx.MultiDiGraph:
    graph = nx.MultiDiGraph()
    for label, columns in NODE_COLUMNS.items():
        fields = ", ".join(f"n.{c} AS {c}" for c in columns)
        for row in store.run(f"MATCH (n:{label}) RETURN n.id AS id, {fields} ORDER BY n.id"):
            props = present(row)
            graph.add_node(row["id"], label=label, **props)
    for type_ in RELATIONSHIP_TYPES:
        columns = ROLE_COLUMNS if type_ not in {"VARIANT_OF", "REPORTS", "ACHIEVES", "HAS_RESULT", "AUTHORED"} else ()
        columns = ("position",) if type_ == "AUTHORED" else columns
        fields = "".join(f", r.{c} AS {c}" for c in columns)
        for row in store.run(f"MATCH (a)-[r:{type_}]->(b) RETURN a.id AS src, b.id AS dst{fields} ORDER BY src, dst"):
            props = {RENAMED.get(c, c): row[c] for c in columns}
            graph.add_edge(row["src"], row["dst"], key=type_, **props)
    return graph
