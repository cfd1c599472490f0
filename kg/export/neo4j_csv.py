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
from pathlib import Path
from typing import IO, Any

from kg.store.rows import PAGE, node_batches, relationship_batches, tables

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


class _Files:
    """One open CSV writer per file, opened with its header on first use."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.handles: dict[str, tuple[IO[str], Any]] = {}

    def writer(self, name: str, header: list[str]) -> Any:
        if name not in self.handles:
            handle = (self.folder / name).open("w", encoding="utf-8", newline="")
            self.handles[name] = (handle, csv.writer(handle, lineterminator="\n"))
            self.handles[name][1].writerow(header)
        return self.handles[name][1]

    def close(self) -> None:
        for handle, _ in self.handles.values():
            handle.close()


def export_neo4j_csv(reader: Any, folder: Path, array_delimiter: str = ARRAY_DELIMITER, page: int = PAGE) -> dict[str, list[Path]]:
    """Write `nodes_<Label>.csv` and `relationships_<TYPE>.csv` into `folder`; return them by kind, in schema order.

    A label or type with nothing in the graph gets no file (the import tool
    needs at least one data row per file to be useful).
    """
    if len(array_delimiter) != 1 or array_delimiter in ',"\n':
        raise ValueError(f"array delimiter {array_delimiter!r} must be one character other than comma, quote or newline")
    folder.mkdir(parents=True, exist_ok=True)
    shape = tables()
    out = _Files(folder)
    try:
        for label, rows in node_batches(reader, page):
            columns = shape.nodes[label]
            write = out.writer(f"nodes_{label}.csv", [f"id:ID({ID_SPACE})", ":LABEL", *_header(label, columns)])
            for row in rows:
                where = f"nodes_{label}.csv: {row['id']}"
                write.writerow([row["id"], label, *(_field(row["props"].get(c), array_delimiter, where) for c in columns)])
        for (_, type_, _), rows in relationship_batches(reader, page):
            columns = shape.relationships[type_]
            write = out.writer(f"relationships_{type_}.csv", [f":START_ID({ID_SPACE})", f":END_ID({ID_SPACE})", ":TYPE", *_header(type_, columns)])
            for row in rows:
                where = f"relationships_{type_}.csv: {row['start']}"
                write.writerow([row["start"], row["end"], type_, *(_field(row["props"].get(c), array_delimiter, where) for c in columns)])
    finally:
        out.close()
    return {
        "nodes": [folder / f"nodes_{label}.csv" for label in shape.labels if f"nodes_{label}.csv" in out.handles],
        "relationships": [folder / f"relationships_{t}.csv" for t in shape.types if f"relationships_{t}.csv" in out.handles],
    }


def import_command(written: dict[str, list[Path]], folder: str = "/import", database: str = "neo4j", array_delimiter: str = ARRAY_DELIMITER) -> str:
    """The `neo4j-admin database import full` command for the files, as seen from `folder`."""
    parts = ["neo4j-admin database import full", "--overwrite-destination", "--multiline-fields=true"]
    if array_delimiter != ARRAY_DELIMITER:
        parts.append(f"--array-delimiter='{array_delimiter}'")
    parts += [f"--nodes={folder}/{path.name}" for path in written["nodes"]]
    parts += [f"--relationships={folder}/{path.name}" for path in written["relationships"]]
    return " ".join([*parts, database])
