"""Leaderboards, trends and related work on a LadybugDB store holding a graph with known answers."""

from __future__ import annotations

import contextlib
import json
import struct

import pytest
from typer.testing import CliRunner

import kg.cli
from answers_graph import known_store
from kg.answers.entities import AnswerError, resolve
from kg.answers.leaderboard import direction, leaderboard, number, scores
from kg.answers.plot import plot
from kg.answers.related import related
from kg.answers.trends import period, trends

runner = CliRunner()


@pytest.fixture(scope="module")
def known(tmp_path_factory):
    reader = known_store(tmp_path_factory.mktemp("known") / "kg.db")
    yield reader
    reader.close()


@pytest.fixture
def cli(known, monkeypatch):
    """The CLI reading the known store: the answer commands open whatever `_reader` gives them."""

    @contextlib.contextmanager
    def opened(store):
        yield known

    monkeypatch.setattr(kg.cli.answers, "_reader", opened)

    def invoke(*args: str):
        return runner.invoke(kg.cli.app, list(args), env={"COLUMNS": "240"})

    return invoke


# -- leaderboard


def test_values_read_as_papers_write_them():
    assert number("41.0%") == (41.0, True)
    assert number("38.2 ± 1.1") == (38.2, False)
    assert number("12.3 +/- 0.4") == (12.3, False)
    assert number("1,024") == (1024.0, False)
    assert number("n/a") is None
    # Fractions of one become percentages where the board uses percentages...
    assert scores("success rate", ["41.0%", "0.35", "38.2 ± 1.1", "n/a"]) == [41.0, 35.0, 38.2, None]
    # ...but not on a board of fractions only, nor for a metric with no upper bound.
    assert scores("accuracy", ["0.9", "0.85"]) == [0.9, 0.85]
    assert scores("perplexity", ["0.9", "12.5"]) == [0.9, 12.5]


def test_metric_directions():
    lower = ["error rate", "Perplexity", "latency (ms)", "WER", "FID", "validation loss", "top-1 error", "MSE"]
    higher = ["accuracy", "Success Rate", "F1", "BLEU", "pass@1", "exact match", "ROUGE-L", "win rate"]
    assert {m: direction(m) for m in lower} == dict.fromkeys(lower, "lower")
    assert {m: direction(m) for m in higher} == dict.fromkeys(higher, "higher")
    assert direction("tokens per step") == "unknown"


def table(board):
    return [(row.rank, row.subject, row.value, row.benchmark, row.variant_of, row.paper_id) for row in board.rows]


def test_leaderboard_by_alias_includes_variants_and_ranks_each_metric(known):
    answer = leaderboard(known, "wa")
    assert [e.name for e in answer.benchmarks] == ["WebArena"]
    assert answer.variants == {"WebArena-Lite": "WebArena", "WebArena-Hard": "WebArena"}
    assert [(b.metric, b.direction) for b in answer.boards] == [("success rate", "higher"), ("error rate", "lower")]
    assert table(answer.boards[0]) == [
        (1, "WebPilot", "41.0%", "WebArena-Lite", "WebArena", "arxiv:2401.00001"),
        (2, "AgentTuner", "38.2 ± 1.1", "WebArena", None, "arxiv:2402.00002"),
        (3, "GPT-4o", "0.35", "WebArena", None, "arxiv:2402.00002"),
        (4, "GPT-4o", "0.297", "WebArena-Lite", "WebArena", "arxiv:2403.00009"),
        (5, "Llama-3.1-8B", "9.1%", "WebArena-Hard", "WebArena", "arxiv:2502.00008"),
        (6, "Llama-3.1-8B", "4.8%", "WebArena-Lite", "WebArena", "arxiv:2401.00001"),
        (7, "random baseline", "1.2%", "WebArena", None, "arxiv:2402.00002"),  # no entity achieves it: the subject as written
    ]
    # Lower is better: 22% beats 0.61 (61%).
    assert table(answer.boards[1]) == [
        (1, "GPT-4o", "22%", "WebArena", None, "arxiv:2404.00003"),
        (2, "Llama-3.1-8B", "0.61", "WebArena", None, "arxiv:2404.00003"),
    ]
    first = answer.boards[0].rows[0]
    assert (first.title, first.arxiv_id, first.date, first.score) == ("WebPilot: Teaching Small Models to Browse", "2401.00001", "2024-01-15", 41.0)
    assert first.evidence == "WebPilot raises the success rate of Llama-3.1-8B on WebArena-Lite from 4.8% to 41.0%."
    # The evidence is the sentence stating the value, not just any sentence of the paper.
    lite = answer.boards[0].rows[3]
    assert lite.evidence == "We release WebArena-Lite, on which GPT-4o succeeds at a rate of 0.297."


def test_a_variant_alone_has_only_its_results(known):
    answer = leaderboard(known, "WebArena-Lite")
    assert answer.variants == {}
    assert [row.subject for row in answer.boards[0].rows] == ["WebPilot", "GPT-4o", "Llama-3.1-8B"]


