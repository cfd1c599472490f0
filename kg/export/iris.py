"""IRIs for the RDF export: the vocabularies it speaks and the names it gives nodes.

Every IRI is a function of the graph alone, so the same graph exported twice
(or on another machine) names every node the same way, and the names are
readable: `<base>/model/llama-3.1-8b`, `<base>/paper/arxiv-2501.00001`.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from urllib.parse import quote, urlsplit

from rdflib import Namespace, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SDO, SKOS, XSD
from rdflib.term import _is_valid_uri

from kg.records import ENTITY_TYPES

KG = Namespace("https://example.org/kg/ontology#")
KGSH = Namespace("https://example.org/kg/shapes#")
LPWC = Namespace("https://linkedpaperswithcode.com/property/")
LPWC_CLASS = Namespace("https://linkedpaperswithcode.com/class/")
MLS = Namespace("http://www.w3.org/ns/mls#")
FABIO = Namespace("http://purl.org/spar/fabio/")
PRISM = Namespace("http://prismstandard.org/namespaces/basic/2.0/")
ORCID = "https://orcid.org/"
ARXIV_ABS = "https://arxiv.org/abs/"
DEFAULT_BASE = "https://example.org/kg"
# Papers recur within a page of an export, not across pages: caches of their IRIs are emptied
# past this size, so an export's memory does not grow with the number of papers.
CACHED = 5_000

PREFIXES = {
    "kg": KG,
    "lpwc": LPWC,
    "lpwcc": LPWC_CLASS,
    "mls": MLS,
    "fabio": FABIO,
    "prism": PRISM,
    "dcterms": DCTERMS,
    "skos": SKOS,
    "schema": SDO,
    "prov": PROV,
    "owl": OWL,
    "rdf": RDF,
    "rdfs": RDFS,
    "xsd": XSD,
}


class BaseError(ValueError):
    """A `--base` that cannot prefix the export's IRIs."""


def check_base(base: str) -> str:
    """`base` without its trailing slash, or BaseError saying why it cannot be used.

    Node IRIs are `<base>/<kind>/<name>`, so the base must be an absolute
    IRI with no query or fragment (which would swallow the path after it).
    """
    parts = urlsplit(base)
    if not re.match(r"^[A-Za-z][A-Za-z0-9+.-]*$", parts.scheme or ""):
        raise BaseError(f"--base {base!r} is not an absolute IRI (it needs a scheme, as in {DEFAULT_BASE})")
    if not _is_valid_uri(base) or any(ch.isspace() for ch in base):
        raise BaseError(f"--base {base!r} holds characters an IRI cannot (spaces, quotes, <>{{}}|\\^`)")
    if parts.query or parts.fragment or "#" in base or "?" in base:
        raise BaseError(f"--base {base!r} has a query or fragment; give a path such as {DEFAULT_BASE}")
    if parts.scheme in ("http", "https") and not parts.netloc:
        raise BaseError(f"--base {base!r} has no host")
    return base.rstrip("/")


def slug(text: str) -> str:
    """A readable IRI segment: `Llama 3.1-8B` -> `llama-3.1-8b`.

    Casefolded letters and digits with accents dropped (the characters of
    `kg.records.norm`, in order), runs of anything else become one `-`, and
    a `.` between two letters or digits is kept. So two names with the same
    slug always have the same normalised name, and the graph never holds two
    entities of one type with the same normalised name.
    """
    text = unicodedata.normalize("NFKD", text).casefold()
    chars = [ch for ch in text if not unicodedata.combining(ch)]
    out: list[str] = []
    for i, ch in enumerate(chars):
        if ch.isalnum():
            out.append(ch)
        elif ch == "." and 0 < i < len(chars) - 1 and chars[i - 1].isalnum() and chars[i + 1].isalnum():
            out.append(ch)
        elif out and out[-1] != "-":
            out.append("-")
    return "".join(out).strip("-")


def _digest(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:10]


def paper_segment(paper_id: str) -> str:
    """`arxiv:2501.00001` -> `arxiv-2501.00001`; `title:0a1b...` -> `title-0a1b...`."""
    prefix, _, rest = paper_id.partition(":")
    return quote(f"{prefix}-{rest}" if rest else prefix, safe="-._~")


