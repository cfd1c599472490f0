"""kg's Python API: open a store, build it from files or papers, read it with Cypher.

The `kg` command is a thin shell over these functions, so everything it
does can be done from Python (a notebook, a script, a pipeline):

    >>> import kg
    >>> report = kg.build(["papers.jsonl"], store="kg.db")
    >>> with kg.open_store("kg.db", read_only=True) as store:
    ...     rows = list(store.run("MATCH (m:Model) RETURN m.name AS name LIMIT 5"))

Queries, stats, search and exports take any such reader: `kg.query.run_query`,
`kg.stats.stats`, `kg.search.search`, `kg.export.rdf.write`,
`kg.export.html.write_html`, `kg.export.neo4j_csv.export_neo4j_csv`.
"""

from __future__ import annotations

import errno
import os
import sys
import tempfile
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from kg.errors import InputError, OnError, raise_error
from kg.records import Extraction, Paper
from kg.sources.inputs import STDIN
from kg.store.embedded import EmbeddedStore, StoreError
from kg.store.write import BuildReport

if TYPE_CHECKING:
    from kg.sources import Corpus
    from kg.store.neo4j import LoadReport, Neo4jSettings

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


def read_corpus(
    sources: Iterable[str | os.PathLike], *, fmt: str | None = None, on_error: OnError = raise_error, on_warning: OnError | None = None
) -> Corpus:
    """The papers of input files (glob patterns expanded in name order), each paper once, and a summary of the reading.

    A paper that several files hold is merged into one (`kg.sources.merge`);
    `on_error` gets each bad record or file as an `InputError` (the default
    raises it), `on_warning` each record that was read with a doubt.
    """
    from kg.extract.distributed import expand
    from kg.sources import read_corpus as read_files

    return read_files(expand(sources), fmt, on_error, on_warning)


def read_extractions(path: str | os.PathLike) -> Iterator[Extraction]:
    """The extractions in `kg extract` output: a JSON Lines file, or a folder of shards read in name order.

    A line that is not an extraction raises an `InputError` naming the file and line.
    """
    from kg.extract.distributed import iter_extractions

    return iter_extractions(path)


@dataclass
class ExtractReport:
    """What `extract_to` wrote: papers, and for a cluster run the shards."""

    papers: int
    shards: int | None = None


def extract_to(
    sources: Iterable[Source],
    output: str | os.PathLike,
    *,
    fmt: str | None = None,
    jobs: int | None = None,
    on_error: OnError = raise_error,
    on_warning: OnError | None = None,
    progress: Callable[[int], None] | None = None,
    scheduler: str | None = None,
    shard_size: int = 64 * 2**20,
) -> ExtractReport:
    """Extract the papers of `sources` (input files and glob patterns, or `Paper`s) to `output` as JSON Lines, one paper a line.

    The lines are the format `score.py` reads and `build` takes as they are.
    Extraction runs on `jobs` processes (default: every core) with the same
    output for any number; `output` ('-' for stdout) is written beside and
    moved into place only when complete, so a failed run leaves no half
    file. `progress(n)` is called as papers are done. With `scheduler` (a
    Dask scheduler address, or 'local' for a cluster of `jobs` processes
    here) the input files are cut into shards of `shard_size` bytes and
    `output` is a folder that gets one `part-NNNNN.jsonl` per shard;
    `progress` then counts shards.
    """
    if scheduler:
        return _extract_on_cluster(list(sources), Path(output), scheduler, fmt, on_error, jobs, shard_size, progress)
    from kg.extract.parallel import extract_lines

    sources = list(sources)
    papers = [source for source in sources if isinstance(source, Paper)]
    if not papers:
        papers = read_corpus(sources, fmt=fmt, on_error=on_error, on_warning=on_warning).papers
    elif len(papers) < len(sources):
        raise TypeError("extract_to takes file names or Papers, not both")
    written = 0
    with writing(output) as handle:
        for line in extract_lines(papers, jobs, on_error):
            handle.write(line)
            written += 1
            if progress:
                progress(1)
    return ExtractReport(written)


