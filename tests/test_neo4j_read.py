"""The read side against a real Neo4j 5: the known graph answers the same there as in the embedded store.

    NEO4J_URI=bolt://localhost:7687 NEO4J_USER=neo4j NEO4J_PASSWORD=... .venv/bin/python -m pytest tests/test_neo4j_read.py

The known graph is copied into Neo4j from the embedded store through
`kg.store.rows` (the row source the loader consumes), then every reader of
kg (queries, stats, search, RDF, neo4j-csv, the HTML view) reads both and
must give the same answers. The tests delete kg's labels (and nothing else)
in the configured database before and after: point it at a scratch database.
"""

import os

import pytest
from rdflib.compare import isomorphic

from kg.export.html import View, select
from kg.export.neo4j_csv import export_neo4j_csv
from kg.export.rdf import to_graph
from kg.query import run_query
from kg.search import search
from kg.stats import stats
from kg.store.neo4j import Neo4jSettings, apply_schema, session
from kg.store.reader import Neo4jReader
from kg.store.rows import node_batches, relationship_batches, tables
from readme_queries import PARAMS, readme_queries
from test_export_neo4j_csv import read_back
from test_query import EXPECTED, MORE

pytestmark = pytest.mark.skipif(
    not os.environ.get("NEO4J_URI"),
    reason="needs a Neo4j 5 server: set NEO4J_URI, NEO4J_USER and NEO4J_PASSWORD (docker compose -f docker/compose.yaml up -d)",
)


def _clear(db):
    labels = " OR ".join(f"n:{label}" for label in tables().labels)
    db.run(f"MATCH (n) WHERE {labels} DETACH DELETE n").consume()


@pytest.fixture(scope="module")
def neo4j(known):
    settings = Neo4jSettings.from_env()
    with session(settings) as db:
        _clear(db)
        apply_schema(db)
        for label, rows in node_batches(known, 5):
            db.run(f"UNWIND $rows AS row MERGE (n:{label} {{id: row.id}}) SET n = row.props", rows=rows).consume()
        for (start, type_, end), rows in relationship_batches(known, 5):
            db.run(f"UNWIND $rows AS row MATCH (a:{start} {{id: row.start}}) MATCH (b:{end} {{id: row.end}}) "
                   f"MERGE (a)-[r:{type_}]->(b) SET r = row.props", rows=rows).consume()
        db.run("CALL db.awaitIndexes(300)").consume()
        with Neo4jReader(settings) as reader:
            yield reader
        _clear(db)


@pytest.mark.parametrize("number", sorted(EXPECTED))
def test_readme_queries_answer_the_same_on_neo4j(neo4j, known, number):
    title, cypher = readme_queries()[number]
    on_neo4j = run_query(neo4j, cypher, PARAMS.get(number))
    assert on_neo4j.rows == EXPECTED[number], title
    assert on_neo4j == run_query(known, cypher, PARAMS.get(number)), title


@pytest.mark.parametrize("name", sorted(MORE))
def test_opencypher_beyond_the_readme_answers_the_same_on_neo4j(neo4j, known, name):
    cypher, expected = MORE[name]
    assert run_query(neo4j, cypher).rows == expected == run_query(known, cypher).rows


def test_nodes_come_back_the_same_from_both_stores(neo4j, known):
    cypher = "MATCH (m:Model) WHERE m.name = 'GPT-4o' RETURN m, labels(m) AS labels"
    assert run_query(neo4j, cypher) == run_query(known, cypher)


def test_stats_are_the_same(neo4j, known):
    assert stats(neo4j, 5) == stats(known, 5)


def test_search_uses_the_full_text_index_and_finds_the_same(neo4j, known):
    for text in ("llama", "GPT-4o", "Proximal Policy Optimization", "gsm8k"):
        assert [hit.id for hit in search(neo4j, text)] == [hit.id for hit in search(known, text)], text


def test_rdf_is_the_same_graph(neo4j, known):
    assert isomorphic(to_graph(neo4j), to_graph(known))


def test_neo4j_csv_is_the_same_files(neo4j, known, tmp_path):
    export_neo4j_csv(neo4j, tmp_path / "neo4j", page=3)
    export_neo4j_csv(known, tmp_path / "embedded")
    assert read_back(tmp_path / "neo4j") == read_back(tmp_path / "embedded")


def test_html_views_are_the_same(neo4j, known):
    for view in (View(focus="PPO", hops=2), View(min_degree=4), View(max_nodes=5), View(roles=("proposes",))):
        a, b = select(neo4j, view), select(known, view)
        assert sorted(a.graph.nodes(data=True)) == sorted(b.graph.nodes(data=True)), view
        assert sorted(a.graph.edges(keys=True)) == sorted(b.graph.edges(keys=True)), view
