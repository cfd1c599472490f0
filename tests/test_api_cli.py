"""The API under the CLI: `kg.extract_to` from Python, and builds that agree however the papers arrive."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ABSTRACTS, write_jsonl
from store_helpers import snapshot
from typer.testing import CliRunner

import kg
from kg.cli import app
from kg.store import EmbeddedStore

runner = CliRunner()
KG = [sys.executable, "-m", "kg"]
ENTITY_LABELS = ("Model", "Method", "Benchmark", "Environment", "Author")


def many(n: int) -> list[dict]:
    """The conftest abstracts again and again, each copy a paper of its own (new title, new arXiv id)."""
    return [
        {"title": f"{record['title']} (study {i})", "abstract": record["abstract"], "arxiv_id": f"2502.{i:05d}"}
        for i, record in ((i, ABSTRACTS[i % len(ABSTRACTS)]) for i in range(n))
    ]


def invoke(*args: str) -> str:
    result = runner.invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return result.output


def graph(path: Path) -> dict[str, object]:
    """Node counts by label, relationship counts by type and every entity's and author's name, read with Cypher."""
    with EmbeddedStore(path, read_only=True) as store:
        shape: dict[str, object] = {
            "nodes": sorted((r["label"], r["n"]) for r in store.run("MATCH (n) RETURN label(n) AS label, count(*) AS n")),
            "relationships": sorted((r["type"], r["n"]) for r in store.run("MATCH ()-[r]->() RETURN label(r) AS type, count(*) AS n")),
        }
        for label in ENTITY_LABELS:
            shape[label] = [r["name"] for r in store.run(f"MATCH (n:{label}) RETURN n.name AS name ORDER BY name")]
    return shape


def test_build_with_two_jobs_stores_what_one_job_stores(tmp_path):
    papers = write_jsonl(tmp_path / "papers.jsonl", many(300))
    invoke("build", str(papers), "--store", str(tmp_path / "one.db"), "--jobs", "1", "--quiet")
    invoke("build", str(papers), "--store", str(tmp_path / "two.db"), "--jobs", "2", "--quiet")
    one, two = graph(tmp_path / "one.db"), graph(tmp_path / "two.db")
    assert ("Paper", 300) in one["nodes"] and {"Llama-3.1-8B", "GPT-4o"} <= set(one["Model"])
    assert one == two
    assert snapshot(tmp_path / "one.db", internal=False) == snapshot(tmp_path / "two.db", internal=False)


def test_build_of_extract_output_equals_build_of_the_papers(tmp_path):
    papers = write_jsonl(tmp_path / "papers.jsonl", many(12))
    invoke("build", str(papers), "--store", str(tmp_path / "papers.db"), "--quiet")
    extracted = tmp_path / "extracted.jsonl"
    invoke("extract", str(papers), "-o", str(extracted), "--jobs", "1", "--quiet")
    invoke("build", str(extracted), "--store", str(tmp_path / "file.db"), "--quiet")
    lines = extracted.read_text(encoding="utf-8").splitlines(keepends=True)
    shards = tmp_path / "shards"
    shards.mkdir()
    for index, start in enumerate(range(0, len(lines), 5)):
        (shards / f"part-{index:05d}.jsonl").write_text("".join(lines[start:start + 5]), encoding="utf-8")
    invoke("build", str(shards), "--store", str(tmp_path / "shards.db"), "--quiet")
    expected = snapshot(tmp_path / "papers.db", internal=False)
    assert len(expected["Paper"]) == 12 and expected["EVALUATES_ON"]
    assert snapshot(tmp_path / "file.db", internal=False) == expected
    assert snapshot(tmp_path / "shards.db", internal=False) == expected


def test_extract_output_piped_into_build_is_stored_as_it_is_not_extracted_again(tmp_path):
    """`kg extract -o - | kg build -`: the pipe's lines are extraction records, so their entities are kept as written."""
    papers = write_jsonl(tmp_path / "papers.jsonl", many(3))
    extracted = subprocess.run([*KG, "extract", str(papers), "-o", "-", "--jobs", "1", "--quiet"],
                               capture_output=True, check=True, timeout=300).stdout
    first, rest = extracted.split(b"\n", 1)
    record = json.loads(first)
    record["entities"].append({"name": "Quorvex-9", "type": "Model", "role": "mentions", "aliases": [], "confidence": 0.5,
                               "evidence": [{"sentence": record["title"], "start": 0, "end": 9}]})
    piped = json.dumps(record).encode() + b"\n" + rest
    store = tmp_path / "piped.db"
    subprocess.run([*KG, "build", "-", "--store", str(store), "--quiet"], input=piped, capture_output=True, check=True, timeout=300)
    with EmbeddedStore(store, read_only=True) as db:
        names = {row["name"] for row in db.run("MATCH (m:Model) RETURN m.name AS name")}
        assert [row["n"] for row in db.run("MATCH (p:Paper) RETURN count(*) AS n")] == [3]
    assert "Quorvex-9" in names, "the piped extraction was replaced by a new one"


