"""The graph as RDF terms: each subject of the export with its (predicate, object) pairs.

`blocks` reads the graph through a reader, a page of nodes at a time
(`kg.store.rows`), and turns it into RDF terms in the vocabulary of
`schemas/kg.ttl`, grouped by subject, in the order of the store's pages (by
id from Neo4j, in storage order from the embedded store: the same bytes for
the same store). Each page after the first blocks (extractors, metrics) is
one of `tasks`, which `task_blocks` turns into blocks alone, so that the
writers of `kg.export.rdf` can make pages in several processes.

rdflib can neither read nor write RDF-star, so the evidence of each
paper-to-entity edge is an assertion node (a reified `rdf:Statement` that is
also a `prov:Entity`) carrying the sentence, its offsets, the confidence and
the extractor, derived from the paper. Authors keep their byline order
through schema.org's Role pattern: the paper's `schema:author` is a
`schema:Role` whose `schema:author` is the person and whose `kg:position`
is the place; `dcterms:creator` links the paper to the person directly.
"""

from __future__ import annotations

import datetime
import re
from collections import Counter, defaultdict
from collections.abc import Iterator
from decimal import Decimal
from functools import lru_cache
from typing import Any

from rdflib import Literal, URIRef, namespace

from kg.export import iris as ns
from kg.export.iris import DEFAULT_BASE, ORCID, Iris, arxiv_iri
from kg.store.rows import ENTITY_LABELS, PAGE, RESULTS_VIA, ROLE_TYPES, Page, Within, edges, node_pages, nodes_with_ids, windows

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


KG, FABIO, LPWC, PRISM = Terms(ns.KG), Terms(ns.FABIO), Terms(ns.LPWC), Terms(ns.PRISM)
DCTERMS, PROV, RDF, RDFS = Terms(namespace.DCTERMS), Terms(namespace.PROV), Terms(namespace.RDF), Terms(namespace.RDFS)
SDO, SKOS, XSD = Terms(namespace.SDO), Terms(namespace.SKOS), Terms(namespace.XSD)

Triple = tuple[URIRef, URIRef, URIRef | Literal]
Block = tuple[URIRef, list[tuple[URIRef, URIRef | Literal]]]

# rdflib's plugin name for each format the command accepts.
ROLE_PROPERTIES = {"proposes": KG.proposes, "evaluates_on": KG.evaluatesOn, "uses": KG.uses, "compares_to": KG.comparesTo,
                   "mentions": KG.mentions}
# Linked Papers With Code's paper links, stated beside the role where they hold exactly, so a
# query written for LPWC runs on the export without a reasoner. Each LPWC property covers
# one type of entity, so none is a super-property of a kg role (which spans all four).
LPWC_LINKS = {
    ("evaluates_on", "Benchmark"): LPWC.usesDataset,
    ("uses", "Benchmark"): LPWC.usesDataset,
    ("uses", "Method"): LPWC.hasMethod,
    ("uses", "Model"): LPWC.hasModel,
}
DATES = [(re.compile(r"^\d{4}-\d{2}-\d{2}$"), XSD.date), (re.compile(r"^\d{4}-\d{2}$"), XSD.gYearMonth), (re.compile(r"^\d{4}$"), XSD.gYear)]
ORCID_ID = re.compile(r"(\d{4}-\d{4}-\d{4}-\d{3}[\dX])$")
def blocks(reader: Any, base: str = DEFAULT_BASE, page: int = PAGE) -> Iterator[Block]:
    """Every subject of the export with its (predicate, object) pairs, a page of papers at a time.

    A pure function of the graph and `base`: no blank nodes, no clock, so two
    exports of one graph hold the same triples.
    """
    iris, metrics, head = prepare(reader, base, page)
    yield from head
    for task in tasks(reader, page):
        yield from task_blocks(reader, iris, metrics, task)


def prepare(reader: Any, base: str, page: int) -> tuple[Iris, dict[str, URIRef], list[Block]]:
    """What every page needs: the IRIs of entities (by their names) and of metrics; and the first blocks, of extractors and metrics."""
    iris = Iris(base, ((row["id"], label, row["name"]) for label in ENTITY_LABELS for rows in node_pages(reader, label, page) for row in rows))
    head = list(_extractors(reader, iris))
    metrics, found = _metrics(reader, iris)
    return iris, metrics, head + found


def tasks(reader: Any, page: int) -> Iterator[tuple[str, Within]]:
    """The pages of the export after its first blocks, as `(label, within)`: entities, then authors, then papers."""
    for label in (*ENTITY_LABELS, "Author", "Paper"):
        for within in windows(reader, label, page):
            yield label, within


