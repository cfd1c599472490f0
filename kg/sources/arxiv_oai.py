"""The arXiv OAI metadata snapshot (Kaggle `arxiv-metadata-oai-snapshot.json`): JSON Lines.

Each line: `id` (`2401.00001` or old-style `hep-th/9901001`), `title` and
`abstract` hard-wrapped with newlines and written in LaTeX, `authors` as one
string and `authors_parsed` as `[last, first, suffix]` lists, `categories`
space-separated (the first is the primary), `versions` with RFC 2822
`created` dates, `update_date`, and `doi` (sometimes several, space-separated).
The paper's date is the first version's, as on the arXiv page.
"""

from __future__ import annotations

from collections.abc import Iterator
from email.utils import parsedate_to_datetime

from kg.errors import OnError
from kg.records import Author, Paper
from kg.sources.fields import BadRecord, author, each_record, items, make_paper, text
from kg.sources.inputs import Input
from kg.sources.jsonl import records

KEYS = ("authors_parsed", "update_date", "submitter")


def _authors(record: dict) -> list[Author]:
    parsed = [part for part in items(record.get("authors_parsed")) if isinstance(part, list)]
    if parsed:
        names = (" ".join(text(p) for p in (part[1:2] + part[:1] + part[2:3]) if text(p)) for part in parsed)
    else:
        joined = text(record.get("authors")).replace(" and ", ", ")
        names = (name.strip() for name in joined.split(","))
    return [a for a in (author(name) for name in names) if a]


def _date(record: dict) -> str | None:
    for version in items(record.get("versions")):
        if isinstance(version, dict) and version.get("created"):
            try:
                return parsedate_to_datetime(text(version["created"])).date().isoformat()
            except (TypeError, ValueError):
                break
    return text(record.get("update_date")) or None


def paper(record: dict) -> Paper:
    if not text(record.get("id")):
        raise BadRecord("record has no arXiv id")
    dois = text(record.get("doi")).split()
    return make_paper(
        record.get("title"),
        record.get("abstract"),
        arxiv=record.get("id"),
        doi_value=dois[0] if dois else None,
        date=_date(record),
        categories=text(record.get("categories")).split(),
        authors=_authors(record),
    )


def read(source: Input, on_error: OnError) -> Iterator[Paper]:
    return each_record(source.name, records(source, on_error), paper, on_error)
