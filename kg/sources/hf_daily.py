"""Hugging Face daily-papers dumps: a few header lines, then title / blank / abstract blocks.

The dumps are copied from the web page, so the header (`new`, `Subscribe`,
`Daily Papers`, a date such as `Mar 12`) comes first and every paper is a
title line followed, after blank lines, by a one-line abstract.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from kg.errors import InputError, OnError
from kg.records import Paper
from kg.sources.fields import BadRecord, make_paper
from kg.sources.inputs import Input

HEADER = re.compile(
    r"^(new|subscribe|daily papers|get trending papers in your email inbox!?"
    r"|by ?ak and the research community"
    r"|(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]* \d{1,2}(, \d{4})?)$",
    re.I,
)
# Titles run to about 20 words and rarely end in a full stop; abstracts run to
# 150 words or more and end in one. That tells them apart, which is how a
# title with no abstract after it is found.
MIN_ABSTRACT_WORDS = 40
MIN_SENTENCE_WORDS = 12


def _lines(text: str) -> list[tuple[int, str]]:
    """Non-blank lines with their numbers, the header skipped."""
    numbered = [(n, line.strip()) for n, line in enumerate(text.splitlines(), 1) if line.strip()]
    start = 0
    while start < len(numbered) and HEADER.match(numbered[start][1]):
        start += 1
    return numbered[start:]


def _is_abstract(line: str) -> bool:
    words = len(line.split())
    return words >= MIN_ABSTRACT_WORDS or (words >= MIN_SENTENCE_WORDS and line.endswith("."))


def looks_like(text: str) -> bool:
    """True when the text has the dump's header or starts with a title/abstract pair."""
    numbered = [line.strip() for line in text.splitlines() if line.strip()]
    if numbered and HEADER.match(numbered[0]):
        return True
    lines = [line for _, line in _lines(text)]
    return len(lines) >= 2 and not _is_abstract(lines[0]) and _is_abstract(lines[1])


def read(source: Input, on_error: OnError) -> Iterator[Paper]:
    """Title/abstract pairs; a dump cut off mid-word is read, with a warning that its last paper looks truncated."""
    path, text = source.name, source.text()
    lines = _lines(text)
    if not lines:
        raise InputError(path, "daily-papers dump holds no papers")
    if not text.endswith("\n") and text[-1:].isalnum():
        source.warn(InputError(path, "the file ends mid-word without a newline: its last paper is probably truncated", lines[-1][0]))
    i = 0
    while i < len(lines):
        number, title = lines[i]
        if _is_abstract(title):
            on_error(InputError(path, "expected a title line, found an abstract with no title", number))
            i += 1
            continue
        if i + 1 >= len(lines) or not _is_abstract(lines[i + 1][1]):
            on_error(InputError(path, f"title {title[:60]!r} has no abstract", number))
            i += 1
            continue
        abstract = lines[i + 1][1]
        i += 2
        try:
            yield make_paper(title, abstract)
        except BadRecord as err:
            on_error(InputError(path, str(err), number))
