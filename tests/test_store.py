"""The embedded store: real LadybugDB files, real extraction, the promises of issues 9 and 13."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys

import pytest

import kg
from conftest import write_hf_daily, write_jsonl
from kg.extract import EXTRACTOR, extract
from kg.sources import read_papers
from kg.store import EmbeddedStore, StoreError
from store_helpers import counts, snapshot

KG = [sys.executable, "-m", "kg"]


def _kg(*args, **env):
    return subprocess.run([*KG, *map(str, args)], capture_output=True, text=True, env={**os.environ, **env}, timeout=300)


def _one_line_error(result):
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, result.stderr
    return lines[0]


def test_building_twice_changes_nothing(tmp_path, jsonl_file):
    store = tmp_path / "kg.db"
    report = kg.build([jsonl_file], store)
    assert (report.added, report.papers) == (3, 3)
    before = snapshot(store)
    report = kg.build([jsonl_file], store)
    assert (report.added, report.unchanged, report.updated, report.papers) == (0, 3, 0, 3)
    assert snapshot(store) == before
    assert counts(before)["Paper"] == 3 and counts(before)["USES"] > 0


def test_a_new_file_adds_only_its_new_papers_and_remembers_sources(tmp_path, abstracts):
    first = write_hf_daily(tmp_path / "a.txt", abstracts[:2])
    second = write_hf_daily(tmp_path / "b.txt", abstracts[1:])
    store = tmp_path / "kg.db"
    kg.build([first], store)
    report = kg.build([second], store)
    assert (report.added, report.updated, report.papers) == (1, 1, 3)
    with kg.open_store(store, read_only=True) as db:
        (row,) = db.run("MATCH (p:Paper {title: $t}) RETURN p.sources AS sources", {"t": abstracts[1]["title"]})
    assert row["sources"] == sorted([str(first.resolve()), str(second.resolve())])


def test_a_new_extractor_version_re_extracts(tmp_path, jsonl_file):
    store = tmp_path / "kg.db"
    kg.build([jsonl_file], store)
    with kg.open_store(store) as db:
        report = db.build(read_papers([jsonl_file]), extract, extractor="kg-rules/next")
        assert (report.reextracted, report.papers) == (3, 3)
        assert db.build(read_papers([jsonl_file]), extract, extractor=EXTRACTOR).unchanged == 3


def test_metadata_and_authors_are_stored(tmp_path, abstracts):
    abstracts[0].update(doi="10.1000/ABC.1", date="2025-01-31", venue="ICML", categories=["cs.LG", "cs.AI"],
                        authors=[{"name": "Ada Lovelace", "orcid": "0000-0001"}, {"name": "Alan Turing"}])
    path = write_jsonl(tmp_path / "meta.jsonl", abstracts[:1])
    papers = read_papers([path])
    store = tmp_path / "kg.db"
    kg.build(papers, store)
    with kg.open_store(store, read_only=True) as db:
        (paper,) = db.run("MATCH (p:Paper) RETURN p.doi AS doi, p.date AS date, p.venue AS venue, p.categories AS cats")
        authors = list(db.run("MATCH (a:Author)-[r:AUTHORED]->(p:Paper) RETURN a.id AS id, a.name AS name, r.position AS pos ORDER BY pos"))
    assert paper == {"doi": papers[0].doi, "date": papers[0].date, "venue": papers[0].venue, "cats": papers[0].categories}
    assert [(a["name"], a["pos"]) for a in authors] == [(a.name, i) for i, a in enumerate(papers[0].authors, 1)]
    assert all(a["id"].startswith("author:") for a in authors)


def test_an_author_node_whose_id_a_later_record_refines_leaves_no_orphan_behind(tmp_path, abstracts):
    """Authors known first by name get an ORCID from a later record: the node keyed by the name goes, unless it wrote another paper."""
    first, second = abstracts[0], abstracts[1]
    first.update(authors=[{"name": "Ada Lovelace"}, {"name": "Grace Hopper"}])
    second.update(authors=[{"name": "Grace Hopper"}])
    store = tmp_path / "kg.db"
    kg.build([write_jsonl(tmp_path / "a.jsonl", [first, second])], store, jobs=1)
    first.update(authors=[{"name": "Ada Lovelace", "orcid": "0000-0002-1825-0097"}, {"name": "Grace Hopper", "orcid": "0000-0003-0000-0001"}])
    assert kg.build([write_jsonl(tmp_path / "b.jsonl", [first])], store, jobs=1).updated == 1
    with kg.open_store(store, read_only=True) as db:
        authors = sorted((r["id"], r["n"]) for r in db.run("MATCH (a:Author) RETURN a.id AS id, COUNT { MATCH (a)-[:AUTHORED]->() } AS n"))
    assert authors == [("author:0000-0002-1825-0097", 1), ("author:0000-0003-0000-0001", 1), ("author:gracehopper", 1)]


def test_a_file_that_is_not_a_store_is_refused_untouched(tmp_path):
    other = tmp_path / "notes.db"
    other.write_text("hello")
    with pytest.raises(StoreError, match="not a kg store"):
        EmbeddedStore(other)
    assert other.read_text() == "hello"


def test_reading_a_missing_store_says_how_to_create_it(tmp_path):
    with pytest.raises(StoreError, match="no such store"):
        EmbeddedStore(tmp_path / "none.db", read_only=True)
    assert not (tmp_path / "none.db").exists()


def _old_store(path, extractions):
    conn = sqlite3.connect(path)
    conn.executescript("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);"
                       "CREATE TABLE extractions (id TEXT PRIMARY KEY, title_key TEXT NOT NULL UNIQUE, extractor TEXT NOT NULL, record TEXT NOT NULL);")
    with conn:
        for number, ex in enumerate(extractions):
            conn.execute("INSERT INTO extractions VALUES (?, ?, ?, ?)", (ex.paper.id, str(number), ex.extractor, json.dumps(ex.to_json())))
    conn.close()
    return path


def test_an_old_sqlite_store_is_detected_and_migrated(tmp_path, jsonl_file):
    papers = read_papers([jsonl_file])
    old = _old_store(tmp_path / "kg.sqlite", list(extract(papers)))
    with pytest.raises(StoreError, match="kg 0.2 store .*kg migrate"):
        EmbeddedStore(old)
    line = _one_line_error(_kg("build", jsonl_file, "--store", old))
    assert "kg migrate" in line and str(old) in line
    result = _kg("migrate", old, tmp_path / "new.db")
    assert result.returncode == 0, result.stderr
    kg.build(read_papers([jsonl_file]), tmp_path / "built.db")
    assert snapshot(tmp_path / "new.db") == snapshot(tmp_path / "built.db")


# issue 13, case 1
def test_a_truncated_record_never_replaces_the_stored_text(tmp_path, abstracts):
    store = tmp_path / "kg.db"
    kg.build([write_hf_daily(tmp_path / "day.txt", abstracts)], store)
    cut = [dict(r) for r in abstracts]
    cut[-1]["abstract"] = cut[-1]["abstract"][:150]  # ends mid-word
    truncated = write_jsonl(tmp_path / "cut.jsonl", cut)
    report = kg.build([truncated], store)
    assert (report.reextracted, len(report.conflicts)) == (0, 1)
    assert str(truncated.resolve()) in str(report.conflicts[0]) and cut[-1]["title"] in str(report.conflicts[0])
    query = "MATCH (p:Paper {title: $t}) RETURN p.abstract AS a"
    with kg.open_store(store, read_only=True) as db:
        assert next(db.run(query, {"t": cut[-1]["title"]}))["a"] == abstracts[-1]["abstract"]
    report = kg.build([truncated], store, replace=True)
    assert report.reextracted == 1
    with kg.open_store(store, read_only=True) as db:
        assert next(db.run(query, {"t": cut[-1]["title"]}))["a"] == cut[-1]["abstract"]


# issue 13, case 2
def test_a_paper_never_loses_its_arxiv_id(tmp_path, abstracts):
    for record in abstracts:
        record["arxiv_id"] = record.get("arxiv_id") or f"2502.0000{len(record['title']) % 10}"
    store = tmp_path / "kg.db"
    kg.build([write_jsonl(tmp_path / "ids.jsonl", abstracts)], store)
    kg.build([write_hf_daily(tmp_path / "day.txt", abstracts)], store)
    with kg.open_store(store, read_only=True) as db:
        rows = list(db.run("MATCH (p:Paper) RETURN p.id AS id, p.arxiv_id AS arxiv, p.url AS url"))
    assert len(rows) == 3 and all(r["id"] == f"arxiv:{r['arxiv']}" for r in rows)


def test_a_title_paper_that_gets_an_arxiv_id_is_re_keyed_not_duplicated(tmp_path, abstracts):
    day = write_hf_daily(tmp_path / "day.txt", abstracts)
    ids = write_jsonl(tmp_path / "ids.jsonl", [{**r, "arxiv_id": f"2503.0000{i}"} for i, r in enumerate(abstracts)])
    steps, one = tmp_path / "steps.db", tmp_path / "one.db"
    kg.build([day], steps)
    report = kg.build([ids], steps)
    assert report.rekeyed == 3
    kg.build([day, ids], one)
    snap = snapshot(steps)
    assert snap == snapshot(one)
    assert not any('"id": "title:' in row for row in snap["Paper"])
    assert counts(snap)["Paper"] == 3


# issue 13, case 5
def test_two_records_with_one_id_and_different_titles_are_one_paper_and_one_line(tmp_path, abstracts):
    twin = {**abstracts[0], "title": abstracts[0]["title"] + " (extended)"}
    path = write_jsonl(tmp_path / "twins.jsonl", [abstracts[0], twin])
    store = tmp_path / "kg.db"
    result = _kg("build", path, "--store", store, "--verbose")
    assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr
    conflicts = [line for line in result.stderr.splitlines() if line.startswith("conflict:")]
    assert len(conflicts) == 1 and str(path.resolve()) in conflicts[0] and twin["title"] in conflicts[0]
    # and against the stored paper, from another file
    again = write_jsonl(tmp_path / "again.jsonl", [twin])
    result = _kg("build", again, "--store", store, "--verbose")
    assert result.returncode == 0 and "Traceback" not in result.stderr
    assert sum(line.startswith("conflict:") for line in result.stderr.splitlines()) == 1
    with kg.open_store(store, read_only=True) as db:
        assert [r["t"] for r in db.run("MATCH (p:Paper) RETURN p.title AS t")] == [abstracts[0]["title"]]


# issue 13, case 4
def test_bad_text_is_a_record_error_that_skip_skips(tmp_path, abstracts):
    path = tmp_path / "bad.jsonl"
    lines = [json.dumps(abstracts[0]), '{"title": "Broken \\ud800 title", "abstract": "Some text."}',
             json.dumps({"title": "A very long abstract", "abstract": "word " * 30_000}), json.dumps(abstracts[1])]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    store = tmp_path / "kg.db"
    line = _one_line_error(_kg("build", path, "--store", store))
    assert str(path) in line or str(path.resolve()) in line
    result = _kg("build", path, "--store", store, "--on-error", "skip")
    assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr
    skipped = [line for line in result.stderr.splitlines() if line.startswith("skipped:")]
    # the over-long abstract is skipped; the lone surrogate is repaired to U+FFFD by the reader, every time
    assert len(skipped) == 1 and "over the 100,000 limit" in skipped[0] and (str(path.resolve()) in skipped[0] or str(path) in skipped[0])
    with kg.open_store(store, read_only=True) as db:
        assert next(db.run("MATCH (p:Paper) RETURN count(*) AS n"))["n"] == 3
        assert next(db.run("MATCH (p:Paper) WHERE p.title STARTS WITH 'Broken' RETURN p.title AS t"))["t"] == "Broken \ufffd title"


# issue 13, case 3
def test_a_second_writer_gets_one_line_naming_the_first(tmp_path, jsonl_file):
    store = tmp_path / "kg.db"
    kg.build([jsonl_file], store)
    with kg.open_store(store):
        line = _one_line_error(_kg("build", jsonl_file, "--store", store, "--wait", "1"))
        assert f"in use by kg process {os.getpid()}" in line
        reader = subprocess.run([sys.executable, "-c", f"import kg; s = kg.open_store({str(store)!r}, read_only=True); print(len(s))"],
                                capture_output=True, text=True, timeout=120)
        assert reader.returncode == 0 and reader.stdout.strip() == "3", reader.stderr


def test_one_title_under_two_arxiv_ids_is_two_papers(tmp_path):
    """Records with different arXiv ids are never one paper, in one batch or against the store."""
    first = [{"title": "Same Title Here", "abstract": "We propose FooNet for tasks.", "arxiv_id": "2401.00001"},
             {"title": "Same Title Here", "abstract": "We propose BarNet for other tasks.", "arxiv_id": "2401.00002"}]
    later = [{"title": "Same Title Here", "abstract": "We propose BazNet.", "arxiv_id": "2401.00003"}]
    store = tmp_path / "kg.db"
    kg.build([write_jsonl(tmp_path / "a.jsonl", first)], store)
    kg.build([write_jsonl(tmp_path / "b.jsonl", later)], store)
    with kg.open_store(store, read_only=True) as db:
        rows = list(db.run("MATCH (p:Paper) RETURN p.id AS id, p.abstract AS abstract ORDER BY id"))
    assert [(r["id"], r["abstract"]) for r in rows] == [
        ("arxiv:2401.00001", "We propose FooNet for tasks."),
        ("arxiv:2401.00002", "We propose BarNet for other tasks."),
        ("arxiv:2401.00003", "We propose BazNet."),
    ]
