"""The Hugging Face daily-papers API (`https://huggingface.co/api/daily_papers?date=YYYY-MM-DD`).

A JSON list of entries `{paper: {id, title, summary, authors: [{name}],
publishedAt, upvotes}, publishedAt, title, ...}`; `paper.id` is the arXiv
id. The single-paper API (`/api/papers/<arxiv id>`) gives the inner object
alone, so an entry without `paper` is read as the paper itself.
"""

from __future__ import annotations

from collections.abc import Iterator

from kg.errors import OnError
from kg.records import Paper
from kg.sources.fields import author, each_record, items, make_paper, obj
from kg.sources.inputs import Input
from kg.sources.jsonl import records

KEYS = ("publishedAt", "upvotes")


def paper(entry: dict) -> Paper:
    inner = obj(entry.get("paper")) or entry
    names = [author(a.get("name")) if isinstance(a, dict) else author(a) for a in items(inner.get("authors"))]
    return make_paper(
        inner.get("title") or entry.get("title"),
        inner.get("summary") or entry.get("summary"),
        arxiv=inner.get("id"),
        date=inner.get("publishedAt") or entry.get("publishedAt"),
        authors=[a for a in names if a],
    )


def read(source: Input, on_error: OnError) -> Iterator[Paper]:
    return each_record(source.name, records(source, on_error), paper, on_error)
