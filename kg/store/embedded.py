"""The embedded store: one LadybugDB file holding the graph, its extraction records and resolution state.

LadybugDB (PyPI `ladybug`, the maintained fork of Kùzu) is an embedded graph
database that speaks Cypher, so queries, stats and exports read the store
through `run` with the same Cypher they send to Neo4j, without a server and
without rebuilding a graph in Python. Writes go through `kg.store.write`,
one transaction per batch, so a killed build keeps every committed batch.

Besides the graph's tables (`schemas/embedded/schema.cypher`) a store holds
kg's own tables, all named `Kg...`: the extraction records (`KgExtraction`, compressed),
the keys papers are matched by (`KgPaperKey`), entity resolution's state
(`KgNameKey`, `KgEntity`) and `KgMeta` (store format, extractor). Query by
label: a label-less `MATCH (n)` also sees them.

A process killed mid-write leaves a log whose last, unfinished transaction
fails its checksum; the store is opened with that tail dropped
(`throw_on_wal_replay_failure=False`), which is the rollback it needs.

One process writes at a time: LadybugDB locks the file, a second writer
waits up to `wait` seconds and then gets one line naming the other
process. Readers open read-only beside a writer; an open that meets the
writer mid-commit is retried briefly, then reported as a busy store.
"""

from __future__ import annotations

import json
import os
import re
import time
import zlib
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from importlib import resources
from pathlib import Path
from typing import Any

import ladybug

from kg.records import Extraction, Paper

FORMAT = "3"
SQLITE_MAGIC = b"SQLite format 3\x00"
INTERNAL_TABLES = """
CREATE NODE TABLE KgMeta(key STRING PRIMARY KEY, value STRING);
CREATE NODE TABLE KgExtraction(id STRING PRIMARY KEY, extractor STRING, keys STRING[], record BLOB);
CREATE NODE TABLE KgPaperKey(key STRING PRIMARY KEY, paper STRING);
CREATE NODE TABLE KgNameKey(key STRING PRIMARY KEY, entity STRING);
CREATE NODE TABLE KgEntity(id STRING PRIMARY KEY, label STRING, keys STRING[], forms STRING);
"""
# The buffer pool bounds the database's memory (its default is most of the
# machine's RAM). What needs the most of it is a checkpoint: LadybugDB
# rewrites the last, growing node group (131,072 rows) of each table, and
# holds its string columns in the pool meanwhile, so the pool must hold a
# node group of abstracts and (compressed) extraction records: 512 MB has
# built 140,000 papers, past the first node group. `$KG_BUFFER_MB` overrides it.
BUFFER = int(os.environ.get("KG_BUFFER_MB", "512")) * 1024**2
WRITE_BUFFER = READ_BUFFER = BUFFER
# A checkpoint's cost is the node groups it rewrites, whatever was added to
# them, so checkpointing at LadybugDB's default (every 16 MB of log, each
# batch) spent half a build rewriting; 64 MB (about 7,000 papers) is a
# fifth of that, and committed rows wait in memory a little longer.
CHECKPOINT_BYTES = 64 * 1024**2
BUSY_RETRY_SECONDS = 2.0
LOCK_HOLDER = re.compile(r"Lock is held by PID (\d+)")
# What LadybugDB says when another process holds the file, or is mid-commit or mid-checkpoint.
BUSY_WORDS = ("lock", "wal", "checksum", "checkpoint", "recovery")


class StoreError(Exception):
    """A store that cannot be opened, is in use, or is not a kg store; the message is one line."""


def schema_statements() -> list[str]:
    """The DDL of the graph's tables, as shipped in `kg.schemas`, one statement each."""
    text = resources.files("kg.schemas").joinpath("embedded/schema.cypher").read_text(encoding="utf-8")
    text = "\n".join(line.split("//", 1)[0] for line in text.splitlines())
    return [s.strip() for s in (text + INTERNAL_TABLES).split(";") if s.strip()]


def pack_record(extraction: Extraction) -> bytes:
    """An extraction record as the store keeps it: its `kg extract` JSON, zlib-compressed.

    Compressed, a record is a quarter of its JSON (1.4 KB against 4.9 KB), and
    LadybugDB's checkpoint holds a whole node group (131,072 rows) of a
    string column in its buffer pool, so the record's size is what bounds
    the memory a build needs.
    """
    return zlib.compress(json.dumps(extraction.to_json(), ensure_ascii=False).encode("utf-8"), 1)


