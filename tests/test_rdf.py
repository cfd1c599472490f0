"""The RDF export, read from a real LadybugDB store: formats round-trip, Turtle streams, shapes validate, README queries answer right."""

from __future__ import annotations

import copy
import io
import re
from decimal import Decimal
from pathlib import Path

import pyshacl
import pytest
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SDO, SKOS, XSD
from typer.testing import CliRunner

from kg.cli import app
from kg.export.iris import FABIO, KG, LPWC, LPWC_CLASS, MLS, PRISM, Iris, check_base, slug
from kg.export.rdf import FORMATS, ROLE_PROPERTIES, ontology, shapes, to_graph, triples, write, write_ntriples, write_turtle
from kg.store.reader import LadybugReader
from known_graph import PAPERS, create, evidence, pid

ROOT = Path(__file__).resolve().parents[1]
BASE = "https://example.org/kg"
SH = "http://www.w3.org/ns/shacl#"
WEBPILOT = URIRef(f"{BASE}/paper/arxiv-2502.00001")
runner = CliRunner(env={"NEO4J_URI": None, "KG_STORE": None})


class Counting:
    """A reader that counts its queries and remembers how many had run when the output was first written to."""

    def __init__(self, reader):
        self.reader, self.queries = reader, 0

    def run(self, cypher, params=None):
        self.queries += 1
        return self.reader.run(cypher, params)


@pytest.fixture(scope="module")
def exported(known) -> Graph:
    return to_graph(known)


def _serialise(reader, fmt: str, base: str = BASE) -> bytes:
    out = io.BytesIO()
    write(reader, out, fmt, base)
    return out.getvalue()


def _parse(data: bytes, fmt: str, base: str = BASE) -> Graph:
    if fmt == "trig":
        return Dataset().parse(data=data, format="trig").graph(URIRef(f"{base}/graph"))
    return Graph().parse(data=data, format=FORMATS[fmt])


@pytest.fixture
def odd_store(tmp_path):
    """The first paper with text that needs escaping in every format."""
    paper = copy.deepcopy(PAPERS[0])
    paper["title"] = 'WebPilot: "quotes", a back\\slash, tabs\tand\nnew lines: λ-calculus ünïcode'
    paper["abstract"] = paper["abstract"].replace(". We evaluate", ".\r\nWe evaluate")
    return create(tmp_path / "odd.db", [paper])


# ---------------------------------------------------------------- formats and streaming


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_every_format_parses_back_isomorphic(known, exported, fmt):
    parsed = _parse(_serialise(known, fmt), fmt)
    assert len(parsed) == len(exported) > 400
    assert isomorphic(parsed, exported)


@pytest.mark.parametrize("writer", [write_ntriples, write_turtle])
def test_streamed_formats_are_the_same_triples_whatever_the_page_size(known, exported, writer):
    for page in (1, 3, 1000):
        out = io.StringIO()
        count = writer(known, out, page=page)
        parsed = Graph().parse(data=out.getvalue(), format="nt" if writer is write_ntriples else "turtle")
        assert count == len(parsed) == len(exported)
        assert isomorphic(parsed, exported)


def test_streamed_ntriples_are_rdflibs_own_lines(known, exported):
    out = io.StringIO()
    write_ntriples(known, out)
    assert sorted(out.getvalue().splitlines()) == sorted(exported.serialize(format="nt").splitlines())


@pytest.mark.parametrize("writer", [write_ntriples, write_turtle])
def test_streamed_formats_write_before_the_graph_is_read(known, writer):
    """The first subject is written while most queries are still to come: nothing waits for the whole graph."""
    counting = Counting(known)
    seen = []

    class Out(io.StringIO):
        def write(self, text):
            if not text.startswith("@prefix") and not seen:
                seen.append(counting.queries)
            return super().write(text)

    writer(counting, Out(), page=1)
    assert seen and seen[0] < counting.queries / 4


def test_turtle_uses_prefixes_and_one_block_per_subject(known):
    out = io.StringIO()
    write_turtle(known, out)
    text = out.getvalue()
    assert text.startswith("@prefix kg: <https://example.org/kg/ontology#> .\n")
    assert "\nmodel:gpt-4o\n    a kg:Model ;\n    skos:prefLabel \"GPT-4o\" ;\n    skos:altLabel \"GPT4o\" .\n" in text
    assert "\npaper:arxiv-2502.00001\n    a kg:Paper ;\n" in text


