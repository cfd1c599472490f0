"""Papers with Code `papers-with-abstracts.json` (from `https://production-media.paperswithcode.com/about/papers-with-abstracts.json.gz`).

A JSON list of `{paper_url, arxiv_id, title, abstract, url_abs, url_pdf,
proceeding, authors: [names], tasks: [names], methods: [{name, ...}], date}`.
The tasks become the paper's categories; the methods are what the extractor
finds in the text, so they are not copied.
"""

from __future__ import annotations

from collections.abc import Iterator

from kg.errors import OnError
from kg.records import Paper
from kg.sources.fields import author, each_record, items, make_paper
from kg.sources.inputs import Input
from kg.sources.jsonl import records

KEYS = ("paper_url", "url_abs", "tasks", "methods")


def paper(record: dict) -> Paper:
    return make_paper(
        record.get("title"),
        record.get("abstract"),
        arxiv=record.get("arxiv_id") or record.get("url_abs"),
        url=record.get("url_abs") or record.get("paper_url"),
        date=record.get("date"),
        venue=record.get("proceeding") or record.get("conference"),
        categories=[task for task in items(record.get("tasks")) if isinstance(task, str)],
        authors=[a for a in (author(name) for name in items(record.get("authors")) if isinstance(name, str)) if a],
    )


def read(source: Input, on_error: OnError) -> Iterator[Paper]:
    return each_record(source.name, records(source, on_error), paper, on_error)
