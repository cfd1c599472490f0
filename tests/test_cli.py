import json
import subprocess
import sys

from typer.testing import CliRunner

from conftest import write_hf_daily
from kg.cli import app

runner = CliRunner()


def test_extract_writes_one_scorer_line_per_paper(tmp_path, jsonl_file):
    out = tmp_path / "pred.jsonl"
    result = runner.invoke(app, ["extract", str(jsonl_file), "-o", str(out)])
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in out.read_text().splitlines()]
    assert [line["id"] for line in lines] == ["arxiv:2501.00001", "arxiv:2501.00002", lines[2]["id"]]
    entity = lines[0]["entities"][0]
    assert set(entity) == {"name", "type", "role", "aliases", "confidence", "evidence"}
    assert set(entity["evidence"][0]) == {"sentence", "start", "end"}
    assert isinstance(lines[0]["results"], list)


def test_bad_input_is_one_line_naming_file_and_line_and_writes_nothing(tmp_path, abstracts):
    bad = tmp_path / "bad.jsonl"
    bad.write_text(json.dumps(abstracts[0]) + "\n{not json\n")
    store = tmp_path / "kg.sqlite"
    result = runner.invoke(app, ["build", str(bad), "--store", str(store)])
    assert result.exit_code == 2
    assert f"{bad}:2: not JSON" in result.output
    assert "Traceback" not in result.output
    assert not store.exists()


def test_skip_reports_and_builds_the_rest(tmp_path, abstracts):
    bad = tmp_path / "bad.jsonl"
    bad.write_text(json.dumps(abstracts[0]) + "\n{not json\n")
    store = tmp_path / "kg.sqlite"
    result = runner.invoke(app, ["build", str(bad), "--store", str(store), "--on-error", "skip"])
    assert result.exit_code == 0, result.output
    assert f"skipped: {bad}:2" in result.output
    assert "1 added" in result.output


def test_build_twice_then_stats(tmp_path, abstracts):
    day = write_hf_daily(tmp_path / "day.txt", abstracts)
    store = tmp_path / "kg.sqlite"
    assert "3 added" in runner.invoke(app, ["build", str(day), "-s", str(store)]).output
    assert "0 added, 0 re-extracted, 0 updated, 3 unchanged" in runner.invoke(app, ["build", str(day), "-s", str(store)]).output
    result = runner.invoke(app, ["stats", "-s", str(store)])
    assert result.exit_code == 0
    assert "3 papers" in result.output and "PPO" not in result.output.split("top")[0]
    assert "MuJoCo" in result.output
    assert "authors by papers" not in result.output  # a daily-papers dump has no bylines: no empty author table


def test_stats_on_a_missing_store_says_how_to_make_one(tmp_path):
    result = runner.invoke(app, ["stats", "-s", str(tmp_path / "none.sqlite")])
    assert result.exit_code == 2 and "kg build" in result.output


def test_console_script_runs_help():
    result = subprocess.run([sys.executable, "-m", "kg", "build", "--help"], capture_output=True, text=True, check=True)
    assert "--on-error" in result.stdout and "--store" in result.stdout


def test_extract_output_follows_the_shipped_json_schema(tmp_path, jsonl_file):
    import jsonschema
    from importlib.resources import files

    schema = json.loads(files("kg.schemas").joinpath("extraction.schema.json").read_text())
    out = tmp_path / "pred.jsonl"
    assert runner.invoke(app, ["extract", str(jsonl_file), "-o", str(out)]).exit_code == 0
    for line in out.read_text().splitlines():
        jsonschema.validate(json.loads(line), schema)
