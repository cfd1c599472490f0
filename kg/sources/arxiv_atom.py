"""The arXiv API's Atom feed (`http://export.arxiv.org/api/query?search_query=...`).

Each `<entry>` gives `id` (`http://arxiv.org/abs/2401.00001v2`: the version
is dropped), `title` and `summary` wrapped over several lines, `published`
(the first version's date), `author/name`, `arxiv:doi`,
`arxiv:primary_category` and `category` terms. A failed query answers a feed
whose one entry has an id under `/api/errors`: that is reported, not read
as a paper. The feed is parsed with defusedxml, which refuses entity
expansion and external references, and streamed entry by entry.
"""

from __future__ import annotations

from collections.abc import Iterator
from xml.etree.ElementTree import Element, ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import iterparse

from kg.errors import InputError, OnError
from kg.records import Paper
from kg.sources.fields import BadRecord, author, each_record, make_paper, text
from kg.sources.inputs import Input

ATOM = "{http://www.w3.org/2005/Atom}"
ARXIV = "{http://arxiv.org/schemas/atom}"
MARK = "http://www.w3.org/2005/Atom"


def _text(entry: Element, tag: str) -> str | None:
    found = entry.find(tag)
    return found.text if found is not None else None


def paper(entry: Element) -> Paper:
    entry_id = text(_text(entry, f"{ATOM}id"))
    if "/api/errors" in entry_id:
        raise BadRecord(f"the arXiv API answered an error: {text(_text(entry, f'{ATOM}summary'))}")
    primary = entry.find(f"{ARXIV}primary_category")
    terms = [primary.get("term")] if primary is not None else []
    terms += [category.get("term") for category in entry.findall(f"{ATOM}category")]
    return make_paper(
        _text(entry, f"{ATOM}title"),
        _text(entry, f"{ATOM}summary"),
        arxiv=entry_id,
        doi_value=_text(entry, f"{ARXIV}doi"),
        date=_text(entry, f"{ATOM}published"),
        categories=[term for term in terms if term],
        authors=[a for a in (author(_text(node, f"{ATOM}name")) for node in entry.findall(f"{ATOM}author")) if a],
    )


def _entries(source: Input) -> Iterator[tuple[None, int, dict]]:
    """Each `<entry>` as it is parsed, then dropped, so a large feed is never held whole."""
    index = 0
    try:
        for _, element in iterparse(source.stream, events=("end",), forbid_dtd=True):
            if element.tag == f"{ATOM}entry":
                yield None, index, {"entry": element}
                index += 1
                element.clear()
    except ParseError as err:
        raise InputError(source.name, f"not well-formed XML ({err})", err.position[0]) from None
    except (DefusedXmlException, ValueError) as err:
        raise InputError(source.name, f"XML refused: {type(err).__name__} (DTDs and entities are not read)") from None


def read(source: Input, on_error: OnError) -> Iterator[Paper]:
    if MARK not in source.head:
        raise InputError(source.name, "XML but not an Atom feed from the arXiv API")
    return each_record(source.name, _entries(source), lambda record: paper(record["entry"]), on_error)