def test_text_that_needs_escaping_survives_every_format(odd_store):
    with LadybugReader(odd_store) as reader:
        built = to_graph(reader)
        title = next(iter(built.objects(WEBPILOT, DCTERMS.title)))
        assert "\n" in title and '"' in title and "\\" in title
        for fmt in FORMATS:
            parsed = _parse(_serialise(reader, fmt), fmt)
            assert isomorphic(parsed, built), fmt
            assert title in set(parsed.objects(None, DCTERMS.title)), fmt


def test_exporting_twice_gives_identical_sorted_ntriples(tmp_path):
    """Two stores written in different orders export the same lines."""
    lines = []
    for name, papers in (("a.db", PAPERS), ("b.db", list(reversed(PAPERS)))):
        with LadybugReader(create(tmp_path / name, papers)) as reader:
            out = io.StringIO()
            write_ntriples(reader, out)
            lines.append(sorted(out.getvalue().splitlines()))
    assert lines[0] == lines[1] and not any("_:" in line for line in lines[0])


# ---------------------------------------------------------------- what the triples say


def test_iris_are_readable_and_arxiv_papers_link_to_arxiv(exported):
    rdf = exported
    assert (WEBPILOT, RDF.type, KG.Paper) in rdf
    assert (WEBPILOT, FABIO.hasArXivId, Literal("2502.00001")) in rdf
    assert (WEBPILOT, SDO.sameAs, URIRef("https://arxiv.org/abs/2502.00001")) in rdf
    assert (WEBPILOT, FABIO.hasURL, Literal("https://arxiv.org/abs/2502.00001", datatype=XSD.anyURI)) in rdf
    model = URIRef(f"{BASE}/model/llama-3.1-8b")
    assert (WEBPILOT, KG.uses, model) in rdf
    assert (model, SKOS.prefLabel, Literal("Llama-3.1-8B")) in rdf
    assert (model, SKOS.altLabel, Literal("Llama 3.1 8B")) in rdf
    assert (model, KG.variantOf, URIRef(f"{BASE}/model/llama-3.1")) in rdf
    planning = URIRef(f"{BASE}/paper/doi-10.5555%2Fplan.1")
    assert (planning, DCTERMS.title, Literal("Planning Helps Web Agents")) in rdf
    assert not list(rdf.objects(planning, SDO.sameAs))


def test_paper_metadata_dates_categories_doi_and_venue(exported):
    rdf = exported
    issued = {str(s).rsplit("/", 1)[1]: o for s, o in rdf.subject_objects(DCTERMS.issued)}
    assert issued["arxiv-2502.00001"] == Literal("2025-02-03", datatype=XSD.date)
    assert issued["arxiv-2502.00002"] == Literal("2025-02", datatype=XSD.gYearMonth)
    assert issued["doi-10.5555%2Fplan.1"] == Literal("2024", datatype=XSD.gYear)
    assert "arxiv-2502.00004" not in issued
    assert set(rdf.objects(WEBPILOT, DCTERMS.subject)) == {Literal("cs.CL"), Literal("cs.AI")}
    assert (WEBPILOT, PRISM.doi, Literal("10.1234/webpilot.2025")) in rdf
    assert (WEBPILOT, PRISM.publicationName, Literal("ICML 2025")) in rdf


def test_authors_keep_their_byline_order(exported):
    rdf = exported
    ada, alan = URIRef(f"{BASE}/author/0000-0002-1825-0097"), URIRef(f"{BASE}/author/alanturing")
    assert set(rdf.objects(WEBPILOT, DCTERMS.creator)) == {ada, alan}
    bylines = {rdf.value(b, KG.position).toPython(): rdf.value(b, SDO.author) for b in rdf.objects(WEBPILOT, SDO.author)}
    assert bylines == {1: ada, 2: alan}
    assert (URIRef(f"{BASE}/authorship/arxiv-2502.00001--2"), RDF.type, SDO.Role) in rdf
    assert (ada, RDF.type, KG.Author) in rdf and (ada, SDO.name, Literal("Ada Lovelace")) in rdf
    assert (ada, SDO.sameAs, URIRef("https://orcid.org/0000-0002-1825-0097")) in rdf
    assert not list(rdf.objects(alan, SDO.sameAs))


