"""kg's Python API: open a store, build it from files or papers, read it with Cypher.

The `kg` command is a thin shell over these functions, so everything it
does can be done from Python (a notebook, a script, a pipeline):

    >>> import kg
    >>> report = kg.build(["papers.jsonl"], store="kg.db")
    >>> with kg.open_store("kg.db", read_only=True) as store:
    ...     rows = list(store.run("MATCH (m:Model) RETURN m.name AS name LIMIT 5"))
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from kg.errors import InputError, OnError, raise_error
from kg.records import Paper
from kg.store.embedded import EmbeddedStore, StoreError
from kg.store.write import BuildReport

DEFAULT_STORE = "kg.db"
Source = str | os.PathLike | Paper


def open_store(path: str | os.PathLike = DEFAULT_STORE, *, read_only: bool = False, wait: float = 0.0) -> EmbeddedStore:
    """Open (or, for writing, create) the embedded store at `path`; use it as a context manager.

    `read_only` opens beside a running build, for queries and exports.
    `wait` is how many seconds a writer waits for another writer to finish
    before `StoreError` says which process holds the store. A kg 0.2 store
    (SQLite) raises `StoreError` saying how to migrate it (`migrate`).
    """
    return EmbeddedStore(path, read_only=read_only, wait=wait)


def _papers(sources: Iterable[Source], fmt: str | None, on_error: OnError) -> Iterator[Paper]:
    """Papers from files (read one file at a time) and `Paper` objects, in order."""
    from kg.sources import read_papers

    for source in sources:
        if isinstance(source, Paper):
            yield source
        else:
            yield from read_papers([Path(source)], fmt, on_error)


def build(
    sources: Iterable[Source],
    store: str | os.PathLike | EmbeddedStore = DEFAULT_STORE,
    *,
    fmt: str | None = None,
    replace: bool = False,
    on_error: OnError = raise_error,
    progress: Callable[[int], None] | None = None,
    batch_size: int = 500,
    wait: float = 0.0,
) -> BuildReport:
    """Read, extract and store papers from `sources` (input files or `Paper`s), batch by batch.

    Papers already stored are matched by arXiv id, DOI or normalised title
    and keep their stored title and abstract; a record that differs is a
    `Conflict` in the report (`replace=True` takes the new text and
    re-extracts). `on_error` receives each bad record or file as an
    `InputError` (the default raises it; committed batches stay). Each batch
    is one transaction, so an interrupted build keeps what it committed and
    a rerun completes it.
    """
    if isinstance(store, EmbeddedStore):
        return store.build(_papers(sources, fmt, on_error), replace=replace, on_error=on_error, progress=progress, batch_size=batch_size)
    path = Path(store)
    new = not path.exists()
    with open_store(path, wait=wait) as db:
        try:
            return build(sources, db, fmt=fmt, replace=replace, on_error=on_error, progress=progress, batch_size=batch_size)
        except BaseException as error:
            if not (new and len(db) == 0):
                raise
            failure = error
    # a build that failed before storing any paper leaves no new store behind
    for leftover in (path, path.with_name(path.name + ".wal")):
        leftover.unlink(missing_ok=True)
    raise failure


def migrate(old: str | os.PathLike, new: str | os.PathLike = DEFAULT_STORE, *, progress: Callable[[int], None] | None = None) -> BuildReport:
    """Copy a kg 0.2 store (SQLite) into a new embedded store at `new`, from its extraction records."""
    from kg.store.migrate import is_sqlite_store, migrate as migrate_records

    if not is_sqlite_store(old):
        raise StoreError(f"{old}: not a kg 0.2 store (an SQLite file)")
    if Path(new).exists():
        raise StoreError(f"{new}: already exists; migrate into a new file")
    with open_store(new) as db:
        return migrate_records(old, db, progress=progress)


__all__ = ["BuildReport", "EmbeddedStore", "InputError", "StoreError", "build", "migrate", "open_store"]
