"""One error type for bad input, so the CLI can print it as one line."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path


class InputError(Exception):
    """Input that cannot be read, located by file and by line or record where there is one.

    `line` is a 1-based line number; `record` is a 0-based index into a JSON
    array or XML feed, for formats whose records have no line of their own.
    """

    def __init__(self, path: str | Path, message: str, line: int | None = None, record: int | None = None):
        self.path = str(path)
        self.line = line
        self.record = record
        self.message = message
        where = self.path
        if line is not None:
            where += f":{line}"
        if record is not None:
            where += f": record {record}"
        super().__init__(f"{where}: {message}")


OnError = Callable[[InputError], None]


def raise_error(error: InputError) -> None:
    """The default policy: stop at the first bad record."""
    raise error


class RunError(Exception):
    """A failure of the run itself, not of one record (an extraction worker died): never retried or skipped."""