def test_base_sets_every_node_iri(known):
    rdf = _parse(_serialise(known, "nt", "http://data.lab.example/papers/"), "nt")
    nodes = {str(t) for triple in rdf for t in triple if isinstance(t, URIRef)}
    shared = ("http://www.w3.org/", "http://purl.org/", "https://schema.org/", str(KG), "https://arxiv.org/", str(LPWC),
              "https://orcid.org/", str(PRISM))
    ours = {t for t in nodes if not t.startswith(shared)}
    assert len(ours) > 60 and all(t.startswith("http://data.lab.example/papers/") and "papers//" not in t for t in ours)


def test_assertion_node_carries_the_evidence(known, exported):
    rdf = exported
    entity = URIRef(f"{BASE}/model/gpt-4o")
    assertion = URIRef(f"{BASE}/assertion/arxiv-2502.00001--compares_to--model--gpt-4o")
    sentence, start, end = evidence(PAPERS[0], "GPT-4o")
    assert {p: o for p, o in rdf.predicate_objects(assertion)} == {
        RDF.type: KG.Assertion,
        RDF.subject: WEBPILOT,
        RDF.predicate: KG.comparesTo,
        RDF.object: entity,
        PROV.wasDerivedFrom: WEBPILOT,
        PROV.wasAttributedTo: URIRef(f"{BASE}/extractor/kg-rules--test"),
        KG.confidence: Literal(Decimal("0.9")),
        KG.sentence: Literal(sentence),
        KG.start: Literal(start),
        KG.end: Literal(end),
    }
    agent = URIRef(f"{BASE}/extractor/kg-rules--test")
    assert (agent, RDF.type, PROV.SoftwareAgent) in rdf
    assert (agent, RDFS.label, Literal("kg-rules")) in rdf and (agent, SDO.softwareVersion, Literal("test")) in rdf
    assert len(set(rdf.subjects(RDF.type, KG.Assertion))) == sum(len(paper["roles"]) for paper in PAPERS)


def test_lpwc_links_are_stated_exactly_where_they_hold(exported):
    from known_graph import entity_type

    iris = Iris(BASE, [])
    twin = {("uses", "Benchmark"): LPWC.usesDataset, ("evaluates_on", "Benchmark"): LPWC.usesDataset,
            ("uses", "Method"): LPWC.hasMethod, ("uses", "Model"): LPWC.hasModel}
    expected = {
        (iris.paper(pid(paper)), twin[role, entity_type(name)], URIRef(f"{BASE}/{entity_type(name).lower()}/{slug(name)}"))
        for paper in PAPERS for name, role in paper["roles"] if (role, entity_type(name)) in twin
    }
    stated = {t for p in (LPWC.usesDataset, LPWC.hasMethod, LPWC.hasModel) for t in exported.triples((None, p, None))}
    assert stated == expected and len(stated) == 10


def test_results_link_subject_benchmark_and_one_metric_per_name(exported):
    rdf = exported
    result = URIRef(f"{BASE}/result/arxiv-2502.00001--0")
    assert (WEBPILOT, KG.reports, result) in rdf
    assert (result, KG.subject, URIRef(f"{BASE}/method/webpilot")) in rdf
    assert (result, KG.benchmark, URIRef(f"{BASE}/environment/webarena")) in rdf
    assert (result, KG.value, Literal("41.0%")) in rdf
    metric = URIRef(f"{BASE}/metric/success-rate")
    assert (result, KG.metric, metric) in rdf
    # "success rate" and "Success Rate" are one metric with one preferred label.
    assert set(rdf.subjects(RDF.type, KG.Metric)) == {metric}
    assert list(rdf.objects(metric, SKOS.prefLabel)) == [Literal("Success Rate")]
    assert list(rdf.objects(metric, SKOS.altLabel)) == [Literal("success rate")]
    unlinked = list(rdf.subjects(KG.subjectName, Literal("Unnamed")))
    assert len(unlinked) == 1 and not list(rdf.objects(unlinked[0], KG.subject)) and not list(rdf.objects(unlinked[0], KG.metric))


