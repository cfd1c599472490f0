"""JSON input: JSON Lines read line by line, JSON documents (a list, or an API page) read whole.

Every JSON-based format (generic, arXiv OAI, Semantic Scholar, OpenAlex,
Hugging Face API, Papers with Code) comes as one of three shapes: records
one per line, a list of records, or an API page holding its records under
a key (`data`, `results`). `records` yields them from any shape, each with
its line (JSON Lines, list items) or its index (page items), so a bad record
is named wherever it is. JSON Lines never holds more than one line in memory.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from kg.errors import InputError, OnError
from kg.records import Paper
from kg.sources.fields import each_record, paper_from_fields
from kg.sources.inputs import Input

PAGE_KEYS = ("data", "results", "papers")
Located = tuple[int | None, int | None, Any]


def is_lines(head: str) -> bool:
    """True when the input is JSON Lines: its first line alone is a whole JSON object."""
    first = head.lstrip().split("\n", 1)[0]
    if not first.startswith("{"):
        return False
    try:
        return isinstance(json.loads(first), dict)
    except (ValueError, RecursionError):
        return False


def records(source: Input, on_error: OnError, lines: bool | None = None) -> Iterator[Located]:
    """Every record of `source` as (line, index, value); JSON Lines when `lines`, else decided by content."""
    if lines if lines is not None else is_lines(source.head):
        yield from _lines(source, on_error)
    else:
        yield from _document(source)


def _lines(source: Input, on_error: OnError) -> Iterator[Located]:
    for number, line in source.lines():
        if not line.strip():
            continue
        try:
            value = json.loads(line)
        except (ValueError, RecursionError) as err:
            on_error(InputError(source.name, _not_json(err), number))
            continue
        page = _page(value) if isinstance(value, dict) else None
        if page is not None:
            yield from ((number, index, item) for index, item in enumerate(page))
        else:
            yield number, None, value


def _not_json(err: ValueError | RecursionError) -> str:
    if isinstance(err, json.JSONDecodeError):
        return f"not JSON: {err.msg} (column {err.colno})"
    return "not JSON: nested too deeply" if isinstance(err, RecursionError) else f"not JSON: {err}"


def _page(value: dict) -> list | None:
    """The records of an API page (`{"data": [...]}`, `{"results": [...]}`), or None for a record."""
    for key in PAGE_KEYS:
        if isinstance(value.get(key), list) and "title" not in value:
            return value[key]
    return None


def _document(source: Input) -> Iterator[Located]:
    """A whole JSON document; list items are decoded one at a time to name the line each starts on."""
    text = source.text()
    start = len(text) - len(text.lstrip())
    if text.startswith("[", start):
        yield from _list_items(source.name, text, start + 1)
        return
    try:
        value = json.loads(text)
    except (ValueError, RecursionError) as err:
        raise InputError(source.name, _not_json(err), getattr(err, "lineno", 1)) from None
    page = _page(value) if isinstance(value, dict) else None
    if page is not None:
        yield from ((None, index, item) for index, item in enumerate(page))
    else:
        yield 1, None, value


def _list_items(name: str, text: str, pos: int) -> Iterator[Located]:
    decoder = json.JSONDecoder()
    line, counted = 1, 0
    while True:
        while pos < len(text) and text[pos] in " \t\r\n":
            pos += 1
        if text.startswith("]", pos) and not text[pos + 1 :].strip():
            return
        line += text.count("\n", counted, pos)
        counted = pos
        try:
            value, pos = decoder.raw_decode(text, pos)
        except (ValueError, RecursionError) as err:
            raise InputError(name, _not_json(err), getattr(err, "lineno", line)) from None
        yield line, None, value
        while pos < len(text) and text[pos] in " \t\r\n":
            pos += 1
        if text.startswith(",", pos):
            pos += 1
        elif not (text.startswith("]", pos) and not text[pos + 1 :].strip()):
            raise InputError(name, "not JSON: expected ',' or ']' after a list item", line + text.count("\n", counted, pos))


def read_lines(source: Input, on_error: OnError) -> Iterator[Paper]:
    """Generic JSON Lines: one object per line with `title`, `abstract` and optional metadata."""
    return each_record(source.name, records(source, on_error, lines=True), paper_from_fields, on_error)


def read_document(source: Input, on_error: OnError) -> Iterator[Paper]:
    """Generic JSON: a list of such objects, an API page of them, or a single object."""
    return each_record(source.name, records(source, on_error, lines=False), paper_from_fields, on_error)
