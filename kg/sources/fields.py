"""Turning the fields of one record, in any format, into a clean `Paper`.

Every reader ends here, so every format gets the same markup cleaning, the
same limits and the same ids. A reader's converter raises `BadRecord` (or
trips over a field of the wrong type); `each_record` turns that into an
`InputError` naming the file and the record.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Any

from kg.errors import InputError, OnError
from kg.records import ARXIV_DOI, Author, Paper, arxiv_id, doi, paper_id
from kg.sources.markup import clean

# The extractor's spaCy pipeline refuses texts over 1,000,000 characters; real
# abstracts stay under 5,000 and real titles under 400, so anything past
# these limits is a broken record (a whole paper in the abstract field, two
# records run together), refused rather than cut.
MAX_TITLE = 2_000
MAX_ABSTRACT = 100_000


class BadRecord(ValueError):
    """A record that cannot be a paper; the message says why."""


def text(value: object, name: str = "a field") -> str:
    """A field as clean single-spaced text; numbers are text, other types are a bad record."""
    if value is None:
        return ""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    if not isinstance(value, str):
        raise BadRecord(f"{name} is {type(value).__name__}, not text")
    return clean(value)


def items(value: object) -> list:
    """A field that should be a list: the list, or nothing."""
    return value if isinstance(value, list) else []


def obj(value: object) -> dict:
    """A field that should be an object: the object, or an empty one."""
    return value if isinstance(value, dict) else {}


def make_paper(
    title: object,
    abstract: object,
    *,
    arxiv: object = None,
    doi_value: object = None,
    url: object = None,
    date: object = None,
    venue: object = None,
    categories: Iterable[object] = (),
    authors: Iterable[Author] = (),
) -> Paper:
    """A paper from raw field values: cleaned, checked against the limits, and keyed.

    `arxiv` and `doi_value` may be bare or URLs (with a version, a `doi:`
    prefix); the id is the strongest of them (`kg.records.paper_id`).
    """
    title_text, abstract_text = text(title, "the title"), text(abstract, "the abstract")
    if not title_text:
        raise BadRecord("record has no title")
    if len(title_text) > MAX_TITLE:
        raise BadRecord(f"title is {len(title_text):,} characters, over the {MAX_TITLE:,} limit")
    if not abstract_text:
        raise BadRecord(f"paper {title_text[:60]!r} has no abstract")
    if len(abstract_text) > MAX_ABSTRACT:
        raise BadRecord(f"abstract of {title_text[:60]!r} is {len(abstract_text):,} characters, over the {MAX_ABSTRACT:,} limit")
    doi_text = doi(text(doi_value))
    arxiv_value = arxiv_id(text(arxiv)) or arxiv_id((doi_text or "").removeprefix(ARXIV_DOI))
    url_text = text(url) or (f"https://arxiv.org/abs/{arxiv_value}" if arxiv_value else None)
    return Paper(
        id=paper_id(title_text, arxiv_value, doi_text),
        title=title_text,
        abstract=abstract_text,
        arxiv_id=arxiv_value,
        url=url_text,
        date=iso_date(text(date)),
        doi=doi_text,
        venue=_venue(text(venue)),
        categories=list(dict.fromkeys(c for c in (text(c) for c in categories) if c)),
        authors=list(authors),
    )


def _venue(name: str) -> str | None:
    """A venue, but not a preprint server: S2's `arXiv.org` and OpenAlex's `arXiv (Cornell University)` name where a preprint lies, not where it was published."""
    return name if name and not name.lower().startswith("arxiv") else None


def author(name: object, id: object = None, orcid: object = None) -> Author | None:
    """An author, or None for a nameless entry; an ORCID URL is kept bare (`0000-0002-1825-0097`)."""
    name_text = text(name)
    if not name_text:
        return None
    orcid_text = text(orcid).rsplit("/", 1)[-1] or None
    return Author(name=name_text, id=text(id) or None, orcid=orcid_text)


def iso_date(value: str) -> str | None:
    """`2024-07-08T17:59:58.000Z` -> `2024-07-08`; a year or year-month stays as given; else None."""
    value = value.strip()[:10]
    parts = value.split("-")
    if parts and all(part.isdigit() for part in parts) and len(parts[0]) == 4 and all(len(p) == 2 for p in parts[1:]) and len(parts) <= 3:
        return value
    return None


def each_record(
    name: str, records: Iterable[tuple[int | None, int | None, Any]], convert: Callable[[Any], Paper | None], on_error: OnError
) -> Iterator[Paper]:
    """Papers from `(line, index, record)` triples; a bad record goes to `on_error`, located.

    `convert` returns None for a record that is not a paper at all and is
    skipped silently (e.g. a page's metadata). Type errors from a record of
    the wrong shape (a list where an object belongs) are bad records too, so
    hostile input gives `InputError` and nothing else.
    """
    for line, index, record in records:
        try:
            if not isinstance(record, dict):
                raise BadRecord(f"expected an object, got {type(record).__name__ if record is not None else 'null'}")
            paper = convert(record)
        except (BadRecord, TypeError, AttributeError, KeyError) as err:
            message = str(err) if isinstance(err, BadRecord) else f"malformed record ({type(err).__name__}: {err})"
            on_error(InputError(name, message, line, index))
            continue
        if paper is not None:
            yield paper


def paper_from_fields(fields: dict) -> Paper:
    """The generic record: `title`, `abstract` and optional `id`, `arxiv_id`, `doi`, `url`, `date`, `venue`, `authors`.

    The arXiv id is taken from `arxiv_id`, else from `id` or `url` when they
    hold one, so the same paper keeps the same id whichever field names it.
    """
    arxiv = next((fields.get(key) for key in ("arxiv_id", "id", "url") if arxiv_id(text(fields.get(key)))), None)
    names = [author(a) if not isinstance(a, dict) else author(a.get("name"), a.get("id"), a.get("orcid")) for a in items(fields.get("authors"))]
    return make_paper(
        fields.get("title"),
        fields.get("abstract"),
        arxiv=arxiv,
        doi_value=fields.get("doi"),
        url=fields.get("url"),
        date=fields.get("date"),
        venue=fields.get("venue"),
        categories=items(fields.get("categories")),
        authors=[a for a in names if a],
    )
