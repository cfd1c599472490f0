"""Migrating a kg 0.2 store (one SQLite file of extraction records) into an embedded store.

The old store's truth was its extraction records, so a migration re-reads
them and writes them as a build would, without extracting again; papers
extracted by an older extractor are re-extracted by the next `kg build`.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path

from kg.records import Extraction, Paper, norm
from kg.store.embedded import SQLITE_MAGIC, EmbeddedStore, StoreError
from kg.store.write import BuildReport, build


def is_sqlite_store(path: str | Path) -> bool:
    """Whether `path` is an SQLite file (the format of kg 0.2 stores)."""
    path = Path(path)
    if not path.is_file():
        return False
    with path.open("rb") as handle:
        return handle.read(16) == SQLITE_MAGIC


def old_records(path: str | Path) -> Iterator[Extraction]:
    """The extraction records of a kg 0.2 store, one at a time, in id order."""
    try:
        conn = sqlite3.connect(f"file:{Path(path).resolve()}?mode=ro", uri=True)
        rows = conn.execute("SELECT record FROM extractions ORDER BY id")
    except sqlite3.DatabaseError as error:
        raise StoreError(f"{path}: not a kg 0.2 store ({error})") from None
    try:
        for number, (record,) in enumerate(rows, 1):
            try:
                yield Extraction.from_json(json.loads(record))
            except (ValueError, KeyError, TypeError) as error:
                raise StoreError(f"{path}: record {number} is not an extraction ({type(error).__name__}: {error})") from None
    finally:
        conn.close()


def migrate(old: str | Path, store: EmbeddedStore, batch_size: int = 500, progress: Callable[[int], None] | None = None) -> BuildReport:
    """Write every extraction record of the kg 0.2 store `old` into `store`."""
    records: dict[str, Extraction] = {}

    def papers() -> Iterator[Paper]:
        for extraction in old_records(old):
            records[norm(extraction.paper.title)] = extraction
            yield extraction.paper

    def recorded(batch: list[Paper]) -> Iterator[Extraction]:
        for paper in batch:
            found = records.pop(norm(paper.title))
            yield Extraction(paper, found.entities, found.results, found.extractor)

    from kg.extract import EXTRACTOR

    return build(store, papers(), recorded, extractor=EXTRACTOR, batch_size=batch_size, progress=progress)
