"""OpenAlex works: an API page (`https://api.openalex.org/works?filter=...`, records under `results`) or snapshot JSON Lines.

A work gives `title` / `display_name` (with HTML or JATS tags at times), the
abstract as `abstract_inverted_index` (each word with its positions; OpenAlex
may not republish abstracts as text), `publication_date`, `ids` (`doi`,
`openalex`, and for arXiv papers an arXiv landing page among `locations`),
`authorships` in byline order with `author {id, display_name, orcid}`, and
the venue as `primary_location.source.display_name`.
"""

from __future__ import annotations

from collections.abc import Iterator

from kg.errors import OnError
from kg.records import Paper, arxiv_id
from kg.sources.fields import BadRecord, author, each_record, items, make_paper, obj, text
from kg.sources.inputs import Input
from kg.sources.jsonl import records

KEYS = ("abstract_inverted_index", "authorships", "primary_location")


def abstract(index: object) -> str:
    """The abstract rebuilt from its inverted index: each word put at each of its positions."""
    if index is None:
        return ""
    if not isinstance(index, dict):
        raise BadRecord(f"abstract_inverted_index is a {type(index).__name__}, not an object")
    placed = sorted((pos, word) for word, positions in index.items() for pos in items(positions) if isinstance(pos, int))
    return " ".join(word for _, word in placed)


def _arxiv(record: dict) -> str | None:
    ids = obj(record.get("ids"))
    if arxiv_id(text(ids.get("arxiv"))):
        return text(ids.get("arxiv"))
    for location in [obj(record.get("primary_location"))] + items(record.get("locations")):
        for key in ("landing_page_url", "pdf_url"):
            found = arxiv_id(text(obj(location).get(key)))
            if found:
                return found
    return None


def paper(record: dict) -> Paper:
    ids = obj(record.get("ids"))
    names = []
    for authorship in items(record.get("authorships")):
        person = obj(obj(authorship).get("author"))
        names.append(author(person.get("display_name") or obj(authorship).get("raw_author_name"), person.get("id"), person.get("orcid")))
    return make_paper(
        record.get("title") or record.get("display_name"),
        abstract(record.get("abstract_inverted_index")),
        arxiv=_arxiv(record),
        doi_value=record.get("doi") or ids.get("doi"),
        url=record.get("id") or ids.get("openalex"),
        date=record.get("publication_date") or record.get("publication_year"),
        venue=obj(obj(record.get("primary_location")).get("source")).get("display_name"),
        authors=[a for a in names if a],
    )


def read(source: Input, on_error: OnError) -> Iterator[Paper]:
    return each_record(source.name, records(source, on_error), paper, on_error)