def test_perplexity_lower_first_and_metric_filter(known):
    answer = leaderboard(known, "wikitext 103")
    assert [(b.metric, b.direction) for b in answer.boards] == [("perplexity", "lower")]
    assert [(row.rank, row.subject, row.value) for row in answer.boards[0].rows] == [(1, "Llama-3.1-8B", "6.9"), (2, "TinyLM", "8.2")]
    only = leaderboard(known, "WebArena", metric="ERROR-rate")
    assert [b.metric for b in only.boards] == ["error rate"]
    with pytest.raises(AnswerError, match="no 'BLEU' results on WebArena; its metrics: Success Rate, error rate, success rate"):
        leaderboard(known, "WebArena", metric="BLEU")


def test_unknown_names_say_what_is_close(known):
    with pytest.raises(AnswerError, match=r"no benchmark or environment named 'WebAren' in the graph; did you mean 'WebArena', 'WebArena-Hard', 'WebArena-Lite'\?"):
        leaderboard(known, "WebAren")
    with pytest.raises(AnswerError, match="no benchmark or environment named 'GPT-4o'"):
        leaderboard(known, "GPT-4o")  # a model, not a benchmark
    assert [e.id for e in resolve(known, "gpt 4o")] == ["model:gpt4o"]


# -- trends


def counts(answer):
    return {answer.names[key]: answer.counts[key] for key in answer.top}


def moves(changes):
    return [(c.name, c.before, c.after) for c in changes]


def test_periods_from_iso_dates():
    assert [period("2024-05", by) for by in ("month", "quarter", "year")] == ["2024-05", "2024-Q2", "2024"]
    assert [period("2024", by) for by in ("month", "quarter", "year")] == [None, None, "2024"]
    assert period("2024-12", "quarter") == "2024-Q4"


def test_trends_by_quarter(known):
    answer = trends(known, by="quarter", top=5)
    assert answer.periods == ["2024-Q1", "2024-Q2", "2024-Q3", "2024-Q4", "2025-Q1"]
    assert counts(answer) == {
        "Llama-3.1-8B": [1, 2, 1, 0, 1],
        "GPT-4o": [2, 1, 0, 0, 1],
        "WebArena": [2, 1, 0, 0, 1],
        "Direct Preference Optimization": [0, 0, 1, 0, 2],
        "Proximal Policy Optimization": [2, 0, 0, 1, 0],
    }
    assert moves(answer.risers) == [
        ("Direct Preference Optimization", 0, 2), ("GPT-4o", 0, 1), ("GSM8K", 0, 1), ("Llama-3.1-8B", 0, 1), ("WebArena", 0, 1),
    ]
    assert moves(answer.fallers) == [("MuJoCo", 1, 0), ("Proximal Policy Optimization", 1, 0)]
    # The undated paper, and the one dated only '2024', cannot be placed in a quarter.
    assert (answer.undated, answer.coarse) == (1, 1)


def test_trends_by_month_fill_empty_months_and_by_year_place_year_only_dates(known):
    months = trends(known, by="month", top=3)
    assert months.periods[0] == "2024-01" and months.periods[-1] == "2025-02" and len(months.periods) == 14
    assert moves(months.risers) == [("Llama-3.1-8B", 0, 1), ("WebArena", 0, 1), ("WebArena-Hard", 0, 1)]
    assert moves(months.fallers) == [("GPT-4o", 1, 0), ("GSM8K", 1, 0)]
    years = trends(known, by="year", top=3)
    assert years.periods == ["2024", "2025"]
    # 'Locomotion Notes' (dated 2024) counts for PPO and MuJoCo by year.
    assert counts(years) == {"Llama-3.1-8B": [4, 1], "GPT-4o": [3, 1], "Proximal Policy Optimization": [4, 0]}
    assert (years.undated, years.coarse) == (1, 0)


def test_trends_of_a_type_and_role(known):
    answer = trends(known, types=("model",), roles=("uses",), by="year")
    assert counts(answer) == {"Llama-3.1-8B": [3, 1], "GPT-4o": [2, 1]}
    assert (answer.undated, answer.coarse) == (0, 0)
    proposed = trends(known, types=("Benchmark", "Environment"), roles=("proposes",), by="year")
    assert counts(proposed) == {"WebArena-Hard": [0, 1], "WebArena-Lite": [1, 0]}
    with pytest.raises(AnswerError, match="unknown role 'cites'; choose from proposes"):
        trends(known, roles=("cites",))
    with pytest.raises(AnswerError, match="unknown type 'Dataset'"):
        trends(known, types=("Dataset",))


