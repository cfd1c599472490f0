"""The embedded store: one SQLite file holding every paper's extraction.

SQLite gives what the store must promise without a server: a merge is one
transaction, so a run killed midway leaves the previous store as it was, and
a merge that finds nothing new writes nothing. The extractions are the
store's truth; the graph is built from them on demand (`graph()`), so entity
resolution always sees every paper.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import networkx as nx

from kg.graph import build_graph
from kg.records import Extraction, Paper, norm

FORMAT = "1"
SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS extractions (
    id TEXT PRIMARY KEY,
    title_key TEXT NOT NULL UNIQUE,
    extractor TEXT NOT NULL,
    record TEXT NOT NULL
);
"""


class StoreError(Exception):
    """A store that cannot be opened or is not a kg store."""


@dataclass
class MergeReport:
    added: int = 0
    reextracted: int = 0
    sources_updated: int = 0
    unchanged: int = 0


Extractor = Callable[[list[Paper]], Iterable[Extraction]]


class EmbeddedStore:
    """A kg store in one SQLite file; use as a context manager."""

    def __init__(self, path: str | Path):
        self.path = Path(path)
        if self.path.is_dir():
            raise StoreError(f"{self.path}: is a directory, not a store file")
        if not self.path.parent.exists():
            raise StoreError(f"{self.path}: folder {self.path.parent} does not exist")
        try:
            self.conn = sqlite3.connect(self.path)
            tables = {row[0] for row in self.conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        except sqlite3.DatabaseError as err:
            raise StoreError(f"{self.path}: not a kg store ({err})") from None
        if tables and "extractions" not in tables:
            raise StoreError(f"{self.path}: an SQLite file, but not a kg store")
        if not tables:
            self.conn.executescript(SCHEMA)
            with self.conn:
                self.conn.execute("INSERT INTO meta VALUES ('format', ?)", (FORMAT,))

    def __enter__(self) -> EmbeddedStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.conn.close()

    def __len__(self) -> int:
        return self.conn.execute("SELECT count(*) FROM extractions").fetchone()[0]

    def extractions(self) -> Iterator[Extraction]:
        for (record,) in self.conn.execute("SELECT record FROM extractions ORDER BY id"):
            yield Extraction.from_json(json.loads(record))

    def graph(self) -> nx.MultiDiGraph:
        return build_graph(self.extractions())

    def merge(self, papers: list[Paper], extract: Extractor, extractor: str) -> MergeReport:
        """Add `papers`, extracting only what is new or was extracted by another version.

        A paper already stored (same id or same normalised title) keeps its
        extraction and gains the new source files; nothing is written when
        nothing changed, so merging the same input twice is a no-op.
        """
        report = MergeReport()
        stored = {}
        for id_, title_key, version, record in self.conn.execute("SELECT id, title_key, extractor, record FROM extractions"):
            stored[title_key] = (id_, version, json.loads(record))
        to_extract: list[Paper] = []
        source_updates: list[tuple[str, str]] = []
        for paper in papers:
            known = stored.get(norm(paper.title))
            if known is None:
                to_extract.append(paper)
                continue
            id_, version, record = known
            sources = sorted(set(record.get("sources", [])) | set(paper.sources))
            same_text = record.get("abstract") == paper.abstract and id_ == paper.id
            if version != extractor or not same_text:
                paper.sources = sources
                to_extract.append(paper)
            elif sources != sorted(record.get("sources", [])):
                record["sources"] = sources
                source_updates.append((json.dumps(record, ensure_ascii=False), id_))
                report.sources_updated += 1
            else:
                report.unchanged += 1
        if not to_extract and not source_updates:
            return report
        with self.conn:  # one transaction: committed whole or rolled back whole
            self.conn.executemany("UPDATE extractions SET record = ? WHERE id = ?", source_updates)
            for extraction in extract(to_extract):
                title_key = norm(extraction.paper.title)
                if title_key in stored:
                    report.reextracted += 1
                    self.conn.execute("DELETE FROM extractions WHERE title_key = ?", (title_key,))
                else:
                    report.added += 1
                self.conn.execute(
                    "INSERT INTO extractions VALUES (?, ?, ?, ?)",
                    (extraction.paper.id, title_key, extraction.extractor,
                     json.dumps(extraction.to_json(), ensure_ascii=False)),
                )
        return report