def _extract_on_cluster(files: list, folder: Path, scheduler: str, fmt: str | None, on_error: OnError, jobs: int | None,
                        shard_size: int, progress: Callable[[int], None] | None) -> ExtractReport:
    from kg.extract.distributed import expand, extract_distributed, plan_shards

    if str(folder) == "-" or (folder.exists() and not folder.is_dir()):
        raise InputError(folder, "--scheduler writes a folder of shards; name a folder with --output")
    if any(isinstance(source, Paper) for source in files):
        raise TypeError("a cluster extraction reads files: pass file names, not Papers")  # each worker reads its own shard
    shards = plan_shards(expand(files), fmt, shard_size)
    return ExtractReport(extract_distributed(shards, folder, scheduler, fmt, on_error, jobs, progress), len(shards))


@contextmanager
def writing(path: str | os.PathLike) -> Iterator[BinaryIO]:
    """`path` opened for writing in binary, or stdout for '-'.

    A file is written beside `path` and moved over it only when everything
    went well, so a failed export never leaves half a file behind; it is
    opened before any work starts, so an unwritable path fails at once.
    """
    path = Path(path)
    if str(path) == "-":
        yield sys.stdout.buffer
        sys.stdout.flush()
        return
    if path.is_dir():
        raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(path))
    if path.exists() and not path.is_file():  # /dev/null, a FIFO: written in place, never replaced by a file
        with path.open("wb") as handle:
            yield handle
        return
    tmp = path.with_name(path.name + ".tmp")
    try:
        with tmp.open("wb") as handle:
            yield handle
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


def is_extractions(path: str | os.PathLike) -> bool:
    """Whether `path` holds `kg extract` output (a file of extraction lines, or a folder of shards) rather than papers."""
    path = Path(path)
    if str(path) == STDIN:
        # a pipe cannot be read twice: look at what it has buffered, which
        # holds a record's opening keys even when its line is longer
        first = sys.stdin.buffer.peek(1 << 16).split(b"\n", 1)[0]
    elif path.is_dir():
        return True
    elif path.is_file():
        with path.open("rb") as handle:
            first = handle.readline(1 << 20)
    else:
        return False
    return first.lstrip().startswith(b'{"id": ') and b'"entities": [' in first


class _Inputs:
    """The papers of a build's sources, streamed, and an extractor that takes stored extractions as they are.

    Files of papers are read record by record; extraction files and folders
    of shards (`kg extract`, `kg extract --scheduler`) give their papers with
    the extraction already made, so a build loads them without running the
    NLP again. Only the extractions of the last `held` papers read (one
    batch) are kept: those of papers a batch finds unchanged are never
    taken, and a rerun over a large store would otherwise keep thousands.
    """

    def __init__(self, sources: Iterable[Source], fmt: str | None, on_error: OnError, on_warning: OnError | None, held: int):
        self.sources, self.fmt, self.on_error, self.on_warning = sources, fmt, on_error, on_warning
        self.limit = held
        self.held: dict[int, tuple[Extraction, str, str]] = {}

    def papers(self) -> Iterator[Paper]:
        from kg.extract.distributed import expand, iter_extractions
        from kg.sources import iter_papers

        for source in self.sources:
            if isinstance(source, Paper):
                yield source
                continue
            try:
                paths = expand([source])
            except InputError as error:
                self.on_error(error)
                continue
            for path in paths:
                if not is_extractions(path):
                    yield from iter_papers([path], self.fmt, self.on_error, self.on_warning)
                    continue
                for extraction in iter_extractions(path, self.on_error):
                    paper = extraction.paper
                    self.held[id(paper)] = (extraction, paper.title, paper.abstract)
                    if len(self.held) > self.limit:
                        del self.held[next(iter(self.held))]
                    yield paper

    def extractor(self, extract: Callable[[list[Paper]], Iterable[Extraction]]) -> Callable[[list[Paper]], Iterator[Extraction]]:
        """`extract` for papers read from text; a held extraction for papers read from extraction files.

        A held extraction serves only while its paper keeps the text it was
        made from: `--replace` may have given the paper another record's text.
        """

        def current(paper: Paper) -> Extraction | None:
            held = self.held.pop(id(paper), None)
            return held[0] if held and (held[1], held[2]) == (paper.title, paper.abstract) else None

        def run(papers: list[Paper]) -> Iterator[Extraction]:
            known = [current(paper) for paper in papers]
            fresh = iter(extract([p for p, k in zip(papers, known) if k is None]))
            for paper, made in zip(papers, known):
                yield Extraction(paper, made.entities, made.results, made.extractor) if made else next(fresh)

        return run


