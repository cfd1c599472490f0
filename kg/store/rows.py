"""The graph as streams of rows, read from any reader one page at a time.

The tables of `schemas/embedded/schema.cypher` are the graph's shape
(labels, relationship types, the properties of each), so everything here is
derived from that one file: a new property there reaches every export.

Nodes are paged by id (keyset: `WHERE n.id > $after ORDER BY n.id LIMIT n`
over the ids alone), then each page is read by its id span (`n.id >= $first
AND n.id <= $last`, a range both stores filter cheaply), so no answer is
larger than one page. Relationships are fetched for the span of a page of
nodes, from the side where each node has few of them (a paper's roles and
authors, a result's subject and benchmark, an entity's variant), so a page
stays small too.

`node_batches` and `relationship_batches` give the row shapes the Neo4j
loader MERGEs: `(label, [{"id", "props"}])` and
`((start label, TYPE, end label), [{"start", "end", "props"}])`, `props`
without nulls (Neo4j stores none) and a node's `props` holding its `id`.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from typing import Any

PAGE = 2000
ROLE_TYPES = ("PROPOSES", "EVALUATES_ON", "USES", "COMPARES_TO", "MENTIONS")
ENTITY_LABELS = ("Model", "Method", "Benchmark", "Environment")
# The relationships fetched from their end node: many per start node (an author's papers,
# an entity's results), few per end node.
BY_END = {"AUTHORED", "ACHIEVES", "HAS_RESULT"}


@dataclass(frozen=True)
class Tables:
    """The graph's shape: each label's properties, each type's properties and (start, end) labels.

    `kinds` gives every table's property types as the DDL writes them (`STRING[]`, `INT64`).
    """

    nodes: dict[str, tuple[str, ...]]
    relationships: dict[str, tuple[str, ...]]
    ends: dict[str, tuple[tuple[str, str], ...]]
    kinds: dict[str, dict[str, str]]

    @property
    def labels(self) -> tuple[str, ...]:
        return tuple(self.nodes)

    @property
    def types(self) -> tuple[str, ...]:
        return tuple(self.relationships)


@cache
def tables() -> Tables:
    """The tables of `schemas/embedded/schema.cypher`, in the order the file gives them."""
    text = files("kg.schemas").joinpath("embedded", "schema.cypher").read_text(encoding="utf-8")
    text = re.sub(r"//[^\n]*", "", text)
    nodes: dict[str, tuple[str, ...]] = {}
    rels: dict[str, tuple[str, ...]] = {}
    ends: dict[str, tuple[tuple[str, str], ...]] = {}
    kinds: dict[str, dict[str, str]] = {}
    for kind, name, body in re.findall(r"CREATE\s+(NODE|REL)\s+TABLE\s+(\w+)\s*\((.*?)\)\s*;", text, re.S | re.I):
        parts = [" ".join(part.split()) for part in body.split(",")]
        kinds[name] = {part.split()[0]: part.split()[1].upper() for part in parts if not part.upper().startswith("FROM ")}
        if kind.upper() == "NODE":
            nodes[name] = tuple(part.split()[0] for part in parts if part.split()[0] != "id")
        else:
            pairs = [re.fullmatch(r"FROM (\w+) TO (\w+)", part, re.I) for part in parts]
            ends[name] = tuple(found.groups() for found in pairs if found)
            rels[name] = tuple(part.split()[0] for part, found in zip(parts, pairs) if not found)
    return Tables(nodes, rels, ends, kinds)


def _checked(name: str, known: tuple[str, ...]) -> str:
    """`name` if the schema has it: only names from the schema file are spliced into Cypher."""
    if name not in known:
        raise ValueError(f"{name!r} is not in the graph's schema ({', '.join(known)})")
    return name


def node_pages(reader: Any, label: str, size: int = PAGE) -> Iterator[list[dict[str, Any]]]:
    """Every node of `label` as rows of `id` and its properties (nulls kept), `size` rows a page, by id.

    Each page is found by its ids alone, then read by its span: a sort that
    carried every property (a million abstracts) would hold them all at once.
    """
    label = _checked(label, tables().labels)
    ids = f"MATCH (n:{label}) WHERE n.id > $after RETURN n.id AS id ORDER BY id LIMIT {int(size)}"
    after = ""
    while page := [row["id"] for row in reader.run(ids, {"after": after})]:
        yield nodes_with_ids(reader, label, (page[0], page[-1]))
        after = page[-1]


def nodes_with_ids(reader: Any, label: str, within: list[str] | tuple[str, str]) -> list[dict[str, Any]]:
    """The nodes of `label` `within` a span (first, last) or a list of ids, as rows like `node_pages`', by id."""
    label = _checked(label, tables().labels)
    columns = "".join(f", n.{column} AS {column}" for column in tables().nodes[label])
    if not within:
        return []
    return list(reader.run(f"MATCH (n:{label}) WHERE {_within('n', within)} RETURN n.id AS id{columns} ORDER BY id", _bounds(within)))


