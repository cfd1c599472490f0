"""CSV files for `neo4j-admin database import full`: the bulk path into an empty Neo4j.

One node file per label and one relationship file per type, each with the
import tool's header: `id:ID(kg)` (the id, kept as the `id` property, in one
ID space since kg ids are unique across labels), `:LABEL`, `:START_ID(kg)`,
`:END_ID(kg)`, `:TYPE`, and typed property columns. Integers are written as
`long` and fractions as `double`, the types a transactional load stores, so
that both paths give the same graph; lists are `string[]` (or `long[]`, ...)
joined by the array delimiter.

Properties are flattened as for a transactional load (`kg.store.neo4j.flatten`).
"""

from __future__ import annotations

import csv
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import networkx as nx

from kg.graph import LABELS, RELATIONSHIP_TYPES
from kg.store.neo4j import node_rows, relationship_rows

ID_SPACE = "kg"
ARRAY_DELIMITER = ";"  # neo4j-admin's default, so the import command needs no --array-delimiter


def _type(value: Any) -> str:
    """The import tool's type of a Python value."""
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "long"
    if isinstance(value, float):
        return "double"
    return "string"


def _columns(rows: Iterable[dict[str, Any]]) -> dict[str, str]:
    """Every property name in `rows`, in first-seen order, with its typed header."""
    headers: dict[str, str] = {}
    for props in rows:
        for key, value in props.items():
            if key in headers:
                continue
            if isinstance(value, list):
                headers[key] = f"{key}:{_type(value[0]) if value else 'string'}[]"
            else:
                headers[key] = f"{key}:{_type(value)}" if _type(value) != "string" else key
    return headers


def _field(value: Any, delimiter: str, where: str) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        items = ["true" if v is True else "false" if v is False else str(v) for v in value]
        clash = next((item for item in items if delimiter in item), None)
        if clash is not None:
            raise ValueError(f"{where}: list value {clash!r} holds the array delimiter {delimiter!r}; choose another with --array-delimiter")
        return delimiter.join(items)
    if isinstance(value, bool):
        return "true" if value else "false"
    return repr(value) if isinstance(value, float) else str(value)


def _write(path: Path, fixed: list[str], headers: dict[str, str], rows: Iterable[tuple[list[str], dict[str, Any]]], delimiter: str) -> int:
    count = 0
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(fixed + list(headers.values()))
        for lead, props in rows:
            writer.writerow(lead + [_field(props.get(key), delimiter, f"{path.name}: {lead[0]}") for key in headers])
            count += 1
    return count


def export_neo4j_csv(graph: nx.MultiDiGraph, folder: Path, array_delimiter: str = ARRAY_DELIMITER) -> dict[str, list[Path]]:
    """Write `nodes_<Label>.csv` and `relationships_<TYPE>.csv` into `folder`; return them by kind.

    A label or type with nothing in the graph gets no file (the import tool
    needs at least one data row per file to be useful).
    """
    if len(array_delimiter) != 1 or array_delimiter in ',"\n':
        raise ValueError(f"array delimiter {array_delimiter!r} must be one character other than comma, quote or newline")
    folder.mkdir(parents=True, exist_ok=True)
    written: dict[str, list[Path]] = {"nodes": [], "relationships": []}
    nodes = node_rows(graph)
    for label in LABELS:
        if label not in nodes:
            continue
        props = [{k: v for k, v in row["props"].items() if k != "id"} for row in nodes[label]]
        path = folder / f"nodes_{label}.csv"
        _write(path, [f"id:ID({ID_SPACE})", ":LABEL"], _columns(props),
               (([row["id"], label], p) for row, p in zip(nodes[label], props)), array_delimiter)
        written["nodes"].append(path)
    by_type: dict[str, list[dict]] = defaultdict(list)
    for (_, type_, _), rows in sorted(relationship_rows(graph).items()):
        by_type[type_].extend(rows)
    for type_ in RELATIONSHIP_TYPES:
        if type_ not in by_type:
            continue
        rows = by_type[type_]
        path = folder / f"relationships_{type_}.csv"
        _write(path, [f":START_ID({ID_SPACE})", f":END_ID({ID_SPACE})", ":TYPE"], _columns(row["props"] for row in rows),
               (([row["start"], row["end"], type_], row["props"]) for row in rows), array_delimiter)
        written["relationships"].append(path)
    return written


def import_command(written: dict[str, list[Path]], folder: str = "/import", database: str = "neo4j", array_delimiter: str = ARRAY_DELIMITER) -> str:
    """The `neo4j-admin database import full` command for the files, as seen from `folder`."""
    parts = ["neo4j-admin database import full", "--overwrite-destination", "--multiline-fields=true"]
    if array_delimiter != ARRAY_DELIMITER:
        parts.append(f"--array-delimiter='{array_delimiter}'")
    parts += [f"--nodes={folder}/{path.name}" for path in written["nodes"]]
    parts += [f"--relationships={folder}/{path.name}" for path in written["relationships"]]
    return " ".join([*parts, database])
