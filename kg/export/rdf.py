"""The graph as RDF: Turtle, N-Triples, JSON-LD, RDF/XML or TriG, built with rdflib.

`triples` turns the networkx graph of `schemas/graph.md` into RDF terms in
the vocabulary of `schemas/kg.ttl`; `write` serialises them. N-Triples is
written line by line as the triples are made (each term written by rdflib),
so a graph of millions of triples never sits in memory as an rdflib Graph;
the other formats need the whole graph to group and nest it, so they build one.

rdflib can neither read nor write RDF-star, so the evidence of each
paper-to-entity edge is an assertion node (a reified `rdf:Statement` that is
also a `prov:Entity`) carrying the sentence, its offsets, the confidence and
the extractor, derived from the paper.
"""

from __future__ import annotations

import datetime
import io
import re
from collections import Counter, defaultdict
from collections.abc import Iterator
from decimal import Decimal
from importlib.resources import files
from pathlib import Path
from typing import IO

import networkx as nx
from rdflib import Dataset, Graph, Literal, URIRef, namespace
from rdflib.plugins.serializers.nt import _quoteLiteral

from kg.export import iris as ns
from kg.export.iris import DEFAULT_BASE, PREFIXES, Iris, arxiv_iri
from kg.records import ENTITY_TYPES, ROLES


class Terms:
    """The terms of one namespace, each made once.

    rdflib builds and checks a new URIRef on every attribute access of a
    namespace (`RDF.type`), which a million-triple export feels; here the
    first access stores the term as a plain attribute.
    """

    def __init__(self, source):
        self._source = source

    def __getattr__(self, name: str) -> URIRef:
        term = self._source[name]
        setattr(self, name, term)
        return term

    def __getitem__(self, name: str) -> URIRef:
        return getattr(self, name)


KG, FABIO, LPWC = Terms(ns.KG), Terms(ns.FABIO), Terms(ns.LPWC)
DCTERMS, PROV, RDF, RDFS = Terms(namespace.DCTERMS), Terms(namespace.PROV), Terms(namespace.RDF), Terms(namespace.RDFS)
SDO, SKOS, XSD = Terms(namespace.SDO), Terms(namespace.SKOS), Terms(namespace.XSD)

Triple = tuple[URIRef, URIRef, URIRef | Literal]

# rdflib's plugin name for each format the command accepts.
FORMATS = {"turtle": "turtle", "nt": "nt", "jsonld": "json-ld", "xml": "xml", "trig": "trig"}
SUFFIXES = {
    ".ttl": "turtle",
    ".turtle": "turtle",
    ".nt": "nt",
    ".jsonld": "jsonld",
    ".json": "jsonld",
    ".rdf": "xml",
    ".xml": "xml",
    ".owl": "xml",
    ".trig": "trig",
}
ROLE_PROPERTIES = {
    "proposes": KG.proposes,
    "evaluates_on": KG.evaluatesOn,
    "uses": KG.uses,
    "compares_to": KG.comparesTo,
    "mentions": KG.mentions,
}
ROLE_EDGES = {role.upper(): role for role in ROLES}
# Linked Papers With Code's paper links, stated beside the role where they hold exactly, so a
# query written for LPWC runs on the export without a reasoner. Each LPWC property covers
# one type of entity, so none is a super-property of a kg role (which spans all four).
LPWC_LINKS = {
    ("evaluates_on", "Benchmark"): LPWC.usesDataset,
    ("uses", "Benchmark"): LPWC.usesDataset,
    ("uses", "Method"): LPWC.hasMethod,
    ("uses", "Model"): LPWC.hasModel,
}
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
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


def triples(graph: nx.MultiDiGraph, base: str = DEFAULT_BASE) -> Iterator[Triple]:
    """Every triple of `graph`'s export, one node or edge at a time.

    A pure function of `graph` and `base`: no blank nodes, no clock, so two
    exports of one graph hold the same triples.
    """
    return _triples(graph, Iris(graph, base))


