"""The records that flow between stages: papers in, extractions out.

Every stage speaks in these dataclasses, so a new source only has to produce
`Paper`s and a new extractor only has to produce `Extraction`s. The JSON form
of an `Extraction` is the line format of `kg extract` and of the gold scorer
(`schemas/extraction.schema.json`).
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

ENTITY_TYPES = ("Model", "Method", "Benchmark", "Environment")
ROLES = ("proposes", "evaluates_on", "uses", "compares_to", "mentions")

DOI = re.compile(r"10\.\d{4,9}/\S+")
NOT_ASCII_ALNUM = re.compile(r"[^a-z0-9]+")
ARXIV_ID = re.compile(r"^(?:arxiv:)?(\d{4}\.\d{4,5}|[a-z-]+(?:\.[A-Z]{2})?/\d{7})(?:v\d+)?$", re.I)


@lru_cache(maxsize=200_000)
def norm(text: str) -> str:
    """Casefolded letters and digits only, accents dropped.

    The same normalisation as the gold scorer, so that two names the scorer
    treats as one (`Llama 3.1-8B`, `llama-3.1-8b`) are one node in the graph.
    Cached: a build normalises the same few thousand names over and over.
    """
    if not text:
        return ""
    if text.isascii():  # most names and titles: the same result, without a Python step per character
        return NOT_ASCII_ALNUM.sub("", text.lower())
    text = unicodedata.normalize("NFKD", text).casefold()
    return "".join(ch for ch in text if ch.isalnum() and not unicodedata.combining(ch))


def arxiv_id(value: str | None) -> str | None:
    """The bare arXiv identifier in `value` (`2407.04078`), or None."""
    if not value:
        return None
    value = value.strip().rstrip("/")
    value = re.sub(r"^https?://(?:www\.)?arxiv\.org/(?:abs|pdf)/", "", value, flags=re.I)
    value = re.sub(r"\.pdf$", "", value)
    found = ARXIV_ID.match(value)
    return found.group(1) if found else None


def doi(value: str | None) -> str | None:
    """The bare, lower-cased DOI in `value` (`10.18653/v1/2020.acl-main.1`), or None.

    DOIs are case-insensitive, and sources write them bare, as `doi:` or as a
    doi.org URL; all of these are one DOI.
    """
    if not value:
        return None
    found = DOI.search(value.strip())
    return found.group(0).lower().rstrip(".") if found else None


def paper_id(title: str, arxiv: str | None = None, doi: str | None = None) -> str:
    """A paper's stable id: `arxiv:ID` when known, else `doi:DOI`, else a hash of its normalised title."""
    if arxiv:
        return f"arxiv:{arxiv}"
    if doi:
        return f"doi:{doi}"
    return title_id(title)


def title_id(title: str) -> str:
    return "title:" + hashlib.sha1(norm(title).encode("utf-8")).hexdigest()[:16]


def paper_keys(paper: Paper) -> list[str]:
    """Every key the paper can be matched by, strongest first: arXiv id, DOI, normalised title.

    Two records are one paper when they share any key; the strongest key
    either gives becomes the id, so an id is never downgraded (an `arxiv:`
    paper seen again without its arXiv id keeps it).
    """
    keys = [f"arxiv:{paper.arxiv_id}"] if paper.arxiv_id else []
    if paper.doi:
        keys.append(f"doi:{paper.doi}")
    keys.append(title_id(paper.title))
    return keys


def contradict(keys: list[str], others: list[str]) -> bool:
    """Whether two records' keys (`paper_keys`) name two papers: different arXiv ids do, whatever title or DOI they share."""
    mine = {k for k in keys if k.startswith("arxiv:")}
    theirs = {k for k in others if k.startswith("arxiv:")}
    return bool(mine and theirs and not mine & theirs)


# Metadata a later record may fill in when the known paper lacks it.
FILLABLE = ("arxiv_id", "doi", "url", "date", "venue")
ARXIV_DOI = "10.48550/arxiv."


def _refines(mine: str | None, theirs: str | None, name: str) -> bool:
    """True when `theirs` says more than `mine` without contradicting it.

    A full date refines a year (`2024` -> `2024-03-05`); a publisher's DOI
    refines the DOI arXiv mints for every preprint (`10.48550/arxiv.…`).
    Neither is a conflict.
    """
    if mine is None or theirs is None:
        return False
    if name == "date":
        return len(theirs) > len(mine) and theirs.startswith(mine)
    return name == "doi" and mine.startswith(ARXIV_DOI) and not theirs.startswith(ARXIV_DOI)


