"""JSON Lines (one paper object per line) and JSON (a list of paper objects)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from kg.errors import InputError, OnError
from kg.records import Paper
from kg.sources.fields import paper_from_fields


def read_lines(path: Path, text: str, on_error: OnError) -> Iterator[Paper]:
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
            yield paper_from_fields(path, number, obj)
        except json.JSONDecodeError as err:
            on_error(InputError(path, f"not JSON: {err.msg} (column {err.colno})", number))
        except InputError as err:
            on_error(err)


def read_document(path: Path, text: str, on_error: OnError) -> Iterator[Paper]:
    """A JSON list of paper objects, or a single object; errors name the item's line."""
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as err:
        raise InputError(path, f"not JSON: {err.msg} (column {err.colno})", err.lineno) from None
    items = doc if isinstance(doc, list) else [doc]
    lines = _item_lines(text, len(items)) if isinstance(doc, list) else [1]
    for item, number in zip(items, lines):
        try:
            yield paper_from_fields(path, number, item)
        except InputError as err:
            on_error(err)


def _item_lines(text: str, count: int) -> list[int]:
    """The line on which each top-level list item starts, for error messages."""
    decoder = json.JSONDecoder()
    pos = text.index("[") + 1
    lines = []
    for _ in range(count):
        while text[pos] in " \t\r\n,":
            pos += 1
        lines.append(text.count("\n", 0, pos) + 1)
        _, pos = decoder.raw_decode(text, pos)
    return lines