def test_extract_to_from_python_writes_what_kg_extract_writes(tmp_path, jsonl_file):
    by_command = tmp_path / "command.jsonl"
    invoke("extract", str(jsonl_file), "-o", str(by_command), "--jobs", "1")
    done = []
    report = kg.extract_to([jsonl_file], tmp_path / "files.jsonl", jobs=1, progress=done.append)
    assert report == kg.ExtractReport(3) and sum(done) == 3
    assert (tmp_path / "files.jsonl").read_bytes() == by_command.read_bytes()
    corpus = kg.read_corpus([str(tmp_path / "papers.*")])  # glob patterns are expanded
    assert corpus.summary.papers == 3
    kg.extract_to(corpus.papers, tmp_path / "papers.jsonl.out", jobs=1)
    assert (tmp_path / "papers.jsonl.out").read_bytes() == by_command.read_bytes()
    back = list(kg.read_extractions(by_command))
    assert [e.paper.id for e in back] == [p.id for p in corpus.papers]
    assert "WebPilot" in {entity.name for entity in back[0].entities}


def test_extract_to_leaves_no_file_when_a_record_is_bad(tmp_path, jsonl_file):
    bad = tmp_path / "bad.jsonl"
    bad.write_text(jsonl_file.read_text(encoding="utf-8") + "{not json\n", encoding="utf-8")
    output = tmp_path / "out.jsonl"
    with pytest.raises(kg.InputError, match=r"bad\.jsonl:4"):
        kg.extract_to([bad], output, jobs=1)
    assert not output.exists() and not list(tmp_path.glob("out.jsonl*"))
    skipped = []
    assert kg.extract_to([bad], output, jobs=1, on_error=skipped.append).papers == 3 and len(skipped) == 1
    with pytest.raises(TypeError):
        kg.extract_to([jsonl_file, *kg.read_corpus([jsonl_file]).papers], output)


def test_a_bad_extraction_line_skips_only_that_line(tmp_path, jsonl_file):
    lines = (tmp_path / "x.jsonl")
    kg.extract_to([jsonl_file], lines, jobs=1)
    good = lines.read_text(encoding="utf-8").splitlines()
    lines.write_text("\n".join([good[0], "not json", *good[1:]]) + "\n", encoding="utf-8")
    skipped = []
    report = kg.build([lines], tmp_path / "kg.db", on_error=skipped.append, jobs=1)
    assert [(e.line, "not a 'kg extract' line" in e.message) for e in skipped] == [(2, True)]
    assert report.added == len(good)


def test_replace_extracts_the_new_text_instead_of_keeping_the_held_extraction(tmp_path, abstracts):
    lines = tmp_path / "x.jsonl"
    kg.extract_to([write_jsonl(tmp_path / "a.jsonl", abstracts[:1])], lines, jobs=1)
    changed = dict(abstracts[0], abstract="We fine-tune Mistral-7B and compare it with GPT-4o on MiniWoB++.")
    store = tmp_path / "kg.db"
    kg.build([lines, write_jsonl(tmp_path / "b.jsonl", [changed])], store, replace=True, jobs=1)
    with kg.open_store(store, read_only=True) as db:
        names = {r["name"] for r in db.run("MATCH (:Paper)-[]->(e:Model) RETURN e.name AS name")}
    assert "Mistral-7B" in names and "Llama-3.1-8B" not in names