def test_chart_files(known, tmp_path):
    answer = trends(known, by="month", top=6)
    plot(answer, tmp_path / "t.png")
    png = (tmp_path / "t.png").read_bytes()
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", png[16:24])
    assert width > 1200 and height > 600
    plot(answer, tmp_path / "t.svg")
    svg = (tmp_path / "t.svg").read_text()
    # Axis labels, title and a legend entry per entity are text in the SVG.
    for text in ("Papers per entity per month", "Papers", "Month", "Entity (papers)", "Llama-3.1-8B (5)", "not shown: 1 undated and 1 dated only by year papers"):
        assert text in svg, text
    assert svg == (plot(answer, tmp_path / "again.svg") or (tmp_path / "again.svg").read_text())
    plot(answer, tmp_path / "t.html")
    page = (tmp_path / "t.html").read_text()
    assert page.startswith("<!DOCTYPE html>") and "<svg" in page and "GPT-4o (4)" in page
    with pytest.raises(ValueError, match="the chart is written as .png, .svg, .html; got '.pdf'"):
        plot(answer, tmp_path / "t.pdf")


# -- related


def test_related_by_jaccard_with_shared_papers_and_variant_papers(known):
    answer = related(known, "WebArena")
    assert answer.papers == 4
    assert [(n.name, n.together, n.papers, n.score) for n in answer.neighbours] == [
        ("GPT-4o", 3, 4, 0.6),
        ("Llama-3.1-8B", 2, 5, 0.2857),
        ("AgentTuner", 1, 1, 0.25),
        ("WebArena-Hard", 1, 1, 0.25),
        ("WebArena-Lite", 1, 2, 0.2),
        ("Direct Preference Optimization", 1, 4, 0.1429),
        ("Proximal Policy Optimization", 1, 4, 0.1429),
    ]
    assert [p.id for p in answer.neighbours[0].shared] == ["arxiv:2404.00003", "arxiv:2403.00009", "arxiv:2402.00002"]
    assert [(v.variant, v.paper.id) for v in answer.variant_papers] == [
        ("WebArena-Hard", "arxiv:2502.00008"), ("WebArena-Lite", "arxiv:2403.00009"),
    ]
    assert "Jaccard" in answer.score


def test_related_top_and_an_entity_without_variants(known):
    answer = related(known, "ppo", top=2)
    assert [(n.name, n.score) for n in answer.neighbours] == [("MuJoCo", 0.5), ("AgentTuner", 0.25)]
    assert answer.variant_papers == []
    with pytest.raises(AnswerError, match="no entity named 'Gemini'"):
        related(known, "Gemini")


# -- the commands


def test_leaderboard_command_formats(cli):
    shown = cli("leaderboard", "WebArena")
    assert shown.exit_code == 0, shown.output
    assert "WebArena · success rate (higher is better)" in shown.output
    assert "WebArena · error rate (lower is better)" in shown.output
    assert "WebArena-Lite (variant)" in shown.output and "38.2 ± 1.1" in shown.output
    rows = json.loads(cli("leaderboard", "WebArena", "--metric", "error rate", "--format", "json").output)
    assert [(r["rank"], r["subject"], r["value"], r["score"], r["direction"]) for r in rows] == [
        (1, "GPT-4o", "22%", 22.0, "lower"), (2, "Llama-3.1-8B", "0.61", 61.0, "lower"),
    ]
    csv = cli("leaderboard", "wikitext-103", "--format", "csv").output.splitlines()
    assert csv[0] == "metric,direction,rank,subject,value,score,benchmark,variant_of,paper_id,title,arxiv_id,date,evidence"
    assert csv[1].startswith("perplexity,lower,1,Llama-3.1-8B,6.9,6.9,WikiText-103,,arxiv:2405.00004,")


def test_trends_and_related_commands(cli, tmp_path):
    shown = cli("trends", "--by", "quarter", "--top", "3", "--plot", str(tmp_path / "t.png"))
    assert shown.exit_code == 0, shown.output
    assert "Risers: 2024-Q4 → 2025-Q1" in shown.output and "Fallers: 2024-Q4 → 2025-Q1" in shown.output
    assert "not counted: 1 undated paper(s), 1 dated only by year" in shown.output
    assert "wrote the chart of 3 entities over 5 periods to" in shown.output and (tmp_path / "t.png").stat().st_size > 10_000
    near = cli("related", "WebArena", "--top", "2")
    assert near.exit_code == 0, near.output
    assert "Named together with WebArena (4 papers)" in near.output and "0.600" in near.output
    assert "score: Jaccard over papers" in near.output and "Papers proposing variants of WebArena" in near.output


@pytest.mark.parametrize("args, message", [
    (("leaderboard", "Nowhere"), "error: no benchmark or environment named 'Nowhere' in the graph"),
    (("leaderboard", "WebArena", "--metric", "BLEU"), "error: no 'BLEU' results on WebArena"),
    (("trends", "--type", "Dataset"), "error: unknown type 'Dataset'"),
    (("trends", "--role", "cites"), "error: unknown role 'cites'"),
    (("trends", "--plot", "chart.pdf"), "error: chart.pdf: the chart is written as .png, .svg, .html"),
    (("related", "Gemini"), "error: no entity named 'Gemini' in the graph"),
])
def test_bad_questions_fail_in_one_line(cli, args, message):
    result = cli(*args)
    assert result.exit_code == 2
    assert result.output.startswith(message) and result.output.count("\n") == 1, result.output