def _within(var: str, within: list[str] | tuple[str, str]) -> str:
    """The condition on `var.id` for a page's (first, last) span, or for a list of ids.

    A list is also bounded by its first and last id: LadybugDB tests a range
    far faster than membership in a long list (0.02 s against 0.6 s for 2,000
    ids among 20,000 papers), and the range leaves few rows to test.
    """
    span = f"{var}.id >= $first AND {var}.id <= $last"
    return span if isinstance(within, tuple) else f"{span} AND {var}.id IN $ids"


def _bounds(within: list[str] | tuple[str, str]) -> dict[str, Any]:
    if isinstance(within, tuple):
        return {"first": within[0], "last": within[1]}
    return {"first": min(within), "last": max(within), "ids": list(within)}


def span(rows: list[dict[str, Any]]) -> tuple[str, str]:
    """The (first, last) ids of a page from `node_pages`: exactly the page's nodes, as a range."""
    return rows[0]["id"], rows[-1]["id"]


def edges(reader: Any, start: str, type_: str | tuple[str, ...], end: str, within: list[str] | tuple[str, str], by_end: bool = False) -> list[dict[str, Any]]:
    """The `type_` relationships from `start` to `end` nodes whose start (or end) is `within`.

    `within` is a page's `span` (first, last) or a list of ids. Rows are
    `{"start_id", "end_id", **properties}`, ordered by start, then end, then
    the properties (`end` is a reserved word in LadybugDB's Cypher, so it
    names no column).
    `type_` may be several types with the same properties (the five roles,
    whose `role` property names the type): one query instead of one each,
    since LadybugDB scans a whole label's ids for every range it is asked.
    """
    start, end = _checked(start, tables().labels), _checked(end, tables().labels)
    types = [_checked(t, tables().types) for t in ((type_,) if isinstance(type_, str) else type_)]
    if not within:
        return []
    if len({tuple(tables().relationships[t]) for t in types}) != 1:
        raise ValueError(f"relationship types {types} have different properties; read them one at a time")
    columns = "".join(f", r.{column} AS {column}" for column in tables().relationships[types[0]])
    # Two edges between one pair (an author twice in a byline) are ordered by their properties, so every read is the same.
    order = "".join(f", {column}" for column in tables().relationships[types[0]])
    return list(reader.run(
        f"MATCH (a:{start})-[r:{'|'.join(types)}]->(b:{end}) WHERE {_within('b' if by_end else 'a', within)} "
        f"RETURN a.id AS start_id, b.id AS end_id{columns} ORDER BY start_id, end_id{order}",
        _bounds(within),
    ))


def props(row: dict[str, Any], drop: tuple[str, ...] = ()) -> dict[str, Any]:
    """A row's properties as Neo4j stores them: no nulls; a list is a list (Decimal as float)."""
    return {key: _value(value) for key, value in row.items() if value is not None and key not in drop}


def _value(value: Any) -> Any:
    from decimal import Decimal

    if isinstance(value, Decimal):
        return int(value) if value.as_tuple().exponent >= 0 else float(value)
    return value


def node_batches(reader: Any, size: int = PAGE) -> Iterator[tuple[str, list[dict[str, Any]]]]:
    """Every node, label by label in schema order: `(label, [{"id": id, "props": {"id": id, ...}}])`."""
    for label in tables().labels:
        for page in node_pages(reader, label, size):
            yield label, [{"id": row["id"], "props": props(row)} for row in page]


def relationship_batches(reader: Any, size: int = PAGE) -> Iterator[tuple[tuple[str, str, str], list[dict[str, Any]]]]:
    """Every relationship: `((start label, TYPE, end label), [{"start", "end", "props"}])`, one page of nodes at a time."""
    yield from _role_batches(reader, size)
    for type_, pairs in tables().ends.items():
        if type_ in ROLE_TYPES:
            continue
        by_end = type_ in BY_END
        for label in dict.fromkeys(end if by_end else start for start, end in pairs):
            for page in node_pages(reader, label, size):
                for start, end in pairs:
                    if (end if by_end else start) != label:
                        continue
                    rows = edges(reader, start, type_, end, span(page), by_end)
                    if rows:
                        yield (start, type_, end), [
                            {"start": row["start_id"], "end": row["end_id"], "props": props(row, ("start_id", "end_id"))} for row in rows
                        ]


def _role_batches(reader: Any, size: int) -> Iterator[tuple[tuple[str, str, str], list[dict[str, Any]]]]:
    """The five role types in one pass over the papers, a query per page and entity label, split by the `role` property.

    A pass per type would read every page of papers five times, and LadybugDB
    scans the papers' ids for each page's range. Each type's rows come in the
    order a pass of its own gives them: by page, then entity label, then ids.
    """
    for page in node_pages(reader, "Paper", size):
        for label in ENTITY_LABELS:
            by_type: dict[str, list[dict[str, Any]]] = defaultdict(list)
            for row in edges(reader, "Paper", ROLE_TYPES, label, span(page)):
                by_type[row["role"].upper()].append({"start": row["start_id"], "end": row["end_id"], "props": props(row, ("start_id", "end_id"))})
            for type_ in ROLE_TYPES:
                if by_type[type_]:
                    yield ("Paper", type_, label), by_type[type_]
