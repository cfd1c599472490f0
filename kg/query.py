"""Read-only Cypher on any reader: the embedded store (LadybugDB) or Neo4j.

Both engines run the query natively. Their answers come back as
`QueryResult`: column names and rows of plain values, nodes and
relationships as the property maps Neo4j gives (`id` included, nulls
dropped), so one query prints the same on both stores.

The embedded store's Cypher differs from Neo4j's in a few places. kg
translates these, and nothing else, before the query runs there:

- `type(r)` becomes `label(r)` (LadybugDB's name for a relationship's type);
- `labels(n)` becomes `[label(n)]` (LadybugDB gives one label as a string;
  Neo4j gives a list);
- a variable-length pattern `*1..3` becomes `* TRAIL 1..3`, so that, as in
  Neo4j, no relationship is walked twice in one path (LadybugDB walks by
  default).

It refuses, in one line, what LadybugDB would answer wrongly or dangerously:
writes (the store is also opened read-only), a variable-length pattern with
no upper bound (it would walk 30 hops), and a missing `$parameter` (LadybugDB
answers such a query with no rows). Everything else differs and is left to
the user (README: 'Cypher on both stores'): lists are 1-based, `(n:A:B)`
means A or B, there are no list comprehensions, `CALL {}`, `shortestPath()`,
`toInteger()` or `toFloat()`, and an unknown property is an error.
"""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Protocol

from kg.store.reader import EMBEDDED, ReaderError


class Reader(Protocol):
    def run(self, cypher: str, params: dict[str, Any] | None = None) -> Any: ...


class QueryError(Exception):
    """A query that cannot run, said in one line."""


@dataclass
class QueryResult:
    columns: list[str]
    rows: list[list[Any]]

    def records(self) -> list[dict[str, Any]]:
        return [dict(zip(self.columns, row)) for row in self.rows]


def parse_param(text: str) -> tuple[str, Any]:
    """`k=v` from the command line: `v` as JSON when it is JSON (5, true, ["a"]), else as text."""
    name, sep, value = text.partition("=")
    if not sep or not re.fullmatch(r"[A-Za-z_]\w*", name):
        raise QueryError(f"--param {text!r}: expected NAME=VALUE")
    try:
        return name, json.loads(value)
    except ValueError:
        return name, value


def run_query(reader: Reader, cypher: str, params: dict[str, Any] | None = None) -> QueryResult:
    """Run `cypher` read-only on `reader` and return its answer with plain values."""
    params = params or {}
    if getattr(reader, "dialect", EMBEDDED) == EMBEDDED:
        cypher = embedded_cypher(cypher, params)
    try:
        records = list(reader.run(cypher, params))
    except ReaderError as error:
        raise QueryError(_explain(str(error))) from None
    columns = list(records[0]) if records else []
    return QueryResult(columns, [[plain(record[c]) for c in columns] for record in records])


# -- the embedded store's dialect ---------------------------------------------

# What is not code: strings, quoted names and comments, which no rule may touch.
NOT_CODE = re.compile(r"'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\"|`[^`]*`|//[^\n]*|/\*.*?\*/", re.S)
PARAM = re.compile(r"\$([A-Za-z_]\w*)")
WRITES = re.compile(
    r"(?<![\w.$:])(CREATE|MERGE|SET|DELETE|DETACH|REMOVE|DROP|COPY|ALTER|INSTALL|LOAD|ATTACH|USE|EXPORT|IMPORT|"
    r"BEGIN|COMMIT|ROLLBACK|CHECKPOINT)\b",
    re.I,
)
UNBOUNDED = re.compile(r"\*\s*(?:\d*\s*\.\.\s*)?\]")
TRANSLATIONS = [
    (re.compile(r"(?<![\w.])type\s*\(", re.I), "label("),
    (re.compile(r"(?<![\w.])labels\s*\(\s*([A-Za-z_]\w*)\s*\)", re.I), r"[label(\1)]"),
    (re.compile(r"\*(?!\s*(?:TRAIL|ACYCLIC|WALK|SHORTEST|ALL)\b)(?=\s*(?:\d*\s*\.\.\s*)?\d+\s*\])", re.I), "* TRAIL "),
]


