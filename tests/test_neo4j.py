"""Against a real Neo4j 5 server: run when NEO4J_URI (and NEO4J_USER/NEO4J_PASSWORD) are set.

    NEO4J_URI=bolt://localhost:7687 NEO4J_USER=neo4j NEO4J_PASSWORD=... .venv/bin/python -m pytest tests/test_neo4j.py

Each test starts and ends by deleting the nodes kg writes (labels Paper,
Model, Method, Benchmark, Environment, Result) and their relationships in the
configured database (NEO4J_DATABASE or the server's default), and nothing
else: point it at a scratch database. Only one test uses a wrong password,
once, to stay clear of the server's lock-out after repeated failures.
"""

import json
import os
from dataclasses import replace

import pytest
from typer.testing import CliRunner

from kg.cli import app
from kg.graph import LABELS, RELATIONSHIP_TYPES, build_graph
from kg.query import run_query
from kg.store.neo4j import (
    Neo4jError,
    Neo4jSettings,
    apply_schema,
    clear,
    load_graph,
    load_rows,
    read_graph,
    session,
)
from kg.store.neo4j_rows import HASH, node_rows, relationship_rows
from kg.store.reader import Neo4jReader
from written_extractions import written_extractions, written_store

pytestmark = pytest.mark.skipif(
    not os.environ.get("NEO4J_URI"),
    reason="needs a Neo4j 5 server: set NEO4J_URI, NEO4J_USER and NEO4J_PASSWORD (docker compose -f docker/compose.yaml up -d)",
)
runner = CliRunner()


@pytest.fixture(scope="module")
def settings():
    return Neo4jSettings.from_env()


@pytest.fixture
def db(settings):
    with session(settings) as opened:
        clear(opened)
        yield opened
        clear(opened)


@pytest.fixture(scope="module")
def graph():
    return build_graph(written_extractions())


def counts(db):
    labels = {label: db.run(f"MATCH (n:{label}) RETURN count(n) AS c").single()["c"] for label in LABELS}
    types = {t: db.run(f"MATCH ()-[r:{t}]->() RETURN count(r) AS c").single()["c"] for t in RELATIONSHIP_TYPES}
    return labels, types


def embedded_counts(graph):
    labels = {label: sum(1 for _, d in graph.nodes(data=True) if d["label"] == label) for label in LABELS}
    types = {t: sum(1 for _, _, k in graph.edges(keys=True) if k == t) for t in RELATIONSHIP_TYPES}
    return labels, types


def assert_same_graph(read, graph):
    assert dict(read.nodes(data=True)) == dict(graph.nodes(data=True))
    assert sorted(read.edges(keys=True, data=True)) == sorted(graph.edges(keys=True, data=True))


def test_constraints_and_indexes_are_created_idempotently(db):
    apply_schema(db)
    again = apply_schema(db)
    assert (again.constraints_added, again.indexes_added) == (0, 0)
    constraints = db.run("SHOW CONSTRAINTS YIELD labelsOrTypes, properties, type").data()
    for label in LABELS:
        assert any(c["labelsOrTypes"] == [label] and c["properties"] == ["id"] and "UNIQUENESS" in c["type"] for c in constraints), label
    indexes = {row["name"] for row in db.run("SHOW INDEXES YIELD name").data()}
    assert {"model_name", "environment_name", "paper_title", "entity_names"} <= indexes


def test_a_load_gives_the_embedded_graphs_counts_and_evidence(db, graph):
    report = load_graph(db, graph, batch_size=7)
    assert (report.nodes_created, report.relationships_created) == (graph.number_of_nodes(), graph.number_of_edges())
    assert counts(db) == embedded_counts(graph)
    evidence = db.run(
        "MATCH (:Paper {id: $paper})-[r:EVALUATES_ON]->(:Environment {id: 'environment:mind2web'}) RETURN properties(r) AS props",
        paper=next(ex.paper.id for ex in written_extractions() if ex.paper.title.startswith("Planning")),
    ).single()["props"]
    assert set(evidence) == {"role", "confidence", "extractor", "sentence", "start", "end", HASH}
    assert evidence["sentence"] == "We evaluate on Mind2Web and WebArena, train with PPO and compare against GPT-4o."
    assert (evidence["role"], evidence["confidence"], evidence["extractor"]) == ("evaluates_on", 0.9, "kg-rules/test")
    assert_same_graph(read_graph(db), graph)


def test_loading_the_same_graph_again_changes_nothing(db, graph):
    load_graph(db, graph)
    again = load_graph(db, graph)
    assert (again.nodes_created, again.relationships_created, again.properties_set, again.labels_added) == (0, 0, 0, 0)
    assert again.rows_unchanged == graph.number_of_nodes() + graph.number_of_edges()
    assert counts(db) == embedded_counts(graph)


def test_a_reload_writes_only_the_rows_that_changed_and_hashes_stay_hidden(db, graph):
    load_graph(db, graph)
    changed = graph.copy()
    start, end, key = next((u, v, k) for u, v, k, d in changed.edges(keys=True, data=True) if "confidence" in d)
    changed.edges[start, end, key]["confidence"] = 0.11
    changed.nodes["model:gpt4o"]["aliases"] = ["GPT 4o"]
    report = load_graph(db, changed, batch_size=3)
    assert (report.nodes_created, report.relationships_created) == (0, 0)
    assert report.rows_unchanged == graph.number_of_nodes() + graph.number_of_edges() - 2
    assert report.properties_set > 0
    assert_same_graph(read_graph(db), changed)
    assert db.run(f"MATCH (n:Model {{id: 'model:gpt4o'}}) RETURN n.{HASH} IS NOT NULL AS hashed").single()["hashed"]


