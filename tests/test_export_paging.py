"""Exports read a real store a page at a time: every node and edge once, whatever the page size, after deletes too.

The embedded store is paged by storage offset (`kg.store.rows.by_offset`),
and a rebuild that rewrites papers deletes their nodes, which leaves holes in
the offsets. The same store read as Neo4j is read (pages by id, `ById`) is
the reference: both must give the same lines, only their order may differ.
"""

from __future__ import annotations

import csv
import io
import os

import pytest
from rdflib import Graph
from rdflib.compare import isomorphic

import kg
from kg.export.neo4j_csv import export_neo4j_csv
from kg.export.rdf import write_ntriples, write_turtle
from kg.records import Author, Paper
from kg.store import EmbeddedStore
from kg.store import rows, shards
from kg.store.reader import LadybugReader
from kg.store.rows import by_offset, node_batches, pages, relationship_batches, tables
from scale_papers import scale_records

PEOPLE = [Author("Ada Lovelace", orcid="0000-0002-1825-0097"), Author("Alan Turing"), Author("Grace Hopper"), Author("Edsger Dijkstra")]


class ById:
    """The same store, read as the Neo4j reader reads: pages by id (keyset), id lists by span and IN."""

    dialect = "neo4j"

    def __init__(self, reader):
        self.reader = reader

    def run(self, cypher, params=None):
        return self.reader.run(cypher, params)


def _papers(records: list[dict], edition: str = "") -> list[Paper]:
    return [
        Paper(id=f"arxiv:{r['arxiv_id']}", title=r["title"], abstract=r["abstract"] + edition, arxiv_id=r["arxiv_id"],
              sources=["/data/written.jsonl"], authors=[PEOPLE[n % 4], PEOPLE[(n + 1) % 4]] if n % 3 else [PEOPLE[n % 4]])
        for n, r in enumerate(records)
    ]


@pytest.fixture(scope="module")
def rebuilt(tmp_path_factory):
    """A store of 40 papers, then 13 of them rewritten with new abstracts and bylines: their nodes deleted and written again."""
    path = tmp_path_factory.mktemp("paging") / "kg.db"
    records = scale_records(40)
    with EmbeddedStore(path) as store:
        store.build(_papers(records), batch_size=7)
        changed = _papers(records[1:40:3], edition=" We also report ablations.")
        for paper in changed[:5]:
            paper.authors = [PEOPLE[3]]
        report = store.build(changed, batch_size=4, replace=True)
        assert report.reextracted == len(changed)
    return path


@pytest.fixture(scope="module")
def reader(rebuilt):
    with LadybugReader(rebuilt) as opened:
        yield opened


def _count(reader, label: str) -> tuple[int, int]:
    row = next(iter(reader.run(f"MATCH (n:{label}) RETURN count(*) AS n, max(offset(id(n))) AS top")))
    return row["n"], row["top"]


def test_the_rebuild_left_holes_in_the_storage_offsets(reader):
    """Without holes the tests below would not test deletes."""
    papers, top = _count(reader, "Paper")
    assert papers == 40 and top + 1 > papers
    assert by_offset(reader) and not by_offset(ById(reader))


@pytest.mark.parametrize("size", [1, 3, 7, 2000])
@pytest.mark.parametrize("block", [5, rows.BLOCK])
def test_pages_give_every_node_once_in_storage_order(reader, size, block, monkeypatch):
    """Ids are read `rows.BLOCK` offsets a query, then cut into pages: neither cut loses or repeats a node."""
    monkeypatch.setattr(rows, "BLOCK", block)
    for label in tables().labels:
        found = [row["id"] for page in pages(reader, label, size) for row in page.rows]
        assert all(0 < len(page.rows) <= size for page in pages(reader, label, size))
        stored = [row["id"] for row in reader.run(f"MATCH (n:{label}) RETURN n.id AS id ORDER BY offset(id(n))")]
        assert found == stored and len(set(found)) == len(found)
        assert [row["id"] for page in pages(ById(reader), label, size) for row in page.rows] == sorted(stored)


def _triples(reader, page: int) -> str:
    out = io.StringIO()
    write_ntriples(reader, out, page=page)
    return out.getvalue()


def test_ntriples_are_the_same_bytes_whatever_the_page_size_and_the_same_lines_as_id_pages(reader, monkeypatch):
    small, large = _triples(reader, 3), _triples(reader, 2000)
    monkeypatch.setattr(rows, "BLOCK", 4)
    assert small == large == _triples(reader, 2000) == _triples(reader, 3)
    by_id = _triples(ById(reader), 3)
    assert small != by_id and sorted(small.splitlines()) == sorted(by_id.splitlines())
    graph = Graph().parse(data=small, format="nt")
    assert len(graph) == len(small.splitlines()) > 500
    assert isomorphic(graph, Graph().parse(data=by_id, format="nt"))


def _csv(reader, folder, page: int) -> dict[str, list[list[str]]]:
    written = export_neo4j_csv(reader, folder, page=page)
    files = {}
    for path in written["nodes"] + written["relationships"]:
        with path.open(encoding="utf-8", newline="") as handle:
            files[path.name] = list(csv.reader(handle))
    return files


