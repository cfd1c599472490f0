"""Extraction on a real Dask LocalCluster (two worker processes) gives what one process gives."""

import json
import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from conftest import write_hf_daily, write_jsonl
from kg.cli import app
from kg.errors import InputError
from kg.extract.distributed import (
    SchedulerError,
    expand,
    extract_distributed,
    iter_extractions,
    line_ranges,
    plan_shards,
)
from kg.extract.parallel import extract_parallel, extraction_line
from kg.sources import read_papers
from scale_papers import scale_records

runner = CliRunner()


@pytest.fixture(scope="module")
def cluster():
    from distributed import LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0") as running:
        yield running.scheduler_address


@pytest.fixture
def inputs(tmp_path):
    """A daily-papers dump, a CSV and a JSON Lines file, with no paper in two of them."""
    records = scale_records(36)
    day = write_hf_daily(tmp_path / "day.txt", [{k: r[k] for k in ("title", "abstract")} for r in records[:6]])
    table = tmp_path / "table.csv"
    table.write_text("title,abstract\n" + "".join(f"\"{r['title']}\",\"{r['abstract']}\"\n" for r in records[6:10]), encoding="utf-8")
    big = write_jsonl(tmp_path / "big.jsonl", records[10:])
    return [day, table, big]


def one_process(files):
    return [extraction_line(e) for e in extract_parallel(read_papers(files), jobs=1)]


def test_shards_are_line_aligned_byte_ranges_that_cover_the_file(tmp_path):
    path = write_jsonl(tmp_path / "big.jsonl", scale_records(30))
    data = path.read_bytes()
    ranges = list(line_ranges(path, 1500))
    assert len(ranges) > 3
    assert ranges[0][0] == 0 and ranges[-1][1] == len(data)
    for (start, end, line), following in zip(ranges, ranges[1:] + [(len(data), None, None)]):
        assert end == following[0] and (start == 0 or data[start - 1:start] == b"\n")
        assert line == data[:start].count(b"\n") + 1
    shards = plan_shards([path, path], shard_bytes=1500)
    assert [s.index for s in shards] == list(range(2 * len(ranges)))
    assert [s.name for s in shards[:2]] == ["part-00000.jsonl", "part-00001.jsonl"]
    assert plan_shards([path]) == [plan_shards([path])[0]] and plan_shards([path])[0].end is None


def test_globs_expand_in_name_order_and_a_pattern_without_matches_is_an_error(tmp_path, inputs):
    assert expand([str(tmp_path / "*.*")]) == sorted(inputs)
    with pytest.raises(InputError, match="no file matches"):
        expand([str(tmp_path / "*.nothing")])


def test_the_cluster_writes_one_shard_per_input_shard_equal_to_one_process(tmp_path, cluster, inputs):
    out = tmp_path / "out"
    written = extract_distributed(plan_shards(inputs, shard_bytes=2000), out, cluster)
    reference = one_process(inputs)
    shards = sorted(out.iterdir())
    assert len(shards) == len(plan_shards(inputs, shard_bytes=2000)) > len(inputs)
    assert [p.name for p in shards] == [f"part-{i:05d}.jsonl" for i in range(len(shards))]  # no temporary file left
    assert written == len(reference) == 36
    assert [extraction_line(e) for e in iter_extractions(out)] == reference
    # a second run with fewer shards leaves exactly its own shards behind
    extract_distributed(plan_shards(inputs), out, cluster)
    assert len(list(out.iterdir())) == len(inputs)
    assert [extraction_line(e) for e in iter_extractions(out)] == reference


def test_a_bad_line_in_a_byte_range_is_named_by_its_line_in_the_whole_file(tmp_path, cluster):
    records = scale_records(20)
    path = tmp_path / "bad.jsonl"
    lines = [json.dumps(r) for r in records]
    lines[14] = "{not json"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    skipped = []
    out = tmp_path / "out"
    written = extract_distributed(plan_shards([path], shard_bytes=1500), out, cluster, on_error=skipped.append)
    assert [str(e) for e in skipped] == [f"{path}:15: not JSON: Expecting property name enclosed in double quotes (column 2)"]
    assert written == 19
    with pytest.raises(InputError, match=f"^{path}:15: not JSON"):
        extract_distributed(plan_shards([path], shard_bytes=1500), tmp_path / "stop", cluster)