def unpack_record(record: bytes) -> Extraction:
    """The extraction `pack_record` stored."""
    return Extraction.from_json(json.loads(zlib.decompress(record)))


def result_columns(result) -> dict[str, list]:
    """A LadybugDB query result as one list per column, through Arrow (no Python step per row)."""
    if not result.get_num_tuples():
        return {name: [] for name in result.get_column_names()}
    table = result.get_as_arrow(-1)  # one chunk of just the rows: the default sizes chunks for millions
    return {name: table.column(name).to_pylist() for name in table.column_names}


def _one_line(error: Exception) -> str:
    return str(error).splitlines()[0].strip() if str(error) else type(error).__name__


def open_database(path: Path, read_only: bool, wait: float = 0.0) -> ladybug.Database:
    """The LadybugDB database at `path`, waiting out another process's lock, commit or checkpoint.

    A writer waits `wait` seconds, a reader at least `BUSY_RETRY_SECONDS`;
    then `StoreError` says in one line who holds the store. Other failures
    are LadybugDB's `RuntimeError`, for the caller to word.
    """
    deadline = time.monotonic() + max(wait, BUSY_RETRY_SECONDS if read_only else 0.0)
    while True:
        try:
            return ladybug.Database(
                str(path), read_only=read_only, buffer_pool_size=READ_BUFFER if read_only else WRITE_BUFFER,
                throw_on_wal_replay_failure=False, checkpoint_threshold=CHECKPOINT_BYTES,
            )
        except RuntimeError as error:
            message = str(error)
            if not any(word in message.lower() for word in BUSY_WORDS):
                raise
            if read_only and "recovery is pending" in message:
                recover(path)
            if time.monotonic() >= deadline:
                holder = LOCK_HOLDER.search(message)
                who = f"kg process {holder.group(1)}" if holder else "another kg process"
                if read_only:
                    raise StoreError(f"{path}: the store is busy ({who} is writing to it); try again shortly") from None
                raise StoreError(f"{path}: the store is in use by {who}; wait for it, or pass --wait SECONDS") from None
            time.sleep(0.1)


def recover(path: Path) -> None:
    """Replay the log a killed writer left, so that readers can open; skipped while a writer holds the store."""
    try:
        ladybug.Database(str(path), buffer_pool_size=WRITE_BUFFER, throw_on_wal_replay_failure=False).close()
    except RuntimeError:
        pass  # a writer is at work: it will checkpoint, and the reader retries


