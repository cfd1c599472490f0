"""Graph readers: the one interface queries, stats, search and exports read through.

A reader is anything with `run(cypher, params) -> Iterator[dict]`, one dict
per row keyed by the RETURN column names. Two live here:

- `LadybugReader` opens an embedded store (a LadybugDB file) read-only, so
  the database itself refuses writes, whatever the query says;
- `Neo4jReader` runs each query in a Neo4j read transaction.

`dialect` tells `kg.query` which Cypher it speaks (`embedded` or `neo4j`),
and `kg.store.rows` how to cut a label into pages (by storage offset or by
id); a reader without the attribute is taken to be embedded.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from kg.store.embedded import SQLITE_MAGIC, StoreError, open_database
from kg.store.neo4j import Neo4jSettings, session, translated

EMBEDDED = "embedded"
NEO4J = "neo4j"


class ReaderError(Exception):
    """A store that cannot be read, or a query it refuses, said in one line."""


class LadybugReader:
    """A LadybugDB store opened read-only; use as a context manager."""

    dialect = EMBEDDED

    def __init__(self, path: str | Path):
        import ladybug

        self.path = Path(path)
        if not self.path.exists():
            raise ReaderError(f"{self.path}: no such store; create it with 'kg build FILES --store {self.path}'")
        if self.path.is_file():
            with self.path.open("rb") as handle:
                if handle.read(16) == SQLITE_MAGIC:
                    raise ReaderError(f"{self.path}: a kg 0.2 store (SQLite), which this kg does not read; migrate it with 'kg migrate {self.path} NEW.db'")
        try:
            self._db = open_database(self.path, read_only=True)
        except StoreError as error:
            raise ReaderError(str(error)) from None
        except RuntimeError as error:
            raise ReaderError(f"{self.path}: cannot open the store ({one_line(str(error))})") from None
        self._conn = ladybug.Connection(self._db)

    def run(self, cypher: str, params: Mapping[str, Any] | None = None) -> Iterator[dict[str, Any]]:
        try:
            result = self._conn.execute(cypher, dict(params or {}))
        except RuntimeError as error:
            raise ReaderError(one_line(str(error))) from None
        columns = result.get_column_names()
        while result.has_next():
            yield dict(zip(columns, result.get_next()))

    def close(self) -> None:
        self._conn.close()
        self._db.close()

    def __enter__(self) -> LadybugReader:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class Neo4jReader:
    """Neo4j through one session; each query is a read transaction, so a query never writes."""

    dialect = NEO4J

    def __init__(self, settings: Neo4jSettings):
        self.settings = settings
        self._session = session(settings)

    def __enter__(self) -> Neo4jReader:
        self._db = self._session.__enter__()
        return self

    def __exit__(self, *exc: object) -> None:
        self._session.__exit__(*exc)

    def run(self, cypher: str, params: Mapping[str, Any] | None = None) -> Iterator[dict[str, Any]]:
        # The driver's records live only inside their transaction, so each answer is taken whole;
        # kg's own readers page their queries, so an answer is one page at most.
        with translated(self.settings):
            rows = self._db.execute_read(lambda tx: [dict(record.items()) for record in tx.run(cypher, dict(params or {}))])
        yield from rows


def one_line(text: str) -> str:
    return " ".join(text.split())[:300]
