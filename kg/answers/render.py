"""The answers as the terminal shows them (rich tables) and as flat rows for JSON and CSV."""

from __future__ import annotations

from dataclasses import asdict

from rich.table import Table
from rich.text import Text

from kg.answers.leaderboard import Leaderboard
from kg.answers.related import Related
from kg.answers.trends import Trends
from kg.query import QueryResult

DIRECTION = {"higher": "higher is better", "lower": "lower is better", "unknown": "direction unknown: larger first"}
# The terminal table keeps the latest periods; the chart shows them all.
TABLE_PERIODS = 12


def leaderboard_rows(board: Leaderboard) -> QueryResult:
    """One row per result, every board after the other: what `--format json|csv` prints."""
    columns = ["metric", "direction", "rank", "subject", "value", "score", "benchmark", "variant_of",
               "paper_id", "title", "arxiv_id", "date", "evidence"]
    rows = [[b.metric, b.direction, *asdict(row).values()] for b in board.boards for row in b.rows]
    return QueryResult(columns, rows)


def leaderboard_tables(board: Leaderboard) -> list[Table]:
    name = " / ".join(e.name for e in board.benchmarks)
    caption = ""
    if board.variants:
        caption = "with variants: " + ", ".join(f"{v} (of {b})" for v, b in sorted(board.variants.items()))
    tables = []
    for b in board.boards:
        table = Table(title=f"{name} · {b.metric} ({DIRECTION[b.direction]})", caption=caption, title_justify="left")
        table.add_column("#", justify="right", no_wrap=True)
        table.add_column("subject", no_wrap=True)
        table.add_column("value", justify="right", no_wrap=True)
        table.add_column("benchmark", no_wrap=True)
        table.add_column("paper", ratio=2, overflow="fold")
        table.add_column("evidence", ratio=3, overflow="fold")
        for row in b.rows:
            bench = f"{row.benchmark} (variant)" if row.variant_of else row.benchmark
            paper = f"{row.title}\n{row.arxiv_id or row.paper_id}" + (f" · {row.date}" if row.date else "")
            table.add_row("" if row.rank is None else str(row.rank), row.subject, row.value, bench, paper, row.evidence or "")
        tables.append(table)
    return tables


def trends_tables(result: Trends) -> list[Table]:
    shown = result.periods[-TABLE_PERIODS:]
    note = f"the last {len(shown)} of {len(result.periods)} periods; " if len(shown) < len(result.periods) else ""
    unplaced = []
    if result.undated:
        unplaced.append(f"{result.undated:,} undated paper(s)")
    if result.coarse:
        unplaced.append(f"{result.coarse:,} dated only by year")
    caption = note + ("not counted: " + ", ".join(unplaced) if unplaced else "every paper placed")
    table = Table(title=f"Papers per {result.by}", caption=caption, title_justify="left")
    table.add_column("entity")
    for p in shown:
        table.add_column(p, justify="right")
    table.add_column("total", justify="right")
    for key in result.top:
        counts = result.counts[key]
        table.add_row(result.names[key], *(str(c) for c in counts[-len(shown):]), str(sum(counts)))
    tables = [table]
    if len(result.periods) >= 2:
        before, after = result.periods[-2], result.periods[-1]
        for title, changes in (("Risers", result.risers), ("Fallers", result.fallers)):
            moved = Table(title=f"{title}: {before} → {after}", title_justify="left")
            for column in ("entity", before, after, "change"):
                moved.add_column(column, justify="left" if column == "entity" else "right")
            for c in changes:
                moved.add_row(c.name, str(c.before), str(c.after), f"{c.delta:+d}")
            tables.append(moved)
    return tables


def related_tables(result: Related) -> list[Table | Text]:
    name = " / ".join(e.name for e in result.entities)
    table = Table(
        title=f"Named together with {name} ({result.papers} papers)",
        caption=f"score: {result.score}",
        title_justify="left",
    )
    for column, options in [("entity", {}), ("type", {}), ("score", {"justify": "right"}), ("both", {"justify": "right"}),
                            ("its papers", {"justify": "right"}), ("papers naming both (newest first)", {"overflow": "fold"})]:
        table.add_column(column, **options)
    for n in result.neighbours:
        papers = "; ".join(f"{p.title} ({p.arxiv_id or p.id}{', ' + p.date if p.date else ''})" for p in n.shared)
        table.add_row(n.name, n.type, f"{n.score:.3f}", str(n.together), str(n.papers), papers)
    if not result.variant_papers:
        return [table, Text(f"No paper in the graph proposes a variant of {name}.")]
    variants = Table(title=f"Papers proposing variants of {name}", title_justify="left")
    for column in ("variant", "paper", "arXiv", "date"):
        variants.add_column(column, overflow="fold")
    for v in result.variant_papers:
        variants.add_row(v.variant, v.paper.title, v.paper.arxiv_id or v.paper.id, v.paper.date or "")
    return [table, variants]
