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
from dataclasses import asdict, dataclass, field

ENTITY_TYPES = ("Model", "Method", "Benchmark", "Environment")
ROLES = ("proposes", "evaluates_on", "uses", "compares_to", "mentions")

ARXIV_ID = re.compile(r"^(?:arxiv:)?(\d{4}\.\d{4,5}|[a-z-]+(?:\.[A-Z]{2})?/\d{7})(?:v\d+)?$", re.I)


def norm(text: str) -> str:
    """Casefolded letters and digits only, accents dropped.

    The same normalisation as the gold scorer, so that two names the scorer
    treats as one (`Llama 3.1-8B`, `llama-3.1-8b`) are one node in the graph.
    """
    text = unicodedata.normalize("NFKD", text or "").casefold()
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


def paper_id(title: str, arxiv: str | None = None) -> str:
    """A paper's stable id: `arxiv:ID` when known, else a hash of its normalised title."""
    if arxiv:
        return f"arxiv:{arxiv}"
    return "title:" + hashlib.sha1(norm(title).encode("utf-8")).hexdigest()[:16]


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
            "entities": [asdict(entity) for entity in self.entities],
            "results": [asdict(result) for result in self.results],
            "abstract": self.paper.abstract,
            "sources": self.paper.sources,
            "arxiv_id": self.paper.arxiv_id,
            "url": self.paper.url,
            "date": self.paper.date,
            "doi": self.paper.doi,
            "venue": self.paper.venue,
            "categories": self.paper.categories,
            "authors": [asdict(author) for author in self.paper.authors],
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