def _triples(graph: nx.MultiDiGraph, iris: Iris) -> Iterator[Triple]:
    metrics: dict[URIRef, Counter[str]] = defaultdict(Counter)
    extractors: set[str] = set()
    for node, data in graph.nodes(data=True):
        label = data.get("label")
        if label == "Paper":
            yield from _paper(iris.paper(node), data)
        elif label in ENTITY_TYPES:
            entity = iris.entity(node)
            yield entity, RDF.type, KG[label]
            yield entity, SKOS.prefLabel, Literal(data["name"])
            for alias in data.get("aliases", ()):
                yield entity, SKOS.altLabel, Literal(alias)
        elif label == "Result":
            result = iris.result(node)
            yield result, RDF.type, KG.Result
            yield result, KG.subjectName, Literal(data["subject"])
            yield result, KG.value, Literal(data["value"])
            if data.get("benchmark"):
                yield result, KG.benchmarkName, Literal(data["benchmark"])
            if data.get("metric"):
                metric = iris.metric(data["metric"])
                metrics[metric][data["metric"]] += 1
                yield result, KG.metric, metric
    for source, target, key, data in graph.edges(keys=True, data=True):
        if key in ROLE_EDGES:
            extractors.add(data.get("extractor") or "unknown")
            yield from _role(iris, source, target, graph.nodes[target]["label"], ROLE_EDGES[key], data)
        elif key == "VARIANT_OF":
            yield iris.entity(source), KG.variantOf, iris.entity(target)
        elif key == "REPORTS":
            yield iris.paper(source), KG.reports, iris.result(target)
        elif key == "ACHIEVES":
            yield iris.result(target), KG.subject, iris.entity(source)
        elif key == "HAS_RESULT":
            yield iris.result(target), KG.benchmark, iris.entity(source)
    for metric, names in sorted(metrics.items()):
        # One preferred label per metric: the spelling most results use.
        preferred = min(names, key=lambda name: (-names[name], len(name), name))
        yield metric, RDF.type, KG.Metric
        yield metric, SKOS.prefLabel, Literal(preferred)
        for name in sorted(names.keys() - {preferred}):
            yield metric, SKOS.altLabel, Literal(name)
    for extractor in sorted(extractors):
        agent = iris.extractor(extractor)
        name, _, version = extractor.rpartition("/") if "/" in extractor else (extractor, "", "")
        yield agent, RDF.type, PROV.SoftwareAgent
        yield agent, RDFS.label, Literal(name)
        if version:
            yield agent, SDO.softwareVersion, Literal(version)


def _paper(paper: URIRef, data: dict) -> Iterator[Triple]:
    yield paper, RDF.type, KG.Paper
    yield paper, DCTERMS.title, Literal(data["title"])
    if data.get("abstract"):
        yield paper, DCTERMS.abstract, Literal(data["abstract"])
    if data.get("date"):
        yield paper, DCTERMS.issued, _date(data["date"])
    for source in data.get("sources", ()):
        yield paper, DCTERMS.source, Literal(source)
    if data.get("url"):
        yield paper, FABIO.hasURL, Literal(data["url"], datatype=XSD.anyURI)
    if data.get("arxiv_id"):
        yield paper, FABIO.hasArXivId, Literal(data["arxiv_id"])
        # The arXiv abstract page unambiguously identifies the paper: schema:sameAs,
        # not owl:sameAs, which would make the page and the paper one thing.
        yield paper, SDO.sameAs, arxiv_iri(data["arxiv_id"])


def _date(text: str) -> Literal:
    """An ISO date as `xsd:date`; anything else (`Mar 12`) as the plain text it was."""
    if ISO_DATE.match(text):
        try:
            return Literal(datetime.date.fromisoformat(text))
        except ValueError:
            pass
    return Literal(text)


