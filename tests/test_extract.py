import glob
from pathlib import Path

import pytest

from kg.extract import EXTRACTOR, extract
from kg.records import Paper, paper_id

CORPUS = sorted(glob.glob(str(Path(__file__).resolve().parents[2] / "shared" / "corpus" / "*.txt")))


def _paper(title: str, abstract: str) -> Paper:
    return Paper(id=paper_id(title), title=title, abstract=abstract)


def _entities(title: str, abstract: str) -> dict:
    (extraction,) = extract([_paper(title, abstract)])
    return {(e.name, e.type): e for e in extraction.entities}


def test_types_roles_and_evidence_on_a_written_abstract(abstracts):
    paper = _paper(abstracts[0]["title"], abstracts[0]["abstract"])
    (extraction,) = extract([paper])
    found = {(e.name, e.type): e for e in extraction.entities}
    assert found[("Llama-3.1-8B", "Model")].role == "uses"
    assert found[("MiniWoB++", "Environment")].role == "evaluates_on"
    assert found[("GPT-4o", "Model")].role == "compares_to"
    assert found[("Proximal Policy Optimization", "Method")].aliases == ["PPO"]
    assert extraction.extractor == EXTRACTOR
    for entity in extraction.entities:
        assert entity.evidence, entity.name
        for evidence in entity.evidence:
            assert paper.text[evidence.start : evidence.end] == evidence.sentence
            assert entity.name.lower() in evidence.sentence.lower() or any(a.lower() in evidence.sentence.lower() for a in entity.aliases)


def test_acronym_defined_in_text_joins_its_expansion(abstracts):
    found = _entities(abstracts[1]["title"], abstracts[1]["abstract"])
    rlhf = found[("Reinforcement Learning from Human Feedback", "Method")]
    assert "RLHF" in rlhf.aliases
    assert not any(name == "RLHF" for name, _ in found)
    assert found[("GSM8K", "Benchmark")].role == "evaluates_on"
    assert found[("MATH", "Benchmark")].role == "evaluates_on"


def test_case_decides_between_a_benchmark_name_and_a_word():
    found = _entities("Counting with Words", "We study how children learn math and count objects in everyday scenes with simple tools.")
    assert ("MATH", "Benchmark") not in found


def test_results_keep_the_final_score_of_an_improvement(abstracts):
    (extraction,) = extract([_paper(abstracts[0]["title"], abstracts[0]["abstract"])])
    values = [(r.subject, r.value) for r in extraction.results]
    assert ("Llama-3.1-8B", "4.8%") not in values
    assert any(value == "41.0%" for _, value in values)


@pytest.mark.skipif(not CORPUS, reason="the shared corpus is not beside this checkout")
def test_every_evidence_offset_slices_the_original_text_on_the_whole_corpus():
    from kg.sources import read_papers

    papers = read_papers(CORPUS)
    checked = 0
    for extraction in extract(papers):
        text = extraction.paper.text
        for entity in extraction.entities:
            assert entity.evidence, (extraction.paper.title, entity.name)
            for evidence in entity.evidence:
                assert text[evidence.start : evidence.end] == evidence.sentence
                checked += 1
    assert checked > len(papers)
