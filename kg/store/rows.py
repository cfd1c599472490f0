"""The graph as streams of rows, read from any reader one page at a time.

The tables of `schemas/embedded/schema.cypher` are the graph's shape
(labels, relationship types, the properties of each), so everything here is
derived from that one file: a new property there reaches every export.

A `Page` is some nodes of one label and `within`, what selects exactly them
again, so that a page's relationships are read with it. How a label is cut
into pages depends on the store, the one place the stores differ here
(`by_offset`):

- Neo4j has a range index on every id, so pages are found by id (keyset:
  `WHERE n.id > $after ORDER BY n.id LIMIT n` over the ids alone) and read
  by their id span (`n.id >= $first AND n.id <= $last`); ids come in order.
- LadybugDB has only a hash index on the id, so every condition on ids
  scans the whole column and id pages made an export quadratic (300k
  papers: 0.19 s a page). There a label's ids are read in storage order,
  `BLOCK` offsets a query, and cut into pages (`Stored`: the ids, and the
  range of offsets that holds them); a page's rows are looked up by id
  through the hash index, and its relationships traversed from the offset
  range, which costs the same whatever the size of the store (a range
  alone still scans the label, every column of it when rows are read).
  Nodes come in storage order: the same store gives the same rows in the
  same order on every read, whatever the page size; a deleted node leaves a
  hole in the offsets, which no page sees. Id order would need every id
  sorted in memory or a sort per page.

Relationships are fetched for a page of nodes, from the side where each node
has few of them (a paper's roles and authors, an entity's variant; a
result's subject and benchmark from the papers that report it), so a page
stays small too. A list of ids (a few nodes to look up) is read through
LadybugDB's hash index (`UNWIND $ids AS wanted MATCH (n) WHERE n.id =
wanted`), and by span and list in Neo4j.

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
# LadybugDB offsets whose ids one query reads (`windows`): a few MB of ids, and few scans of the label.
BLOCK = 65_536
ROLE_TYPES = ("PROPOSES", "EVALUATES_ON", "USES", "COMPARES_TO", "MENTIONS")
ENTITY_LABELS = ("Model", "Method", "Benchmark", "Environment")
# The relationships fetched from their end node: many per start node (an author's papers,
# an entity's results), few per end node.
BY_END = {"AUTHORED", "ACHIEVES", "HAS_RESULT"}
# ... and those whose end nodes are fetched as the ones a page of papers reports: every
# result is its paper's, and LadybugDB answers a page of results from the entities' side,
# scanning all their results (9 ms a page among 141k results, 19 ms among 423k; 10 ms for both
# through the papers).
RESULTS_VIA = ("Paper", "REPORTS")
VIA = {"ACHIEVES": RESULTS_VIA, "HAS_RESULT": RESULTS_VIA}


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


@dataclass(frozen=True)
class Stored:
    """Some nodes of one LadybugDB label: their ids in storage order, and the range of storage offsets that holds just them."""

    ids: list[str]
    offsets: range


Within = tuple[str, str] | Stored | list[str]


@dataclass(frozen=True)
class Page:
    """Some nodes of one label, as rows of `id` and properties (nulls kept), and the `within` that selects them."""

    rows: list[dict[str, Any]]
    within: tuple[str, str] | Stored


def by_offset(reader: Any) -> bool:
    """Whether `reader` pages by storage offset (LadybugDB) rather than by id (Neo4j): its `dialect`.

    The readers' `dialect` says which Cypher they speak, and `offset(id(n))`
    is LadybugDB's; a reader without one is embedded, as for `kg.query`.
    """
    return getattr(reader, "dialect", "embedded") == "embedded"


def windows(reader: Any, label: str, size: int = PAGE) -> Iterator[tuple[str, str] | Stored]:
    """The `within` of each page of `label`, at most `size` nodes each, without reading the nodes' properties.

    On LadybugDB the ids are read in storage order, `BLOCK` offsets a query
    (the query still scans the label's ids, so a page each would be
    quadratic again), and cut into pages. On Neo4j each page is found by
    its ids alone (a sort that carried every property, a million abstracts,
    would hold them all at once), then given as its span.
    """
    label = _checked(label, tables().labels)
    if by_offset(reader):
        top = list(reader.run(f"MATCH (n:{label}) RETURN max(offset(id(n))) AS top"))[0]["top"]
        where = "offset(id(n)) >= $low AND offset(id(n)) < $high"
        for low in range(0, -1 if top is None else top + 1, BLOCK):
            found = list(reader.run(f"MATCH (n:{label}) WHERE {where} RETURN offset(id(n)) AS at, n.id AS id ORDER BY at",
                                    {"low": low, "high": low + BLOCK}))
            for first in range(0, len(found), size):
                page = found[first : first + size]
                yield Stored([row["id"] for row in page], range(page[0]["at"], page[-1]["at"] + 1))
        return
    ids = f"MATCH (n:{label}) WHERE n.id > $after RETURN n.id AS id ORDER BY id LIMIT {int(size)}"
    after = ""
    while page := [row["id"] for row in reader.run(ids, {"after": after})]:
        yield page[0], page[-1]
        after = page[-1]


def pages(reader: Any, label: str, size: int = PAGE) -> Iterator[Page]:
    """Every node of `label`, a page of at most `size` at a time, in storage order on LadybugDB and by id elsewhere."""
    for within in windows(reader, label, size):
        yield Page(nodes_with_ids(reader, label, within), within)


def node_pages(reader: Any, label: str, size: int = PAGE) -> Iterator[list[dict[str, Any]]]:
    """The rows of each of `pages`, for a reader of nodes alone."""
    return (page.rows for page in pages(reader, label, size))


def nodes_with_ids(reader: Any, label: str, within: Within, via: tuple[str, str] | None = None) -> list[dict[str, Any]]:
    """The nodes of `label` `within` a `Page`'s selection or a list of ids, as `Page` rows (in storage order for `Stored`, else by id).

    With `via` (a label and a type), the nodes are those that the nodes of
    that label `within` reach through the type (a page of papers' results).
    """
    label = _checked(label, tables().labels)
    columns = "".join(f", n.{column} AS {column}" for column in tables().nodes[label])
    if not within:
        return []
    if via:
        source, type_ = _checked(via[0], tables().labels), _checked(via[1], tables().types)
        match, params = _match(reader, "v", source, within, f"(v:{source})-[:{type_}]->(n:{label})")
    else:
        match, params = _match(reader, "n", label, within)
    order = "offset(id(n))" if isinstance(within, Stored) and not via else "id"
    return list(reader.run(f"{match} RETURN n.id AS id{columns} ORDER BY {order}", params))


def _match(reader: Any, var: str, label: str, within: Within, pattern: str = "") -> tuple[str, dict[str, Any]]:
    """The MATCH of `pattern` (`(var:label)` when empty) with `var` `within` a selection, and its parameters.

    Every condition on LadybugDB ids scans the whole column (0.6 s for a
    list of 2,000 ids among 20,000 papers), and a condition on offsets too
    unless it starts a traversal; a lookup by id goes through the hash index.
    So `Stored` nodes are looked up by id alone, and traversed from by their
    offsets; a list of ids is looked up one by one there. A (first, last)
    tuple is an id span; elsewhere a list is also bounded by its first and
    last id, a range the index answers, leaving few rows to test.
    """
    pattern = pattern or f"({var}:{label})"
    if isinstance(within, Stored) and pattern == f"({var}:{label})":
        within = within.ids
    if isinstance(within, Stored):
        where = f"offset(id({var})) >= $low AND offset(id({var})) < $high"
        return f"MATCH {pattern} WHERE {where}", {"low": within.offsets.start, "high": within.offsets.stop}
    if isinstance(within, tuple):
        return f"MATCH {pattern} WHERE {var}.id >= $first AND {var}.id <= $last", {"first": within[0], "last": within[1]}
    if by_offset(reader):
        return f"UNWIND $ids AS wanted MATCH {pattern} WHERE {var}.id = wanted", {"ids": list(dict.fromkeys(within))}
    where = f"{var}.id >= $first AND {var}.id <= $last AND {var}.id IN $ids"
    return f"MATCH {pattern} WHERE {where}", {"first": min(within), "last": max(within), "ids": list(within)}


def edges(reader: Any, start: str, type_: str | tuple[str, ...], end: str, within: Within, by_end: bool = False,
          via: tuple[str, str] | None = None) -> list[dict[str, Any]]:
    """The `type_` relationships from `start` to `end` nodes whose start (or end) is `within`.

    `within` is a `Page`'s, or a list of ids; with `via` (a label and a
    type), the start (or end) nodes are those the nodes of that label
    `within` reach through the type. Rows are
    `{"start_id", "end_id", **properties}`, ordered by start, then end, then
    the properties (`end` is a reserved word in LadybugDB's Cypher, so it
    names no column).
    `type_` may be several types with the same properties (the five roles,
    whose `role` property names the type): one query instead of one each.
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
    pattern = f"(a:{start})-[r:{'|'.join(types)}]->(b:{end})"
    if via:
        source, through = _checked(via[0], tables().labels), _checked(via[1], tables().types)
        match, params = _match(reader, "v", source, within, f"(v:{source})-[:{through}]->({'b' if by_end else 'a'}), {pattern}")
    else:
        match, params = _match(reader, "b" if by_end else "a", end if by_end else start, within, pattern)
    return list(reader.run(f"{match} RETURN a.id AS start_id, b.id AS end_id{columns} ORDER BY start_id, end_id{order}", params))


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
    for task in node_tasks(reader, size):
        yield task[0], node_batch(reader, task)


