"""Turning the fields of one JSON or CSV record into a `Paper`."""

from __future__ import annotations

from pathlib import Path

from kg.errors import InputError
from kg.records import Paper, arxiv_id, paper_id


def _text(value: object) -> str:
    return " ".join(str(value).split()) if value is not None else ""


def paper_from_fields(path: Path, line: int, fields: dict) -> Paper:
    """A paper from `title`, `abstract` and optional `id`, `arxiv_id`, `url`, `date`.

    The arXiv id is taken from `arxiv_id`, else from `id` or `url` when they
    hold one, so the same paper keeps the same id whichever field names it.
    """
    if not isinstance(fields, dict):
        raise InputError(path, f"expected an object with title and abstract, got {type(fields).__name__}", line)
    title, abstract = _text(fields.get("title")), _text(fields.get("abstract"))
    if not title:
        raise InputError(path, "record has no title", line)
    if not abstract:
        raise InputError(path, f"record {title[:60]!r} has no abstract", line)
    arxiv = None
    for key in ("arxiv_id", "id", "url"):
        arxiv = arxiv_id(_text(fields.get(key)))
        if arxiv:
            break
    return Paper(
        id=paper_id(title, arxiv),
        title=title,
        abstract=abstract,
        arxiv_id=arxiv,
        url=_text(fields.get("url")) or (f"https://arxiv.org/abs/{arxiv}" if arxiv else None),
        date=_text(fields.get("date")) or None,
    )
