"""The merge policy: one paper from several records (kg.records.merge_paper, kg.sources.merge)."""

from __future__ import annotations

from kg.records import Author, Paper, merge_paper, paper_id
from kg.sources.merge import ReadSummary, merge_papers

ABSTRACT = "We evaluate GPT-4 on MMLU."


def paper(title="A Study of Agents", abstract=ABSTRACT, **fields) -> Paper:
    return Paper(id=paper_id(title, fields.get("arxiv_id"), fields.get("doi")), title=title, abstract=abstract, **fields)


def test_a_later_record_fills_gaps_and_strengthens_the_id_never_weakens_it():
    known = paper(sources=["a"])
    assert merge_paper(known, paper(arxiv_id="2401.00001", date="2024", sources=["b"])) == []
    assert (known.id, known.date, known.sources) == ("arxiv:2401.00001", "2024", ["a", "b"])
    assert merge_paper(known, paper(sources=["c"])) == []  # arrives again without the arXiv id
    assert known.id == "arxiv:2401.00001"


def test_more_precise_values_are_no_conflict():
    known = paper(arxiv_id="2401.00001", date="2024", doi="10.48550/arxiv.2401.00001")
    assert merge_paper(known, paper(arxiv_id="2401.00001", date="2024-01-05", doi="10.1234/x.7")) == []
    assert (known.date, known.doi) == ("2024-01-05", "10.1234/x.7")
    assert merge_paper(known, paper(arxiv_id="2401.00001", date="2024", doi="10.48550/arxiv.2401.00001")) == []
    assert (known.date, known.doi) == ("2024-01-05", "10.1234/x.7")


def test_conflicts_keep_the_first_value_unless_replace():
    known = paper(venue="ACL")
    assert merge_paper(known, paper(title="A study of agents!", abstract=ABSTRACT + " More.", venue="EMNLP")) == ["abstract", "venue"]
    assert (known.title, known.abstract, known.venue) == ("A Study of Agents", ABSTRACT, "ACL")
    assert merge_paper(known, paper(abstract="New text."), replace=True) == []
    assert known.abstract == "New text."


def test_author_ids_fill_a_byline_with_the_same_names():
    known = paper(authors=[Author("Ana Lopes"), Author("Jiri Novak")])
    merge_paper(known, paper(authors=[Author("Ana Lopes", "s2:1"), Author("Jiří Novák", "s2:2", "0000-0002-1825-0097")]))
    assert known.authors == [Author("Ana Lopes", "s2:1"), Author("Jiri Novak", "s2:2", "0000-0002-1825-0097")]
    merge_paper(known, paper(authors=[Author("Someone Else", "s2:9")]))
    assert [a.name for a in known.authors] == ["Ana Lopes", "Jiri Novak"]


def test_records_match_by_arxiv_id_then_doi_then_title_but_not_across_arxiv_ids():
    summary = ReadSummary()
    papers = merge_papers(
        [
            paper(title="Attention Is All You Need", arxiv_id="1706.03762"),
            paper(title="Attention is all you need", arxiv_id="2999.00001"),  # an imitator: another paper
            paper(title="Transformers (journal version)", doi="10.1/t", arxiv_id="1706.03762"),  # by arXiv id
            paper(title="Something else entirely", doi="10.1/t"),  # by DOI
            paper(title="ATTENTION IS ALL YOU NEED."),  # by title: the first one
        ],
        summary,
    )
    assert [p.id for p in papers] == ["arxiv:1706.03762", "arxiv:2999.00001"]
    assert (summary.records, summary.papers, summary.merged) == (5, 2, 3)
    assert summary.conflicts == [("arxiv:1706.03762", "title"), ("arxiv:1706.03762", "title")]
