"""The synthetic corpus generator (scripts/synth_corpus.py): realistic to the real extractor, Zipfian, deterministic.

The benchmarks mean something only if the extractor reads the generated
papers as it reads real ones, so the real extractor runs on a sample and
must recover most planted names with the planted types.
"""

from __future__ import annotations

import io
import json
import statistics
import sys
from collections import Counter
from pathlib import Path

import jsonschema
import pytest

from kg.extract import extract
from kg.records import Extraction, Paper, norm

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))
import synth_corpus  # noqa: E402

SCHEMA = json.loads((Path(__file__).resolve().parent.parent / "schemas" / "extraction.schema.json").read_text())


@pytest.fixture(scope="module")
def generator() -> synth_corpus.Generator:
    return synth_corpus.Generator(seed=0)


def _text(papers: int, seed: int, fmt: str, jobs: int = 1) -> str:
    out = io.StringIO()
    synth_corpus.write(out, papers, seed, fmt, jobs=jobs)
    return out.getvalue()


def test_extractor_recovers_planted_names_with_their_types(generator):
    """Measured on these 200 papers (kg-rules 0.2.0): recall 0.97, precision 0.97; the bounds leave room for extractor changes."""
    papers = list(generator.papers(0, 200))
    extractions = extract(Paper(id=f"arxiv:{p.arxiv_id}", title=p.title, abstract=p.abstract) for p in papers)
    found = planted = matched = 0
    for paper, extraction in zip(papers, extractions):
        predicted = {(e.type, norm(n)): i for i, e in enumerate(extraction.entities) for n in (e.name, *e.aliases)}
        hits = set()
        for p in paper.planted:
            forms = [p.name.text] + ([p.name.short] if p.name.short else [])
            hit = next((predicted[(p.name.type, norm(f))] for f in forms if (p.name.type, norm(f)) in predicted), None)
            if hit is not None and hit not in hits:
                hits.add(hit)
        planted += len(paper.planted)
        found += len(extraction.entities)
        matched += len(hits)
    recall, precision = matched / planted, matched / found
    assert recall >= 0.85, recall
    assert precision >= 0.8, precision


def test_same_seed_same_corpus_and_jobs_do_not_change_it():
    first = _text(300, 7, "jsonl")
    assert first == _text(300, 7, "jsonl")
    assert first != _text(300, 8, "jsonl")
    assert _text(2100, 7, "records", jobs=2) == _text(2100, 7, "records", jobs=1)
    # The corpus of N papers is the start of every larger one.
    assert _text(2100, 7, "jsonl").startswith(first)


def test_names_follow_a_zipf_law(generator):
    counts = Counter(p.name.text for paper in generator.papers(0, 3000) for p in paper.planted)
    top = counts.most_common(1)[0][1]
    assert len(counts) > 2000  # thousands of distinct names
    assert top >= 20 * statistics.median(counts.values())


def test_papers_look_like_abstracts(generator):
    papers = list(generator.papers(0, 2000))
    lengths = [len(p.abstract) for p in papers]
    assert 1000 <= statistics.median(lengths) <= 1500 and min(lengths) > 900 and max(lengths) < 1700
    per_paper = [len(p.planted) for p in papers]
    assert 5 <= statistics.mean(per_paper) <= 7.5 and sum(4 <= n <= 8 for n in per_paper) >= 0.85 * len(per_paper)
    years = Counter(p.date[:4] for p in papers)
    assert sorted(years) == ["2023", "2024", "2025", "2026"]
    assert years["2023"] < years["2024"] < years["2025"] < years["2026"]  # more papers every year: trends have signal
    assert len({p.arxiv_id for p in papers}) == len(papers)
    shapes = {p.name.text for paper in papers for p in paper.planted}
    assert any("-" in n and n.endswith("B") for n in shapes) and any(" " in n and n.islower() for n in shapes)


def test_records_are_valid_extraction_lines_with_the_planted_names(generator):
    lines = _text(150, 0, "records").splitlines()
    papers = list(generator.papers(0, 150))
    assert len(lines) == len(papers)
    for line, paper in zip(lines, papers):
        obj = json.loads(line)
        jsonschema.validate(obj, SCHEMA)
        extraction = Extraction.from_json(obj)
        assert extraction.paper.abstract == paper.abstract
        assert [(e.name, e.type, e.role) for e in extraction.entities] == [(p.name.text, p.name.type, p.role) for p in paper.planted]
        text = extraction.paper.text
        for entity in extraction.entities:
            for ev in entity.evidence:
                assert text[ev.start : ev.end] == ev.sentence
                assert any(norm(f) in norm(ev.sentence) for f in (entity.name, *entity.aliases))


def test_hf_daily_output_reads_back_as_the_same_papers(tmp_path, generator):
    from kg.sources import read_papers

    path = tmp_path / "daily.txt"
    path.write_text(_text(50, 0, "hf-daily"), encoding="utf-8")
    read = read_papers([path], "hf-daily")
    assert [(p.title, p.abstract) for p in read] == [(p.title, p.abstract) for p in generator.papers(0, 50)]
