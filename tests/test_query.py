"""Cypher on the embedded store: the README's example queries, the CLI, and its errors."""

import csv
import io
import json

import pytest
from typer.testing import CliRunner

from kg.cli import app
from kg.graph import build_graph
from kg.query import QueryError, labelled, parse_param, run_embedded
from readme_queries import PARAMS, readme_queries
from written_extractions import written_extractions, written_store

runner = CliRunner(env={"NEO4J_URI": None, "KG_STORE": None})

# What each README query answers on the written extractions, worked out by hand.
EXPECTED = {
    1: [["WebArena", 3], ["Mind2Web", 1], ["MiniWoB++", 1]],
    2: [["GPT-4o", 3], ["Claude 3.5 Sonnet", 1]],
    3: [["BrowseBench: A Benchmark for Web Agents", "BrowseBench", "WebArena"],
        ["LocoBench: Legged Locomotion in MuJoCo", "LocoBench", "MuJoCo"]],
    4: [["PPO", 3], ["ReAct", 1], ["chain-of-thought prompting", 1]],
    5: [["Llama-3.1-70B"], ["Llama-3.1-8B"]],
    6: [["BrowseBench: A Benchmark for Web Agents", "EVALUATES_ON", 0.9, "Tasks run in WebArena."],
        ["Planning Helps Web Agents", "EVALUATES_ON", 0.9, "We evaluate on Mind2Web and WebArena, train with PPO and compare against GPT-4o."],
        ["WebPilot: Small Web Agents Trained with PPO", "EVALUATES_ON", 0.9, "We evaluate on WebArena and MiniWoB++ and compare against GPT-4o."]],
}


@pytest.fixture(scope="module")
def written_graph():
    return build_graph(written_extractions())


def test_the_readme_lists_at_least_five_example_queries():
    assert len(readme_queries()) >= 5
    assert set(readme_queries()) == set(EXPECTED)


@pytest.mark.parametrize("number", sorted(EXPECTED))
def test_each_readme_query_answers_right_on_the_embedded_store(written_graph, number):
    title, cypher = readme_queries()[number]
    result = run_embedded(written_graph, cypher, PARAMS.get(number))
    assert result.rows == EXPECTED[number], title


def test_readme_queries_on_the_real_extractors_graph(sample_graph):
    """The sample abstracts through the real extractor: a web-agent paper evaluates on MiniWoB++, the robot paper is not one."""
    queries = readme_queries()
    environments = [row[0] for row in run_embedded(sample_graph, queries[1][1]).rows]
    assert "MiniWoB++" in environments and "MuJoCo" not in environments
    assert ["GPT-4o", 1] in run_embedded(sample_graph, queries[2][1]).rows
    assert ["Llama-3.1-8B"] in run_embedded(sample_graph, queries[5][1], PARAMS[5]).rows
    evidence = run_embedded(sample_graph, queries[6][1], {"name": "MuJoCo"}).records()
    assert evidence and all("MuJoCo" in row["evidence"] for row in evidence)


def test_the_query_copy_keeps_the_graph_unchanged(written_graph):
    before = (dict(written_graph.nodes(data=True)), list(written_graph.edges(keys=True, data=True)))
    copy = labelled(written_graph)
    run_embedded(written_graph, "MATCH (m:Model) RETURN m.name")
    assert (dict(written_graph.nodes(data=True)), list(written_graph.edges(keys=True, data=True))) == before
    assert copy.nodes["model:gpt4o"] == {"id": "model:gpt4o", "name": "GPT-4o", "aliases": [], "__labels__": {"Model"}}
    assert "label" not in copy.nodes["model:gpt4o"]


def test_nodes_come_back_as_property_maps_with_their_id(written_graph):
    result = run_embedded(written_graph, "MATCH (m:Model) WHERE m.name = 'GPT-4o' RETURN m, labels(m) AS labels")
    assert result.records() == [{"m": {"aliases": [], "id": "model:gpt4o", "name": "GPT-4o"}, "labels": ["Model"]}]