def test_neo4j_csv_holds_every_row_once_whatever_the_page_size(reader, tmp_path):
    small, large = _csv(reader, tmp_path / "small", 3), _csv(reader, tmp_path / "large", 2000)
    by_id = _csv(ById(reader), tmp_path / "by-id", 3)
    assert small.keys() == large.keys() == by_id.keys()
    for name in small:
        assert small[name][0] == large[name][0] == by_id[name][0]
        assert sorted(small[name][1:]) == sorted(large[name][1:]) == sorted(by_id[name][1:]), name
        if name.startswith("nodes_"):
            assert small[name] == large[name]  # node files: storage order whatever the page size
            label = name.removeprefix("nodes_").removesuffix(".csv")
            assert len(small[name]) - 1 == _count(reader, label)[0] == len({row[0] for row in small[name][1:]})
    edges = {name: len(rows) - 1 for name, rows in small.items() if name.startswith("relationships_")}
    stored = {f"relationships_{t}.csv": next(iter(reader.run(f"MATCH ()-[r:{t}]->() RETURN count(*) AS n")))["n"] for t in tables().types}
    assert edges == {name: n for name, n in stored.items() if n}
    assert edges["relationships_AUTHORED.csv"] > 40 and edges["relationships_REPORTS.csv"] > 0


def test_batches_for_a_load_hold_every_relationship_once(reader):
    rels = [(kind, r["start"], r["end"], tuple(sorted(r["props"].items()))) for kind, rows in relationship_batches(reader, 3) for r in rows]
    again = [(kind, r["start"], r["end"], tuple(sorted(r["props"].items()))) for kind, rows in relationship_batches(ById(reader), 3) for r in rows]
    assert len(set(rels)) == len(rels) and sorted(rels) == sorted(again)
    nodes = [(label, row["id"]) for label, rows in node_batches(reader, 3) for row in rows]
    assert sorted(nodes) == sorted((label, row["id"]) for label, rows in node_batches(ById(reader), 3) for row in rows)


def _page_ids(reader, shared, task):
    """A task for `kg.store.shards.ordered`: the ids of one page, and the process that read them."""
    return shared, os.getpid(), [row["id"] for row in rows.nodes_with_ids(reader, "Paper", task)]


def test_pages_read_in_worker_processes_come_back_in_task_order(reader):
    tasks = list(rows.windows(reader, "Paper", 3))
    alone = list(shards.ordered(reader, _page_ids, tasks, "x", jobs=1))
    pooled = list(shards.ordered(reader, _page_ids, tasks, "x", jobs=2))
    assert len(tasks) >= shards.POOL_MIN_TASKS
    assert {pid for _, pid, _ in alone} == {os.getpid()} and os.getpid() not in {pid for _, pid, _ in pooled}
    assert [(s, ids) for s, _, ids in pooled] == [(s, ids) for s, _, ids in alone] == [("x", t.ids) for t in tasks]
    # a reader a worker cannot reopen reads in this process
    assert {pid for _, pid, _ in shards.ordered(ById(reader), _page_ids, rows.windows(reader, "Paper", 3), "x", jobs=2)} == {os.getpid()}


def test_a_store_the_api_opens_read_only_is_read_in_worker_processes_too(rebuilt, reader):
    """`kg.open_store(path, read_only=True)` exports on every core, as the CLI does; a store open for writing does not."""
    tasks = list(rows.windows(reader, "Paper", 3))
    with kg.open_store(rebuilt, read_only=True) as store:
        pooled = list(shards.ordered(store, _page_ids, tasks, "x", jobs=2))
        out = io.StringIO()
        count = write_ntriples(store, out, page=3, jobs=2)
    assert os.getpid() not in {pid for _, pid, _ in pooled}
    assert [ids for _, _, ids in pooled] == [t.ids for t in tasks]
    alone = io.StringIO()
    assert (count, out.getvalue()) == (write_ntriples(reader, alone, page=3, jobs=1), alone.getvalue())
    with kg.open_store(rebuilt.parent / "copy.db") as writable:
        writable.build(_papers(scale_records(8)), batch_size=4)
        windows = list(rows.windows(writable, "Paper", 2))
        assert {pid for _, pid, _ in shards.ordered(writable, _page_ids, windows, "x", jobs=2)} == {os.getpid()}


@pytest.mark.parametrize("writer", [write_ntriples, write_turtle])
def test_rdf_written_on_two_processes_is_the_same_text_as_on_one(reader, writer):
    texts = []
    for jobs in (1, 2):
        out = io.StringIO()
        count = writer(reader, out, page=3, jobs=jobs)
        texts.append((count, out.getvalue()))
    assert texts[0] == texts[1] and texts[0][0] > 500


def test_neo4j_csv_written_on_two_processes_is_the_same_bytes_as_on_one(reader, tmp_path):
    one = export_neo4j_csv(reader, tmp_path / "one", page=3, jobs=1)
    two = export_neo4j_csv(reader, tmp_path / "two", page=3, jobs=2)
    assert [p.name for k in one for p in one[k]] == [p.name for k in two for p in two[k]]
    for path in one["nodes"] + one["relationships"]:
        assert path.read_bytes() == (tmp_path / "two" / path.name).read_bytes(), path.name
