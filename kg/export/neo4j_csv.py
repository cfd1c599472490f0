"""CSV files for `neo4j-admin database import full`: the bulk path into an empty Neo4j.

One node file per label and one relationship file per type, each with the
import tool's header: `id:ID(kg)` (the id, kept as the `id` property, in one
ID space since kg ids are unique across labels), `:LABEL`, `:START_ID(kg)`,
`:END_ID(kg)`, `:TYPE`, and typed property columns. The columns are the
tables of `schemas/embedded/schema.cypher` with their types (`INT64` is
`long`, `DOUBLE` is `double`, `STRING[]` is `string[]` joined by the array
delimiter), the types a transactional load stores, so that both paths give
the same graph. An empty field is an absent property, as Neo4j has no null.

The rows stream from the reader a page at a time (`kg.store.rows`), so the
export's memory does not grow with the graph.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from itertools import chain
from pathlib import Path
from typing import IO, Any

from kg.store.rows import PAGE, RelationshipTask, node_batch, node_tasks, relationship_batch, relationship_tasks, tables
from kg.store.shards import ordered

ID_SPACE = "kg"
ARRAY_DELIMITER = ";"  # neo4j-admin's default, so the import command needs no --array-delimiter
TYPES = {"INT64": "long", "INT32": "int", "DOUBLE": "double", "FLOAT": "float", "BOOLEAN": "boolean", "STRING": "string"}


def _header(name: str, columns: tuple[str, ...]) -> list[str]:
    header = []
    for column in columns:
        ddl = tables().kinds[name][column]
        kind = TYPES.get(ddl.removesuffix("[]"), "string") + ("[]" if ddl.endswith("[]") else "")
        header.append(column if kind == "string" else f"{column}:{kind}")
    return header


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


def _csv(rows: list[list[str]]) -> str:
    text = io.StringIO()
    csv.writer(text, lineterminator="\n").writerows(rows)
    return text.getvalue()


def _node_lines(reader: Any, delimiter: str, task: tuple[str, Any]) -> list[tuple[str, str]]:
    """The CSV text of one page of nodes, as `[(file, text)]`."""
    label, columns = task[0], tables().nodes[task[0]]
    lines = []
    for row in node_batch(reader, task):
        where = f"nodes_{label}.csv: {row['id']}"
        lines.append([row["id"], label, *(_field(row["props"].get(c), delimiter, where) for c in columns)])
    return [(f"nodes_{label}.csv", _csv(lines))]


def _relationship_lines(reader: Any, delimiter: str, task: RelationshipTask) -> list[tuple[str, str]]:
    """The CSV text of one page's relationships, as `[(file, text)]` in the order the files take it."""
    found = []
    for (_, type_, _), rows in relationship_batch(reader, task):
        columns, name = tables().relationships[type_], f"relationships_{type_}.csv"
        found.append((name, _csv([
            [row["start"], row["end"], type_, *(_field(row["props"].get(c), delimiter, f"{name}: {row['start']}") for c in columns)]
            for row in rows
        ])))
    return found


def _lines(reader: Any, delimiter: str, task: tuple) -> list[tuple[str, str]]:
    return _node_lines(reader, delimiter, task[1:]) if task[0] == "nodes" else _relationship_lines(reader, delimiter, task[1:])


def export_neo4j_csv(reader: Any, folder: Path, array_delimiter: str = ARRAY_DELIMITER, page: int = PAGE,
                     jobs: int | None = None, progress: Callable[[int], None] | None = None) -> dict[str, list[Path]]:
    """Write `nodes_<Label>.csv` and `relationships_<TYPE>.csv` into `folder`; return them by kind, in schema order.

    A label or type with nothing in the graph gets no file (the import tool
    needs at least one data row per file to be useful). The pages are
    written on `jobs` processes (default: every core) and joined in order,
    so the files are the same for any number (`kg.store.shards`);
    `progress(1)` hears of each page as it is written.
    """
    if len(array_delimiter) != 1 or array_delimiter in ',"\n':
        raise ValueError(f"array delimiter {array_delimiter!r} must be one character other than comma, quote or newline")
    folder.mkdir(parents=True, exist_ok=True)
    shape = tables()
    tasks = chain((("nodes", *t) for t in node_tasks(reader, page)), (("relationships", *t) for t in relationship_tasks(reader, page)))
    handles: dict[str, IO[str]] = {}
    try:
        for found in ordered(reader, _lines, tasks, array_delimiter, jobs):
            for name, text in found:
                if name not in handles:
                    handles[name] = (folder / name).open("w", encoding="utf-8", newline="")
                    handles[name].write(_csv([_file_header(name)]))
                handles[name].write(text)
            if progress:
                progress(1)
    finally:
        for handle in handles.values():
            handle.close()
    return {
        "nodes": [folder / f"nodes_{label}.csv" for label in shape.labels if f"nodes_{label}.csv" in handles],
        "relationships": [folder / f"relationships_{t}.csv" for t in shape.types if f"relationships_{t}.csv" in handles],
    }


def _file_header(name: str) -> list[str]:
    kind, _, table = name.removesuffix(".csv").partition("_")
    if kind == "nodes":
        return [f"id:ID({ID_SPACE})", ":LABEL", *_header(table, tables().nodes[table])]
    return [f":START_ID({ID_SPACE})", f":END_ID({ID_SPACE})", ":TYPE", *_header(table, tables().relationships[table])]


def import_command(written: dict[str, list[Path]], folder: str = "/import", database: str = "neo4j", array_delimiter: str = ARRAY_DELIMITER) -> str:
    """The `neo4j-admin database import full` command for the files, as seen from `folder`."""
    parts = ["neo4j-admin database import full", "--overwrite-destination", "--multiline-fields=true"]
    if array_delimiter != ARRAY_DELIMITER:
        parts.append(f"--array-delimiter='{array_delimiter}'")
    parts += [f"--nodes={folder}/{path.name}" for path in written["nodes"]]
    parts += [f"--relationships={folder}/{path.name}" for path in written["relationships"]]
    return " ".join([*parts, database])
