"""Each service's format read from fixtures written in its documented shape (tests/data/sources)."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.errors import InputError
from kg.extract import extract
from kg.records import Author
from kg.sources import detect_format, iter_papers, read_corpus
from kg.sources.inputs import open_input

DATA = Path(__file__).parent / "data" / "sources"
TOOLFORGE_TITLE = "ToolForge: Training Language Agents to Call APIs with Proximal Policy Optimization"
TOOLFORGE_ABSTRACT = (
    "We present ToolForge, a method that fine-tunes Llama-3.1-8B with Proximal Policy Optimization (PPO) to call web APIs. "
    "On ToolBench and API-Bank, ToolForge improves the success rate from 31.2% to 58.7% and outperforms GPT-4o."
)
FORMATS = {
    "arxiv_atom.xml": "arxiv-atom",
    "arxiv_atom_error.xml": "arxiv-atom",
    "arxiv_oai.jsonl": "arxiv-oai",
    "hf_api.json": "hf-api",
    "s2_search.json": "s2",
    "s2_papers.jsonl": "s2",
    "openalex_works.json": "openalex",
    "openalex_works.jsonl": "openalex",
    "pwc.json": "pwc",
}


def read(name: str) -> tuple[list, list[InputError]]:
    errors: list[InputError] = []
    return list(iter_papers([DATA / name], on_error=errors.append)), errors


def located(errors: list[InputError]) -> list[tuple[int | None, int | None, str]]:
    return [(e.line, e.record, e.message) for e in errors]


@pytest.mark.parametrize("name", sorted(FORMATS))
def test_format_is_detected_by_content(name, tmp_path):
    renamed = tmp_path / "input.dat"  # no telling suffix
    renamed.write_bytes((DATA / name).read_bytes())
    with open_input(renamed, print) as source:
        assert detect_format(renamed, source.head) == FORMATS[name]


def test_arxiv_atom_entries_with_wrapped_titles_versions_and_categories():
    papers, errors = read("arxiv_atom.xml")
    first, second = papers
    assert (first.id, first.arxiv_id, first.url) == ("arxiv:2401.01234", "2401.01234", "https://arxiv.org/abs/2401.01234")
    assert first.title == TOOLFORGE_TITLE  # wrapped over two lines in the feed
    assert first.abstract == TOOLFORGE_ABSTRACT  # \emph{} and $31.2\%$ resolved, line breaks gone
    assert (first.date, first.doi, first.categories) == ("2024-01-05", "10.1234/toolforge.2024.7", ["cs.CL", "cs.LG"])
    assert [a.name for a in first.authors] == ["Ana Lopes", "Jirí Novak"]
    assert second.title.startswith("Café-Bench: Evaluating") and "correctly – far below" in second.abstract
    assert located(errors) == [(None, 2, "paper 'An Entry Without Its Summary' has no abstract")]


def test_arxiv_api_error_feed_is_reported_not_read():
    papers, errors = read("arxiv_atom_error.xml")
    assert papers == []
    assert located(errors) == [(None, 0, "the arXiv API answered an error: incorrect id format for 1234.12345")]


def test_arxiv_oai_snapshot_lines():
    papers, errors = read("arxiv_oai.jsonl")
    new, old = papers
    assert (new.title, new.abstract) == (TOOLFORGE_TITLE, TOOLFORGE_ABSTRACT)
    assert [a.name for a in new.authors] == ["Ana Lopes", "Jiří Novák"]  # from authors_parsed, LaTeX accents resolved
    assert (new.date, new.categories, new.doi) == ("2024-01-05", ["cs.CL", "cs.LG"], "10.1234/toolforge.2024.7")  # date of v1
    assert (old.id, old.doi, old.date) == ("arxiv:cs/0112017", "10.5555/jmr.2001.3", "2001-12-17")  # old-style id; first of two DOIs
    assert old.title == "Decision Trees for Spam Filtering on the Usenet Corpus"
    assert "accuracy — better than a naïve Bayes" in old.abstract
    assert [a.name for a in old.authors] == ["B. Old", "C. Older Jr."]
    assert [(line, message[:8]) for line, _, message in located(errors)] == [(3, "not JSON"), (4, "paper 'A")]


def test_hugging_face_daily_papers_api():
    papers, errors = read("hf_api.json")
    assert [p.id for p in papers] == ["arxiv:2401.01234", "arxiv:2405.11111"]
    assert papers[0].abstract == TOOLFORGE_ABSTRACT and papers[0].date == "2024-01-05"
    assert [a.name for a in papers[0].authors] == ["Ana Lopes", "Jiří Novák"]
    assert papers[1].abstract.endswith("above Code Llama & StarCoder2.")  # HTML entity resolved
    assert located(errors) == [(46, None, "paper 'A Paper Whose Summary Is Missing' has no abstract")]


def test_semantic_scholar_api_page_and_dataset_lines():
    page, page_errors = read("s2_search.json")
    assert (page[0].id, page[0].doi, page[0].venue, page[0].date) == (
        "arxiv:2401.01234", "10.1234/toolforge.2024.7", "Annual Meeting of the Association for Computational Linguistics", "2024-01-05"
    )
    assert page[0].authors == [Author("Ana Lopes", "s2:2001"), Author("Jiří Novák", "s2:2002")]
    assert (page[1].id, page[1].date) == ("doi:10.18653/v1/2024.acl-long.99", "2024")  # DOI lower-cased; year when no date
    assert located(page_errors) == [(None, 2, "paper 'A Paper Semantic Scholar Has No Abstract For' has no abstract")]
    lines, line_errors = read("s2_papers.jsonl")
    assert (lines[0].id, lines[0].venue, lines[0].date) == ("arxiv:2401.01234", "ACL", "2024-01-05")
    assert located(line_errors) == [(2, None, "paper 'Null Abstracts Are Bad Records' has no abstract")]


@pytest.mark.parametrize("name", ["openalex_works.json", "openalex_works.jsonl"])
def test_openalex_works_rebuild_abstracts_and_drop_tags(name):
    papers, errors = read(name)
    arxiv, nature = papers
    assert (arxiv.id, arxiv.title, arxiv.abstract) == ("arxiv:2401.01234", TOOLFORGE_TITLE, TOOLFORGE_ABSTRACT)
    assert arxiv.doi == "10.48550/arxiv.2401.01234" and arxiv.venue is None  # arXiv is a repository, not a venue
    assert arxiv.authors[0] == Author("Ana Lopes", "https://openalex.org/A5000000001", "0000-0002-1825-0097")
    assert nature.title == "Graph Transformers for Molecular Property Prediction"  # <jats:italic> dropped
    assert nature.abstract.startswith("We apply Graphormer to molecular property prediction & pretrain")  # <jats:p>, &amp;
    assert (nature.id, nature.venue, nature.date) == ("doi:10.1038/s41586-024-00001-x", "Nature", "2024-03-20")
    assert [e.message for e in errors] == ["paper 'A Work Without An Abstract' has no abstract"]
    assert (errors[0].line, errors[0].record) == ((None, 2) if name.endswith(".json") else (3, None))


def test_papers_with_code_abstracts():
    papers, errors = read("pwc.json")
    assert (papers[0].id, papers[0].categories) == ("arxiv:2401.01234", ["Tool Use", "Reinforcement Learning"])
    assert (papers[1].id[:6], papers[1].venue, papers[1].date) == ("title:", "ICLR 2023", "2023-02-01")
    assert [a.name for a in papers[1].authors] == ["Lena Berg"]
    assert located(errors) == [(51, None, "record has no title")]


def test_one_paper_from_every_source_merges_metadata_and_counts_conflicts():
    corpus = read_corpus(sorted(DATA.iterdir()), on_error=lambda error: None)
    toolforge = next(p for p in corpus.papers if p.id == "arxiv:2401.01234")
    assert len(toolforge.sources) == 8  # Atom, OAI, HF, S2 page, S2 lines, OpenAlex page and lines, PwC
    assert toolforge.doi == "10.1234/toolforge.2024.7"  # the publisher's DOI, not arXiv's
    assert toolforge.categories == ["cs.CL", "cs.LG", "Tool Use", "Reinforcement Learning"]
    assert toolforge.authors[0] == Author("Ana Lopes", "https://openalex.org/A5000000001", "0000-0002-1825-0097")
    assert toolforge.venue == "ACL"  # s2_papers.jsonl is read before s2_search.json
    summary = corpus.summary
    assert (summary.files, summary.records, summary.papers, summary.merged, summary.skipped) == (9, 15, 7, 8, 10)
    assert summary.conflicts == [("arxiv:2401.01234", "venue")]  # the API page's long name; the first value stays
    assert summary.line() == "read 7 papers from 15 records in 9 file(s): 8 merged, 1 conflicts, 10 skipped"


def test_evidence_offsets_slice_the_stored_text_on_every_fixture():
    papers = read_corpus(sorted(DATA.iterdir()), on_error=lambda error: None).papers
    checked = 0
    for extraction in extract(papers):
        text = extraction.paper.text
        for entity in extraction.entities:
            for evidence in entity.evidence:
                assert text[evidence.start : evidence.end] == evidence.sentence
                checked += 1
    assert checked > 20