def test_a_task_that_raises_on_a_worker_is_one_line_naming_the_shard(tmp_path, cluster, inputs):
    with pytest.raises(SchedulerError, match=r"day\.txt: part-00000\.jsonl \(bytes 0-end\) failed on the cluster: ValueError: unknown format"):
        extract_distributed(plan_shards(inputs[:1], fmt="csv"), tmp_path / "out", cluster, fmt="no-such-format")


def test_an_unreachable_scheduler_is_one_line(tmp_path, inputs):
    started = time.perf_counter()
    with pytest.raises(SchedulerError, match=r"^tcp://127\.0\.0\.1:1: cannot reach the Dask scheduler"):
        extract_distributed(plan_shards(inputs), tmp_path / "out", "tcp://127.0.0.1:1")
    assert time.perf_counter() - started < 30


def test_iter_extractions_names_the_file_and_line_of_a_bad_record(tmp_path):
    folder = tmp_path / "shards"
    folder.mkdir()
    good = extraction_line(next(extract_parallel(read_papers([write_jsonl(tmp_path / "a.jsonl", scale_records(1))]), 1)))
    (folder / "part-00001.jsonl").write_bytes(good + b"\n" + b'{"title": "no id"}\n')
    (folder / "part-00000.jsonl").write_bytes(good)
    reader = iter_extractions(folder)
    assert [next(reader).paper.id, next(reader).paper.id] == ["arxiv:2601.00000"] * 2
    with pytest.raises(InputError, match=f"^{folder / 'part-00001.jsonl'}:3: not a 'kg extract' line"):
        next(reader)
    (tmp_path / "empty").mkdir()
    with pytest.raises(InputError, match="no .jsonl shards"):
        list(iter_extractions(tmp_path / "empty"))
    with pytest.raises(InputError, match="no such file or folder"):
        list(iter_extractions(tmp_path / "missing"))


def test_cli_extract_on_a_local_cluster_then_load_reads_the_folder(tmp_path, inputs):
    out = tmp_path / "out"
    result = runner.invoke(app, ["extract", *map(str, inputs), "--scheduler", "local", "--jobs", "2", "-o", str(out), "--shard-size", "2000"])
    assert result.exit_code == 0, result.output
    assert "wrote 36 papers in" in result.output and "extracting:" in result.output
    assert [extraction_line(e) for e in iter_extractions(out)] == one_process(inputs)
    (out / "part-00099.jsonl").write_text("{broken\n", encoding="utf-8")
    built = runner.invoke(app, ["build", str(out), "--store", str(tmp_path / "kg.db")])
    assert built.exit_code == 2 and f"error: {out / 'part-00099.jsonl'}:1: not a 'kg extract' line" in built.output
    # a load checks the server before it reads anything
    loaded = runner.invoke(app, ["load", str(out), "--neo4j-uri", "bolt://127.0.0.1:1"])
    assert loaded.exit_code == 2 and loaded.output.startswith("error: bolt://127.0.0.1:1: cannot reach Neo4j")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(lengths=st.lists(st.integers(0, 300), min_size=1, max_size=40), size=st.integers(1, 2000), newline_at_end=st.booleans())
def test_byte_ranges_cover_any_file_at_line_starts_with_the_right_line_numbers(tmp_path, lengths, size, newline_at_end):
    data = b"\n".join(b"x" * n for n in lengths) + (b"\n" if newline_at_end else b"")
    path = tmp_path / "any.jsonl"
    path.write_bytes(data)
    ranges = list(line_ranges(path, size))
    assert b"".join(data[start:end] for start, end, _ in ranges) == data
    for start, end, line in ranges:
        assert start < end and (start == 0 or data[start - 1:start] == b"\n")
        assert line == data[:start].count(b"\n") + 1
