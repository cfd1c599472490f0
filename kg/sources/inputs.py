"""Opening one input: a file or stdin, plain or compressed, refused when it is no regular file.

Readers get an `Input`: its name for messages, the first bytes for format
detection, and the decompressed byte stream, read line by line or whole.
Compression is found by magic bytes, not by suffix, so `papers.jsonl.gz`,
a renamed gzip and `zcat`-less stdin all read the same way.
"""

from __future__ import annotations

import bz2
import gzip
import io
import lzma
import stat
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from kg.errors import InputError

STDIN = "-"
HEAD_BYTES = 64 * 1024
COMPRESSED = (
    (b"\x1f\x8b", "gzip", lambda stream: gzip.GzipFile(fileobj=stream)),
    (b"BZh", "bzip2", bz2.BZ2File),
    (b"\xfd7zXZ\x00", "xz", lzma.LZMAFile),
)
SUFFIXES = (".gz", ".bz2", ".xz")
SPECIAL = ((stat.S_ISFIFO, "a FIFO (named pipe)"), (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket"))
# Errors a decompressor raises part-way through a damaged or truncated file.
STREAM_ERRORS = (OSError, EOFError, lzma.LZMAError)


class _Replay(io.RawIOBase):
    """A stream that gives back bytes already read from `stream`, then the rest of it.

    Peeking at a pipe or a decompressor cannot seek back; this puts the
    peeked bytes in front again without reading the whole input.
    """

    def __init__(self, head: bytes, stream: BinaryIO):
        self._head, self._stream = head, stream

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        if self._head:
            size = min(len(buffer), len(self._head))
            buffer[:size], self._head = self._head[:size], self._head[size:]
            return size
        data = self._stream.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)


def _peek(stream: BinaryIO, size: int) -> tuple[bytes, BinaryIO]:
    head = stream.read(size)
    return head, io.BufferedReader(_Replay(head, stream), buffer_size=HEAD_BYTES)


@dataclass
class Input:
    """One opened input. `name` is what messages show; `source` is what papers remember."""

    name: str
    source: str
    head: str
    stream: BinaryIO
    warn: Callable[[InputError], None]
    compression: str | None = None

    def lines(self, keepends: bool = False) -> Iterator[tuple[int, str]]:
        """Numbered lines, decoded one at a time so a bad byte names its line."""
        for number, raw in enumerate(self.stream, 1):
            line = self._decode(raw, number)
            yield number, line if keepends else line.rstrip("\r\n")

    def text(self) -> str:
        """The whole decoded text, for formats that are parsed whole."""
        data = self.stream.read()
        try:
            return data.decode("utf-8-sig")
        except UnicodeDecodeError as err:
            line = data[: err.start].count(b"\n") + 1
            raise InputError(self.name, f"not UTF-8 text (byte 0x{data[err.start]:02x})", line) from None

    def _decode(self, raw: bytes, number: int) -> str:
        try:
            return raw.decode("utf-8-sig" if number == 1 else "utf-8")
        except UnicodeDecodeError as err:
            raise InputError(self.name, f"not UTF-8 text (byte 0x{raw[err.start]:02x})", number) from None


def _refuse_special(path: Path) -> None:
    """A directory, a missing file or a special file is refused before it is opened, so a FIFO never hangs."""
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        raise InputError(path, "no such file") from None
    except OSError as err:
        raise InputError(path, f"cannot read: {err.strerror}") from None
    if stat.S_ISDIR(mode):
        raise InputError(path, "is a directory, not a file")
    for test, kind in SPECIAL:
        if test(mode):
            raise InputError(path, f"is {kind}, not a regular file; pipe it to stdin with '-' instead")


@contextmanager
def open_input(name: str | Path, warn: Callable[[InputError], None]) -> Iterator[Input]:
    """`name` (a path, or '-' for stdin) opened, decompressed and peeked at; file-level errors as `InputError`."""
    name = str(name)
    if name == STDIN:
        label, source, raw = "<stdin>", "<stdin>", sys.stdin.buffer
    else:
        path = Path(name)
        _refuse_special(path)
        label, source = name, str(path.resolve())
        try:
            raw = path.open("rb")
        except OSError as err:
            raise InputError(path, f"cannot read: {err.strerror}") from None
    try:
        magic, stream = _peek(raw, 6)
        compression = None
        for prefix, kind, opener in COMPRESSED:
            if magic.startswith(prefix):
                compression, stream = kind, opener(stream)
                break
        try:
            head_bytes, stream = _peek(stream, HEAD_BYTES)
        except STREAM_ERRORS as err:
            raise InputError(label, f"not readable {compression} data ({err})") from None
        head = head_bytes.decode("utf-8-sig", errors="replace")
        if not head.strip():
            raise InputError(label, "empty file")
        yield Input(label, source, head, stream, warn, compression)
    finally:
        if raw is not sys.stdin.buffer:
            raw.close()


def base_suffix(name: str) -> str:
    """The suffix that names the format: `.jsonl` for `papers.jsonl.gz`."""
    path = Path(name)
    if path.suffix.lower() in SUFFIXES:
        path = path.with_suffix("")
    return path.suffix.lower()
