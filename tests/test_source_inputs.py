"""Opening inputs: compression, stdin, special files, truncation, hostile text and limits."""

from __future__ import annotations

import bz2
import gzip
import io
import json
import lzma
import os
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import write_hf_daily, write_jsonl
from kg.cli import app
from kg.errors import InputError
from kg.sources import iter_papers, read_corpus, read_papers
from kg.sources.fields import MAX_ABSTRACT

DATA = Path(__file__).parent / "data" / "sources"
COMPRESSORS = {".gz": gzip.compress, ".bz2": bz2.compress, ".xz": lzma.compress}


def errors_of(paths, **options) -> tuple[list, list[InputError]]:
    errors: list[InputError] = []
    return read_papers(paths, on_error=errors.append, **options), errors


@pytest.mark.parametrize("suffix", sorted(COMPRESSORS))
@pytest.mark.parametrize("name", ["arxiv_atom.xml", "arxiv_oai.jsonl", "openalex_works.json"])
def test_compressed_inputs_read_like_the_plain_file(tmp_path, name, suffix):
    plain, _ = errors_of([DATA / name])
    packed = tmp_path / (name + suffix)
    packed.write_bytes(COMPRESSORS[suffix]((DATA / name).read_bytes()))
    hidden = tmp_path / "no-suffix.bin"  # found by magic bytes, not by name
    hidden.write_bytes(packed.read_bytes())
    for path in (packed, hidden):
        papers, _ = errors_of([path])
        assert [(p.id, p.title, p.abstract, p.date) for p in papers] == [(p.id, p.title, p.abstract, p.date) for p in plain]


def test_damaged_compressed_file_is_one_error_and_keeps_earlier_files(tmp_path, abstracts):
    good = write_jsonl(tmp_path / "good.jsonl", abstracts)
    cut = tmp_path / "cut.jsonl.gz"
    cut.write_bytes(gzip.compress((DATA / "s2_papers.jsonl").read_bytes().splitlines(keepends=True)[0] * 500)[:-40])
    papers, errors = errors_of([good, cut])
    assert [p.id for p in papers] == [p.id for p in read_papers([good])] + ["arxiv:2401.01234"]  # lines before the damage kept
    assert [(e.path, "damaged or truncated" in e.message) for e in errors] == [(str(cut), True)]


def test_stdin_is_read_for_dash(monkeypatch, abstracts):
    data = gzip.compress("".join(json.dumps(r) + "\n" for r in abstracts).encode())
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    papers = read_papers(["-"])
    assert [p.title for p in papers] == [r["title"] for r in abstracts]
    assert papers[0].sources == ["<stdin>"]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this platform")
def test_fifo_and_devices_are_refused_without_opening(tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)  # no writer: opening it would hang
    _, errors = errors_of([fifo, Path("/dev/null")])
    assert [e.message.split(",")[0] for e in errors] == ["is a FIFO (named pipe)", "is a character device"]


def test_truncated_daily_dump_warns_naming_file_and_line(tmp_path, abstracts):
    path = write_hf_daily(tmp_path / "day.txt", abstracts[::-1])  # the longest abstract last
    text = path.read_text()
    path.write_text(text.rstrip()[:-12])  # cut mid-word, no final newline
    warnings: list[InputError] = []
    corpus = read_corpus([path], on_warning=warnings.append)
    assert [(w.path, w.line) for w in warnings] == [(str(path), len(text.rstrip()[:-12].splitlines()))]
    assert "probably truncated" in warnings[0].message
    assert len(corpus.papers) == 3 and corpus.summary.warnings == 1  # the record is still read
    path.write_text(text.rstrip())  # complete, only the final newline missing: no warning
    read_corpus([path], on_warning=warnings.append)
    assert len(warnings) == 1


def test_lone_surrogates_are_repaired_the_same_way_every_time(tmp_path):
    path = tmp_path / "bad.jsonl"
    path.write_text('{"title": "Broken \\ud800 title", "abstract": "We test GPT-4 on MMLU.\\udfff"}\n')
    first, second = read_papers([path]), read_papers([path])
    assert first[0].title == second[0].title == "Broken \ufffd title"
    assert first[0].abstract.endswith("MMLU.\ufffd")
    first[0].text.encode("utf-8")  # storable and extractable