def test_slugs_are_readable_and_clashes_stay_distinct():
    assert slug("Llama 3.1-8B") == slug("llama-3.1-8b") == "llama-3.1-8b"
    assert slug("MiniWoB++") == "miniwob"
    assert slug("Café-Bench.") == "cafe-bench"
    iris = Iris(BASE, [("model:a", "Model", "GPT 4"), ("model:b", "Model", "GPT-4"), ("method:c", "Method", "GPT-4")])
    assert iris.entity("model:a") != iris.entity("model:b")
    assert iris.entity("model:a").startswith(f"{BASE}/model/gpt-4-") and iris.entity("method:c") == URIRef(f"{BASE}/method/gpt-4")


@pytest.mark.parametrize(
    "base, problem",
    [("kg", "not an absolute IRI"), ("not an iri", "not an absolute IRI"), ("http://a.org/x y", "cannot"),
     ("http://a.org/kg#x", "query or fragment"), ("http://a.org/kg?x=1", "query or fragment"), ("http:///kg", "no host")],
)
def test_bad_base_iris_are_refused(base, problem):
    with pytest.raises(ValueError, match=problem):
        check_base(base)


# ---------------------------------------------------------------- ontology and shapes


def test_ontology_declares_every_kg_term_with_label_and_comment(known):
    onto = ontology()
    declared = {s for kind in (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty) for s in onto.subjects(RDF.type, kind) if isinstance(s, URIRef)}
    kg_terms = {t for t in declared if t.startswith(str(KG))}
    assert {KG[c] for c in ("Paper", "Author", "Model", "Method", "Benchmark", "Environment", "Result", "Assertion")} <= kg_terms
    for term in kg_terms:
        assert list(onto.objects(term, RDFS.label)), f"{term} has no rdfs:label"
        assert list(onto.objects(term, RDFS.comment)), f"{term} has no rdfs:comment"
    # Every kg term an export uses, and every one the shapes check, is declared.
    used = {t for _, p, o in triples(known) for t in (p, o) if isinstance(t, URIRef)}
    checked = {t for triple in shapes() for t in triple if isinstance(t, URIRef)}
    assert KG.position in used
    assert {t for t in used | checked if str(t).startswith(str(KG))} <= kg_terms


def test_ontology_aligns_with_the_scholarly_vocabularies():
    onto = ontology()
    for sub, sup in [
        (KG.Paper, SDO.ScholarlyArticle), (KG.Paper, LPWC_CLASS.paper), (KG.Model, MLS.Model), (KG.Method, LPWC_CLASS.method),
        (KG.Benchmark, SDO.Dataset), (KG.Benchmark, MLS.Dataset), (KG.Benchmark, LPWC_CLASS.dataset), (KG.Author, SDO.Person),
        (KG.Result, MLS.ModelEvaluation), (KG.Metric, MLS.EvaluationMeasure), (KG.Assertion, RDF.Statement), (KG.Assertion, PROV.Entity),
    ]:
        assert (sub, RDFS.subClassOf, sup) in onto, (sub, sup)
    for sub, sup in [(KG.metric, MLS.specifiedBy), (KG.value, MLS.hasValue), (KG.value, LPWC.metricValue), (KG.uses, SDO.mentions)]:
        assert (sub, RDFS.subPropertyOf, sup) in onto, (sub, sup)
    assert (KG.proposes, OWL.inverseOf, LPWC.introducedBy) in onto
    # Left out on purpose: they do not hold for every instance (see the comments in kg.ttl).
    assert not list(onto.objects(KG.Environment, RDFS.subClassOf))
    assert (KG.Method, RDFS.subClassOf, MLS.Algorithm) not in onto
    assert not {o for p in ROLE_PROPERTIES.values() for o in onto.objects(p, RDFS.subPropertyOf)} - {SDO.mentions}


def _validate(rdf: Graph) -> tuple[bool, Graph]:
    conforms, report, _ = pyshacl.validate(rdf, shacl_graph=shapes())
    return conforms, report


def _violations(report: Graph) -> set[tuple[str, str, str]]:
    """(focus node, path, constraint component) of every violation."""
    sh = lambda name: URIRef(SH + name)  # noqa: E731
    return {
        (str(report.value(r, sh("focusNode"))), str(report.value(r, sh("resultPath"))), str(report.value(r, sh("sourceConstraintComponent"))).removeprefix(SH))
        for r in report.subjects(RDF.type, sh("ValidationResult"))
    }


