import csv
import json
from pathlib import Path

import pytest

from conftest import write_hf_daily, write_jsonl
from kg.errors import InputError
from kg.records import norm, paper_id
from kg.sources import detect_format, read_papers


def test_hf_daily_dump_reads_every_paper(tmp_path, abstracts):
    path = write_hf_daily(tmp_path / "day.txt", abstracts)
    papers = read_papers([path])
    assert [p.title for p in papers] == [r["title"] for r in abstracts]
    assert papers[0].abstract.startswith("Web agents built on")
    assert papers[0].sources == [str(path.resolve())]


def test_formats_are_detected_by_suffix_and_content(tmp_path, abstracts):
    assert detect_format(tmp_path / "a.txt", write_hf_daily(tmp_path / "a.txt", abstracts).read_text()) == "hf-daily"
    assert detect_format(tmp_path / "x.dat", '{"title": "t", "abstract": "a"}\n') == "jsonl"
    assert detect_format(tmp_path / "x.dat", '[{"title": "t"}]') == "json"
    assert detect_format(tmp_path / "x.dat", "title,abstract\nt,a\n") == "csv"
    assert detect_format(tmp_path / "x.csv", "anything") == "csv"


def test_jsonl_json_and_csv_give_the_same_papers(tmp_path, abstracts):
    jsonl = write_jsonl(tmp_path / "p.jsonl", abstracts)
    doc = tmp_path / "p.json"
    doc.write_text(json.dumps(abstracts, indent=2), encoding="utf-8")
    table = tmp_path / "p.csv"
    with table.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, ["title", "abstract", "arxiv_id", "url"])
        writer.writeheader()
        writer.writerows(abstracts)
    results = [[(p.id, p.title, p.abstract) for p in read_papers([f])] for f in (jsonl, doc, table)]
    assert results[0] == results[1] == results[2]


def test_ids_are_arxiv_ids_when_known_else_title_hashes(jsonl_file):
    papers = read_papers([jsonl_file])
    assert papers[0].id == "arxiv:2501.00001"
    assert papers[1].id == "arxiv:2501.00002"  # taken from the arXiv URL, version dropped
    assert papers[2].id == paper_id(papers[2].title)
    assert papers[2].id == paper_id(papers[2].title.upper() + " ")  # normalised title


def test_same_paper_in_two_files_is_one_paper_with_both_sources(tmp_path, abstracts):
    first = write_hf_daily(tmp_path / "a.txt", abstracts[:2])
    second = write_hf_daily(tmp_path / "b.txt", abstracts[1:])
    papers = read_papers([first, second])
    assert len(papers) == 3
    shared = next(p for p in papers if p.title == abstracts[1]["title"])
    assert shared.sources == [str(first.resolve()), str(second.resolve())]


def test_same_title_from_a_dump_and_arxiv_record_merges_under_arxiv_id(tmp_path, abstracts):
    dump = write_hf_daily(tmp_path / "a.txt", abstracts[:1])
    record = write_jsonl(tmp_path / "b.jsonl", abstracts[:1])
    papers = read_papers([dump, record])
    assert len(papers) == 1
    assert papers[0].id == "arxiv:2501.00001"
    assert len(papers[0].sources) == 2


def _error(paths) -> InputError:
    with pytest.raises(InputError) as caught:
        read_papers(paths)
    return caught.value


def test_empty_file(tmp_path):
    (tmp_path / "empty.jsonl").write_text("  \n")
    error = _error([tmp_path / "empty.jsonl"])
    assert str(error) == f"{tmp_path / 'empty.jsonl'}: empty file"


def test_file_in_no_known_format(tmp_path):
    (tmp_path / "notes.txt").write_text("just a note\n")
    assert "not a known format" in str(_error([tmp_path / "notes.txt"]))


def test_json_line_that_does_not_parse_names_the_line(tmp_path, abstracts):
    path = tmp_path / "bad.jsonl"
    path.write_text(json.dumps(abstracts[0]) + "\n{oops\n")
    error = _error([path])
    assert (error.path, error.line) == (str(path), 2)
    assert "not JSON" in error.message


def test_record_with_no_title_or_no_abstract(tmp_path, abstracts):
    no_title = write_jsonl(tmp_path / "t.jsonl", [abstracts[0], {"abstract": "text"}])
    assert (_error([no_title]).line, _error([no_title]).message) == (2, "record has no title")
    no_abstract = write_jsonl(tmp_path / "a.jsonl", [{"title": "A title", "abstract": "  "}])
    assert "has no abstract" in str(_error([no_abstract]))
    csv_path = tmp_path / "c.csv"
    csv_path.write_text('title,abstract\n"T one","An abstract"\n"T two",\n')
    assert _error([csv_path]).line == 3


def test_title_with_no_abstract_in_a_dump_names_its_line(tmp_path, abstracts):
    path = write_hf_daily(tmp_path / "day.txt", abstracts)
    text = path.read_text().replace(abstracts[1]["abstract"] + "\n\n", "")
    path.write_text(text)
    error = _error([path])
    assert "has no abstract" in error.message
    assert text.splitlines()[error.line - 1] == abstracts[1]["title"]


def test_non_utf8_bytes_name_the_line(tmp_path):
    path = tmp_path / "latin.jsonl"
    path.write_bytes(b'{"title": "ok", "abstract": "ok"}\n{"title": "caf\xe9", "abstract": "x"}\n')
    error = _error([path])
    assert error.line == 2 and "not UTF-8" in error.message


def test_directory_and_missing_file(tmp_path):
    assert "is a directory" in str(_error([tmp_path]))
    assert "no such file" in str(_error([tmp_path / "missing.jsonl"]))


def test_skip_policy_reports_bad_records_and_keeps_good_ones(tmp_path, abstracts):
    path = tmp_path / "mixed.jsonl"
    path.write_text(json.dumps(abstracts[0]) + "\nnot json\n" + json.dumps({"title": "x"}) + "\n" + json.dumps(abstracts[2]) + "\n")
    empty = tmp_path / "empty.csv"
    empty.write_text("")
    skipped = []
    papers = read_papers([path, empty], on_error=skipped.append)
    assert [p.title for p in papers] == [abstracts[0]["title"], abstracts[2]["title"]]
    assert [(Path(e.path).name, e.line) for e in skipped] == [("mixed.jsonl", 2), ("mixed.jsonl", 3), ("empty.csv", None)]


def test_norm_matches_the_scorer():
    assert norm("Llama 3.1-8B") == norm("llama-3.1-8b") == "llama318b"
    assert norm("Métodos") == "metodos"