def node_tasks(reader: Any, size: int = PAGE) -> Iterator[tuple[str, Within]]:
    """The pages `node_batches` reads, as `(label, within)`: each is read alone by `node_batch`, so in any process."""
    for label in tables().labels:
        for within in windows(reader, label, size):
            yield label, within


def node_batch(reader: Any, task: tuple[str, Within]) -> list[dict[str, Any]]:
    """The rows of one of `node_tasks`."""
    return [{"id": row["id"], "props": props(row)} for row in nodes_with_ids(reader, *task)]


RelationshipTask = tuple[str, str, Within]
RelationshipBatch = tuple[tuple[str, str, str], list[dict[str, Any]]]


def relationship_batches(reader: Any, size: int = PAGE) -> Iterator[RelationshipBatch]:
    """Every relationship: `((start label, TYPE, end label), [{"start", "end", "props"}])`, one page of nodes at a time."""
    for task in relationship_tasks(reader, size):
        yield from relationship_batch(reader, task)


def relationship_tasks(reader: Any, size: int = PAGE) -> Iterator[RelationshipTask]:
    """The pages `relationship_batches` reads, as `(TYPE, label, within)`; `relationship_batch` reads one alone.

    The five role types are read in one pass over the papers (type `""`), a
    query per page and entity label: a pass per type would read every page
    of papers five times.
    """
    for within in windows(reader, "Paper", size):
        yield "", "Paper", within
    for type_, pairs in tables().ends.items():
        if type_ in ROLE_TYPES:
            continue
        by_end, via = type_ in BY_END, VIA.get(type_)
        for label in dict.fromkeys(end if by_end else start for start, end in pairs):
            for within in windows(reader, via[0] if via else label, size):
                yield type_, label, within


def relationship_batch(reader: Any, task: RelationshipTask) -> list[RelationshipBatch]:
    """The batches of one of `relationship_tasks`, those with rows.

    Each role type's rows come in the order a pass of its own gives them:
    by page, then entity label, then ids.
    """
    type_, label, within = task
    found = []
    if not type_:
        for entity in ENTITY_LABELS:
            by_type: dict[str, list[dict[str, Any]]] = defaultdict(list)
            for row in edges(reader, "Paper", ROLE_TYPES, entity, within):
                by_type[row["role"].upper()].append({"start": row["start_id"], "end": row["end_id"], "props": props(row, ("start_id", "end_id"))})
            found += [(("Paper", role, entity), by_type[role]) for role in ROLE_TYPES if by_type[role]]
        return found
    by_end, via = type_ in BY_END, VIA.get(type_)
    for start, end in tables().ends[type_]:
        if (end if by_end else start) != label:
            continue
        rows = edges(reader, start, type_, end, within, by_end, via)
        if rows:
            found.append(((start, type_, end), [
                {"start": row["start_id"], "end": row["end_id"], "props": props(row, ("start_id", "end_id"))} for row in rows
            ]))
    return found
