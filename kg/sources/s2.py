"""Semantic Scholar: Graph API responses and dataset files (JSON or JSON Lines).

The API (`https://api.semanticscholar.org/graph/v1/paper/search?query=...&fields=
paperId,externalIds,title,abstract,year,venue,publicationDate,authors`) pages
its records under `data`; `/paper/batch` answers a list with `null` for ids
it does not know. Datasets (`papers`, `abstracts`) write the same fields in
lower case (`corpusid`, `externalids`, `publicationdate`). `abstract` is
often null: such a record is a bad record ('no abstract'), as nothing can be
extracted from it.
"""

from __future__ import annotations

from collections.abc import Iterator

from kg.errors import OnError
from kg.records import Paper
from kg.sources.fields import author, each_record, items, make_paper, obj, text
from kg.sources.inputs import Input
from kg.sources.jsonl import records

KEYS = ("paperId", "externalIds", "externalids", "corpusid")


def _get(record: dict, name: str):
    """A field under its API name (`publicationDate`) or its dataset name (`publicationdate`)."""
    return record.get(name, record.get(name.lower()))


def paper(record: dict) -> Paper:
    ids = {key.lower(): value for key, value in obj(_get(record, "externalIds")).items()}
    s2_id = text(_get(record, "paperId"))
    names = [
        author(a.get("name"), f"s2:{text(a.get('authorId'))}" if text(a.get("authorId")) else None) for a in items(record.get("authors")) if isinstance(a, dict)
    ]
    return make_paper(
        record.get("title"),
        record.get("abstract"),
        arxiv=ids.get("arxiv"),
        doi_value=ids.get("doi"),
        url=record.get("url") or (f"https://www.semanticscholar.org/paper/{s2_id}" if s2_id else None),
        date=_get(record, "publicationDate") or record.get("year"),
        venue=record.get("venue"),
        authors=[a for a in names if a],
    )


def read(source: Input, on_error: OnError) -> Iterator[Paper]:
    return each_record(source.name, records(source, on_error), paper, on_error)
