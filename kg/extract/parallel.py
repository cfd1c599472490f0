"""Extraction on every core: papers in, extractions out, in input order.

spaCy's own `nlp.pipe(n_process=N)` sends every Doc back to the parent and
ran at a fifth of a plain process pool's rate (issue 10), so kg sends Papers
to worker processes in chunks and gets Extractions back (or, for
`kg extract`, the finished output lines: `extract_lines`). Each worker builds
the pipeline once (`pipeline.load_frozen`); at most
`2 * jobs` chunks are in flight, so a streamed input is read only as fast as
it is extracted and memory stays flat. Results come back in input order, and
one process (`jobs=1`) runs the very same chunk function in-process, so the
output does not depend on the number of jobs.

A paper whose extraction raises is a record-level error, like a bad input
line: the chunk is re-run paper by paper to find it, the error names the
paper and its file, and the `on_error` policy decides (stop, or skip it and
keep the rest); the pool keeps running.
"""

from __future__ import annotations

import json
import multiprocessing
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import closing, contextmanager
from dataclasses import dataclass
from itertools import chain, islice
from typing import TypeVar

from kg.cores import default_jobs
from kg.errors import InputError, OnError, RunError, raise_error
from kg.extract import extract, pipeline
from kg.records import Extraction, Paper

T = TypeVar("T")
DEFAULT_CHUNK = 200  # papers per task: large enough that pickling is a small share of the work
# Starting workers (a fresh interpreter, spaCy, the pipeline) takes a few seconds,
# about what one process needs for 2,000 papers: smaller inputs stay in-process.
POOL_MIN_CHUNKS = 10


@dataclass
class Failure:
    """A paper whose extraction raised, with the error said in one line."""

    paper: Paper
    error: str

    def input_error(self) -> InputError:
        source = self.paper.sources[0] if self.paper.sources else "<input>"
        return InputError(source, f"paper {self.paper.id} ({self.paper.title[:60]!r}): cannot extract: {self.error}")


def extract_chunk(papers: list[Paper]) -> list[Extraction | Failure]:
    """Extractions of `papers` in order; when the batch fails, each paper alone, so only the bad one fails."""
    try:
        return list(extract(papers))
    except Exception:  # noqa: BLE001 - any failure of one paper is that paper's record-level error
        return [_extract_one(paper) for paper in papers]


def _extract_one(paper: Paper) -> Extraction | Failure:
    try:
        return next(extract([paper]))
    except Exception as error:  # noqa: BLE001
        return _failure(paper, error)


def _failure(paper: Paper, error: Exception) -> Failure:
    return Failure(paper, " ".join(f"{type(error).__name__}: {error}".split())[:300])


def extraction_line(extraction: Extraction) -> bytes:
    """One `kg extract` output line."""
    return (json.dumps(extraction.to_json(), ensure_ascii=False) + "\n").encode("utf-8")


def extract_chunk_lines(papers: list[Paper]) -> list[bytes | Failure]:
    """`extract_chunk`, each extraction as its output line (a text that is not valid Unicode fails its paper)."""
    lines: list[bytes | Failure] = []
    for result in extract_chunk(papers):
        try:
            lines.append(result if isinstance(result, Failure) else extraction_line(result))
        except UnicodeEncodeError as error:  # a lone surrogate in the metadata
            lines.append(_failure(result.paper, error))
    return lines


def extract_parallel(
    papers: Iterable[Paper],
    jobs: int | None = None,
    on_error: OnError = raise_error,
    chunk_size: int = DEFAULT_CHUNK,
) -> Iterator[Extraction]:
    """Extractions for `papers`, in order, on `jobs` processes (default: every core this process may use).

    The output is the same for every `jobs`; an input of at most
    `POOL_MIN_CHUNKS` chunks is extracted in this process, where it is done
    before workers would have started. A paper that cannot be
    extracted goes to `on_error` as an `InputError` naming it; a worker that
    dies (killed, out of memory) stops the run with an `InputError` naming
    the first paper of the chunk it held.
    """
    return _parallel(papers, jobs, on_error, chunk_size, extract_chunk)