def task_blocks(reader: Any, iris: Iris, metrics: dict[str, URIRef], task: tuple[str, Within]) -> Iterator[Block]:
    """The blocks of one of `_tasks`: read alone, so in any process."""
    label, within = task
    found = Page(nodes_with_ids(reader, label, within), within)
    if label == "Paper":
        yield from _papers(reader, iris, found, metrics)
    elif label == "Author":
        for row in found.rows:
            pairs = [(RDF.type, KG.Author), (SDO.name, Literal(row["name"]))]
            if row["orcid"] and (orcid := ORCID_ID.search(row["orcid"])):
                pairs.append((SDO.sameAs, URIRef(ORCID + orcid.group(1))))
            yield iris.author(row["id"]), pairs
    else:
        variants = defaultdict(list)
        for row in edges(reader, label, "VARIANT_OF", label, found.within):
            variants[row["start_id"]].append(row["end_id"])
        for row in found.rows:
            pairs = [(RDF.type, KG[label]), (SKOS.prefLabel, Literal(row["name"]))]
            pairs += [(SKOS.altLabel, Literal(alias)) for alias in row["aliases"] or ()]
            pairs += [(KG.variantOf, iris.entity(other)) for other in variants[row["id"]]]
            yield iris.entity(row["id"]), pairs


def triples(reader: Any, base: str = DEFAULT_BASE, page: int = PAGE) -> Iterator[Triple]:
    """Every triple of the export, subject by subject."""
    for subject, pairs in blocks(reader, base, page):
        for predicate, obj in pairs:
            yield subject, predicate, obj


def _extractors(reader: Any, iris: Iris) -> Iterator[Block]:
    found = reader.run(f"MATCH (:Paper)-[r:{'|'.join(ROLE_TYPES)}]->() RETURN DISTINCT r.extractor AS extractor")
    for extractor in sorted({row["extractor"] or "unknown" for row in found}):
        name, _, version = extractor.rpartition("/") if "/" in extractor else (extractor, "", "")
        pairs = [(RDF.type, PROV.SoftwareAgent), (RDFS.label, Literal(name))]
        if version:
            pairs.append((SDO.softwareVersion, Literal(version)))
        yield iris.extractor(extractor), pairs


def _metrics(reader: Any, iris: Iris) -> tuple[dict[str, URIRef], list[Block]]:
    """One node per metric, spellings that share a slug together: each spelling's IRI, and the metrics' blocks."""
    spellings: dict[URIRef, Counter[str]] = defaultdict(Counter)
    for row in reader.run("MATCH (r:Result) WHERE r.metric IS NOT NULL RETURN r.metric AS metric, count(*) AS n"):
        spellings[iris.metric(row["metric"])][row["metric"]] += int(row["n"])
    found = []
    for metric, names in sorted(spellings.items()):
        # One preferred label per metric: the spelling most results use.
        preferred = min(names, key=lambda name: (-names[name], len(name), name))
        found.append((metric, [(RDF.type, KG.Metric), (SKOS.prefLabel, Literal(preferred))] + [
            (SKOS.altLabel, Literal(name)) for name in sorted(names.keys() - {preferred})
        ]))
    return {name: metric for metric, names in spellings.items() for name in names}, found


def _papers(reader: Any, iris: Iris, page: Page, metrics: dict[str, URIRef]) -> Iterator[Block]:
    """The blocks of one page of papers: each paper, then its bylines, assertions and results."""
    authored = defaultdict(list)
    for row in edges(reader, "Author", "AUTHORED", "Paper", page.within, by_end=True):
        authored[row["end_id"]].append(row)
    roles = defaultdict(list)
    for label in ENTITY_LABELS:
        for row in edges(reader, "Paper", ROLE_TYPES, label, page.within):
            roles[row["start_id"]].append((label, row["role"], row))
    reports = defaultdict(list)
    for row in edges(reader, "Paper", "REPORTS", "Result", page.within):
        reports[row["start_id"]].append(row["end_id"])
    results = _results(reader, page)
    for row in page.rows:
        paper = iris.paper(row["id"])
        pairs = _paper(row)
        bylines = sorted(authored[row["id"]], key=lambda r: (r["position"] if r["position"] is not None else 1 << 30, r["start_id"]))
        pairs += [(DCTERMS.creator, iris.author(r["start_id"])) for r in bylines]
        pairs += [(SDO.author, iris.authorship(row["id"], r["position"])) for r in bylines if r["position"] is not None]
        for label, role, edge in roles[row["id"]]:
            pairs.append((ROLE_PROPERTIES[role], iris.entity(edge["end_id"])))
            if (role, label) in LPWC_LINKS:
                pairs.append((LPWC_LINKS[role, label], iris.entity(edge["end_id"])))
        pairs += [(KG.reports, iris.result(result)) for result in reports[row["id"]]]
        yield paper, pairs
        for r in bylines:
            if r["position"] is not None:
                yield iris.authorship(row["id"], r["position"]), [
                    (RDF.type, SDO.Role), (SDO.author, iris.author(r["start_id"])), (KG.position, _integer(int(r["position"])))]
        for label, role, edge in roles[row["id"]]:
            yield _assertion(iris, row["id"], role, edge)
        for result in reports[row["id"]]:
            yield _result(iris, results[result], metrics)


