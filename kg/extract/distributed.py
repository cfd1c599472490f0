"""Extraction on a Dask cluster: input shards in, one JSON Lines shard out per input shard.

The client only plans: it lists the input files (globs expanded, in a fixed
order) and cuts every JSON Lines file larger than `shard_bytes` into byte
ranges that start at line starts. Each task carries one `Shard` (a path and
two offsets), and the worker reads its own bytes, extracts them and writes
`part-NNNNN.jsonl` itself (to a temporary name, then renamed), so neither
the papers nor the extractions travel through the scheduler: the inputs and
the output folder must be on a file system every worker sees.

The output names follow the plan's order, so reading the folder in name
order (`iter_extractions`) gives the papers in the order one process gives
them. Each shard is read on its own: a paper that two files both hold is
one record per shard here, where one process merges it; `kg build` merges
them again when it reads the folder.
"""

from __future__ import annotations

import glob
import io
import json
import logging
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

from kg.errors import InputError, OnError, raise_error
from kg.cores import default_jobs
from kg.extract.parallel import extract_lines
from kg.records import Extraction, Paper
from kg.sources import READERS, detect_format, read_papers
from kg.sources.inputs import COMPRESSED, STDIN, Input
from kg.sources.jsonl import is_lines

SHARD_BYTES = 64 * 2**20
LOCAL = "local"
BLOCK = 2**20


class SchedulerError(Exception):
    """The cluster cannot be reached or used, said in one line."""


@dataclass(frozen=True)
class Shard:
    """Bytes `start` to `end` of one input file (`end=None`: the whole file); `line` is the line at `start`."""

    index: int
    path: str
    start: int = 0
    end: int | None = None
    line: int = 1

    @property
    def name(self) -> str:
        return f"part-{self.index:05d}.jsonl"


@dataclass
class ShardReport:
    """What a worker did with one shard: papers written, and errors as (file, message, line)."""

    index: int
    papers: int = 0
    errors: list[tuple[str, str, int | None]] = field(default_factory=list)


# -- planning (on the client) -------------------------------------------------


def expand(inputs: Iterable[str | Path]) -> list[Path]:
    """The input files: each name as given, or a glob pattern's matches in name order."""
    files: list[Path] = []
    for name in map(str, inputs):
        if os.path.exists(name) or not glob.has_magic(name):
            files.append(Path(name))
            continue
        matches = sorted(glob.glob(name))
        if not matches:
            raise InputError(name, "no file matches this pattern")
        files.extend(Path(match) for match in matches)
    return files


def plan_shards(files: Iterable[Path], fmt: str | None = None, shard_bytes: int = SHARD_BYTES) -> list[Shard]:
    """One shard per file, and line-aligned byte ranges of about `shard_bytes` for large JSON Lines files."""
    if shard_bytes < 1:
        raise ValueError("shard size must be at least 1 byte")
    shards: list[Shard] = []
    for path in files:
        if not path.is_file():
            raise InputError(path, "is a directory, not a file" if path.is_dir() else "no such file")
        if path.stat().st_size > shard_bytes and _splittable(path):
            for start, end, line in line_ranges(path, shard_bytes):
                shards.append(Shard(len(shards), str(path.resolve()), start, end, line))
        else:
            shards.append(Shard(len(shards), str(path.resolve())))
    return shards


def _head(path: Path) -> bytes:
    with path.open("rb") as handle:
        return handle.read(BLOCK)


def _splittable(path: Path) -> bool:
    """Plain (uncompressed) JSON Lines, of any line-based format: a byte range of whole lines is a file of its own."""
    head = _head(path)
    return not any(head.startswith(magic) for magic, _, _ in COMPRESSED) and is_lines(head.decode("utf-8", errors="ignore"))


def line_ranges(path: Path, size: int) -> Iterator[tuple[int, int, int]]:
    """(start, end, first line) of byte ranges of about `size` bytes, each starting at a line start.

    One sequential pass counts the lines, so that a worker's errors can name
    the line in the whole file.
    """
    total = path.stat().st_size
    start, line = 0, 1
    with path.open("rb") as handle:
        while start < total:
            handle.seek(min(start + size, total))
            end = handle.tell() + len(handle.readline()) if start + size < total else total
            yield start, end, line
            handle.seek(start)
            for at in range(start, end, BLOCK):
                line += handle.read(min(BLOCK, end - at)).count(b"\n")
            start = end


# -- one shard (on a worker) ---------------------------------------------------


def read_shard(shard: Shard, fmt: str | None, on_error: OnError) -> list[Paper]:
    """The papers of one shard; a whole file is read exactly as `kg.sources.read_papers` reads it."""
    path = Path(shard.path)
    if shard.end is None:
        return read_papers([path], fmt, on_error)
    with path.open("rb") as handle:
        handle.seek(shard.start)
        data = handle.read(shard.end - shard.start)
    try:
        text = data.decode("utf-8-sig" if shard.start == 0 else "utf-8")
    except UnicodeDecodeError as error:
        line = shard.line + data[: error.start].count(b"\n")
        raise InputError(path, f"not UTF-8 text (byte 0x{data[error.start]:02x})", line) from None

    def shifted(error: InputError) -> None:
        on_error(InputError(error.path, error.message, error.line + shard.line - 1 if error.line else None))

    head = _head(path).decode("utf-8", errors="ignore")
    source = Input(str(path), str(path.resolve()), text[:BLOCK], io.BytesIO(data), shifted)
    papers = list(READERS[fmt or detect_format(path, head)](source, shifted))
    for paper in papers:
        paper.sources = [str(path.resolve())]
    return papers


