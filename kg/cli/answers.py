"""`kg leaderboard`, `kg trends` and `kg related`: the answers of `kg.answers`, printed."""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from kg.cli._util import (
    DEFAULT_STORE, OutputFormat, OutputFormatOption, StoreOption, _answering, _comma_list, _reader, fail, note, out,
)


class Period(str, Enum):
    month = "month"
    quarter = "quarter"
    year = "year"


def leaderboard(
    benchmark: Annotated[str, typer.Argument(help="A benchmark or environment, by name or alias; its variants are included.")],
    metric: Annotated[Optional[str], typer.Option(help="Only this metric (any case or spacing).")] = None,
    output: OutputFormatOption = OutputFormat.table,
    store: StoreOption = Path(DEFAULT_STORE),
) -> None:
    """Rank every result reported on a benchmark, one table per metric.

    Values show as papers write them and sort as numbers ('±' parts dropped,
    fractions against percentages); lower is better for error, perplexity,
    loss, latency, WER, FID and the like. Results on variants (WebArena-Lite
    for WebArena) are included and labelled.
    """
    from kg.answers.leaderboard import leaderboard as answer
    from kg.answers.render import leaderboard_rows, leaderboard_tables
    from kg.query import to_csv, to_json

    with _answering(), _reader(store) as reader:
        board = answer(reader, benchmark, metric)
    if output is OutputFormat.table:
        for table in leaderboard_tables(board):
            out.print(table)
        if not board.boards:
            note(f"no results reported on {board.benchmarks[0].name}")
    else:
        rows = leaderboard_rows(board)
        sys.stdout.write(to_json(rows) + "\n" if output is OutputFormat.json else to_csv(rows))


def trends(
    types: Annotated[Optional[list[str]], typer.Option("--type", help="Only entities of this type (repeat or comma-separate): Model, Method, Benchmark, Environment.")] = None,
    roles: Annotated[Optional[list[str]], typer.Option("--role", help="Only papers naming them in this role (repeat or comma-separate): proposes, evaluates_on, uses, compares_to, mentions.")] = None,
    by: Annotated[Period, typer.Option("--by", help="The period papers are counted in.")] = Period.quarter,
    top: Annotated[int, typer.Option(help="How many entities to show, and risers and fallers to list.", min=1)] = 10,
    plot: Annotated[Optional[Path], typer.Option("--plot", help="Also draw the chart to this file: .png, .svg or .html.", dir_okay=False)] = None,
    store: StoreOption = Path(DEFAULT_STORE),
) -> None:
    """Papers per entity per month, quarter or year, and the risers and fallers between the last two periods.

    Periods come from the papers' dates; papers without a date (or with only
    a year, when months or quarters are asked for) are counted apart.
    """
    from kg.answers.plot import check, plot as draw
    from kg.answers.render import trends_tables
    from kg.answers.trends import trends as answer

    try:
        if plot is not None:
            check(plot)
    except ValueError as error:
        fail(str(error))
    with _answering(), _reader(store) as reader:
        result = answer(reader, _comma_list(types), _comma_list(roles), by.value, top)
    for table in trends_tables(result):
        out.print(table)
    if plot is not None:
        try:
            draw(result, plot)
        except OSError as error:
            fail(f"{plot}: cannot write: {error.strerror}")
        note(f"wrote the chart of {len(result.top)} entities over {len(result.periods)} periods to {plot}")


def related(
    name: Annotated[str, typer.Argument(help="An entity, by name or alias.")],
    top: Annotated[int, typer.Option(help="How many related entities to list.", min=1)] = 10,
    store: StoreOption = Path(DEFAULT_STORE),
) -> None:
    """The entities papers name together with NAME, by Jaccard over papers, and the papers proposing its variants."""
    from kg.answers.related import related as answer
    from kg.answers.render import related_tables

    with _answering(), _reader(store) as reader:
        result = answer(reader, name, top)
    for table in related_tables(result):
        out.print(table)