def _role(iris: Iris, paper_id: str, node: str, label: str, role: str, data: dict) -> Iterator[Triple]:
    """The role triple, its Linked Papers With Code twin where one holds, and its assertion node."""
    paper, entity, predicate = iris.paper(paper_id), iris.entity(node), ROLE_PROPERTIES[role]
    assertion = iris.assertion(paper_id, role, node)
    yield paper, predicate, entity
    if (role, label) in LPWC_LINKS:
        yield paper, LPWC_LINKS[role, label], entity
    yield assertion, RDF.type, KG.Assertion
    yield assertion, RDF.subject, paper
    yield assertion, RDF.predicate, predicate
    yield assertion, RDF.object, entity
    yield assertion, PROV.wasDerivedFrom, paper
    yield assertion, PROV.wasAttributedTo, iris.extractor(data.get("extractor") or "unknown")
    if data.get("confidence") is not None:
        yield assertion, KG.confidence, Literal(Decimal(repr(float(data["confidence"]))))
    if data.get("sentence"):
        yield assertion, KG.sentence, Literal(data["sentence"])
        yield assertion, KG.start, Literal(int(data["start"]))
        yield assertion, KG.end, Literal(int(data["end"]))


def to_graph(graph: nx.MultiDiGraph, base: str = DEFAULT_BASE) -> Graph:
    """The export as one rdflib Graph, with readable prefixes bound."""
    iris = Iris(graph, base)
    rdf = Graph()
    _bind(rdf, iris)
    for triple in _triples(graph, iris):
        rdf.add(triple)
    return rdf


def to_dataset(graph: nx.MultiDiGraph, base: str = DEFAULT_BASE) -> Dataset:
    """The export as the named graph `<base>/graph` of an rdflib Dataset, for TriG."""
    iris = Iris(graph, base)
    dataset = Dataset()
    _bind(dataset, iris)
    named = dataset.graph(iris.graph)
    for triple in _triples(graph, iris):
        named.add(triple)
    return dataset


def _bind(rdf: Graph, iris: Iris) -> None:
    for prefix, iri in PREFIXES.items():
        rdf.bind(prefix, iri, override=True, replace=True)
    for kind in ("paper", *(t.lower() for t in ENTITY_TYPES), "result", "metric", "assertion", "extractor"):
        rdf.bind(kind, iris.namespace(kind), override=True, replace=True)


def write_ntriples(graph: nx.MultiDiGraph, out: IO[str], base: str = DEFAULT_BASE) -> int:
    """Stream the export to `out` as N-Triples, one line per triple as it is made; returns the count.

    Terms are written by rdflib: `.n3()` for IRIs, and for literals the
    quoting of rdflib's own N-Triples serializer (`Literal.n3()` would write
    a multi-line string in Turtle's triple quotes). IRIs recur (the paper on
    each of its edges, every predicate), so their text is kept in a cache
    that is emptied when it grows large, to keep memory flat.
    """
    known: dict[URIRef, str] = {}
    count = 0
    for subject, predicate, obj in triples(graph, base):
        if len(known) > 100_000:
            known.clear()
        for term in (subject, predicate, obj):
            if term not in known and not isinstance(term, Literal):
                known[term] = term.n3()
        text = _quoteLiteral(obj) if isinstance(obj, Literal) else known[obj]
        out.write(f"{known[subject]} {known[predicate]} {text} .\n")
        count += 1
    return count


def write(graph: nx.MultiDiGraph, out: IO[bytes], fmt: str, base: str = DEFAULT_BASE) -> int:
    """Write the export of `graph` to the binary stream `out` in `fmt` (a key of FORMATS); returns the triple count."""
    if fmt == "nt":
        text = io.TextIOWrapper(out, encoding="utf-8", newline="\n")
        try:
            return write_ntriples(graph, text, base)
        finally:
            text.flush()
            text.detach()
    if fmt == "trig":
        rdf = to_dataset(graph, base)
        count = sum(len(named) for named in rdf.graphs())
    else:
        rdf = to_graph(graph, base)
        count = len(rdf)
    if fmt == "xml":
        _check_xml(rdf)
    # JSON-LD gets the prefixes as its @context, so that it reads like the Turtle.
    options = {"context": {p: str(ns) for p, ns in PREFIXES.items()}, "auto_compact": True} if fmt == "jsonld" else {}
    rdf.serialize(destination=out, format=FORMATS[fmt], encoding="utf-8", **options)
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