def test_the_export_conforms_to_the_shapes(exported):
    conforms, report = _validate(exported)
    assert conforms, _violations(report)


ASSERTION = URIRef(f"{BASE}/assertion/arxiv-2502.00001--compares_to--model--gpt-4o")
BYLINE = URIRef(f"{BASE}/authorship/arxiv-2502.00001--1")
ADA = URIRef(f"{BASE}/author/0000-0002-1825-0097")


@pytest.mark.parametrize(
    "edit, focus, path, component",
    [
        (lambda g: g.set((ASSERTION, KG.confidence, Literal(Decimal("1.5")))), ASSERTION, KG.confidence, "MaxInclusiveConstraintComponent"),
        (lambda g: g.set((ASSERTION, KG.start, g.value(ASSERTION, KG.end))), ASSERTION, KG.start, "LessThanConstraintComponent"),
        (lambda g: g.set((ASSERTION, KG.start, Literal(-3))), ASSERTION, KG.start, "MinInclusiveConstraintComponent"),
        (lambda g: g.set((ASSERTION, KG.confidence, Literal(0.9, datatype=XSD.double))), ASSERTION, KG.confidence, "DatatypeConstraintComponent"),
        (lambda g: g.add((WEBPILOT, KG.evaluatesOn, URIRef(f"{BASE}/model/gpt-4o"))), WEBPILOT, KG.evaluatesOn, "NodeConstraintComponent"),
        (lambda g: g.add((URIRef(f"{BASE}/model/gpt-4o"), KG.variantOf, URIRef(f"{BASE}/benchmark/gsm8k"))),
         URIRef(f"{BASE}/model/gpt-4o"), KG.variantOf, "ClassConstraintComponent"),
        (lambda g: g.remove((WEBPILOT, DCTERMS.title, None)), WEBPILOT, DCTERMS.title, "MinCountConstraintComponent"),
        (lambda g: g.add((WEBPILOT, DCTERMS.title, Literal("A second title"))), WEBPILOT, DCTERMS.title, "MaxCountConstraintComponent"),
        (lambda g: g.add((WEBPILOT, LPWC.usesDataset, URIRef(f"{BASE}/environment/webarena"))), WEBPILOT, LPWC.usesDataset, "ClassConstraintComponent"),
        (lambda g: g.add((WEBPILOT, PRISM.doi, Literal("doi.org/x"))), WEBPILOT, PRISM.doi, "MaxCountConstraintComponent"),
        (lambda g: g.set((BYLINE, KG.position, Literal(0))), BYLINE, KG.position, "MinInclusiveConstraintComponent"),
        (lambda g: g.remove((ADA, SDO.name, None)), ADA, SDO.name, "MinCountConstraintComponent"),
    ],
)
def test_a_broken_export_fails_with_the_expected_violation(exported, edit, focus, path, component):
    rdf = Graph()
    for triple in exported:
        rdf.add(triple)
    edit(rdf)
    conforms, report = _validate(rdf)
    assert not conforms
    assert (str(focus), str(path), component) in _violations(report)


def test_an_assertion_about_a_missing_triple_fails(exported):
    rdf = Graph()
    for triple in exported:
        rdf.add(triple)
    rdf.remove((WEBPILOT, KG.comparesTo, URIRef(f"{BASE}/model/gpt-4o")))
    conforms, report = _validate(rdf)
    assert not conforms and _violations(report) == {(str(ASSERTION), "None", "SPARQLConstraintComponent")}


# ---------------------------------------------------------------- the README's queries