def test_load_rows_takes_streamed_batches_of_any_size(db, graph):
    nodes, rels = node_rows(graph), relationship_rows(graph)

    def one_row_at_a_time(grouped):
        for kind, rows in grouped.items():
            for row in rows:
                yield kind, [row]

    first = load_rows(db, one_row_at_a_time(nodes), one_row_at_a_time(rels), batch_size=5)
    assert (first.nodes_created, first.relationships_created) == (graph.number_of_nodes(), graph.number_of_edges())
    assert_same_graph(read_graph(db), graph)


def test_loading_new_papers_only_adds(db, graph):
    extractions = written_extractions()
    first = build_graph(extractions[:3])
    load_graph(db, first)
    report = load_graph(db, build_graph(extractions[3:]))
    rest = build_graph(extractions[3:])
    new_nodes = set(rest) - set(first)
    assert report.nodes_created == len(new_nodes)
    assert counts(db)[0]["Paper"] == 5
    for node in first:  # what the first load wrote is still there
        assert db.run("MATCH (n {id: $id}) RETURN count(n) AS c", id=node).single()["c"] == 1
    full = load_graph(db, graph)  # the whole graph adds only what spans both halves (variants)
    assert full.nodes_created == 0
    assert counts(db) == embedded_counts(graph)
    assert_same_graph(read_graph(db), graph)


def test_an_interrupted_load_is_completed_by_running_it_again(db, graph):
    class Interrupted(Exception):
        pass

    def stop_after_three(report, rows):
        if report.batches == 3:
            raise Interrupted

    with pytest.raises(Interrupted):
        load_graph(db, graph, batch_size=4, progress=stop_after_three)
    labels, types = counts(db)
    assert 0 < sum(labels.values()) + sum(types.values()) < graph.number_of_nodes() + graph.number_of_edges()
    load_graph(db, graph, batch_size=4)
    assert counts(db) == embedded_counts(graph)
    assert_same_graph(read_graph(db), graph)


def test_load_cli_prints_counters_and_a_second_load_creates_nothing(db, tmp_path, graph):
    store = written_store(tmp_path / "kg.sqlite")
    first = runner.invoke(app, ["load", str(store), "--batch-size", "5"])
    assert first.exit_code == 0, first.output
    assert f"{graph.number_of_nodes()} nodes created, {graph.number_of_edges()} relationships created" in first.output
    second = runner.invoke(app, ["load", str(store)])
    assert second.exit_code == 0, second.output
    assert "0 nodes created, 0 relationships created, 0 properties set" in second.output


def test_load_cli_reads_an_extraction_file(db, tmp_path, graph):
    pred = tmp_path / "pred.jsonl"
    pred.write_text("".join(json.dumps(ex.to_json()) + "\n" for ex in written_extractions()), encoding="utf-8")
    result = runner.invoke(app, ["load", str(pred)])
    assert result.exit_code == 0, result.output
    assert_same_graph(read_graph(db), graph)


def test_build_into_neo4j_then_stats_and_query_read_from_it(db, jsonl_file):
    built = runner.invoke(app, ["build", str(jsonl_file), "--store", "neo4j"])
    assert built.exit_code == 0, built.output
    stats = runner.invoke(app, ["stats", "--store", "neo4j"])
    assert stats.exit_code == 0 and "3 papers" in stats.output
    result = runner.invoke(app, ["query", "MATCH (p:Paper) RETURN count(p) AS papers", "--format", "json"], env={"KG_STORE": None})
    assert json.loads(result.stdout) == [{"papers": 3}]


def test_a_wrong_password_is_one_clear_line(db, settings):
    with pytest.raises(Neo4jError, match="authentication failed for user"):
        with Neo4jReader(replace(settings, password=settings.password + "-wrong")) as reader:
            list(reader.run("RETURN 1"))


def test_a_database_that_does_not_exist_is_one_clear_line(db, settings):
    result = runner.invoke(app, ["query", "RETURN 1", "--neo4j-database", "kgnosuchdatabase"])
    assert result.exit_code == 2
    assert result.output.strip() == (
        f"error: {settings.uri}: database 'kgnosuchdatabase' does not exist; check --neo4j-database (NEO4J_DATABASE)")


def test_invalid_cypher_is_one_clear_line(db):
    result = runner.invoke(app, ["query", "MATCH (p:Paper RETURN p"], env={"KG_STORE": None})
    assert result.exit_code == 2
    assert result.output.startswith("error: invalid Cypher: ") and len(result.output.strip().splitlines()) == 1


def test_queries_are_read_only(db, settings):
    with pytest.raises(Neo4jError), Neo4jReader(settings) as reader:
        run_query(reader, "CREATE (:Paper {id: 'written-by-a-query'})")
    assert db.run("MATCH (n:Paper {id: 'written-by-a-query'}) RETURN count(n) AS c").single()["c"] == 0
