"""Reading a whole store back as plain, comparable data (for tests that compare stores)."""

from __future__ import annotations

import json

import networkx as nx

from kg.graph.build import present
from kg.graph.rows import ENTITY_LABELS, RELATIONSHIP_TYPES
from kg.store import EmbeddedStore
from kg.store.embedded import schema_statements


def _tables(store: EmbeddedStore) -> tuple[list[str], list[str]]:
    rows = list(store.run("CALL show_tables() RETURN name, type"))
    return sorted(r["name"] for r in rows if r["type"] == "NODE"), sorted(r["name"] for r in rows if r["type"] == "REL")


def _plain(value: dict) -> str:
    return json.dumps({k: v for k, v in value.items() if not k.startswith("_")}, sort_keys=True, default=str)


def snapshot(path, internal: bool = True) -> dict[str, list[str]]:
    """Every node and relationship of the store with all properties, sorted, keyed by table."""
    assert schema_statements()
    with EmbeddedStore(path, read_only=True) as store:
        nodes, rels = _tables(store)
        out = {}
        for table in nodes:
            if table == "KgMeta" or (table.startswith("Kg") and not internal):
                continue
            out[table] = sorted(_plain(r["n"]) for r in store.run(f"MATCH (n:{table}) RETURN n"))
        for table in rels:
            out[table] = sorted(
                f"{r['a']} -> {r['b']} {_plain(r['r'])}" for r in store.run(f"MATCH (a)-[r:{table}]->(b) RETURN a.id AS a, b.id AS b, r")
            )
    return out


def counts(snap: dict[str, list[str]]) -> dict[str, int]:
    return {table: len(rows) for table, rows in snap.items()}


# The store's graph as networkx, read through Cypher, in `kg.graph.build_graph`'s shape
# (offsets as `start`/`end`), to compare a store with the in-memory build.
NODE_COLUMNS = {
    "Paper": ("title", "abstract", "sources", "arxiv_id", "url", "date", "doi", "venue", "categories"),
    "Author": ("name", "orcid"),
    **{label: ("name", "aliases") for label in ENTITY_LABELS},
    "Result": ("subject", "benchmark", "metric", "value"),
}
ROLE_COLUMNS = ("role", "confidence", "extractor", "sentence", "start_char", "end_char")
RENAMED = {"start_char": "start", "end_char": "end"}


def read_graph(store: EmbeddedStore) -> nx.MultiDiGraph:
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