def merge_paper(known: Paper, new: Paper, replace: bool = False) -> list[str]:
    """Fold `new` (the same paper from another record) into `known`; return the fields in conflict.

    The policy: a field `known` lacks is filled from `new`, and so is a more
    precise value (`_refines`); a field both give differently keeps
    `known`'s value (the first source wins) and is reported, unless
    `replace` takes `new`'s title and abstract on purpose. Titles differing
    only in case, spacing or punctuation and abstracts differing only in
    spacing are not conflicts. Sources and categories are unions; authors
    fill an empty byline, and the source author ids and ORCIDs of a byline
    with the same names fill the ones `known` lacks. The id is re-derived,
    so it only ever gets stronger.
    """
    conflicts = []
    same = {"title": norm(new.title) == norm(known.title), "abstract": " ".join(new.abstract.split()) == " ".join(known.abstract.split())}
    for name in ("title", "abstract"):
        if not same[name]:
            if replace:
                setattr(known, name, getattr(new, name))
            else:
                conflicts.append(name)
    for name in FILLABLE:
        mine, theirs = getattr(known, name), getattr(new, name)
        if (mine is None and theirs is not None) or _refines(mine, theirs, name):
            setattr(known, name, theirs)
        elif theirs is not None and mine != theirs and name != "url" and not _refines(theirs, mine, name):
            conflicts.append(name)
    known.sources.extend(s for s in new.sources if s not in known.sources)
    known.categories.extend(c for c in new.categories if c not in known.categories)
    if not known.authors:
        known.authors = list(new.authors)
    elif [norm(a.name) for a in known.authors] == [norm(a.name) for a in new.authors]:
        for mine_author, their_author in zip(known.authors, new.authors):
            mine_author.id = mine_author.id or their_author.id
            mine_author.orcid = mine_author.orcid or their_author.orcid
    known.id = paper_id(known.title, known.arxiv_id, known.doi)
    return conflicts


@dataclass
class Author:
    """One author as a source names them; `id` is the source's author id or ORCID when it gives one."""

    name: str
    id: str | None = None
    orcid: str | None = None


@dataclass
class Paper:
    """One paper: what the extractor reads, its metadata, and where it was found.

    `date` is ISO (`2025-01-31`, or `2025-01` / `2025` when that is all a
    source gives); `authors` keep byline order.
    """

    id: str
    title: str
    abstract: str
    sources: list[str] = field(default_factory=list)
    arxiv_id: str | None = None
    url: str | None = None
    date: str | None = None
    doi: str | None = None
    venue: str | None = None
    categories: list[str] = field(default_factory=list)
    authors: list[Author] = field(default_factory=list)

    @property
    def text(self) -> str:
        """The text evidence offsets point into: the title, a blank line, the abstract."""
        return f"{self.title}\n\n{self.abstract}"


# `kg.extract` makes Evidence and Entity with positional arguments (half the cost of keywords): their fields keep this
# order (a test checks it).
@dataclass
class Evidence:
    """A sentence of `Paper.text` that names the entity; `text[start:end] == sentence`."""

    sentence: str
    start: int
    end: int


@dataclass
class Entity:
    """A model, method, benchmark or environment as one paper names it."""

    name: str
    type: str
    role: str
    aliases: list[str] = field(default_factory=list)
    confidence: float = 0.5
    evidence: list[Evidence] = field(default_factory=list)


@dataclass
class Result:
    """A score the paper reports: `subject` scored `value` on `benchmark`."""

    subject: str
    benchmark: str | None
    metric: str | None
    value: str


def _entity_json(entity: Entity) -> dict:
    """`asdict(entity)`, written out: `asdict` deep-copies field by field, a build's slowest Python step."""
    return {
        "name": entity.name,
        "type": entity.type,
        "role": entity.role,
        "aliases": list(entity.aliases),
        "confidence": entity.confidence,
        "evidence": [{"sentence": ev.sentence, "start": ev.start, "end": ev.end} for ev in entity.evidence],
    }


@dataclass
class Extraction:
    """What one extractor found in one paper."""

    paper: Paper
    entities: list[Entity]
    results: list[Result]
    extractor: str

    def to_json(self) -> dict:
        """The `kg extract` line: the scorer's fields first, then provenance."""
        return {
            "id": self.paper.id,
            "title": self.paper.title,
            "entities": [_entity_json(entity) for entity in self.entities],
            "results": [vars(result).copy() for result in self.results],
            "abstract": self.paper.abstract,
            "sources": self.paper.sources,
            "arxiv_id": self.paper.arxiv_id,
            "url": self.paper.url,
            "date": self.paper.date,
            "doi": self.paper.doi,
            "venue": self.paper.venue,
            "categories": self.paper.categories,
            "authors": [vars(author).copy() for author in self.paper.authors],
            "extractor": self.extractor,
        }

    @classmethod
    def from_json(cls, obj: dict) -> Extraction:
        paper = Paper(
            id=obj["id"],
            title=obj["title"],
            abstract=obj.get("abstract", ""),
            sources=list(obj.get("sources", [])),
            arxiv_id=obj.get("arxiv_id"),
            url=obj.get("url"),
            date=obj.get("date"),
            doi=obj.get("doi"),
            venue=obj.get("venue"),
            categories=list(obj.get("categories") or []),
            authors=[Author(**a) for a in obj.get("authors") or []],
        )
        entities = [
            Entity(
                name=e["name"],
                type=e["type"],
                role=e["role"],
                aliases=list(e.get("aliases", [])),
                confidence=float(e.get("confidence", 0.5)),
                evidence=[Evidence(**ev) for ev in e.get("evidence", [])],
            )
            for e in obj.get("entities", [])
        ]
        results = [Result(**r) for r in obj.get("results", [])]
        return cls(paper, entities, results, obj.get("extractor", "unknown"))
