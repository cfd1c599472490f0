"""Everything about loading into Neo4j that needs no server: rows, batches, query text, schema, errors."""

import json
import re

import pytest
from typer.testing import CliRunner

from kg.cli import app
from kg.graph import LABELS, RELATIONSHIP_TYPES, build_graph
from kg.store.neo4j import (
    Neo4jError,
    Neo4jSettings,
    batches,
    flatten,
    node_query,
    node_rows,
    relationship_query,
    relationship_rows,
    schema_statements,
    session,
)
from written_extractions import written_extractions, written_store

runner = CliRunner(env={"NEO4J_URI": None, "KG_STORE": None})
UNREACHABLE = "bolt://127.0.0.1:1"


@pytest.fixture(scope="module")
def graph():
    return build_graph(written_extractions())


def test_flatten_keeps_what_neo4j_stores_and_flattens_the_rest():
    assert flatten({"a": 1, "b": None, "c": [1, 2], "d": {"x": 1, "y": {"z": "q"}, "n": None}, "e": [None, "s"]}) == {
        "a": 1, "c": [1, 2], "d_x": 1, "d_y_z": "q", "e": ["s"]}
    assert flatten({"mixed": [1, "a"], "maps": [{"k": 1}]}) == {"mixed": '[1, "a"]', "maps": '[{"k": 1}]'}
    assert flatten({"s": {"b", "a"}, "t": (1.5, 2.5), "empty": []}) == {"s": ["a", "b"], "t": [1.5, 2.5], "empty": []}


def test_node_rows_group_by_label_and_carry_the_id_in_the_properties(graph):
    rows = node_rows(graph)
    assert set(rows) == {"Paper", "Model", "Method", "Benchmark", "Environment", "Result"}
    assert sum(len(r) for r in rows.values()) == graph.number_of_nodes()
    gpt = next(row for row in rows["Model"] if row["id"] == "model:gpt4o")
    assert gpt == {"id": "model:gpt4o", "props": {"id": "model:gpt4o", "name": "GPT-4o", "aliases": []}}
    paper = next(row for row in rows["Paper"] if row["id"] == "arxiv:2502.00001")["props"]
    assert "label" not in paper and paper["sources"] == ["/data/written.jsonl"] and "url" not in paper


def test_relationship_rows_group_by_labels_and_type_and_carry_the_evidence(graph):
    rows = relationship_rows(graph)
    assert sum(len(r) for r in rows.values()) == graph.number_of_edges()
    assert all(kind[1] in RELATIONSHIP_TYPES and {kind[0], kind[2]} <= set(LABELS) for kind in rows)
    assert ("Model", "VARIANT_OF", "Model") in rows and ("Method", "ACHIEVES", "Result") in rows
    row = next(r for r in rows[("Paper", "EVALUATES_ON", "Environment")] if r["end"] == "environment:mind2web")
    sentence = "We evaluate on Mind2Web and WebArena, train with PPO and compare against GPT-4o."
    start = row["props"]["start"]
    assert row["props"] == {"role": "evaluates_on", "confidence": 0.9, "extractor": "kg-rules/test",
                            "sentence": sentence, "start": start, "end": start + len(sentence)}
    text = next(ex.paper.text for ex in written_extractions() if ex.paper.id == row["start"])
    assert text[row["props"]["start"]:row["props"]["end"]] == row["props"]["sentence"]


def test_batches_cover_every_row_once_nodes_before_relationships(graph):
    for size in (1, 3, 1000):
        loaded = list(batches(graph, size))
        assert all(0 < len(b.rows) <= size for b in loaded)
        kinds = ["MERGE (n:" in b.query for b in loaded]
        assert kinds == sorted(kinds, reverse=True)  # all node batches first
        assert sum(len(b.rows) for b, node in zip(loaded, kinds) if node) == graph.number_of_nodes()
        assert sum(len(b.rows) for b, node in zip(loaded, kinds) if not node) == graph.number_of_edges()
    assert len(list(batches(graph, 1))) == graph.number_of_nodes() + graph.number_of_edges()
    with pytest.raises(ValueError):
        list(batches(graph, 0))


def test_query_text_takes_labels_and_types_only_from_the_fixed_lists(graph):
    for batch in batches(graph, 1000):
        names = set(re.findall(r":(\w+)", batch.query))
        assert names <= set(LABELS) | set(RELATIONSHIP_TYPES)
        assert batch.query.startswith("UNWIND $rows AS row\n")
    assert node_query("Model") == (
        "UNWIND $rows AS row\nMERGE (n:Model {id: row.id})\nWITH n, row WHERE properties(n) <> row.props\nSET n = row.props")
    for bad in ("Model) DETACH DELETE n //", "model", "Person"):
        with pytest.raises(ValueError, match="unknown label"):
            node_query(bad)
    with pytest.raises(ValueError, match="unknown relationship type"):
        relationship_query("Paper", "USES]->() DELETE a //", "Method")


def test_input_text_never_reaches_the_query_text():
    hostile = "Model}) DETACH DELETE n //"
    extraction = written_extractions()[0]
    extraction.entities[0].name = hostile
    graph = build_graph([extraction])
    for batch in batches(graph):
        assert "DETACH" not in batch.query
    assert any(row["props"].get("name") == hostile for b in batches(graph) for row in b.rows)


