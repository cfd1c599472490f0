"""Sources: files in, `Paper`s out.

Each reader is one module with a `read(path, text, on_error)` function that
yields papers from the decoded text of one file. `read_papers` decodes and
detects formats and merges the same paper found in several files, so a new
format is one new module plus one line in `READERS`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from kg.errors import InputError, OnError, raise_error
from kg.records import Paper, norm
from kg.sources import csv, hf_daily, jsonl

Reader = Callable[[Path, str, OnError], Iterator[Paper]]

READERS: dict[str, Reader] = {
    "hf-daily": hf_daily.read,
    "jsonl": jsonl.read_lines,
    "json": jsonl.read_document,
    "csv": csv.read,
}
SUFFIXES = {".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "json", ".csv": "csv"}


def decode(path: Path) -> str:
    """The file's text, with a located error for directories, missing files and bad bytes."""
    if path.is_dir():
        raise InputError(path, "is a directory, not a file")
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError(path, "no such file") from None
    except OSError as err:
        raise InputError(path, f"cannot read: {err.strerror}") from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = data[: err.start].count(b"\n") + 1
        raise InputError(path, f"not UTF-8 text (byte 0x{data[err.start]:02x})", line) from None
    if not text.strip():
        raise InputError(path, "empty file")
    return text


def detect_format(path: Path, text: str) -> str:
    """The format of one file: by suffix when it has a known one, else by its content."""
    if path.suffix.lower() in SUFFIXES:
        return SUFFIXES[path.suffix.lower()]
    head = text.lstrip()
    if head.startswith("["):
        return "json"
    if head.startswith("{"):
        return "jsonl"
    first = head.split("\n", 1)[0].lower()
    if "title" in first and "abstract" in first and "," in first:
        return "csv"
    if hf_daily.looks_like(text):
        return "hf-daily"
    raise InputError(path, f"not a known format ({', '.join(READERS)}); name one with --format")


def read_papers(
    paths: Iterable[str | Path], fmt: str | None = None, on_error: OnError = raise_error
) -> list[Paper]:
    """Every paper in `paths`, in order of first appearance, each paper once.

    A paper found in several files (same normalised title) is kept once,
    under its arXiv id if any file gives one, and remembers every file it
    came from. File-level errors go to `on_error` like record-level
    ones, so `--on-error skip` skips a bad file as it skips a bad record.
    """
    if fmt is not None and fmt not in READERS:
        raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(READERS)}")
    papers: dict[str, Paper] = {}
    for name in paths:
        path = Path(name)
        try:
            text = decode(path)
            reader = READERS[fmt or detect_format(path, text)]
        except InputError as err:
            on_error(err)
            continue
        source = str(path.resolve())
        for paper in reader(path, text, on_error):
            known = papers.setdefault(norm(paper.title), paper)
            if paper.arxiv_id and not known.arxiv_id:
                known.id, known.arxiv_id = paper.id, paper.arxiv_id
                known.url = known.url or paper.url
            if source not in known.sources:
                known.sources.append(source)
    return list(papers.values())
