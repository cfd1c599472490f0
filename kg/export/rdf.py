"""The graph as RDF: Turtle, N-Triples, JSON-LD, RDF/XML or TriG, built with rdflib.

The triples are `kg.export.rdf_blocks`'s, subject by subject. N-Triples
and Turtle are written block by block as the pages arrive (Turtle's
prefixes first, then one subject block after another), so neither ever
holds the graph in memory: what stays is the entities' IRIs, few next to
papers; their pages are written on several processes and joined in order
(`kg.store.shards`), the same text for any number. JSON-LD, RDF/XML and
TriG group and nest the whole graph, so they build an rdflib Graph.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable, Iterable
from functools import cache
from importlib.resources import files
from pathlib import Path
from typing import IO, Any

from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.plugins.serializers.nt import _quoteLiteral

from kg.export.iris import DEFAULT_BASE, PREFIXES, Iris
from kg.export.rdf_blocks import RDF, ROLE_PROPERTIES, Block, blocks, prepare, task_blocks, tasks, triples
from kg.collector import fewer_collections
from kg.store.rows import ENTITY_LABELS, PAGE, Within
from kg.store.shards import ordered

__all__ = ["FORMATS", "ROLE_PROPERTIES", "FormatError", "blocks", "format_for", "ontology", "shapes", "to_dataset", "to_graph",
           "triples", "write", "write_ntriples", "write_turtle"]

FORMATS = {"turtle": "turtle", "nt": "nt", "jsonld": "json-ld", "xml": "xml", "trig": "trig"}
SUFFIXES = {".ttl": "turtle", ".turtle": "turtle", ".nt": "nt", ".jsonld": "jsonld", ".json": "jsonld",
            ".rdf": "xml", ".xml": "xml", ".owl": "xml", ".trig": "trig"}
# A local name written as `prefix:local` in Turtle: a safe subset of PN_LOCAL.
LOCAL = re.compile(r"^[A-Za-z0-9_](?:[A-Za-z0-9_.\-]*[A-Za-z0-9_\-])?$")
# Characters XML 1.0 cannot hold, even escaped; rdflib would write them and leave the file unreadable.
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


class FormatError(ValueError):
    """A format name or file suffix the export does not know."""


def format_for(path: Path, given: str | None = None) -> str:
    """The format to write `path` in: `given` when there is one, else by its suffix."""
    known = "|".join(FORMATS)
    if given is not None:
        if given.lower() not in FORMATS:
            raise FormatError(f"unknown RDF format {given!r}; use one of {known}")
        return given.lower()
    if path.suffix.lower() not in SUFFIXES:
        raise FormatError(f"{path}: cannot tell the RDF format from the suffix {path.suffix or '(none)'!r}; give --format {known}")
    return SUFFIXES[path.suffix.lower()]


KINDS = ("paper", *(t.lower() for t in ENTITY_LABELS), "author", "authorship", "result", "metric", "assertion", "extractor")


def prefixes(base: str = DEFAULT_BASE) -> dict[str, str]:
    """Every prefix of the export: the vocabularies', then one per kind of node (`paper:`, `model:`, ...)."""
    iris = Iris(base)
    return {**{p: str(n) for p, n in PREFIXES.items()}, **{kind: str(iris.namespace(kind)) for kind in KINDS}}


def to_graph(reader: Any, base: str = DEFAULT_BASE) -> Graph:
    """The export as one rdflib Graph, with readable prefixes bound."""
    rdf = Graph()
    _bind(rdf, base)
    for triple in triples(reader, base):
        rdf.add(triple)
    return rdf


def to_dataset(reader: Any, base: str = DEFAULT_BASE) -> Dataset:
    """The export as the named graph `<base>/graph` of an rdflib Dataset, for TriG."""
    dataset = Dataset()
    _bind(dataset, base)
    named = dataset.graph(Iris(base).graph)
    for triple in triples(reader, base):
        named.add(triple)
    return dataset


def _bind(rdf: Graph, base: str) -> None:
    for prefix, iri in prefixes(base).items():
        rdf.bind(prefix, iri, override=True, replace=True)


class _Terms:
    """Each IRI's text, computed once; emptied when it grows large, to keep memory flat."""

    def __init__(self, names: dict[str, str] | None = None):
        self.names = names  # namespace -> prefix, for Turtle; None writes full IRIs
        self.known: dict[URIRef, str] = {}

    def __call__(self, term: URIRef | Literal) -> str:
        if term.__class__ is Literal or (term.__class__ is not URIRef and isinstance(term, Literal)):  # isinstance alone goes through ABC machinery
            # N-Triples' quoting (one line, escapes) is valid Turtle too; Literal.n3() would
            # write multi-line strings in triple quotes.
            return _quoteLiteral(term)
        if term not in self.known:
            if len(self.known) > 10_000:
                self.known.clear()
            self.known[term] = self._name(term)
        return self.known[term]

    def _name(self, iri: URIRef) -> str:
        if self.names is not None:
            cut = max(iri.rfind("/"), iri.rfind("#")) + 1
            prefix = self.names.get(iri[:cut])
            if prefix is not None and LOCAL.match(iri[cut:]):
                return f"{prefix}:{iri[cut:]}"
        return iri.n3()


