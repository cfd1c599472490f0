"""Progress: a bar with rate and time left on a terminal, one summary line elsewhere, nothing with --quiet."""

import io
import re

import pytest
from rich.console import Console
from typer.testing import CliRunner

from kg.cli import app
from kg.progress import meter, summary, track

runner = CliRunner()


def console(terminal: bool) -> tuple[Console, io.StringIO]:
    buffer = io.StringIO()
    return Console(file=buffer, force_terminal=terminal, width=120), buffer


def test_off_a_terminal_only_one_summary_line_is_printed():
    target, buffer = console(False)
    with meter("extracting", 5, "papers", console=target) as advance:
        assert list(track("abcde", advance)) == list("abcde")
    assert re.fullmatch(r"extracting: 5 papers in \d+\.\d s( \([\d,]+ papers/s\))?\n", buffer.getvalue())


def test_on_a_terminal_the_bar_shows_count_rate_and_time_left():
    target, buffer = console(True)
    with meter("loading", 20_000, "rows", console=target) as advance:
        advance(10_000)
        advance(10_000)
    text = buffer.getvalue()
    assert "loading" in text and "20000/20000" in text and "rows/s" in text
    assert "loading: 20,000 rows in " in text.rstrip().splitlines()[-1]  # after the bar is cleared


def test_quiet_prints_nothing_and_a_failed_block_prints_no_summary():
    for terminal in (True, False):
        target, buffer = console(terminal)
        with meter("extracting", 3, quiet=True, console=target) as advance:
            advance(3)
        assert buffer.getvalue() == ""
    target, buffer = console(False)
    with pytest.raises(RuntimeError), meter("extracting", 3, console=target):
        raise RuntimeError("stop")
    assert buffer.getvalue() == ""


def test_the_summary_says_count_time_and_rate():
    assert summary("extracting", 2_500, "papers", 2.0) == "extracting: 2,500 papers in 2.0 s (1,250 papers/s)"
    assert summary("loading", 0, "rows", 0.0) == "loading: 0 rows in 0.0 s"


def test_extract_prints_a_summary_line_unless_quiet(tmp_path, jsonl_file):
    out = tmp_path / "pred.jsonl"
    loud = runner.invoke(app, ["extract", str(jsonl_file), "-o", str(out), "--jobs", "1"])
    assert loud.exit_code == 0, loud.output
    assert re.search(r"^extracting: 3 papers in \d+\.\d s", loud.output, re.M)
    quiet = runner.invoke(app, ["extract", str(jsonl_file), "-o", str(out), "--jobs", "1", "--quiet"])
    assert quiet.exit_code == 0 and "extracting:" not in quiet.output


def test_exports_print_a_summary_line_unless_quiet(tmp_path, jsonl_file):
    store = tmp_path / "kg.db"
    built = runner.invoke(app, ["build", str(jsonl_file), "--store", str(store), "--jobs", "1", "--quiet"])
    assert built.exit_code == 0, built.output
    for command, unit in ((["export", "rdf", "-o", str(tmp_path / "g.nt")], "triples"), (["export", "neo4j-csv", str(tmp_path / "csv")], "pages")):
        loud = runner.invoke(app, [*command, "--store", str(store), "--jobs", "1"])
        assert loud.exit_code == 0, loud.output
        assert re.search(rf"^exporting: [1-9][\d,]* {unit} in \d+\.\d s", loud.output, re.M)
        quiet = runner.invoke(app, [*command, "--store", str(store), "--jobs", "1", "--quiet"])
        assert quiet.exit_code == 0 and "exporting:" not in quiet.output and "wrote " not in quiet.output
    assert (tmp_path / "g.nt").stat().st_size > 0


def test_html_exports_print_their_steps_unless_quiet(tmp_path, jsonl_file):
    store = tmp_path / "kg.db"
    assert runner.invoke(app, ["build", str(jsonl_file), "--store", str(store), "--jobs", "1", "--quiet"]).exit_code == 0
    for view in (["--focus", "PPO"], ["--overview"]):
        command = ["export", "html", "-o", str(tmp_path / "g.html"), "--store", str(store), *view]
        loud = runner.invoke(app, command)
        assert loud.exit_code == 0, loud.output
        assert re.search(r"^drawing: 4 steps in \d+\.\d s", loud.output, re.M) and "wrote " in loud.output
        quiet = runner.invoke(app, [*command, "--quiet"])
        assert quiet.exit_code == 0 and quiet.output == "", quiet.output