def readme_queries() -> list[str]:
    section = (ROOT / "README.md").read_text(encoding="utf-8").split("## RDF export", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```sparql\n(.*?)```", section, flags=re.S)


def _run(rdf: Graph, query: str) -> list[tuple]:
    return [tuple(term.toPython() for term in row) for row in rdf.query(query)]


def test_readme_sparql_queries_answer_as_known(exported):
    evaluated = sorted(
        (paper["title"], name, evidence(paper, name)[0], Decimal("0.9"))
        for paper in PAPERS for name, role in paper["roles"] if role == "evaluates_on"
    )
    assert len(evaluated) == 8
    bylines = sorted((paper["title"], n, name) for paper in PAPERS for n, name in enumerate(paper["authors"], 1))
    expected = [
        [("GSM8K", 2)],
        [("SimWorld: A Simulator for Household Robots", "HomePlanner", "SimWorld")],
        [("GPT-4o", 3), ("Claude 3.5 Sonnet", 1)],
        evaluated,
        bylines,
    ]
    queries = readme_queries()
    assert len(queries) == len(expected)
    assert [_run(exported, q) for q in queries] == expected
    assert bylines[:2] == [("BrowseBench: A Benchmark for Web Agents", 1, "Alan Turing"), ("BrowseBench: A Benchmark for Web Agents", 2, "Grace Hopper")]


# ---------------------------------------------------------------- the command


@pytest.mark.parametrize("name, fmt", [("out.ttl", "turtle"), ("out.nt", "nt"), ("out.jsonld", "jsonld"), ("out.rdf", "xml"), ("out.trig", "trig")])
def test_command_picks_the_format_from_the_suffix(tmp_path, known_store, exported, name, fmt):
    out = tmp_path / name
    result = runner.invoke(app, ["export", "rdf", "-o", str(out), "--store", str(known_store)])
    assert result.exit_code == 0, result.output
    assert f"wrote {len(exported)} triples ({fmt}) to {out}" in result.output
    assert isomorphic(_parse(out.read_bytes(), fmt), exported)


def test_command_format_option_overrides_the_suffix_and_base_sets_iris(tmp_path, known_store):
    out = tmp_path / "export.txt"
    result = runner.invoke(app, ["export", "rdf", "-o", str(out), "--format", "nt", "--base", "http://lab.example/kg/", "--store", str(known_store)])
    assert result.exit_code == 0, result.output
    assert "<http://lab.example/kg/paper/arxiv-2502.00001>" in out.read_text()


@pytest.mark.parametrize(
    "args, message",
    [
        (["-o", "{tmp}/out.ttl", "--format", "yaml"], "error: unknown RDF format 'yaml'; use one of turtle|nt|jsonld|xml|trig"),
        (["-o", "{tmp}/out.yaml"], "error: {tmp}/out.yaml: cannot tell the RDF format from the suffix '.yaml'"),
        (["-o", "{tmp}/missing/out.ttl"], "error: {tmp}/missing/out.ttl: cannot write: No such file or directory"),
        (["-o", "{tmp}/dir.ttl"], "error: {tmp}/dir.ttl: cannot write: Is a directory"),
        (["-o", "{tmp}/out.ttl", "--base", "example.org/kg"], "error: --base 'example.org/kg' is not an absolute IRI"),
        (["-o", "{tmp}/out.ttl", "--base", "https://example.org/kg#"], "has a query or fragment"),
        (["-o", "-"], "error: writing to stdout needs --format"),
    ],
)
def test_bad_arguments_give_one_line_errors_and_write_nothing(tmp_path, known_store, args, message):
    (tmp_path / "dir.ttl").mkdir()
    before = set(tmp_path.rglob("*"))
    result = runner.invoke(app, ["export", "rdf", *[a.format(tmp=tmp_path) for a in args], "--store", str(known_store)])
    assert result.exit_code == 2
    assert message.format(tmp=tmp_path) in result.output
    assert len(result.output.strip().splitlines()) == 1 and "Traceback" not in result.output
    assert set(tmp_path.rglob("*")) == before


def test_rdf_xml_refuses_text_it_cannot_hold_and_other_formats_keep_it(tmp_path):
    paper = copy.deepcopy(PAPERS[4])
    paper["title"] = "Chain-of-Thought\x0bcontrol characters"
    with LadybugReader(create(tmp_path / "ctl.db", [paper])) as reader:
        with pytest.raises(ValueError, match="RDF/XML cannot hold the control character U\\+000B"):
            write(reader, io.BytesIO(), "xml")
        for fmt in ("turtle", "nt", "jsonld", "trig"):
            assert Literal(paper["title"]) in set(_parse(_serialise(reader, fmt), fmt).objects(None, DCTERMS.title)), fmt


def test_command_writes_to_stdout(known_store):
    result = runner.invoke(app, ["export", "rdf", "-o", "-", "--format", "nt", "--store", str(known_store)])
    assert result.exit_code == 0, result.output
    assert "<https://example.org/kg/paper/arxiv-2502.00001> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type>" in result.stdout
