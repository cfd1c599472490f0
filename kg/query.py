"""Cypher queries: on Neo4j when one is configured, else on the embedded store's graph.

On the embedded store the engine is nxCypher (a maintained fork of
grand-cypher with more of openCypher: single-quoted strings, lower-case
functions, OPTIONAL MATCH, collect, CONTAINS/STARTS WITH, IN, parameters).
It reads node labels and relationship types from `__labels__` attributes, so
queries run on a copy of the graph that has them; the graph itself keeps its
shape. The copy also gives every node its `id` and drops the `label`
attribute, so a node reads the same as in Neo4j (`n.id`, `labels(n)`).

Both engines answer with `QueryResult`: column names and rows of plain
values (nodes and relationships as their property maps).
"""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass
from typing import Any

import networkx as nx

from kg.store.neo4j import Neo4jSettings, session


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


# -- the embedded store --------------------------------------------------------


def labelled(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy of `graph` as the Cypher engine reads it: labels and types in `__labels__`, `id` on nodes."""
    copy = nx.MultiDiGraph()
    for node, data in graph.nodes(data=True):
        props = {k: v for k, v in data.items() if k != "label"}
        copy.add_node(node, **props, id=node, __labels__={data["label"]})
    for start, end, type_, data in graph.edges(keys=True, data=True):
        copy.add_edge(start, end, key=type_, **data, __labels__={type_})
    return copy


STRING = re.compile(r"'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\"|`[^`]*`")
PARAM = re.compile(r"\$([A-Za-z_]\w*)")
PARAM_IN_MAP = re.compile(r"\{[^{}]*\$[A-Za-z_]")


def _check_params(cypher: str, params: dict[str, Any]) -> None:
    """Refuse what the embedded engine would answer wrongly instead of failing: it returns no rows."""
    code = STRING.sub("''", cypher)
    missing = sorted(set(PARAM.findall(code)) - set(params))
    if missing:
        raise QueryError(f"missing parameter(s): {', '.join(missing)}; give each with --param NAME=VALUE")
    if PARAM_IN_MAP.search(code):
        raise QueryError("the embedded store cannot match parameters inside {...} patterns; write WHERE n.prop = $param instead")


def run_embedded(graph: nx.MultiDiGraph, cypher: str, params: dict[str, Any] | None = None) -> QueryResult:
    """Run `cypher` on a labelled copy of `graph`; the graph is never changed."""
    from lark.exceptions import UnexpectedInput
    from nxcypher import NXCypher

    params = params or {}
    _check_params(cypher, params)
    try:
        answer = NXCypher(labelled(graph)).run(cypher, params=params)
    except UnexpectedInput as error:
        if error.line < 1:  # lark reports the end of input as line -1
            raise QueryError("invalid Cypher: the query ends too early") from None
        raise QueryError(f"invalid Cypher at line {error.line}, column {error.column}: {_context(cypher, error)}") from None
    except Exception as error:  # the engine's own errors name no common base class
        raise QueryError(f"the embedded store cannot run this query ({type(error).__name__}: {_one_line(str(error))})") from None
    columns = list(answer)
    rows = [[_plain(value) for value in row] for row in zip(*answer.values())]
    return QueryResult(columns, rows)


def _context(cypher: str, error: Any) -> str:
    line = cypher.splitlines()[error.line - 1] if 0 < error.line <= len(cypher.splitlines()) else cypher
    return f"unexpected {line[error.column - 1:error.column + 19]!r}" if error.column > 0 else _one_line(str(error))


def _one_line(text: str) -> str:
    return " ".join(text.split())[:300]


# -- Neo4j ---------------------------------------------------------------------


def run_neo4j(settings: Neo4jSettings, cypher: str, params: dict[str, Any] | None = None) -> QueryResult:
    """Run `cypher` in a read transaction: a query never changes the store."""
    with session(settings) as db:
        columns, rows = db.execute_read(_read, cypher, params or {})
    return QueryResult(columns, [[_plain(value) for value in row] for row in rows])


def _read(tx: Any, cypher: str, params: dict[str, Any]) -> tuple[list[str], list[list[Any]]]:
    result = tx.run(cypher, params)
    rows = [list(record.values()) for record in result]
    return list(result.keys()), rows


def _plain(value: Any) -> Any:
    """Nodes, relationships and paths of either engine as plain JSON-able values."""
    from neo4j.graph import Node, Path, Relationship

    if isinstance(value, (Node, Relationship)):
        return {k: _plain(v) for k, v in sorted(value.items())}
    if isinstance(value, Path):
        return [_plain(node) for node in value.nodes]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in sorted(value.items()) if k != "__labels__"}
    if isinstance(value, (list, tuple, set)):
        return [_plain(v) for v in (sorted(value) if isinstance(value, set) else value)]
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
