"""Reading one embedded store on several cores: tasks over pages of nodes, in worker processes, answers in order.

An export spends most of its time in Python, turning rows into text a page
of nodes at a time, and each page's text depends on that page alone and on
a few lookups made once (entity IRIs, metric names). So the pages can be
written by worker processes, each with its own read-only connection to the
store (LadybugDB lets several processes read one file), and joined in task
order: the output is byte for byte that of one process (issue "Throughput":
a million papers in an hour needs both cores in the exports too).

Only a store open read-only is split so (a `LadybugReader`, or the API's
`open_store(path, read_only=True)`), as a worker reopens it by its path;
any other reader (Neo4j, a store open for writing, whose uncommitted rows a
worker would not see) runs the tasks in this process, as does a run of
fewer than `POOL_MIN_TASKS` tasks, which is done before workers would have
started.
"""

from __future__ import annotations

import gc
import multiprocessing
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from itertools import chain, islice
from typing import Any, TypeVar

from kg.cores import default_jobs
from kg.collector import THRESHOLDS
from kg.store.embedded import EmbeddedStore
from kg.store.reader import LadybugReader, ReaderError

T = TypeVar("T")
R = TypeVar("R")
Work = Callable[[Any, Any, T], R]
# Starting a worker (a fresh interpreter, rdflib, a store connection) takes about a second: a few pages' work.
POOL_MIN_TASKS = 4

_worker: tuple[LadybugReader, Any] | None = None


def ordered(reader: Any, work: Work, tasks: Iterable[T], shared: Any = None, jobs: int | None = None) -> Iterator[R]:
    """`work(reader, shared, task)` for each of `tasks`, in task order, on `jobs` processes (default: every core).

    `work` is a module-level function (workers find it by name) and
    `shared` is sent to each worker once; at most `2 * jobs` answers wait
    in memory, so a long run stays flat.
    """
    jobs = default_jobs() if jobs is None else jobs
    tasks = iter(tasks)
    head = list(islice(tasks, POOL_MIN_TASKS))
    if jobs < 2 or len(head) < POOL_MIN_TASKS or not _reopenable(reader):
        return (work(reader, shared, task) for task in chain(head, tasks))
    return _in_pool(reader, work, chain(head, tasks), shared, jobs)


def _reopenable(reader: Any) -> bool:
    """Whether a worker can open `reader`'s store itself and see what it sees: a store file open read-only."""
    return type(reader) is LadybugReader or (type(reader) is EmbeddedStore and reader.read_only)


def _in_pool(reader: LadybugReader | EmbeddedStore, work: Work, tasks: Iterator[T], shared: Any, jobs: int) -> Iterator[R]:
    # Spawned: forking a process that runs LadybugDB's threads can deadlock, and a spawned worker is
    # this process's child (not a fork server's), so its CPU time counts in the command's.
    pool = ProcessPoolExecutor(jobs, mp_context=multiprocessing.get_context("spawn"), initializer=_open, initargs=(str(reader.path), shared))
    pending: deque[Future] = deque()
    try:
        for task in tasks:
            pending.append(pool.submit(_run, work, task))
            if len(pending) >= 2 * jobs:
                yield _answer(pending.popleft())
        while pending:
            yield _answer(pending.popleft())
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _open(path: str, shared: Any) -> None:
    """Start a worker: its reader, what the tasks share, and the collector's thresholds of `kg.collector`.

    The worker is kg's own process and only turns rows into text, so the
    thresholds stay raised for its life.
    """
    global _worker
    gc.set_threshold(*THRESHOLDS)
    _worker = (LadybugReader(path), shared)


def _run(work: Work, task: T) -> R:
    reader, shared = _worker
    return work(reader, shared, task)


def _answer(future: Future) -> Any:
    try:
        return future.result()
    except BrokenProcessPool:
        raise ReaderError("a worker reading the store died (killed or out of memory); nothing more was written") from None