def build(
    sources: Iterable[Source],
    store: str | os.PathLike | EmbeddedStore = DEFAULT_STORE,
    *,
    fmt: str | None = None,
    replace: bool = False,
    on_error: OnError = raise_error,
    progress: Callable[[int], None] | None = None,
    batch_size: int = 2000,
    wait: float = 0.0,
    jobs: int | None = None,
    on_warning: OnError | None = None,
) -> BuildReport:
    """Read, extract and store papers from `sources` (input files, `kg extract` output, or `Paper`s), batch by batch.

    Papers already stored are matched by arXiv id, DOI or normalised title
    and keep their stored title and abstract; a record that differs is a
    `Conflict` in the report (`replace=True` takes the new text and
    re-extracts). `on_error` receives each bad record or file as an
    `InputError` (the default raises it; committed batches stay). Each batch
    is one transaction, so an interrupted build keeps what it committed and
    a rerun completes it. Extraction runs on `jobs` processes (default:
    every core), the same output for any number, and with `jobs=1` the
    batches are also committed in this thread (`kg.store.write.build`'s
    `overlap`); `kg extract` output is stored as it is, not extracted again.
    """
    if isinstance(store, EmbeddedStore):
        from kg.extract.parallel import batch_extractor

        inputs = _Inputs(sources, fmt, on_error, on_warning, held=batch_size)
        with batch_extractor(jobs) as extract:
            return store.build(inputs.papers(), inputs.extractor(extract), replace=replace, on_error=on_error,
                               progress=progress, batch_size=batch_size, overlap=jobs != 1)
    path = Path(store)
    new = not path.exists()
    with open_store(path, wait=wait) as db:
        try:
            return build(sources, db, fmt=fmt, replace=replace, on_error=on_error, progress=progress,
                         batch_size=batch_size, jobs=jobs, on_warning=on_warning)
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

    if not Path(old).is_file():
        raise StoreError(f"{old}: no such file")
    if not is_sqlite_store(old):
        raise StoreError(f"{old}: not a kg 0.2 store (an SQLite file)")
    new = Path(new)
    if new.exists():
        raise StoreError(f"{new}: already exists; migrate into a new file")
    try:
        with open_store(new) as db:
            return migrate_records(old, db, progress=progress)
    except BaseException:
        for leftover in (new, new.with_name(new.name + ".wal")):  # a failed migration leaves no half-made store
            leftover.unlink(missing_ok=True)
        raise


def load_neo4j(
    source: str | os.PathLike,
    settings: Neo4jSettings,
    *,
    batch_size: int = 10_000,
    progress: Callable[[LoadReport, int], None] | None = None,
    jobs: int | None = None,
) -> LoadReport:
    """Load an embedded store, or `kg extract` output, into Neo4j; returns the driver's counters.

    The store's nodes and relationships stream page by page into batched
    writes (`kg.store.neo4j.load_rows`), so memory stays flat. Extraction
    output is first resolved into a temporary embedded store, so a load
    resolves entities exactly as a build does.
    """
    from kg.store.neo4j import load_rows, session
    from kg.store.rows import node_batches, relationship_batches

    if is_extractions(source):
        return build_neo4j([source], settings, batch_size=batch_size, progress=progress, jobs=jobs)
    with open_store(source, read_only=True) as store, session(settings) as db:
        return load_rows(db, node_batches(store), relationship_batches(store), batch_size, progress)


def build_neo4j(
    sources: Iterable[Source],
    settings: Neo4jSettings,
    *,
    batch_size: int = 10_000,
    progress: Callable[[LoadReport, int], None] | None = None,
    **options,
) -> LoadReport:
    """`build` into a temporary embedded store, then `load_neo4j` it: Neo4j gets the same resolved graph as a build.

    `options` are `build`'s (`fmt`, `on_error`, `jobs`, ...).
    """
    from kg.store.neo4j import session

    with session(settings):
        pass  # an unreachable server or a wrong password fails now, not after the build
    with tempfile.TemporaryDirectory(prefix="kg-neo4j-") as folder:
        staged = Path(folder) / "kg.db"
        build(sources, staged, **options)
        return load_neo4j(staged, settings, batch_size=batch_size, progress=progress)


__all__ = [
    "BuildReport", "EmbeddedStore", "ExtractReport", "InputError", "StoreError", "build", "build_neo4j", "extract_to",
    "load_neo4j", "migrate", "open_store", "read_corpus", "read_extractions", "writing",
]
