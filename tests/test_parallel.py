"""Extraction on several processes gives what one process gives, in order, paper by paper."""

import os

import pytest

from kg.errors import InputError
from kg.extract import extract
from kg.cores import default_jobs
from kg.extract.parallel import POOL_MIN_CHUNKS, extract_lines, extract_parallel, extraction_line
from kg.records import Paper, paper_id
from scale_papers import scale_records


def papers(count: int) -> list[Paper]:
    return [Paper(paper_id(r["title"], r["arxiv_id"]), r["title"], r["abstract"], ["/data/written.jsonl"], r["arxiv_id"])
            for r in scale_records(count)]


def lines(extractions):
    return [extraction.to_json() for extraction in extractions]


def test_two_processes_give_the_same_output_as_one_in_input_order():
    written = papers(40)
    one = lines(extract_parallel(written, jobs=1, chunk_size=3))
    assert one == lines(extract(written))  # the chunked path changes nothing
    assert one == lines(extract_parallel(written, jobs=2, chunk_size=3))
    assert list(extract_lines(written, jobs=2, chunk_size=3)) == [extraction_line(e) for e in extract(written)]
    assert [line["id"] for line in one] == [paper.id for paper in written]
    assert all(line["entities"] for line in one)


def test_a_streamed_input_is_read_only_a_few_chunks_ahead():
    pulled = []

    def stream():
        for paper in papers(60):
            pulled.append(paper.id)
            yield paper

    results = extract_parallel(stream(), jobs=2, chunk_size=2)
    first = next(results)
    assert len(pulled) < 60
    assert first.paper.id == pulled[0]
    assert len(pulled) <= 2 * (POOL_MIN_CHUNKS + 1 + 2 * 2)  # the look-ahead, then 2 * jobs chunks in flight
    assert len(list(results)) == 59
    results.close()


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_paper_that_cannot_be_extracted_is_a_record_level_error(jobs):
    """An abstract over spaCy's 1,000,000-character limit fails that paper only (issue 13, item 4)."""
    written = papers(2 * POOL_MIN_CHUNKS + 1)  # enough chunks of two for a pool
    huge = Paper("title:huge", "An Over-Long Abstract", "word " * 200_001, ["/data/huge.jsonl"])
    errors = []
    got = lines(extract_parallel(written[:3] + [huge] + written[3:], jobs=jobs, on_error=errors.append, chunk_size=2))
    assert got == lines(extract(written))
    assert len(errors) == 1 and isinstance(errors[0], InputError)
    assert str(errors[0]).startswith("/data/huge.jsonl: paper title:huge ('An Over-Long Abstract'): cannot extract: ")
    with pytest.raises(InputError, match="paper title:huge"):
        list(extract_parallel([huge] + written, jobs=jobs, chunk_size=2))


def test_a_small_input_is_extracted_in_this_process_a_large_one_in_workers():
    import multiprocessing

    before = set(multiprocessing.active_children())
    small = extract_parallel(papers(3), jobs=2)
    next(small)
    assert set(multiprocessing.active_children()) == before
    assert len(list(small)) == 2
    large = extract_parallel(papers(POOL_MIN_CHUNKS + 1), jobs=2, chunk_size=1)
    next(large)
    assert len(set(multiprocessing.active_children()) - before) == 2
    large.close()
    assert set(multiprocessing.active_children()) == before


def test_jobs_default_to_the_cores_this_process_may_use():
    expected = os.process_cpu_count() if hasattr(os, "process_cpu_count") else len(os.sched_getaffinity(0))
    assert default_jobs() == expected
    with pytest.raises(ValueError):
        list(extract_parallel(papers(1), jobs=0))


def test_build_and_extract_take_jobs(tmp_path, jsonl_file):
    from typer.testing import CliRunner

    from kg.cli import app

    runner = CliRunner()
    built = runner.invoke(app, ["build", str(jsonl_file), "--store", str(tmp_path / "kg.sqlite"), "--jobs", "2"])
    assert built.exit_code == 0 and "3 added" in built.output, built.output
    for command in (["build", str(jsonl_file)], ["extract", str(jsonl_file), "-o", str(tmp_path / "p.jsonl")]):
        refused = runner.invoke(app, [*command, "--jobs", "0"])
        assert refused.exit_code == 2 and "--jobs" in refused.output


def test_text_that_is_not_valid_unicode_fails_its_paper_only():
    """A lone surrogate (issue 13, item 4) cannot be written as UTF-8: that paper is the error, the rest is written."""
    from kg.records import Author

    written = papers(2)
    written[0].authors = [Author("A \ud800 B")]
    errors = []
    out = list(extract_lines(written, jobs=1, on_error=errors.append))
    assert out == [extraction_line(e) for e in extract(written[1:])]
    assert len(errors) == 1 and f"paper {written[0].id}" in str(errors[0]) and "surrogates not allowed" in str(errors[0])
