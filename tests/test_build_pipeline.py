"""How a build moves batches: read ahead in a thread, committed in another, stored entities rewritten only where they change."""

from __future__ import annotations

import json
import zlib

import pytest

from kg.errors import InputError, RunError
from kg.records import Entity, Evidence, Extraction, Paper, paper_id
from kg.store import EmbeddedStore
from kg.store.entities import StoreState, copy_rows
from store_helpers import snapshot

NAMES = ["Direct Preference Optimization", "DPO", "direct preference optimisation", "RLHF", "GSM8K", "GSM-8K"]


def _papers(count: int) -> list[Paper]:
    titles = [f"Paper number {n}" for n in range(count)]
    return [Paper(id=paper_id(t), title=t, abstract=f"We study method {n}.", sources=["/data/p.jsonl"]) for n, t in enumerate(titles)]


def _entities(number: int) -> list[Entity]:
    """Each paper names two of NAMES, so that batches re-count, rename and join stored entities."""
    picked = [NAMES[number % len(NAMES)], NAMES[(number * 5 + 1) % len(NAMES)]]
    kinds = {"GSM8K": "Benchmark", "GSM-8K": "Benchmark"}
    aliases = {"Direct Preference Optimization": ["DPO"]} if number % 3 == 0 else {}
    return [Entity(name, kinds.get(name, "Method"), "uses", aliases.get(name, []), 0.7, [Evidence("We study it.", 0, 12)])
            for name in dict.fromkeys(picked)]


def _extract(papers: list[Paper]) -> list[Extraction]:
    return [Extraction(p, _entities(int(p.title.rsplit(" ", 1)[1])), [], "test/1") for p in papers]


def test_the_next_batch_is_read_only_once_this_one_is_extracted(tmp_path):
    # kg.api keeps one batch of extractions for its papers: reading further would drop them
    yielded, seen_at_extract = [0], []

    def source():
        for paper in _papers(10):
            yielded[0] += 1
            yield paper

    def extract(papers):
        seen_at_extract.append((len(papers), yielded[0]))
        return _extract(papers)

    with EmbeddedStore(tmp_path / "kg.db") as store:
        report = store.build(source(), extract, extractor="test/1", batch_size=3)
    assert report.added == 10
    done = 0
    for size, read in seen_at_extract:
        done += size
        assert read == done  # this batch read whole, nothing of the next one yet
    assert snapshot(tmp_path / "kg.db") == _built_in_one_batch(tmp_path / "one.db", 10)


def _built_in_one_batch(path, count):
    with EmbeddedStore(path) as store:
        store.build(_papers(count), _extract, extractor="test/1", batch_size=count)
    return snapshot(path)


def test_a_reading_error_in_a_later_batch_keeps_the_batches_before_it(tmp_path):
    def source():
        yield from _papers(4)
        raise InputError("/data/p.jsonl", "not a paper", 5)

    with EmbeddedStore(tmp_path / "kg.db") as store:
        with pytest.raises(InputError, match="not a paper"):
            store.build(source(), _extract, extractor="test/1", batch_size=2)
        assert len(store) == 4


def test_a_failure_while_the_batch_before_commits_keeps_that_batch(tmp_path):
    # the next batch is read, checked and extracted inside the transaction of the one before:
    # its failures must wait for that commit, and then stop the build
    calls = [0]

    def extract(papers):
        calls[0] += 1
        if calls[0] == 3:
            raise RunError("an extraction worker died")
        return _extract(papers)

    bad = Paper(id="title:bad", title="Bad \ud800 text", abstract="x", sources=["/data/p.jsonl"])
    with EmbeddedStore(tmp_path / "kg.db") as store:
        with pytest.raises(RunError, match="worker died"):
            store.build(_papers(10), extract, extractor="test/1", batch_size=2)
        assert len(store) == 4
        with pytest.raises(InputError, match="invalid Unicode"):
            store.build([*_papers(6)[4:], bad], _extract, extractor="test/1", batch_size=2)
        assert len(store) == 6
    assert snapshot(tmp_path / "kg.db") == _built_in_one_batch(tmp_path / "one.db", 6)


def test_committing_in_this_thread_makes_the_same_store(tmp_path):
    # kg build --jobs 1 commits each batch before making the next; the store is the same
    for path, overlap in ((tmp_path / "thread.db", True), (tmp_path / "here.db", False)):
        with EmbeddedStore(path) as store:
            store.build(_papers(12), _extract, extractor="test/1", batch_size=3, overlap=overlap)
            store.build(_papers(16), _extract, extractor="test/2", batch_size=5, overlap=overlap)  # re-extracts the 12
    assert snapshot(tmp_path / "thread.db") == snapshot(tmp_path / "here.db")


def test_rows_are_stored_in_the_order_written(tmp_path):
    # LadybugDB split a LOAD FROM of more than one morsel (2,048 rows) between its threads,
    # storing rows in whatever order they finished; exports read nodes in storage order,
    # so two builds of one input wrote their results in different orders
    # (it showed in some runs, not all: the threads' timing decides)
    columns = ("id", "subject", "benchmark", "metric", "value")
    rows = [dict(zip(columns, (f"result:{(n * 7919) % 40_000:05d}", "DPO", "GSM8K", "accuracy", str(n)))) for n in range(40_000)]
    with EmbeddedStore(tmp_path / "kg.db") as store:
        for first in range(0, len(rows), 20_000):
            with store.transaction():
                copy_rows(store, "Result", rows[first : first + 20_000], columns)
        stored = [row["id"] for row in store.run("MATCH (x:Result) RETURN x.id AS id ORDER BY offset(id(x))")]
    assert stored == [row["id"] for row in rows]


@pytest.mark.parametrize("batch_size", [1, 4])
def test_stored_entities_keep_the_names_their_counts_give(tmp_path, batch_size):
    # a batch skips writing a stored entity whose name, keys and counts did not change:
    # what it skipped must still be what the counts say, after every batch
    with EmbeddedStore(tmp_path / "kg.db") as store:
        store.build(_papers(12), _extract, extractor="test/1", batch_size=batch_size)
        state = StoreState(store)
        for label in ("Method", "Benchmark"):
            rows = list(store.run(f"MATCH (e:{label}) RETURN e.id AS id, e.name AS name, e.aliases AS aliases"))
            assert rows
            states = state.states(row["id"] for row in rows)
            for row in rows:
                assert (row["name"], list(row["aliases"] or [])) == states[row["id"]].name_and_aliases()
    assert snapshot(tmp_path / "kg.db") == _built_in_one_batch(tmp_path / "one.db", 12)


def test_columns_read_what_run_reads(tmp_path):
    with EmbeddedStore(tmp_path / "kg.db") as store:
        store.build(_papers(5), _extract, extractor="test/1")
        query = "MATCH (x:KgExtraction) RETURN x.id AS id, x.keys AS keys, x.record AS record ORDER BY x.id"
        found = store.columns(query)
        assert [dict(zip(found, values)) for values in zip(*found.values())] == list(store.run(query))
        assert isinstance(found["record"][0], bytes) and json.loads(zlib.decompress(found["record"][0]))["id"] == found["id"][0]
        assert store.columns("UNWIND $ids AS i MATCH (x:KgEntity {id: i}) RETURN x.id AS id", {"ids": []}) == {"id": []}