def test_over_long_abstract_is_a_record_error(tmp_path, abstracts):
    path = write_jsonl(tmp_path / "long.jsonl", [abstracts[0], {"title": "Huge", "abstract": "word " * (MAX_ABSTRACT // 4)}, abstracts[1]])
    papers, errors = errors_of([path])
    assert len(papers) == 2
    assert [(e.line, "over the 100,000 limit" in e.message) for e in errors] == [(2, True)]


def test_json_list_records_name_their_line_and_page_records_their_index(tmp_path, abstracts):
    listing = tmp_path / "list.json"
    listing.write_text(json.dumps([abstracts[0], {"title": "No abstract"}, 7], indent=2))
    _, errors = errors_of([listing])
    lines = listing.read_text().splitlines()
    assert [e.message for e in errors] == ["paper 'No abstract' has no abstract", "expected an object, got int"]
    assert lines[errors[0].line - 1].strip() == "{" and lines[errors[1].line - 1].strip() == "7"
    page = tmp_path / "page.json"
    page.write_text(json.dumps({"data": [abstracts[0], None, abstracts[1]]}, indent=1))
    _, errors = errors_of([page])
    assert [(e.line, e.record, e.message) for e in errors] == [(None, 1, "expected an object, got null")]
    assert str(errors[0]) == f"{page}: record 1: expected an object, got null"


def test_malformed_json_in_every_json_format_is_one_located_error(tmp_path):
    for fmt in ("arxiv-oai", "hf-api", "s2", "openalex", "pwc", "json"):
        path = tmp_path / f"{fmt}.json"
        path.write_text('[\n{"title": "t", "abstract": "a"},\n{"title": oops}\n]')
        papers, errors = errors_of([path], fmt=fmt)
        assert [e.line for e in errors if e.message.startswith("not JSON")] == [3], fmt


def test_hostile_xml_is_refused(tmp_path):
    bomb = tmp_path / "bomb.xml"
    bomb.write_text('<?xml version="1.0"?><!DOCTYPE f [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;">]>'
                    '<feed xmlns="http://www.w3.org/2005/Atom"><entry><title>&b;</title></entry></feed>')
    broken = tmp_path / "broken.xml"
    broken.write_text('<feed xmlns="http://www.w3.org/2005/Atom">\n<entry>\n<title>x</entry>')
    _, errors = errors_of([bomb, broken])
    assert "XML refused" in errors[0].message
    assert (errors[1].line, errors[1].message.startswith("not well-formed XML")) == (3, True)


def test_cli_prints_the_summary_and_reads_stdin(tmp_path, abstracts):
    data = "".join(json.dumps(r) + "\n" for r in abstracts + [{"title": "x"}])
    out = tmp_path / "out.jsonl"
    result = CliRunner().invoke(app, ["extract", "-", str(DATA / "s2_search.json"), "-o", str(out), "--on-error", "skip"], input=data)
    assert result.exit_code == 0, result.output
    assert "read 5 papers from 5 records in 2 file(s): 0 merged, 0 conflicts, 2 skipped" in result.output
    assert "skipped: <stdin>:4: paper 'x' has no abstract" in result.output
    assert len(out.read_text().splitlines()) == 5


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this platform")
def test_cli_refuses_a_fifo_with_one_line(tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    result = CliRunner().invoke(app, ["extract", str(fifo), "-o", str(tmp_path / "o.jsonl")])
    assert result.exit_code == 2
    assert result.output.strip().splitlines() == [f"error: {fifo}: is a FIFO (named pipe), not a regular file; pipe it to stdin with '-' instead"]


def test_a_broken_file_whose_content_says_nothing_is_read_by_its_suffix(tmp_path, abstracts):
    path = tmp_path / "papers.jsonl.gz"
    path.write_bytes(gzip.compress(("oops\n" + json.dumps(abstracts[0]) + "\n").encode()))
    papers, errors = errors_of([path])
    assert [p.title for p in papers] == [abstracts[0]["title"]]
    assert [(e.line, e.message[:8]) for e in errors] == [(1, "not JSON")]


def test_iter_papers_streams_record_by_record(tmp_path, abstracts):
    path = tmp_path / "stream.jsonl.gz"
    path.write_bytes(gzip.compress((json.dumps(abstracts[0]) + "\nbroken\n").encode()))
    papers = iter_papers([path])  # stops at the first bad record by default
    assert next(papers).title == abstracts[0]["title"]  # given before the bad line is even read
    with pytest.raises(InputError):
        next(papers)


def test_deeply_nested_json_is_a_located_error(tmp_path):
    array, lines = tmp_path / "deep.json", tmp_path / "deep.jsonl"
    array.write_text("[" * 100_000)
    lines.write_text('{"a":' * 100_000 + "\n")
    _, errors = errors_of([array, lines])
    assert [(Path(e.path).name, e.line, e.message[:8]) for e in errors] == [("deep.json", 1, "not JSON"), ("deep.jsonl", 1, "not JSON")]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this platform")
def test_output_to_a_fifo_writes_into_it_and_leaves_it_a_fifo(tmp_path, abstracts):
    # Writing beside the path and renaming over it once replaced /dev/null itself with a file.
    import stat
    import threading

    fifo = tmp_path / "out"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()), daemon=True)
    reader.start()
    result = CliRunner().invoke(app, ["extract", str(write_jsonl(tmp_path / "p.jsonl", abstracts)), "-o", str(fifo)])
    reader.join(timeout=60)
    assert result.exit_code == 0, result.output
    assert stat.S_ISFIFO(fifo.stat().st_mode)
    assert len(received[0].decode().splitlines()) == 3