def run_shard(shard: Shard, fmt: str | None, folder: str, stop: bool) -> ShardReport:
    """Read, extract and write one shard; with `stop`, the first bad record leaves the shard unwritten.

    Errors come back as plain tuples, not raised: an `InputError` does not
    survive pickling (its constructor takes three arguments), and with
    `skip` the shard must still be written.
    """
    report = ShardReport(shard.index)

    def collect(error: InputError) -> None:
        report.errors.append((error.path, error.message, error.line))
        if stop:
            raise error

    target = Path(folder) / shard.name
    tmp = target.with_name(f".{shard.name}.{os.getpid()}.tmp")
    try:
        papers = read_shard(shard, fmt, collect)
        with tmp.open("wb") as handle:
            for line in extract_lines(papers, jobs=1, on_error=collect):
                handle.write(line)
                report.papers += 1
        os.replace(tmp, target)
    except InputError as error:
        if not stop or not report.errors:  # a file-level error that no policy could skip
            report.errors.append((error.path, error.message, error.line))
    finally:
        tmp.unlink(missing_ok=True)
    return report


# -- the cluster ---------------------------------------------------------------


@contextmanager
def connect(scheduler: str, workers: int | None = None) -> Iterator[Any]:
    """A Dask client: of the scheduler at `scheduler` (`tcp://HOST:8786`), or of a LocalCluster for 'local'."""
    from distributed import Client, LocalCluster

    cluster = None
    try:
        if scheduler == LOCAL:
            cluster = LocalCluster(n_workers=workers or default_jobs(), threads_per_worker=1, processes=True,
                                   dashboard_address=":0", silence_logs=logging.ERROR)
            client = Client(cluster)
        else:
            client = Client(scheduler, timeout=10)
    except (OSError, ValueError, TypeError) as error:  # unreachable, refused, or not an address
        if cluster is not None:
            cluster.close()
        raise SchedulerError(f"{scheduler}: cannot reach the Dask scheduler ({' '.join(str(error).split())[:200]})") from None
    try:
        yield client
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def extract_distributed(
    shards: list[Shard],
    folder: Path,
    scheduler: str,
    fmt: str | None = None,
    on_error: OnError = raise_error,
    workers: int | None = None,
    advance: Callable[[int], None] | None = None,
) -> int:
    """Extract `shards` (`plan_shards`) on the cluster into `folder`, one `part-NNNNN.jsonl` each; returns the papers written.

    `on_error` gets every bad record as an `InputError`, as in one process;
    when it raises, the shards not yet done are cancelled, and the ones
    already written stay complete. `advance(1)` is called per finished
    shard. Shards of an earlier run beyond this run's count are removed, so
    the folder holds exactly this run's output. `workers` is the size of
    the cluster started for `scheduler='local'`.
    """
    from distributed import as_completed

    folder.mkdir(parents=True, exist_ok=True)
    papers = 0
    with connect(scheduler, workers) as client:
        futures = {client.submit(run_shard, shard, fmt, str(folder), on_error is raise_error, pure=False): shard for shard in shards}
        try:
            for future in as_completed(futures):
                report = _report(future, futures[future])
                for path, message, line in report.errors:
                    on_error(InputError(path, message, line))
                papers += report.papers
                if advance:
                    advance(1)
        finally:
            client.cancel(list(futures))
    for stale in folder.glob("part-*.jsonl"):
        if stale.stem[5:].isdigit() and int(stale.stem[5:]) >= len(shards):
            stale.unlink()
    return papers


def _report(future: Any, shard: Shard) -> ShardReport:
    """The shard's report; a worker that died or a task that raised is one line naming the shard."""
    try:
        return future.result()
    except OSError:
        raise  # cannot read or write a file: the caller names it
    except Exception as error:  # noqa: BLE001 - e.g. distributed.KilledWorker, or an error in kg itself
        message = " ".join(f"{type(error).__name__}: {error}".split())[:300]
        raise SchedulerError(f"{shard.path}: {shard.name} (bytes {shard.start}-{shard.end or 'end'}) failed on the cluster: {message}") from None


# -- reading shards back -------------------------------------------------------


def shard_files(path: str | Path) -> list[Path]:
    """`path` itself, or the `.jsonl` files of a folder in name order (the order they were written in); '-' is stdin."""
    path = Path(path)
    if str(path) == STDIN:
        return [path]
    if path.is_dir():
        files = sorted(path.glob("*.jsonl"))
        if not files:
            raise InputError(path, "no .jsonl shards in this folder")
        return files
    if not path.is_file():
        raise InputError(path, "no such file or folder")
    return [path]


@contextmanager
def _lines(file: Path) -> Iterator[BinaryIO]:
    """A shard opened for reading, or stdin for '-' (left open: it is not ours to close)."""
    if str(file) == STDIN:
        yield sys.stdin.buffer
        return
    with file.open("rb") as handle:
        yield handle


def iter_extractions(path: str | Path, on_error: OnError = raise_error) -> Iterator[Extraction]:
    """The extractions of a `kg extract` file, or of a folder of shards, in a fixed order.

    A line that is not an extraction goes to `on_error` as an `InputError`
    naming the file and line (the default raises it); with a policy that
    returns, reading goes on with the next line.
    """
    try:
        files = shard_files(path)
    except InputError as error:
        on_error(error)
        return
    for file in files:
        with _lines(file) as handle:
            for number, line in enumerate(handle, 1):
                if not line.strip():
                    continue
                try:
                    extraction = Extraction.from_json(json.loads(line))
                except (ValueError, KeyError, TypeError, AttributeError) as error:
                    on_error(InputError("<stdin>" if str(file) == STDIN else file, f"not a 'kg extract' line ({type(error).__name__}: {error})", number))
                    continue
                yield extraction