class EmbeddedStore:
    """A kg store in one LadybugDB file; use as a context manager.

    `read_only` opens beside a running build (for queries and exports);
    `wait` is how long a writer waits for another writer to finish.
    """

    def __init__(self, path: str | Path = "kg.db", *, read_only: bool = False, wait: float = 0.0):
        self.path = Path(path)
        self.read_only = read_only
        if self.path.is_dir():
            raise StoreError(f"{self.path}: is a directory, not a store file")
        if read_only and not self.path.exists():
            raise StoreError(f"{self.path}: no such store; create it with 'kg build FILES --store {self.path}'")
        if not self.path.parent.exists():
            raise StoreError(f"{self.path}: folder {self.path.parent} does not exist")
        if self.path.exists():
            with self.path.open("rb") as handle:
                if handle.read(16) == SQLITE_MAGIC:
                    raise StoreError(
                        f"{self.path}: a kg 0.2 store (SQLite); migrate it with 'kg migrate {self.path} NEW.db' "
                        "(or rebuild it from its input files)"
                    )
        try:
            self.db = open_database(self.path, read_only, wait)
        except RuntimeError as error:
            raise StoreError(f"{self.path}: not a kg store ({_one_line(error)})") from None
        self.conn = self._connect()
        tables = {row["name"] for row in self.run("CALL show_tables() RETURN name")}
        if not tables and not read_only:
            self._create()
        elif "KgMeta" not in tables:
            self.close()
            raise StoreError(f"{self.path}: a LadybugDB database, but not a kg store")
        found = self.meta("format")
        if found != FORMAT:
            self.close()
            raise StoreError(f"{self.path}: store format {found}, this kg reads format {FORMAT}; rebuild it")

    def _create(self) -> None:
        with self.transaction():
            for statement in schema_statements():
                self.conn.execute(statement)
            self.conn.execute("CREATE (:KgMeta {key: 'format', value: $v})", {"v": FORMAT})

    def __enter__(self) -> EmbeddedStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Release the file (and its lock) now, not when the garbage collector gets to it."""
        if getattr(self, "conn", None) is not None:
            self.conn.close()
            self.conn = None
        if getattr(self, "db", None) is not None:
            self.db.close()
            self.db = None

    def run(self, cypher: str, params: Mapping[str, Any] | None = None) -> Iterator[dict[str, Any]]:
        """Rows of a Cypher query as dicts keyed by the RETURN columns (LadybugDB's dialect, not translated)."""
        result = self.conn.execute(cypher, dict(params or {}))
        for one in result if isinstance(result, list) else [result]:
            columns = one.get_column_names()
            while one.has_next():
                yield dict(zip(columns, one.get_next()))

    def columns(self, cypher: str, params: Mapping[str, Any] | None = None) -> dict[str, list]:
        """A query's rows as one list per RETURN column, read through Arrow.

        For the lookups a build makes per batch (thousands of keys): `run`
        takes a Python step per row, Arrow none.
        """
        return result_columns(self.conn.execute(cypher, dict(params or {})))

    def execute(self, cypher: str, params: Mapping[str, Any] | None = None) -> None:
        """Run a statement whose rows nobody reads (writes, COPY)."""
        self.conn.execute(cypher, dict(params or {}))

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """One transaction: committed whole, or (on any error, or a kill) not at all."""
        with self.uncommitted():
            yield
        self.commit()

    @contextmanager
    def uncommitted(self) -> Iterator[None]:
        """A transaction begun, and rolled back on any error; then `commit` it, from this thread or another.

        A build commits a batch in a second thread (LadybugDB lets go of the
        GIL while it commits and checkpoints) while this one works on the
        next batch in Python; nothing touches the store until the commit is done.
        """
        self.conn.execute("BEGIN TRANSACTION")
        try:
            yield
        except BaseException as error:
            try:
                self.conn.execute("ROLLBACK")
            except RuntimeError:
                pass  # LadybugDB already aborted it at the error
            if isinstance(error, RuntimeError):
                raise StoreError(f"{self.path}: the database refused a write, nothing of this batch was stored ({_one_line(error)})") from None
            raise

    def commit(self) -> None:
        """Commit the transaction `uncommitted` began."""
        try:
            self.conn.execute("COMMIT")
        except RuntimeError as error:
            if "committed successfully" not in str(error):
                raise StoreError(f"{self.path}: the database refused a commit, nothing of this batch was stored ({_one_line(error)})") from None
            # committed and durable; the checkpoint that failed runs again at the next commit or open
        finally:
            self._renew_connection()

    def _renew_connection(self) -> None:
        """A fresh connection after each write transaction, so that memory stays flat over a long build.

        A LadybugDB connection caches a prepared statement per query and
        parameter types for its lifetime, and an Arrow table parameter
        (`copy_rows`) is a new type each time: a build on one connection
        would keep a statement, and its parameters, for every batch.
        """
        self.conn.close()
        self.conn = self._connect()

    def _connect(self) -> ladybug.Connection:
        """A connection; a writer's runs each statement on one thread, so that rows are stored in the order written.

        LadybugDB splits a `LOAD FROM ... CREATE` of more than one morsel
        (2,048 rows) between its threads, and the nodes are stored in the
        order the threads happen to take them; exports read nodes in
        storage order, so two builds of one input gave their results (5,000
        a batch) in different orders. One thread stores them in the order of
        the batch's rows, and the build's own Python work uses the other core.
        """
        conn = ladybug.Connection(self.db)
        if not self.read_only:
            conn.set_max_threads_for_exec(1)
        return conn

    def meta(self, key: str) -> str | None:
        rows = list(self.run("MATCH (m:KgMeta {key: $k}) RETURN m.value AS value", {"k": key}))
        return rows[0]["value"] if rows else None

    def set_meta(self, key: str, value: str) -> None:
        self.execute("MERGE (m:KgMeta {key: $k}) SET m.value = $v", {"k": key, "v": value})

    def __len__(self) -> int:
        return next(self.run("MATCH (p:Paper) RETURN count(*) AS n"))["n"]

    def extractions(self) -> Iterator[Extraction]:
        """Every stored extraction record, in id order."""
        for row in self.run("MATCH (x:KgExtraction) RETURN x.record AS record ORDER BY x.id"):
            yield unpack_record(row["record"])

    def build(self, papers: Iterable[Paper], extract: Callable | None = None, **options: Any):
        """Add `papers` batch by batch, one transaction each; returns a `BuildReport` (`kg.store.write.build`)."""
        from kg.store.write import build

        return build(self, papers, extract, **options)

