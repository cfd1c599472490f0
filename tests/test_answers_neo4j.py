"""The same answers from Neo4j 5 as from the embedded store: run when NEO4J_URI (and NEO4J_USER/NEO4J_PASSWORD) are set.

    NEO4J_URI=bolt://localhost:7687 NEO4J_USER=neo4j NEO4J_PASSWORD=... .venv/bin/python -m pytest tests/test_answers_neo4j.py

The known graph is written into both stores by the same CREATE statements;
every answer is then computed through the reader contract on each and must
be equal. Like tests/test_neo4j.py, the module starts and ends by deleting
the nodes kg writes (and nothing else) in the configured database: point it
at a scratch database.
"""

from __future__ import annotations

import os

import pytest

from answers_graph import Neo4jReader, known_store, write_known_graph
from kg.answers.leaderboard import leaderboard
from kg.answers.related import related
from kg.answers.trends import trends
from kg.export.overview import overview, papers_of, render

pytestmark = pytest.mark.skipif(
    not os.environ.get("NEO4J_URI"),
    reason="needs a Neo4j 5 server: set NEO4J_URI, NEO4J_USER and NEO4J_PASSWORD (docker compose -f docker/compose.yaml up -d)",
)


@pytest.fixture(scope="module")
def stores(tmp_path_factory):
    from kg.store.neo4j import Neo4jSettings, clear, session

    embedded = known_store(tmp_path_factory.mktemp("known") / "kg.db")
    with session(Neo4jSettings.from_env()) as db:
        clear(db)
        neo4j = Neo4jReader(db)
        write_known_graph(neo4j.execute)
        yield embedded, neo4j
        clear(db)
    embedded.close()


@pytest.mark.parametrize("name, metric", [("WebArena", None), ("wa", "error rate"), ("WikiText-103", None), ("MuJoCo", None)])
def test_leaderboards_agree(stores, name, metric):
    embedded, neo4j = stores
    assert leaderboard(neo4j, name, metric) == leaderboard(embedded, name, metric)


@pytest.mark.parametrize("by", ["month", "quarter", "year"])
def test_trends_agree(stores, by):
    embedded, neo4j = stores
    assert trends(neo4j, by=by, top=20) == trends(embedded, by=by, top=20)
    assert trends(neo4j, ("Model",), ("uses",), by) == trends(embedded, ("Model",), ("uses",), by)


@pytest.mark.parametrize("name", ["WebArena", "PPO", "Llama-3.1", "GSM8K"])
def test_related_agrees(stores, name):
    embedded, neo4j = stores
    assert related(neo4j, name) == related(embedded, name)


def test_overview_agrees(stores):
    embedded, neo4j = stores
    ours, theirs = overview(embedded), overview(neo4j)
    assert dict(theirs.graph.nodes(data=True)) == dict(ours.graph.nodes(data=True))
    assert sorted(theirs.graph.edges(data="papers")) == sorted(ours.graph.edges(data="papers"))
    assert theirs.communities == ours.communities
    ids = sorted(ours.graph)
    assert papers_of(neo4j, ids) == papers_of(embedded, ids)
    assert render(neo4j)[0] == render(embedded)[0]