class Iris:
    """The IRI of every node of one graph, under one base.

    Every IRI is `<base>/<kind>/<name>` with no further `/` in the name
    (results and assertions join their parts with `--`), so each kind is one
    namespace: rdflib's Turtle serializer slows down quadratically with the
    number of distinct namespaces, and a `/` per part would give every paper
    its own.

    Entity IRIs are `<base>/<type>/<slug of name>`. An entity's id is its
    type and normalised name, and a slug keeps the normalised name's
    characters, so two entities of one type never share a slug in a graph kg
    built; a graph from elsewhere that does gets a short hash of the node id
    after each clashing slug, so IRIs stay distinct and still depend on
    nothing but the graph. That needs every entity's name first: `entities`
    gives (id, label, name) of each, and they are few next to papers.
    """

    def __init__(self, base: str, entities: Iterable[tuple[str, str, str | None]] = ()):
        self.base = check_base(base)
        by_slug: dict[tuple[str, str], list[str]] = defaultdict(list)
        for node, label, name in entities:
            if label in ENTITY_TYPES:
                by_slug[(label, slug(name or node))].append(node)
        self._entities: dict[str, URIRef] = {}
        # Papers and extractors recur on every edge; quoting them once is most of an export's IRI work.
        self._segments: dict[str, str] = {}
        self._papers: dict[str, URIRef] = {}
        self._extractors: dict[str, URIRef] = {}
        for (label, name), nodes in by_slug.items():
            for node in nodes:
                segment = name if len(nodes) == 1 and name else f"{name or 'x'}-{_digest(node)}"
                self._entities[node] = URIRef(f"{self.base}/{label.lower()}/{segment}")

    @property
    def graph(self) -> URIRef:
        """The name of the export's graph in TriG."""
        return URIRef(f"{self.base}/graph")

    def namespace(self, kind: str) -> Namespace:
        """The namespace of one kind of node (`paper`, `model`, ...), for prefixes."""
        return Namespace(f"{self.base}/{kind}/")

    def entity(self, node: str) -> URIRef:
        return self._entities[node]

    def _segment(self, paper_id: str) -> str:
        if paper_id not in self._segments:
            if len(self._segments) > CACHED:
                self._segments.clear()
            self._segments[paper_id] = paper_segment(paper_id)
        return self._segments[paper_id]

    def paper(self, paper_id: str) -> URIRef:
        if paper_id not in self._papers:
            if len(self._papers) > CACHED:
                self._papers.clear()
            self._papers[paper_id] = URIRef(f"{self.base}/paper/{self._segment(paper_id)}")
        return self._papers[paper_id]

    def result(self, node: str) -> URIRef:
        """`result:<paper id>:<n>` -> `<base>/result/<paper segment>--<n>`."""
        paper_id, _, number = node.removeprefix("result:").rpartition(":")
        return URIRef(f"{self.base}/result/{self._segment(paper_id)}--{quote(number, safe='')}")

    def metric(self, name: str) -> URIRef:
        return URIRef(f"{self.base}/metric/{slug(name) or _digest(name)}")

    def assertion(self, paper_id: str, role: str, entity: str) -> URIRef:
        """The evidence node of one role edge: `<base>/assertion/<paper>--<role>--<type>--<slug>`."""
        kind, _, name = self._entities[entity][len(self.base) + 1 :].partition("/")
        return URIRef(f"{self.base}/assertion/{self._segment(paper_id)}--{role}--{kind}--{name}")

    def author(self, author_id: str) -> URIRef:
        """`author:0000-0002-1825-0097` -> `<base>/author/0000-0002-1825-0097`."""
        return URIRef(f"{self.base}/author/{quote(author_id.removeprefix('author:'), safe='-._~')}")

    def authorship(self, paper_id: str, position: int) -> URIRef:
        """The place of an author in a paper's byline: `<base>/authorship/<paper>--<position>`."""
        return URIRef(f"{self.base}/authorship/{self._segment(paper_id)}--{int(position)}")

    def extractor(self, extractor: str) -> URIRef:
        """`kg-rules/0.1.0` -> `<base>/extractor/kg-rules--0.1.0`."""
        if extractor not in self._extractors:
            path = "--".join(quote(part, safe="-._~") for part in extractor.split("/"))
            self._extractors[extractor] = URIRef(f"{self.base}/extractor/{path}")
        return self._extractors[extractor]


def arxiv_iri(arxiv_id: str) -> URIRef:
    return URIRef(ARXIV_ABS + arxiv_id)
