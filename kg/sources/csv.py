"""CSV with a header row naming `title`, `abstract` and optional `id`, `arxiv_id`, `url`, `date`."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from pathlib import Path

from kg.errors import InputError, OnError
from kg.records import Paper
from kg.sources.fields import paper_from_fields


def read(path: Path, text: str, on_error: OnError) -> Iterator[Paper]:
    reader = csv.DictReader(io.StringIO(text, newline=""))
    columns = [name.strip().lower() for name in reader.fieldnames or []]
    missing = {"title", "abstract"} - set(columns)
    if missing:
        raise InputError(path, f"CSV header lacks column(s) {', '.join(sorted(missing))}", 1)
    reader.fieldnames = columns
    try:
        for row in reader:
            if not any((value or "").strip() for value in row.values() if isinstance(value, str)):
                continue
            try:
                yield paper_from_fields(path, reader.line_num, row)
            except InputError as err:
                on_error(err)
    except csv.Error as err:
        raise InputError(path, f"not valid CSV: {err}", reader.line_num) from None
