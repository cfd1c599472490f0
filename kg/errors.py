"""One error type for bad input, so the CLI can print it as one line."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path


class InputError(Exception):
    """Input that cannot be read, located by file and (where there is one) line."""

    def __init__(self, path: str | Path, message: str, line: int | None = None):
        self.path = str(path)
        self.line = line
        self.message = message
        where = f"{self.path}:{line}" if line is not None else self.path
        super().__init__(f"{where}: {message}")


OnError = Callable[[InputError], None]


def raise_error(error: InputError) -> None:
    """The default policy: stop at the first bad record."""
    raise error
