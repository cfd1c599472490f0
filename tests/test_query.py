"""Cypher on the embedded store (LadybugDB), natively: the README's queries and more, on the known graph."""

import csv
import io
import json
import shutil

import pytest
from typer.testing import CliRunner

from kg.cli import app
from kg.query import QueryError, embedded_cypher, parse_param, run_query
from kg.store.reader import LadybugReader, ReaderError
from readme_queries import PARAMS, readme_queries

runner = CliRunner(env={"NEO4J_URI": None, "KG_STORE": None})

# What each README query answers on the known graph (tests/known_graph.py), worked out by hand.
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

# Beyond the README: the openCypher that nxCypher could not run, with answers worked out by hand.
MORE = {
    "WITH then aggregation": (
        "MATCH (a:Author)-[:AUTHORED]->(p:Paper) WITH a, count(p) AS papers WHERE papers > 2 RETURN a.name AS author, papers ORDER BY author",
        [["Ada Lovelace", 3], ["Grace Hopper", 3]],
    ),
    "OPTIONAL MATCH with counts": (
        "MATCH (p:Paper) OPTIONAL MATCH (p)-[:REPORTS]->(r:Result) RETURN p.title AS paper, count(r) AS results ORDER BY paper",
        [["BrowseBench: A Benchmark for Web Agents", 1], ["Chain-of-Thought for Grade-School Math", 1],
         ["LocoBench: Legged Locomotion in MuJoCo", 0], ["Planning Helps Web Agents", 0],
         ["SimWorld: A Simulator for Household Robots", 0], ["WebPilot: Small Web Agents Trained with PPO", 1]],
    ),
    "a bounded variable-length path walks no relationship twice": (
        "MATCH (a:Model)-[:VARIANT_OF*1..2]-(b:Model) WHERE a.name = 'Llama-3.1-8B' RETURN b.name AS model ORDER BY model",
        [["Llama-3.1"], ["Llama-3.1-70B"]],
    ),
    "a comparison across MATCH clauses": (
        "MATCH (a:Paper)-[:COMPARES_TO]->(m:Model) MATCH (b:Paper)-[:USES]->(n:Model) WHERE a.id = b.id "
        "RETURN a.title AS paper, m.name AS compared, n.name AS used ORDER BY paper",
        [["WebPilot: Small Web Agents Trained with PPO", "GPT-4o", "Llama-3.1-8B"]],
    ),
    "a sum is a plain integer": (
        "MATCH (:Author)-[w:AUTHORED]->(:Paper) RETURN sum(w.position) AS positions, count(*) AS bylines",
        [[11, 8]],
    ),
    "papers by date, most recent first, with their venue and DOI": (
        "MATCH (p:Paper) WHERE p.date >= '2025' RETURN p.date AS date, p.venue AS venue, p.doi AS doi ORDER BY date DESC",
        [["2025-03-01", None, None], ["2025-02-03", "ICML 2025", "10.1234/webpilot.2025"], ["2025-02", None, None],
         ["2025-01-15", None, None]],
    ),
}


def test_the_readme_lists_the_six_example_queries():
    assert set(readme_queries()) == set(EXPECTED)


@pytest.mark.parametrize("number", sorted(EXPECTED))
def test_each_readme_query_answers_right_on_the_embedded_store(known, number):
    title, cypher = readme_queries()[number]
    assert run_query(known, cypher, PARAMS.get(number)).rows == EXPECTED[number], title


@pytest.mark.parametrize("name", sorted(MORE))
def test_opencypher_beyond_the_readme_answers_right(known, name):
    cypher, expected = MORE[name]
    result = run_query(known, cypher)
    assert result.rows == expected, name
    assert json.loads(json.dumps(result.rows)) == expected


