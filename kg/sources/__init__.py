"""Sources: files in, `Paper`s out.

Each reader is one module with a `read(source, on_error)` function that
yields papers from one opened input (`kg.sources.inputs.Input`). This module
detects each input's format from its content, streams papers record by
record (`iter_papers`) and merges the same paper found in several records
(`read_corpus`), so a new format is one new module plus one line in `READERS`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from kg.errors import InputError, OnError, raise_error
from kg.records import Paper
from kg.sources import arxiv_atom, arxiv_oai, csv, hf_api, hf_daily, jsonl, openalex, pwc, s2
from kg.sources.inputs import STREAM_ERRORS, Input, base_suffix, open_input
from kg.sources.merge import ReadSummary, merge_papers

Reader = Callable[[Input, OnError], Iterator[Paper]]

READERS: dict[str, Reader] = {
    "arxiv-atom": arxiv_atom.read,
    "arxiv-oai": arxiv_oai.read,
    "hf-api": hf_api.read,
    "s2": s2.read,
    "openalex": openalex.read,
    "pwc": pwc.read,
    "hf-daily": hf_daily.read,
    "jsonl": jsonl.read_lines,
    "json": jsonl.read_document,
    "csv": csv.read,
}
# JSON formats told apart by the keys their records use, most specific first.
JSON_FORMATS = (("openalex", openalex.KEYS), ("s2", s2.KEYS), ("arxiv-oai", arxiv_oai.KEYS), ("pwc", pwc.KEYS), ("hf-api", hf_api.KEYS))
JSON_KEY = re.compile(r'"([A-Za-z_]+)"\s*:')
# When the content says nothing, the suffix picks the reader, so a broken file gets its errors located.
SUFFIXES = {".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "json", ".xml": "arxiv-atom", ".atom": "arxiv-atom"}


def detect_format(path: str | Path, head: str) -> str:
    """The format of one input from its first 64 KiB (`head`); `.csv` files are CSV whatever they hold."""
    if base_suffix(str(path)) == ".csv":
        return "csv"
    start = head.lstrip()[:1]
    if start == "<":
        if arxiv_atom.MARK in head:
            return "arxiv-atom"
        raise InputError(path, "XML but not an Atom feed from the arXiv API")
    if start in ("[", "{"):
        keys = set(JSON_KEY.findall(head))
        for name, marks in JSON_FORMATS:
            if keys & set(marks):
                return name
        return "jsonl" if jsonl.is_lines(head) else "json"
    if base_suffix(str(path)) in SUFFIXES:
        return SUFFIXES[base_suffix(str(path))]
    first = head.lstrip().split("\n", 1)[0].lower()
    if "title" in first and "abstract" in first and "," in first:
        return "csv"
    if hf_daily.looks_like(head):
        return "hf-daily"
    raise InputError(path, f"not a known format ({', '.join(READERS)}); name one with --format")


def iter_papers(
    paths: Iterable[str | Path], fmt: str | None = None, on_error: OnError = raise_error, on_warning: OnError | None = None
) -> Iterator[Paper]:
    """Every record of every input as a `Paper`, streamed: one record in memory at a time for line formats.

    `-` is stdin; gzip, bzip2 and xz are read transparently. File-level
    errors (missing, special, empty, undecodable, corrupt compression) go to
    `on_error` like record-level ones, so `--on-error skip` skips a bad file
    as it skips a bad record; warnings (a dump that looks truncated) go to
    `on_warning`.
    """
    if fmt is not None and fmt not in READERS:
        raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(READERS)}")
    warn = on_warning or (lambda warning: None)
    for name in paths:
        try:
            with open_input(name, warn) as source:
                for paper in READERS[fmt or detect_format(name, source.head)](source, on_error):
                    paper.sources = [source.source]
                    yield paper
        except InputError as err:
            on_error(err)
        except STREAM_ERRORS as err:
            on_error(InputError(str(name), f"cannot read: damaged or truncated data ({err})"))


@dataclass
class Corpus:
    """The papers of some inputs, each paper once, and the summary of reading them."""

    papers: list[Paper]
    summary: ReadSummary


def read_corpus(
    paths: Iterable[str | Path], fmt: str | None = None, on_error: OnError = raise_error, on_warning: OnError | None = None
) -> Corpus:
    """Every paper in `paths`, in order of first appearance, each paper once (`kg.sources.merge`)."""
    paths = list(paths)
    summary = ReadSummary(files=len(paths))

    def counted_error(error: InputError) -> None:
        on_error(error)
        summary.skipped += 1

    def counted_warning(warning: InputError) -> None:
        summary.warnings += 1
        if on_warning:
            on_warning(warning)

    papers = merge_papers(iter_papers(paths, fmt, counted_error, counted_warning), summary)
    return Corpus(papers, summary)


def read_papers(paths: Iterable[str | Path], fmt: str | None = None, on_error: OnError = raise_error) -> list[Paper]:
    """`read_corpus(...).papers`: the papers alone, for callers that need no summary."""
    return read_corpus(paths, fmt, on_error).papers
