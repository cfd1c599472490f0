"""The trends chart: one line per entity, papers per period, drawn by matplotlib.

matplotlib runs on its Agg backend (no display needed) and writes PNG or SVG;
an `.html` file is a small page holding the SVG inline, so it opens offline
in any browser. Twenty lines stay distinguishable: ten colours, each with a
solid then a dashed line, and markers where a period has papers.
"""

from __future__ import annotations

import io
from html import escape
from pathlib import Path

from kg.answers.trends import Trends

FORMATS = (".png", ".svg", ".html")


def plot(result: Trends, path: str | Path, title: str | None = None) -> None:
    """Draw the papers per period of `result.top` to `path` (.png, .svg or .html); ValueError for another suffix."""
    path = Path(path)
    suffix = check(path)
    import matplotlib

    matplotlib.use("Agg")
    title = title or f"Papers per entity per {result.by}"
    # SVG text stays text (searchable, smaller), and ids come from a fixed salt: the same chart gives the same file.
    with matplotlib.rc_context({"svg.fonttype": "none", "svg.hashsalt": "kg"}):
        _write(result, path, suffix, title)


def _write(result: Trends, path: Path, suffix: str, title: str) -> None:
    figure = _figure(result, title)
    if suffix == ".html":
        buffer = io.StringIO()
        figure.savefig(buffer, format="svg", bbox_inches="tight")
        svg = buffer.getvalue()
        svg = svg[svg.index("<svg"):]
        page = f'<!DOCTYPE html>\n<html lang="en">\n<head><meta charset="utf-8"><title>{escape(title)}</title></head>\n<body>\n{svg}</body>\n</html>\n'
        path.write_text(page, encoding="utf-8")
    else:
        # A fixed date keeps the SVG the same from run to run.
        metadata = {"Date": None} if suffix == ".svg" else {}
        figure.savefig(path, dpi=150, bbox_inches="tight", metadata=metadata)
    import matplotlib.pyplot as plt

    plt.close(figure)


def check(path: Path) -> str:
    """The chart format `path` asks for by its suffix; ValueError naming the path when there is none."""
    suffix = path.suffix.lower()
    if suffix not in FORMATS:
        raise ValueError(f"{path}: the chart is written as {', '.join(FORMATS)}; got '{path.suffix or 'no suffix'}'")
    return suffix


def _figure(result: Trends, title: str):
    import matplotlib.pyplot as plt
    from matplotlib.ticker import MaxNLocator

    width = min(16.0, max(10.0, 0.45 * len(result.periods) + 6))
    figure, axes = plt.subplots(figsize=(width, 6.0), layout="constrained")
    colours = plt.get_cmap("tab10").colors
    xs = range(len(result.periods))
    for i, key in enumerate(result.top):
        counts = result.counts[key]
        axes.plot(
            xs, counts, label=f"{result.names[key]} ({sum(counts)})", color=colours[i % 10],
            linestyle="-" if i < 10 else "--", marker="o", markersize=4, linewidth=2,
        )
    axes.set_title(title)
    axes.set_ylabel("Papers")
    step = max(1, len(result.periods) // 24)
    axes.set_xticks(list(xs)[::step], result.periods[::step], rotation=45 if len(result.periods) > 8 else 0, ha="right" if len(result.periods) > 8 else "center")
    axes.yaxis.set_major_locator(MaxNLocator(integer=True))
    axes.set_ylim(bottom=0)
    axes.grid(True, alpha=0.3)
    unplaced = []
    if result.undated:
        unplaced.append(f"{result.undated:,} undated")
    if result.coarse:
        unplaced.append(f"{result.coarse:,} dated only by year")
    note = f"\n(not shown: {' and '.join(unplaced)} paper{'s' if result.undated + result.coarse != 1 else ''})" if unplaced else ""
    axes.set_xlabel(result.by.capitalize() + note)
    if result.top:
        axes.legend(title="Entity (papers)", loc="upper left", bbox_to_anchor=(1.01, 1.0), frameon=False)
    return figure