def test_nodes_relationships_and_paths_come_back_as_neo4j_gives_them(known):
    node = run_query(known, "MATCH (m:Model) WHERE m.name = 'GPT-4o' RETURN m, labels(m) AS labels").records()
    assert node == [{"m": {"aliases": ["GPT4o"], "id": "model:gpt4o", "name": "GPT-4o"}, "labels": ["Model"]}]
    rel = run_query(known, "MATCH (:Paper)-[r:MENTIONS]->(:Model) RETURN r, type(r) AS type").records()
    assert rel == [{"r": {"confidence": 0.9, "end_char": 116, "extractor": "kg-rules/test", "role": "mentions",
                          "sentence": "Our analysis covers Llama-3.1.", "start_char": 86}, "type": "MENTIONS"}]
    path = run_query(known, "MATCH path = (v:Model)-[:VARIANT_OF]->(f:Model) WHERE v.name = 'Llama-3.1-8B' RETURN path").rows
    assert path == [[{"nodes": [{"aliases": ["Llama 3.1 8B"], "id": "model:llama318b", "name": "Llama-3.1-8B"},
                                {"aliases": [], "id": "model:llama31", "name": "Llama-3.1"}],
                      "relationships": [{}]}]]
    walked = run_query(known, "MATCH (v:Model)-[r:VARIANT_OF*1..1]->(f:Model) WHERE v.name = 'Llama-3.1-8B' RETURN r").rows
    assert walked == [[[{}]]]  # a variable-length relationship is its list of relationships


def test_translations_touch_only_code_never_strings_or_names():
    assert embedded_cypher("MATCH (a)-[r*1..2]->(b) RETURN type(r), labels(a) AS `labels(a)`, 'type(r)' AS t", {}) == (
        "MATCH (a)-[r* TRAIL 1..2]->(b) RETURN label(r), [label(a)] AS `labels(a)`, 'type(r)' AS t")
    assert embedded_cypher("MATCH (a)-[:R*3]->(b) RETURN count(*) // type(r)", {}) == "MATCH (a)-[:R* TRAIL 3]->(b) RETURN count(*) // type(r)"


@pytest.mark.parametrize("cypher, message", [
    ("CREATE (:Model {id: 'x'})", "queries are read-only: CREATE would write"),
    ("MATCH (m:Model) SET m.name = 'x'", "queries are read-only: SET would write"),
    ("MATCH (n) DETACH DELETE n", "queries are read-only: DETACH would write"),
    ("MERGE (m:Model {id: 'x'}) RETURN m", "queries are read-only: MERGE would write"),
    ("COPY Model FROM 'x.csv'", "queries are read-only: COPY would write"),
    ("DROP TABLE Model", "queries are read-only: DROP would write"),
    ("INSTALL fts", "queries are read-only: INSTALL would write"),
    ("MATCH (a)-[*]-(b) RETURN count(*)", "needs an upper bound"),
    ("MATCH (a)-[:VARIANT_OF*2..]-(b) RETURN count(*)", "needs an upper bound"),
    ("MATCH (m:Model) WHERE m.name = $family RETURN m", "missing parameter(s): family"),
])
def test_what_the_embedded_store_would_answer_wrongly_is_refused(known, cypher, message):
    with pytest.raises(QueryError, match=message.replace("(", r"\(").replace(")", r"\)")):
        run_query(known, cypher)


def test_the_store_is_opened_read_only_so_ladybug_itself_refuses_writes(known):
    with pytest.raises(ReaderError, match="read-only"):
        list(known.run("CREATE (:Model {id: 'model:x', name: 'x', aliases: []})"))
    assert run_query(known, "MATCH (m:Model) RETURN count(*) AS n").rows == [[5]]


def test_words_that_are_writes_elsewhere_are_fine_in_strings_and_properties(known):
    assert run_query(known, "MATCH (m:Model) WHERE m.name = 'CREATE' RETURN m.name").rows == []


def test_parameters_are_read_as_json_when_they_are_json():
    assert parse_param("family=Llama-3.1") == ("family", "Llama-3.1")
    assert parse_param("n=5") == ("n", 5)
    assert parse_param('names=["a","b"]') == ("names", ["a", "b"])
    assert parse_param("text=a=b") == ("text", "a=b")
    with pytest.raises(QueryError, match="NAME=VALUE"):
        parse_param("novalue")