def embedded_cypher(cypher: str, params: dict[str, Any]) -> str:
    """`cypher` as LadybugDB must read it to answer as Neo4j does; QueryError for what it cannot."""
    code = NOT_CODE.sub(" ", cypher)
    if found := WRITES.search(code):
        raise QueryError(f"queries are read-only: {found.group(1).upper()} would write to the store (write with 'kg build')")
    if UNBOUNDED.search(code):
        raise QueryError("a variable-length pattern needs an upper bound on the embedded store, such as [*1..3]")
    missing = sorted(set(PARAM.findall(code)) - set(params))
    if missing:
        raise QueryError(f"missing parameter(s): {', '.join(missing)}; give each with --param NAME=VALUE")
    return _outside_strings(cypher, _translate)


def _translate(code: str) -> str:
    for pattern, replacement in TRANSLATIONS:
        code = pattern.sub(replacement, code)
    return code


def _outside_strings(cypher: str, change) -> str:
    """Apply `change` to the code of `cypher`, leaving strings, quoted names and comments as they are."""
    parts, at = [], 0
    for found in NOT_CODE.finditer(cypher):
        parts += [change(cypher[at : found.start()]), found.group()]
        at = found.end()
    return "".join([*parts, change(cypher[at:])])


def _explain(message: str) -> str:
    """LadybugDB's error as one line that says what kind of problem it is."""
    kind, _, detail = message.partition(" exception: ")
    if kind == "Parser":
        return "invalid Cypher: " + detail.split(' "', 1)[0]
    if "read-only" in message:
        return "queries are read-only: the embedded store refused to write"
    return f"the embedded store cannot run this query: {message}"


# -- answers as plain values --------------------------------------------------

INTERNAL = {"_ID", "_LABEL", "_SRC", "_DST"}


def plain(value: Any) -> Any:
    """Nodes, relationships and paths of either engine as the plain maps and lists Neo4j users know.

    A LadybugDB node or relationship is a dict with internal keys (`_ID`,
    `_LABEL`, ...) and a null for every column its table lacks; a path is
    `{_NODES, _RELS}`, and so is a variable-length relationship, whose nodes
    are only those between its ends (one fewer than its relationships):
    that one becomes its list of relationships, as in Neo4j.
    """
    from neo4j.graph import Node, Path, Relationship

    from kg.store.neo4j_rows import HASH

    if isinstance(value, (Node, Relationship)):
        # `h` is the loader's row hash (kg.store.neo4j_rows.HASH), not part of the graph's shape
        return {k: plain(v) for k, v in sorted(value.items()) if k != HASH}
    if isinstance(value, Path):
        return {"nodes": [plain(n) for n in value.nodes], "relationships": [plain(r) for r in value.relationships]}
    if isinstance(value, dict):
        if set(value) == {"_NODES", "_RELS"}:
            nodes, rels = [plain(n) for n in value["_NODES"]], [plain(r) for r in value["_RELS"]]
            return rels if len(nodes) == len(rels) - 1 else {"nodes": nodes, "relationships": rels}
        internal = "_LABEL" in value
        return {k: plain(v) for k, v in sorted(value.items()) if not (internal and (k in INTERNAL or v is None))}
    if isinstance(value, Decimal):
        return int(value) if value.as_tuple().exponent >= 0 else float(value)
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    return str(value)


# -- output --------------------------------------------------------------------


def _cell(value: Any) -> str:
    if value is None:
        return ""
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


def to_json(result: QueryResult) -> str:
    """One JSON array of objects, one per row."""
    return json.dumps(result.records(), ensure_ascii=False, indent=2)


def to_csv(result: QueryResult) -> str:
    """A header row, then one row per answer; lists and maps as JSON text."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(result.columns)
    writer.writerows([_cell(value) for value in row] for row in result.rows)
    return buffer.getvalue()


def to_table(result: QueryResult) -> Any:
    """A rich table for the terminal."""
    from rich.table import Table

    table = Table(caption=f"{len(result.rows)} row(s)")
    for column in result.columns:
        table.add_column(column, overflow="fold")
    for row in result.rows:
        table.add_row(*(_cell(value) for value in row))
    return table