def _results(reader: Any, page: Page) -> dict[str, dict]:
    """The page's results by id, with the id of the entity that achieved each (`by`) and of its benchmark (`on`)."""
    found = {row["id"]: {**row, "by": None, "on": None} for row in nodes_with_ids(reader, "Result", page.within, via=RESULTS_VIA)}
    for key, type_, labels in (("by", "ACHIEVES", ("Model", "Method")), ("on", "HAS_RESULT", ("Benchmark", "Environment"))):
        for label in labels:
            for row in edges(reader, label, type_, "Result", page.within, by_end=True, via=RESULTS_VIA):
                found[row["end_id"]][key] = row["start_id"]
    return found


def _paper(row: dict) -> list[tuple[URIRef, URIRef | Literal]]:
    pairs: list[tuple[URIRef, URIRef | Literal]] = [(RDF.type, KG.Paper), (DCTERMS.title, Literal(row["title"]))]
    if row.get("abstract"):
        pairs.append((DCTERMS.abstract, Literal(row["abstract"])))
    if row.get("date"):
        pairs.append((DCTERMS.issued, _date(row["date"])))
    pairs += [(DCTERMS.source, _text(source)) for source in row.get("sources") or ()]
    pairs += [(DCTERMS.subject, _text(category)) for category in row.get("categories") or ()]
    if row.get("url"):
        pairs.append((FABIO.hasURL, Literal(row["url"], datatype=XSD.anyURI)))
    if row.get("arxiv_id"):
        pairs.append((FABIO.hasArXivId, Literal(row["arxiv_id"])))
        # The arXiv abstract page unambiguously identifies the paper: schema:sameAs,
        # not owl:sameAs, which would make the page and the paper one thing.
        pairs.append((SDO.sameAs, arxiv_iri(row["arxiv_id"])))
    if row.get("doi"):
        pairs.append((PRISM.doi, Literal(row["doi"])))
    if row.get("venue"):
        pairs.append((PRISM.publicationName, Literal(row["venue"])))
    return pairs


@lru_cache(maxsize=4096)
def _date(text: str) -> Literal:
    """An ISO date as `xsd:date`, `xsd:gYearMonth` or `xsd:gYear`, as precise as it is; anything else as text."""
    for pattern, datatype in DATES:
        if pattern.match(text):
            if datatype == XSD.date:
                try:
                    datetime.date.fromisoformat(text)
                except ValueError:
                    break
            return Literal(text, datatype=datatype)
    return Literal(text)


def _assertion(iris: Iris, paper_id: str, role: str, edge: dict) -> Block:
    """The evidence node of one role edge."""
    paper, entity, predicate = iris.paper(paper_id), iris.entity(edge["end_id"]), ROLE_PROPERTIES[role]
    pairs = [
        (RDF.type, KG.Assertion), (RDF.subject, paper), (RDF.predicate, predicate), (RDF.object, entity),
        (PROV.wasDerivedFrom, paper), (PROV.wasAttributedTo, iris.extractor(edge["extractor"] or "unknown")),
    ]
    if edge["confidence"] is not None:
        pairs.append((KG.confidence, _confidence(repr(float(edge["confidence"])))))
    if edge["sentence"]:
        pairs += [(KG.sentence, _text(edge["sentence"])), (KG.start, _integer(int(edge["start_char"]))), (KG.end, _integer(int(edge["end_char"])))]
    return iris.assertion(paper_id, role, edge["end_id"]), pairs


# An export makes literals by the million, and rdflib's Literal is slow to make. Many repeat
# (offsets into abstracts, a few confidences, positions; sources, categories, the names results
# give, a sentence that is the evidence of several entities of one paper), and a Literal never
# changes, so those are made once while they recur.
@lru_cache(maxsize=65_536)
def _integer(value: int) -> Literal:
    return Literal(value)


@lru_cache(maxsize=8192)
def _text(value: str) -> Literal:
    return Literal(value)


@lru_cache(maxsize=4096)
def _confidence(text: str) -> Literal:
    """An `xsd:decimal` of the float written `text` (the key is the text: 0.0 and -0.0 are equal floats)."""
    return Literal(Decimal(text))


def _result(iris: Iris, row: dict, metrics: dict[str, URIRef]) -> Block:
    pairs = [(RDF.type, KG.Result), (KG.subjectName, _text(row["subject"])), (KG.value, _text(row["value"]))]
    if row["benchmark"]:
        pairs.append((KG.benchmarkName, _text(row["benchmark"])))
    if row["metric"]:
        pairs.append((KG.metric, metrics[row["metric"]]))
    if row["by"]:
        pairs.append((KG.subject, iris.entity(row["by"])))
    if row["on"]:
        pairs.append((KG.benchmark, iris.entity(row["on"])))
    return iris.result(row["id"]), pairs