def test_query_cli_prints_a_table_json_and_csv(known_store):
    cypher = readme_queries()[2][1]
    table = runner.invoke(app, ["query", cypher, "--store", str(known_store)])
    assert table.exit_code == 0, table.output
    assert "GPT-4o" in table.output and "2 row(s)" in table.output
    as_json = runner.invoke(app, ["query", cypher, "--store", str(known_store), "--format", "json"])
    assert json.loads(as_json.stdout) == [{"model": "GPT-4o", "papers": 3}, {"model": "Claude 3.5 Sonnet", "papers": 1}]
    as_csv = runner.invoke(app, ["query", cypher, "--store", str(known_store), "--format", "csv"])
    assert list(csv.reader(io.StringIO(as_csv.stdout))) == [["model", "papers"], ["GPT-4o", "3"], ["Claude 3.5 Sonnet", "1"]]


def test_query_cli_passes_parameters(known_store):
    result = runner.invoke(app, ["query", readme_queries()[5][1], "-s", str(known_store), "--param", "family=Llama-3.1", "--format", "json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == [{"variant": "Llama-3.1-70B"}, {"variant": "Llama-3.1-8B"}]


@pytest.mark.parametrize("cypher, message", [
    ("MATCH (p:Paper RETURN p", "error: invalid Cypher: Invalid input <MATCH (p:Paper RETURN>"),
    ("MATCH (p:Paper) RETURN p.nosuch", "error: the embedded store cannot run this query: Binder exception: Cannot find property nosuch"),
    ("CREATE (:Paper {id: 'x'})", "error: queries are read-only: CREATE would write to the store"),
])
def test_query_cli_errors_are_one_line(known_store, cypher, message):
    result = runner.invoke(app, ["query", cypher, "-s", str(known_store)])
    assert result.exit_code == 2
    assert result.output.startswith(message) and len(result.output.strip().splitlines()) == 1, result.output


def test_a_refused_write_leaves_the_store_as_it_was(known_store, tmp_path):
    copy = tmp_path / "copy.db"
    shutil.copy(known_store, copy)
    before = copy.read_bytes()
    assert runner.invoke(app, ["query", "MATCH (m:Model) SET m.name = 'x' RETURN m", "-s", str(copy)]).exit_code == 2
    assert copy.read_bytes() == before
    with LadybugReader(copy) as reader:
        assert run_query(reader, "MATCH (m:Model) WHERE m.name = 'x' RETURN count(*) AS n").rows == [[0]]


def test_query_on_a_missing_store_says_how_to_make_one(tmp_path):
    result = runner.invoke(app, ["query", "MATCH (n) RETURN n", "-s", str(tmp_path / "none.db")])
    assert result.exit_code == 2 and "kg build" in result.output


def test_an_old_sqlite_store_is_one_line_and_left_alone(tmp_path):
    import sqlite3

    old = tmp_path / "kg.sqlite"
    with sqlite3.connect(old) as conn:
        conn.execute("CREATE TABLE extractions (id TEXT)")
    before = old.read_bytes()
    result = runner.invoke(app, ["query", "MATCH (n) RETURN n", "-s", str(old)])
    assert result.exit_code == 2 and result.output.strip() == (
        f"error: {old}: a kg 0.2 store (SQLite), which this kg does not read; migrate it with 'kg migrate {old} NEW.db'")
    assert old.read_bytes() == before


def test_neo4j_uri_in_the_environment_sends_queries_to_neo4j_unless_store_is_given(known_store):
    env = {"NEO4J_URI": "bolt://127.0.0.1:1", "KG_STORE": None}
    to_neo4j = runner.invoke(app, ["query", "MATCH (n) RETURN count(n)"], env=env)
    assert to_neo4j.exit_code == 2 and "bolt://127.0.0.1:1: cannot reach Neo4j" in to_neo4j.output
    embedded = runner.invoke(app, ["query", "MATCH (n:Paper) RETURN count(n) AS papers", "-s", str(known_store), "--format", "json"], env=env)
    assert embedded.exit_code == 0, embedded.output
    assert json.loads(embedded.stdout) == [{"papers": 6}]