def write_ntriples(reader: Any, out: IO[str], base: str = DEFAULT_BASE, page: int = PAGE, jobs: int | None = None,
                   progress: Callable[[int], None] | None = None) -> int:
    """Stream the export to `out` as N-Triples, one line per triple, terms written by rdflib; returns the count."""
    return _stream(reader, out, "nt", base, page, jobs, progress)


def write_turtle(reader: Any, out: IO[str], base: str = DEFAULT_BASE, page: int = PAGE, jobs: int | None = None,
                 progress: Callable[[int], None] | None = None) -> int:
    """Stream the export to `out` as Turtle: the prefixes, then one block per subject as it comes; returns the count."""
    for prefix, iri in prefixes(base).items():
        out.write(f"@prefix {prefix}: <{iri}> .\n")
    return _stream(reader, out, "turtle", base, page, jobs, progress)


def _stream(reader: Any, out: IO[str], fmt: str, base: str, page: int, jobs: int | None, progress: Callable[[int], None] | None) -> int:
    """Write the blocks of `blocks` in `fmt`, the pages' text made on `jobs` processes and joined in order (`kg.store.shards`)."""
    with fewer_collections():  # a fifth of the export's CPU at 20k papers when run in this process
        iris, metrics, head = prepare(reader, base, page)
        text, count = _serialised(fmt, base, head)
        out.write(text)
        for text, found in ordered(reader, _page_text, tasks(reader, page), (fmt, base, iris, metrics), jobs):
            out.write(text)
            count += found
            if progress:
                progress(found)
    return count


def _page_text(reader: Any, shared: tuple[str, str, Iris, dict[str, URIRef]], task: tuple[str, Within]) -> tuple[str, int]:
    fmt, base, iris, metrics = shared
    return _serialised(fmt, base, task_blocks(reader, iris, metrics, task))


def _serialised(fmt: str, base: str, found: Iterable[Block]) -> tuple[str, int]:
    """Blocks as N-Triples lines or Turtle subject blocks, and their number of triples."""
    name = _names(fmt, base)
    parts, count = [], 0
    for subject, pairs in found:
        if fmt == "nt":
            text = name(subject)
            parts += [f"{text} {name(predicate)} {name(obj)} .\n" for predicate, obj in pairs]
        else:
            lines = [("a" if predicate == RDF.type else name(predicate)) + " " + name(obj) for predicate, obj in pairs]
            parts.append(f"\n{name(subject)}\n    " + " ;\n    ".join(lines) + " .\n")
        count += len(pairs)
    return "".join(parts), count


@cache
def _names(fmt: str, base: str) -> _Terms:
    """The term writer of one format and base, one per process: it remembers the IRIs it wrote."""
    return _Terms({iri: prefix for prefix, iri in prefixes(base).items()} if fmt == "turtle" else None)


def write(reader: Any, out: IO[bytes], fmt: str, base: str = DEFAULT_BASE, jobs: int | None = None,
          progress: Callable[[int], None] | None = None) -> int:
    """Write the export of the graph `reader` reads to the binary stream `out` in `fmt` (a key of FORMATS); returns the triple count.

    N-Triples and Turtle stream, their pages written on `jobs` processes (default: every core), and
    `progress(n)` hears of the triples of each page as it is written; the other formats are built whole.
    """
    if fmt in ("nt", "turtle"):
        text = io.TextIOWrapper(out, encoding="utf-8", newline="\n")
        try:
            return (write_ntriples if fmt == "nt" else write_turtle)(reader, text, base, jobs=jobs, progress=progress)
        finally:
            text.flush()
            text.detach()
    if fmt == "trig":
        rdf = to_dataset(reader, base)
        count = sum(len(named) for named in rdf.graphs())
    else:
        rdf = to_graph(reader, base)
        count = len(rdf)
    if fmt == "xml":
        _check_xml(rdf)
    # JSON-LD gets the prefixes as its @context, so that it reads like the Turtle.
    options = {"context": {p: str(ns) for p, ns in PREFIXES.items()}, "auto_compact": True} if fmt == "jsonld" else {}
    rdf.serialize(destination=out, format=FORMATS[fmt], encoding="utf-8", **options)
    if progress:
        progress(count)
    return count


def _check_xml(rdf: Graph) -> None:
    for subject, _, obj in rdf:
        if isinstance(obj, Literal) and (bad := NOT_XML.search(obj)):
            raise FormatError(
                f"RDF/XML cannot hold the control character U+{ord(bad.group()):04X} in a literal of <{subject}>; "
                "use --format turtle, nt, jsonld or trig"
            )


def ontology() -> Graph:
    """The vocabulary of the export (`schemas/kg.ttl`), parsed."""
    return Graph().parse(data=files("kg.schemas").joinpath("kg.ttl").read_text(encoding="utf-8"), format="turtle")


def shapes() -> Graph:
    """The SHACL shapes every export conforms to (`schemas/shapes.ttl`), parsed."""
    return Graph().parse(data=files("kg.schemas").joinpath("shapes.ttl").read_text(encoding="utf-8"), format="turtle")
