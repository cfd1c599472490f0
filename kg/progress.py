"""Progress for long commands: a bar on a terminal, one summary line elsewhere.

Every long command (extract, build, load, exports) reports the same way so
that a user watching a terminal sees rate and time left, while a log file or
a CI run gets one line at the end instead of thousands of redraws. The
library functions take a plain `advance(count)` callable, so they know
nothing about terminals; only the CLI opens a `Meter`.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import TypeVar

from rich.console import Console
from rich.markup import escape
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    Task,
    TextColumn,
    TimeRemainingColumn,
)
from rich.text import Text

T = TypeVar("T")
Advance = Callable[[int], None]


class RateColumn(ProgressColumn):
    """Items per second, in the meter's unit (rich's own speed column counts bytes)."""

    def __init__(self, unit: str):
        super().__init__()
        self.unit = unit

    def render(self, task: Task) -> Text:
        speed = task.finished_speed or task.speed
        return Text(f"{speed:,.0f} {self.unit}/s" if speed else f"? {self.unit}/s", style="progress.data.speed")


def summary(label: str, count: int, unit: str, seconds: float) -> str:
    """`extracting: 5,000 papers in 4.2 s (1,190 papers/s)`."""
    rate = f" ({count / seconds:,.0f} {unit}/s)" if seconds > 0 and count else ""
    return f"{label}: {count:,} {unit} in {seconds:.1f} s{rate}"


@contextmanager
def meter(label: str, total: int | None = None, unit: str = "papers", quiet: bool = False,
          console: Console | None = None) -> Iterator[Advance]:
    """Yield `advance(count)`; show a bar with rate and ETA on a terminal, then one summary line.

    `total=None` (a streamed input of unknown length) shows a bar without an
    ETA. With `quiet` nothing is printed at all. The summary line is printed
    only when the block ends without an exception: a failed command says why
    it failed instead.
    """
    console = console or Console(stderr=True)
    done = 0
    started = time.perf_counter()
    if quiet or not console.is_terminal:
        def count(n: int = 1) -> None:
            nonlocal done
            done += n

        yield count
    else:
        columns = (TextColumn(escape(label)), BarColumn(), MofNCompleteColumn(), RateColumn(unit), TimeRemainingColumn())
        with Progress(*columns, console=console, transient=True) as bar:
            task = bar.add_task(label, total=total)

            def count(n: int = 1) -> None:
                nonlocal done
                done += n
                bar.advance(task, n)

            yield count
    if not quiet:
        console.print(escape(summary(label, done, unit, time.perf_counter() - started)), highlight=False, soft_wrap=True)


def track(items: Iterable[T], advance: Advance) -> Iterator[T]:
    """`items`, calling `advance(1)` as each one is handed on."""
    for item in items:
        advance(1)
        yield item
