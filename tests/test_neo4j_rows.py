"""Everything about loading into Neo4j that needs no server: rows, batches, query text, schema, errors."""

import json
import re

import pytest
from typer.testing import CliRunner

from kg.cli import app
from kg.graph import LABELS, RELATIONSHIP_TYPES, build_graph
from kg.store.neo4j import Neo4jError, Neo4jSettings, session
from kg.store.neo4j_rows import (
    HASH,
    check_rows,
    flatten,
    node_query,
    node_rows,
    prepared,
    query,
    relationship_query,
    relationship_rows,
    schema_statements,
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


def graph_batches(graph, size=1000):
    nodes, rels = node_rows(graph), relationship_rows(graph)
    return list(prepared(nodes.items(), size)) + list(prepared(rels.items(), size))


def test_prepared_batches_cover_every_row_once_in_order_and_by_kind(graph):
    nodes, rels = node_rows(graph), relationship_rows(graph)
    for size in (1, 3, 1000):
        for source in (nodes, rels):
            batched = list(prepared(source.items(), size))
            assert all(0 < len(rows) <= size for _, rows in batched)
            for kind, rows in source.items():
                got = [row for k, batch in batched if k == kind for row in batch]
                assert [{**row, "props": {k: v for k, v in row["props"].items() if k != HASH}} for row in got] == rows
    assert len(list(prepared(nodes.items(), 1))) == graph.number_of_nodes()
    with pytest.raises(ValueError):
        list(prepared(nodes.items(), 0))


def test_prepared_gathers_small_batches_of_a_kind_and_cuts_at_the_byte_limit():
    rows = [{"id": f"model:m{i}", "props": {"id": f"model:m{i}", "name": "x" * 100}} for i in range(10)]
    streamed = [("Model", [row]) for row in rows] + [("Paper", [{"id": "p", "props": {"id": "p"}}])]
    batched = list(prepared(streamed, size=4))
    assert [(kind, len(batch)) for kind, batch in batched] == [("Model", 4), ("Model", 4), ("Model", 2), ("Paper", 1)]
    by_bytes = list(prepared([("Model", rows)], size=1000, max_bytes=250))  # about two rows of 130 bytes each
    assert [len(batch) for _, batch in by_bytes] == [2, 2, 2, 2, 2]


def test_the_row_hash_follows_the_properties_not_their_order():
    def h(props):
        return next(iter(prepared([("Model", [{"id": "model:a", "props": props}])])))[1][0]["props"][HASH]

    same = h({"id": "model:a", "name": "A", "aliases": ["x"]})
    assert same == h({"aliases": ["x"], "name": "A", "id": "model:a"})
    assert len({same, h({"id": "model:a", "name": "B", "aliases": ["x"]}), h({"id": "model:a", "name": "A", "aliases": []})}) == 3
    with pytest.raises(ValueError, match="kg's own"):
        h({"id": "model:a", HASH: "forged"})


def test_check_rows_carry_only_position_key_and_hash(graph):
    for kind, rows in graph_batches(graph):
        checks = check_rows(rows)
        assert [c["i"] for c in checks] == list(range(len(rows)))
        keys = {"i", "id", HASH} if isinstance(kind, str) else {"i", "start", "end", HASH}
        assert all(set(c) == keys and c[HASH] == row["props"][HASH] for c, row in zip(checks, rows))


def parse_cypher(text):
    """Parse with the openCypher grammar (antlr4-cypher); a syntax error raises."""
    from antlr4 import CommonTokenStream, InputStream
    from antlr4.error.ErrorListener import ErrorListener
    from antlr4_cypher import CypherLexer, CypherParser

    class Raise(ErrorListener):
        def syntaxError(self, recognizer, symbol, line, column, message, error):
            raise SyntaxError(f"{message} in {text!r}")

    lexer = CypherLexer(InputStream(text))
    parser = CypherParser(CommonTokenStream(lexer))
    for part in (lexer, parser):
        part.removeErrorListeners()
        part.addErrorListener(Raise())
    parser.script()


def test_query_text_takes_labels_and_types_only_from_the_fixed_lists_and_parses(graph):
    for kind, _ in graph_batches(graph):
        for mode in ("create", "merge", "check"):
            text = query(kind, mode)
            assert set(re.findall(r":(\w+)", text)) <= set(LABELS) | set(RELATIONSHIP_TYPES)
            assert text.startswith("UNWIND $rows AS row\n")
            parse_cypher(text)
    with pytest.raises(SyntaxError):
        parse_cypher("UNWIND $rows AS row MATCH (n:Model RETURN n")
    assert node_query("Model") == "UNWIND $rows AS row\nMERGE (n:Model {id: row.id})\nSET n = row.props"
    assert node_query("Model", "create") == "UNWIND $rows AS row\nCREATE (n:Model)\nSET n = row.props"
    assert node_query("Model", "check") == (
        "UNWIND $rows AS row\nMATCH (n:Model {id: row.id})\nWHERE n.h = row.h\nRETURN row.i AS i")
    assert relationship_query("Paper", "USES", "Method", "create") == (
        "UNWIND $rows AS row\nMATCH (a:Paper {id: row.start})\nMATCH (b:Method {id: row.end})\n"
        "CREATE (a)-[r:USES]->(b)\nSET r = row.props")
    for bad in ("Model) DETACH DELETE n //", "model", "Person"):
        with pytest.raises(ValueError, match="unknown label"):
            node_query(bad)
    with pytest.raises(ValueError, match="unknown relationship type"):
        relationship_query("Paper", "USES]->() DELETE a //", "Method")
    with pytest.raises(ValueError, match="unknown query mode"):
        node_query("Model", "delete")


def test_input_text_never_reaches_the_query_text():
    hostile = "Model}) DETACH DELETE n //"
    extraction = written_extractions()[0]
    extraction.entities[0].name = hostile
    batched = graph_batches(build_graph([extraction]))
    for kind, _ in batched:
        for mode in ("create", "merge", "check"):
            assert "DETACH" not in query(kind, mode)
    assert any(row["props"].get("name") == hostile for _, rows in batched for row in rows)


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

@pytest.mark.parametrize("uri, says", [
    ("http://localhost:7474", "not a Bolt URI; use bolt://HOST:7687"),
    ("localhost:7687", "not a Bolt URI"),
    ("bolt://host:notaport", "the port must be a number from 1 to 65535"),
    ("bolt://host:99999", "the port must be a number from 1 to 65535"),
    ("neo4j://:7687", "no host name"),
])
def test_a_bad_uri_is_one_line_and_exit_2(tmp_path, uri, says):
    with pytest.raises(Neo4jError, match=f"^{re.escape(uri)}: {re.escape(says)}"):
        with session(Neo4jSettings(uri, "neo4j", "x")):
            pass
    store = written_store(tmp_path / "kg.sqlite")
    for args in (["load", str(store), "--neo4j-uri", uri], ["query", "RETURN 1", "--neo4j-uri", uri]):
        result = runner.invoke(app, args)
        assert result.exit_code == 2, result.output
        assert result.output.startswith(f"error: {uri}: {says}")
        assert len(result.output.strip().splitlines()) == 1


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
    result = runner.invoke(app, ["build", str(bad), "--store", str(tmp_path / "kg.db")])
    assert result.exit_code == 2
    assert f"error: {bad}:2: not a 'kg extract' line" in result.output
    # a load checks the server first, so a long build is never thrown away for an unreachable server
    result = runner.invoke(app, ["load", str(bad), "--neo4j-uri", UNREACHABLE])
    assert result.exit_code == 2 and "cannot reach Neo4j" in result.output
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
