"""The `kg` command: build a knowledge graph of AI papers, then query and export it.

Every subcommand reports bad input as one line naming the file (and line)
and exits non-zero; nothing is written to a store until all input has been
read, so a bad file never leaves a half-merged store behind.
"""

from __future__ import annotations

import errno
import json
import os
import sys
from collections import Counter
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from enum import Enum
from pathlib import Path
from typing import Annotated, BinaryIO, Optional

import networkx as nx
import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from rich.table import Table

from kg import __version__
from kg.errors import InputError, OnError, raise_error
from kg.records import Extraction, Paper

app = typer.Typer(
    help="kg: a knowledge-graph builder for AI research papers.\n\n"
    "Reads titles and abstracts, finds the models, methods, benchmarks and "
    "environments they name, and links each to its paper with a typed edge "
    "carrying the evidence sentence. Offline and deterministic.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
export_app = typer.Typer(help="Export the graph to other tools.", no_args_is_help=True)
app.add_typer(export_app, name="export")
err = Console(stderr=True)
out = Console()

DEFAULT_STORE = "kg.sqlite"


class InputFormat(str, Enum):
    hf_daily = "hf-daily"
    jsonl = "jsonl"
    json = "json"
    csv = "csv"


class OnErrorPolicy(str, Enum):
    stop = "stop"
    skip = "skip"


Files = Annotated[
    list[Path],
    typer.Argument(help="Input files: Hugging Face daily-papers dumps (.txt), JSON Lines, JSON or CSV with title and abstract."),
]
FormatOption = Annotated[
    Optional[InputFormat], typer.Option("--format", "-f", help="Input format for every file; detected per file when omitted.")
]
OnErrorOption = Annotated[
    OnErrorPolicy,
    typer.Option("--on-error", help="'stop' at the first bad record before anything is written; 'skip' reports bad records and goes on."),
]
StoreOption = Annotated[
    Path, typer.Option("--store", "-s", envvar="KG_STORE", help="The embedded store file (SQLite).", dir_okay=False)
]


def note(message: str, prefix: str = "") -> None:
    """One line to stderr, never wrapped, so that logs and tests can read it whole.

    `message` may hold file names, so it is escaped; only `prefix` is markup.
    """
    err.print(prefix + escape(message), highlight=False, soft_wrap=True)


def fail(message: str) -> None:
    note(message, "[bold red]error:[/] ")
    raise typer.Exit(2)


def _read(files: list[Path], fmt: Optional[InputFormat], on_error: OnErrorPolicy) -> list[Paper]:
    from kg.sources import read_papers

    skipped: list[InputError] = []

    def skip(error: InputError) -> None:
        skipped.append(error)
        note(str(error), "[yellow]skipped:[/] ")

    policy: OnError = skip if on_error is OnErrorPolicy.skip else raise_error
    try:
        papers = read_papers(files, fmt.value if fmt else None, policy)
    except InputError as error:
        fail(str(error))
    note(f"read {len(papers)} papers from {len(files)} file(s)" + (f", skipped {len(skipped)} bad record(s)" if skipped else ""))
    return papers


def _with_progress(papers: list[Paper], label: str) -> Iterator[Extraction]:
    """Extract `papers`, showing a progress bar on the terminal."""
    from kg.extract import extract

    columns = (TextColumn(label), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn())
    with Progress(*columns, console=err, transient=True, disable=not err.is_terminal) as progress:
        task = progress.add_task(label, total=len(papers))
        for extraction in extract(papers):
            progress.advance(task)
            yield extraction


@app.command()
def extract(
    files: Files,
    output: Annotated[Path, typer.Option("--output", "-o", help="Where to write the JSON Lines predictions ('-' for stdout).")],
    fmt: FormatOption = None,
    on_error: OnErrorOption = OnErrorPolicy.stop,
) -> None:
    """Extract entities, roles, evidence and results, one JSON object per paper.

    The output is the format `score.py` reads: id, title, entities (name, type,
    role, aliases, confidence, evidence) and results, plus the paper's source
    files. Nothing is stored.
    """
    papers = _read(files, fmt, on_error)
    lines = (json.dumps(ex.to_json(), ensure_ascii=False) + "\n" for ex in _with_progress(papers, "extracting"))
    if str(output) == "-":
        sys.stdout.writelines(lines)
        return
    tmp = output.with_name(output.name + ".tmp")
    try:
        with tmp.open("w", encoding="utf-8") as handle:
            handle.writelines(lines)
        os.replace(tmp, output)
    except OSError as error:
        tmp.unlink(missing_ok=True)
        fail(f"{output}: cannot write: {error.strerror}")
    note(f"wrote {len(papers)} papers to {output}")


@app.command()
def build(
    files: Files,
    store: StoreOption = Path(DEFAULT_STORE),
    fmt: FormatOption = None,
    on_error: OnErrorOption = OnErrorPolicy.stop,
) -> None:
    """Extract papers and merge them into the embedded store.

    Papers already in the store keep their extraction and remember the new
    source file; only new papers are extracted. The merge is one transaction:
    an interrupted run leaves the store as it was.
    """
    from kg.extract import EXTRACTOR
    from kg.store import EmbeddedStore, StoreError

    papers = _read(files, fmt, on_error)
    try:
        with EmbeddedStore(store) as db:
            report = db.merge(papers, lambda todo: _with_progress(todo, "extracting"), EXTRACTOR)
            total = len(db)
    except StoreError as error:
        fail(str(error))
    note(
        f"store {store}: {report.added} added, {report.reextracted} re-extracted, "
        f"{report.sources_updated} with new sources, {report.unchanged} unchanged; {total} papers in all"
    )


@app.command()
def stats(
    store: StoreOption = Path(DEFAULT_STORE),
    top: Annotated[int, typer.Option(help="How many of the most connected entities to list.", min=0)] = 10,
) -> None:
    """Count papers, entities by type and edges by role, and list the most connected entities."""
    from kg.graph import ENTITY_LABELS, RELATIONSHIP_TYPES

    graph = open_graph(store)
    labels = Counter(data["label"] for _, data in graph.nodes(data=True))
    edges = Counter(key for _, _, key in graph.edges(keys=True))
    out.print(f"[bold]{labels['Paper']}[/] papers, [bold]{sum(labels[t] for t in ENTITY_LABELS)}[/] entities, "
              f"[bold]{labels['Result']}[/] results, [bold]{graph.number_of_edges()}[/] edges")
    out.print(_table("entities by type", "type", ((t, labels[t]) for t in ENTITY_LABELS)))
    out.print(_table("edges by type", "relationship", ((t, edges[t]) for t in RELATIONSHIP_TYPES)))
    papers = Counter(v for u, v in graph.edges() if graph.nodes[u]["label"] == "Paper" and graph.nodes[v]["label"] in ENTITY_LABELS)
    ranked = sorted(papers, key=lambda node: (-papers[node], graph.nodes[node]["name"]))[:top]
    table = Table(title=f"top {len(ranked)} entities by papers naming them")
    for column in ("entity", "type", "papers"):
        table.add_column(column, justify="right" if column == "papers" else "left")
    for node in ranked:
        table.add_row(graph.nodes[node]["name"], graph.nodes[node]["label"], str(papers[node]))
    out.print(table)


@export_app.command("rdf")
def export_rdf(
    output: Annotated[Path, typer.Option("--output", "-o", help="The file to write ('-' for stdout, then --format is needed).")],
    fmt: Annotated[
        Optional[str],
        typer.Option("--format", "-f", help="turtle, nt, jsonld, xml or trig; by default follows the suffix of --output (.ttl .nt .jsonld .rdf .trig)."),
    ] = None,
    base: Annotated[
        Optional[str], typer.Option(
            "--base", help="The IRI every node's IRI starts with: <base>/paper/..., <base>/model/...", show_default="https://example.org/kg"
        )
    ] = None,
    store: StoreOption = Path(DEFAULT_STORE),
) -> None:
    """Export the graph as RDF in the vocabulary of schemas/kg.ttl, valid against schemas/shapes.ttl.

    Papers, entities and results get readable IRIs under --base that are the
    same in every run; arXiv papers link to their arXiv page. Each role edge
    also gets an assertion node with its evidence sentence, offsets,
    confidence and extractor. N-Triples is streamed, so it suits large graphs.
    """
    from kg.export.iris import DEFAULT_BASE, BaseError, check_base
    from kg.export.rdf import FormatError, format_for, write

    try:
        if str(output) == "-" and fmt is None:
            raise FormatError("writing to stdout needs --format turtle|nt|jsonld|xml|trig")
        chosen = format_for(output, fmt)
        base = check_base(DEFAULT_BASE if base is None else base)
    except (FormatError, BaseError) as error:
        fail(str(error))
    try:
        with _output(output) as handle:
            count = write(open_graph(store), handle, chosen, base)
    except FormatError as error:
        fail(str(error))
    except OSError as error:
        fail(f"{output}: cannot write: {error.strerror}")
    note(f"wrote {count} triples ({chosen}) to {output}")


@contextmanager
def _output(path: Path) -> Iterator[BinaryIO]:
    """`path` opened for writing in binary, or stdout for '-'.

    A file is written beside `path` and moved over it only when everything
    went well, so a failed export never leaves half a file behind; it is
    opened before any work starts, so an unwritable path fails at once.
    """
    if str(path) == "-":
        yield sys.stdout.buffer
        sys.stdout.flush()
        return
    if path.is_dir():
        raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(path))
    tmp = path.with_name(path.name + ".tmp")
    try:
        with tmp.open("wb") as handle:
            yield handle
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


def open_graph(store: Path) -> nx.MultiDiGraph:
    """The graph held by the embedded store at `store`, or a one-line error."""
    from kg.store import EmbeddedStore, StoreError

    if not store.exists():
        fail(f"{store}: no such store; create it with 'kg build FILES --store {store}'")
    try:
        with EmbeddedStore(store) as db:
            return db.graph()
    except StoreError as error:
        fail(str(error))


def _table(title: str, column: str, rows: Iterable[tuple[str, int]]) -> Table:
    table = Table(title=title)
    table.add_column(column)
    table.add_column("count", justify="right")
    for name, count in rows:
        table.add_row(name, str(count))
    return table


def _version(value: bool) -> None:
    if value:
        out.print(f"kg {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit.")] = False,
) -> None:
    """kg: a knowledge-graph builder for AI research papers."""