def test_the_schema_has_a_unique_id_constraint_per_label_and_only_idempotent_statements():
    statements = schema_statements()
    assert all(" IF NOT EXISTS " in s for s in statements)
    for label in LABELS:
        assert f"CREATE CONSTRAINT {label.lower()}_id IF NOT EXISTS FOR (n:{label}) REQUIRE n.id IS UNIQUE" in statements
    assert any("FULLTEXT" in s and "n.aliases" in s for s in statements)


def test_settings_come_from_the_environment(monkeypatch):
    monkeypatch.setenv("NEO4J_URI", "bolt://db:7687")
    monkeypatch.setenv("NEO4J_USER", "kg")
    monkeypatch.setenv("NEO4J_PASSWORD", "secret")
    monkeypatch.delenv("NEO4J_DATABASE", raising=False)
    assert Neo4jSettings.from_env() == Neo4jSettings("bolt://db:7687", "kg", "secret", None)


def test_an_unreachable_server_is_one_clear_error():
    with pytest.raises(Neo4jError, match=r"^bolt://127\.0\.0\.1:1: cannot reach Neo4j .*is the server running"):
        with session(Neo4jSettings(UNREACHABLE, "neo4j", "x")):
            pass
    with pytest.raises(Neo4jError, match="^localhost:7687: URI scheme 'localhost' is not supported"):
        with session(Neo4jSettings("localhost:7687", "neo4j", "x")):
            pass


@pytest.mark.parametrize("args", [
    ["load", "{store}", "--neo4j-uri", UNREACHABLE],
    ["build", "{papers}", "--store", "neo4j", "--neo4j-uri", UNREACHABLE],
    ["query", "MATCH (n) RETURN n", "--neo4j-uri", UNREACHABLE],
    ["load", "--schema-only", "--neo4j-uri", UNREACHABLE],
])
def test_cli_commands_fail_fast_with_one_line_on_an_unreachable_server(tmp_path, jsonl_file, args):
    store = written_store(tmp_path / "kg.sqlite")
    args = [a.format(store=store, papers=jsonl_file) for a in args]
    result = runner.invoke(app, args)
    assert result.exit_code == 2, result.output
    errors = [line for line in result.output.splitlines() if line.startswith("error:")]
    assert errors == [line for line in errors if "cannot reach Neo4j" in line] and len(errors) == 1
    assert "Traceback" not in result.output


def test_stats_and_exports_read_from_neo4j_with_store_neo4j(tmp_path):
    result = runner.invoke(app, ["stats", "--store", "neo4j"], env={"NEO4J_URI": UNREACHABLE})
    assert result.exit_code == 2 and "cannot reach Neo4j" in result.output
    result = runner.invoke(app, ["export", "neo4j-csv", str(tmp_path / "out"), "--store", "neo4j"], env={"NEO4J_URI": UNREACHABLE})
    assert result.exit_code == 2 and "cannot reach Neo4j" in result.output


def test_build_without_neo4j_options_stays_embedded_even_with_neo4j_uri_set(tmp_path, jsonl_file):
    store = tmp_path / "kg.sqlite"
    result = runner.invoke(app, ["build", str(jsonl_file), "--store", str(store)], env={"NEO4J_URI": UNREACHABLE})
    assert result.exit_code == 0, result.output
    assert store.exists() and "3 added" in result.output


def test_load_names_the_bad_line_of_an_extraction_file(tmp_path):
    good = json.dumps(written_extractions()[0].to_json())
    bad = tmp_path / "pred.jsonl"
    bad.write_text(good + "\n{not json\n", encoding="utf-8")
    result = runner.invoke(app, ["load", str(bad), "--neo4j-uri", UNREACHABLE])
    assert result.exit_code == 2
    assert f"error: {bad}:2: not a 'kg extract' line" in result.output
    missing = runner.invoke(app, ["load", str(tmp_path / "nothing.jsonl"), "--neo4j-uri", UNREACHABLE])
    assert missing.exit_code == 2 and "no such store or extraction file" in missing.output


@pytest.mark.parametrize("code, message, expected", [
    ("Neo.ClientError.Security.Unauthorized", "The client is unauthorized due to authentication failure.",
     "bolt://db:7687: authentication failed for user 'kg'; check --neo4j-user/--neo4j-password (NEO4J_USER/NEO4J_PASSWORD)"),
    ("Neo.ClientError.Database.DatabaseNotFound", "Database does not exist. Database name: 'nosuch'.",
     "bolt://db:7687: database 'nosuch' does not exist; check --neo4j-database (NEO4J_DATABASE)"),
    ("Neo.ClientError.Statement.SyntaxError", "Invalid input 'RETURN': expected ')'\n\"MATCH (p:Paper RETURN p\"\n   ^",
     "invalid Cypher: Invalid input 'RETURN': expected ')' \"MATCH (p:Paper RETURN p\" ^"),
])
def test_server_errors_become_one_line_that_says_what_to_check(code, message, expected):
    """The driver's own exception classes, built as the driver builds them from a server's FAILURE message."""
    from neo4j.exceptions import Neo4jError as DriverNeo4jError

    from kg.store.neo4j import translated

    error = DriverNeo4jError._hydrate_neo4j(code=code, message=message)
    with pytest.raises(Neo4jError) as caught, translated(Neo4jSettings("bolt://db:7687", "kg", "x", "nosuch")):
        raise error
    assert str(caught.value) == expected
