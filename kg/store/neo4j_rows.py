"""The rows and query texts of a Neo4j load: what is written, in what batches, by which Cypher.

Pure functions, testable without a server (`kg.store.neo4j` runs them). Rows
hold only what Neo4j can store (`flatten`); each carries a hash of its
properties (`HASH`), so that a re-load can skip what is already there.
Labels and relationship types reach a query text only after `_checked`
finds them in the fixed lists of `kg.graph`; everything that comes from
input text travels as a parameter.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from importlib.resources import files
from typing import Any

import networkx as nx

from kg.graph import LABELS, RELATIONSHIP_TYPES

DEFAULT_BATCH_SIZE = 10_000
MAX_BATCH_BYTES = 8 * 2**20  # parameters per transaction: 10,000 papers with abstracts would be ~20 MB
HASH = "h"  # the property that holds a row's hash; read_graph leaves it out
PRIMITIVES = (str, int, float, bool)
Kind = str | tuple[str, str, str]  # a node label, or (start label, type, end label)


# -- rows ------------------------------------------------------------------


def flatten(props: dict[str, Any]) -> dict[str, Any]:
    """Properties Neo4j can store: no None, no maps, lists of one primitive type.

    A map becomes `key_subkey` properties; a list that holds anything but
    primitives of one type is kept as its JSON text; None is dropped (Neo4j
    has no null property, absence means unknown).
    """
    flat: dict[str, Any] = {}
    for key, value in props.items():
        if value is None:
            continue
        if isinstance(value, dict):
            flat.update({f"{key}_{sub}": v for sub, v in flatten(value).items()})
        elif isinstance(value, (list, tuple, set)):
            items = [item for item in value if item is not None]
            if isinstance(value, set):
                items = sorted(items)
            kinds = {type(item) for item in items}
            flat[key] = items if len(kinds) <= 1 and kinds <= set(PRIMITIVES) else json.dumps(items, ensure_ascii=False, sort_keys=True)
        elif isinstance(value, PRIMITIVES):
            flat[key] = value
        else:
            flat[key] = str(value)
    return flat


def node_rows(graph: nx.MultiDiGraph) -> dict[str, list[dict]]:
    """Per label, one row per node: `{"id", "props"}` with `props` holding `id` too."""
    rows: dict[str, list[dict]] = defaultdict(list)
    for node, data in graph.nodes(data=True):
        label = _checked(data["label"], LABELS, "label")
        props = flatten({k: v for k, v in data.items() if k != "label"})
        rows[label].append({"id": node, "props": {"id": node, **props}})
    return rows


def relationship_rows(graph: nx.MultiDiGraph) -> dict[tuple[str, str, str], list[dict]]:
    """Per (start label, type, end label), one row per edge: `{"start", "end", "props"}`."""
    rows: dict[tuple[str, str, str], list[dict]] = defaultdict(list)
    labels = nx.get_node_attributes(graph, "label")
    for start, end, type_, data in graph.edges(keys=True, data=True):
        kind = (_checked(labels[start], LABELS, "label"), _checked(type_, RELATIONSHIP_TYPES, "relationship type"),
                _checked(labels[end], LABELS, "label"))
        rows[kind].append({"start": start, "end": end, "props": flatten(data)})
    return rows


def _checked(name: str, allowed: tuple[str, ...], what: str) -> str:
    """`name` if it is one of the fixed names kg writes, so no input text reaches a query."""
    if name not in allowed:
        raise ValueError(f"unknown {what} {name!r}: kg writes only {', '.join(allowed)}")
    return name


# -- batches -----------------------------------------------------------------


def prepared(rows: Iterable[tuple[Kind, list[dict]]], size: int = DEFAULT_BATCH_SIZE,
             max_bytes: int = MAX_BATCH_BYTES) -> Iterator[tuple[Kind, list[dict]]]:
    """The rows regrouped into batches of one kind, each row's props carrying the hash `h` of the rest.

    Small input batches of one kind are gathered and large ones cut, so that
    every query gets about `size` rows (the server's sweet spot for UNWIND)
    but never much more than `max_bytes` of parameters (papers carry their
    abstracts). Batches of a kind keep the input's order; kinds are flushed
    as they fill, and the rest in order of first appearance at the end.
    """
    if size < 1:
        raise ValueError("batch size must be at least 1")
    pending: dict[Kind, tuple[list[dict], int]] = {}
    for kind, batch in rows:
        for row in batch:
            if HASH in row["props"]:
                raise ValueError(f"the property name {HASH!r} is kg's own (the row hash)")
            text = json.dumps(row["props"], sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
            digest = hashlib.blake2b(text, digest_size=8).hexdigest()  # the same props give the same hash in any process
            held, used = pending.get(kind, ([], 0))
            held.append({**row, "props": {**row["props"], HASH: digest}})
            used += len(text)
            if len(held) >= size or used >= max_bytes:
                pending.pop(kind, None)
                yield kind, held
            else:
                pending[kind] = (held, used)
    for kind, (held, _) in pending.items():
        yield kind, held


# -- queries -----------------------------------------------------------------
#
# Three query texts per node label and per (start label, type, end label):
# `create` for a label or type that was empty when the load began (every row
# is new, so no existence check is needed), `merge` for the rest, and
# `check`, a read that returns the rows whose stored hash already matches.


def node_query(label: str, mode: str = "merge") -> str:
    """The query that writes (`create`, `merge`) or checks (`check`) a batch of nodes of one label."""
    label = _checked(label, LABELS, "label")
    if mode == "check":
        return f"UNWIND $rows AS row\nMATCH (n:{label} {{id: row.id}})\nWHERE n.{HASH} = row.{HASH}\nRETURN row.i AS i"
    head = {"create": f"CREATE (n:{label})", "merge": f"MERGE (n:{label} {{id: row.id}})"}[_mode(mode)]
    return f"UNWIND $rows AS row\n{head}\nSET n = row.props"


def relationship_query(start: str, type_: str, end: str, mode: str = "merge") -> str:
    """The query that writes (`create`, `merge`) or checks (`check`) a batch of relationships of one kind.

    Both ends are found by id through the uniqueness constraints' indexes;
    a row whose end node is missing writes nothing.
    """
    start, end = _checked(start, LABELS, "label"), _checked(end, LABELS, "label")
    type_ = _checked(type_, RELATIONSHIP_TYPES, "relationship type")
    if mode == "check":
        return (f"UNWIND $rows AS row\nMATCH (a:{start} {{id: row.start}})-[r:{type_}]->(b:{end} {{id: row.end}})\n"
                f"WHERE r.{HASH} = row.{HASH}\nRETURN row.i AS i")
    verb = {"create": "CREATE", "merge": "MERGE"}[_mode(mode)]
    return (f"UNWIND $rows AS row\nMATCH (a:{start} {{id: row.start}})\nMATCH (b:{end} {{id: row.end}})\n"
            f"{verb} (a)-[r:{type_}]->(b)\nSET r = row.props")


def _mode(mode: str) -> str:
    if mode not in ("create", "merge", "check"):
        raise ValueError(f"unknown query mode {mode!r}")
    return mode


def query(kind: Kind, mode: str) -> str:
    """`node_query` for a label, `relationship_query` for a (start, type, end) kind."""
    return node_query(kind, mode) if isinstance(kind, str) else relationship_query(*kind, mode)


def check_rows(rows: list[dict]) -> list[dict]:
    """What the check query needs of each row: its position, its key and its hash (no other properties)."""
    return [{"i": i, **{k: row[k] for k in ("id", "start", "end") if k in row}, HASH: row["props"][HASH]}
            for i, row in enumerate(rows)]


def schema_statements() -> list[str]:
    """The statements of `schemas/neo4j/schema.cypher`, comments dropped."""
    text = files("kg.schemas").joinpath("neo4j", "schema.cypher").read_text(encoding="utf-8")
    text = re.sub(r"//[^\n]*", "", text)
    return [" ".join(statement.split()) for statement in text.split(";") if statement.strip()]