def test_parameters_are_read_as_json_when_they_are_json():
    assert parse_param("family=Llama-3.1") == ("family", "Llama-3.1")
    assert parse_param("n=5") == ("n", 5)
    assert parse_param('names=["a","b"]') == ("names", ["a", "b"])
    assert parse_param("text=a=b") == ("text", "a=b")
    with pytest.raises(QueryError, match="NAME=VALUE"):
        parse_param("novalue")


def test_a_missing_parameter_or_one_in_a_pattern_is_refused_not_answered_empty(written_graph):
    with pytest.raises(QueryError, match="missing parameter.*family"):
        run_embedded(written_graph, "MATCH (m:Model) WHERE m.name = $family RETURN m")
    with pytest.raises(QueryError, match="inside"):
        run_embedded(written_graph, "MATCH (m:Model {name: $family}) RETURN m", {"family": "GPT-4o"})
    # a dollar sign inside a string is text, not a parameter
    assert run_embedded(written_graph, "MATCH (m:Model) WHERE m.name = '$x' RETURN m.name").rows == []


@pytest.fixture
def store(tmp_path):
    return written_store(tmp_path / "kg.sqlite")


def test_query_cli_prints_a_table_json_and_csv(store):
    cypher = readme_queries()[2][1]
    table = runner.invoke(app, ["query", cypher, "--store", str(store)])
    assert table.exit_code == 0, table.output
    assert "GPT-4o" in table.output and "2 row(s)" in table.output
    as_json = runner.invoke(app, ["query", cypher, "--store", str(store), "--format", "json"])
    assert json.loads(as_json.stdout) == [{"model": "GPT-4o", "papers": 3}, {"model": "Claude 3.5 Sonnet", "papers": 1}]
    as_csv = runner.invoke(app, ["query", cypher, "--store", str(store), "--format", "csv"])
    assert list(csv.reader(io.StringIO(as_csv.stdout))) == [["model", "papers"], ["GPT-4o", "3"], ["Claude 3.5 Sonnet", "1"]]


def test_query_cli_passes_parameters(store):
    result = runner.invoke(app, ["query", readme_queries()[5][1], "-s", str(store), "--param", "family=Llama-3.1", "--format", "json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == [{"variant": "Llama-3.1-70B"}, {"variant": "Llama-3.1-8B"}]


def test_invalid_cypher_is_one_line_with_its_position(store):
    result = runner.invoke(app, ["query", "MATCH (p:Paper RETURN p", "-s", str(store)])
    assert result.exit_code == 2
    assert result.output.strip().splitlines() == ["error: invalid Cypher at line 1, column 16: unexpected 'RETURN p'"]


def test_a_query_the_embedded_engine_cannot_run_is_one_line(store):
    result = runner.invoke(app, ["query", "MATCH (p:Paper)-[:USES]->(m) WITH m, count(p) AS c RETURN m.name, c", "-s", str(store)])
    assert result.exit_code == 2
    assert len(result.output.strip().splitlines()) == 1 and "cannot run this query" in result.output
    assert "Traceback" not in result.output


def test_query_on_a_missing_store_says_how_to_make_one(tmp_path):
    result = runner.invoke(app, ["query", "MATCH (n) RETURN n", "-s", str(tmp_path / "none.sqlite")])
    assert result.exit_code == 2 and "kg build" in result.output


def test_neo4j_uri_in_the_environment_sends_queries_to_neo4j_unless_store_is_given(store):
    env = {"NEO4J_URI": "bolt://127.0.0.1:1", "KG_STORE": None}
    to_neo4j = runner.invoke(app, ["query", "MATCH (n) RETURN count(n)"], env=env)
    assert to_neo4j.exit_code == 2 and "bolt://127.0.0.1:1: cannot reach Neo4j" in to_neo4j.output
    embedded = runner.invoke(app, ["query", "MATCH (n:Paper) RETURN count(n) AS papers", "-s", str(store), "--format", "json"], env=env)
    assert embedded.exit_code == 0, embedded.output
    assert json.loads(embedded.stdout) == [{"papers": 5}]