def extract_lines(
    papers: Iterable[Paper],
    jobs: int | None = None,
    on_error: OnError = raise_error,
    chunk_size: int = DEFAULT_CHUNK,
) -> Iterator[bytes]:
    """`extract_parallel`, as `kg extract` output lines made in the workers.

    Rebuilding Extraction objects from pickles and dumping them to JSON in
    the parent would cap every pool at what one process can unpickle and
    dump; lines cost the parent nothing but the writing.
    """
    return _parallel(papers, jobs, on_error, chunk_size, extract_chunk_lines)


def _parallel(papers: Iterable[Paper], jobs: int | None, on_error: OnError, chunk_size: int,
              work: Callable[[list[Paper]], list[T | Failure]]) -> Iterator[T]:
    jobs = default_jobs() if jobs is None else jobs
    if jobs < 1 or chunk_size < 1:
        raise ValueError("jobs and chunk_size must be at least 1")
    chunks = _chunks(papers, chunk_size)
    head = list(islice(chunks, POOL_MIN_CHUNKS + 1))
    chunks = chain(head, chunks)
    done = (work(chunk) for chunk in chunks) if jobs == 1 or len(head) <= POOL_MIN_CHUNKS else _in_pool(chunks, jobs, work)
    with closing(done):  # an early stop shuts the pool down here, not in whichever thread collects the garbage
        for results in done:
            for result in results:
                if isinstance(result, Failure):
                    on_error(result.input_error())
                else:
                    yield result


@contextmanager
def batch_extractor(jobs: int | None = None) -> Iterator[Callable[[list[Paper]], Iterator[Extraction]]]:
    """An extractor of whole batches on `jobs` processes, for builds: one pool serves every batch.

    A build extracts batch after batch, each a few thousand papers; a pool
    per batch would pay the workers' start-up each time. The pool starts at
    the first batch with papers to extract, so a build of `kg extract`
    output starts none. A paper that fails raises, so the caller's
    per-paper retry names it.
    """
    jobs = default_jobs() if jobs is None else jobs
    if jobs == 1:
        yield extract
        return
    pools: list[ProcessPoolExecutor] = []

    def run(papers: list[Paper]) -> Iterator[Extraction]:
        if not papers:
            return
        if not pools:
            pools.append(ProcessPoolExecutor(jobs, mp_context=_context(), initializer=pipeline.load_frozen))
        size = max(1, -(-len(papers) // (4 * jobs)))
        futures = [(chunk, pools[0].submit(extract_chunk, chunk)) for chunk in _chunks(papers, size)]
        for chunk, future in futures:
            try:
                results = _result(chunk, future)
            except InputError as error:  # the pool is broken: no paper of this batch or the next can be extracted
                raise RunError(str(error)) from None
            for result in results:
                if isinstance(result, Failure):
                    raise result.input_error()
                yield result

    try:
        yield run
    finally:
        for pool in pools:
            pool.shutdown(wait=True, cancel_futures=True)


def _chunks(papers: Iterable[Paper], size: int) -> Iterator[list[Paper]]:
    iterator = iter(papers)
    while chunk := list(islice(iterator, size)):
        yield chunk


def _context() -> multiprocessing.context.BaseContext:
    """A fresh interpreter per pool (forkserver, else spawn): forking a parent that runs threads can deadlock."""
    if "forkserver" in multiprocessing.get_all_start_methods():
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(["kg.extract.parallel"])  # spaCy is imported once, then forked
        return context
    return multiprocessing.get_context("spawn")


def _in_pool(chunks: Iterator[list[Paper]], jobs: int, work: Callable[[list[Paper]], list[T | Failure]]) -> Iterator[list[T | Failure]]:
    pool = ProcessPoolExecutor(jobs, mp_context=_context(), initializer=pipeline.load_frozen)
    pending: deque[tuple[list[Paper], Future]] = deque()
    try:
        for chunk in chunks:
            pending.append((chunk, pool.submit(work, chunk)))
            if len(pending) >= 2 * jobs:
                yield _result(*pending.popleft())
        while pending:
            yield _result(*pending.popleft())
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _result(chunk: list[Paper], future: Future) -> list[T | Failure]:
    try:
        return future.result()
    except BrokenProcessPool:
        first = chunk[0]
        raise InputError(first.sources[0] if first.sources else "<input>",
                         f"an extraction worker died (killed or out of memory) on the {len(chunk)} papers from {first.id}") from None
