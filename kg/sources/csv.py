"""CSV with a header row naming `title`, `abstract` and optional `id`, `arxiv_id`, `doi`, `url`, `date`, `venue`."""

from __future__ import annotations

import csv
from collections.abc import Iterator

from kg.errors import InputError, OnError
from kg.records import Paper
from kg.sources.fields import each_record, paper_from_fields
from kg.sources.inputs import Input


def read(source: Input, on_error: OnError) -> Iterator[Paper]:
    """Rows streamed line by line; a bad row names the line it ends on."""
    reader = csv.DictReader(line for _, line in source.lines(keepends=True))
    try:
        columns = [name.strip().lower() for name in reader.fieldnames or []]
    except csv.Error as err:
        raise InputError(source.name, f"not valid CSV: {err}", 1) from None
    missing = {"title", "abstract"} - set(columns)
    if missing:
        raise InputError(source.name, f"CSV header lacks column(s) {', '.join(sorted(missing))}", 1)
    reader.fieldnames = columns
    yield from each_record(source.name, _rows(source, reader), paper_from_fields, on_error)


def _rows(source: Input, reader: csv.DictReader) -> Iterator[tuple[int, None, dict]]:
    try:
        for row in reader:
            if any((value or "").strip() for value in row.values() if isinstance(value, str)):
                yield reader.line_num, None, row
    except csv.Error as err:
        raise InputError(source.name, f"not valid CSV: {err}", reader.line_num) from None
