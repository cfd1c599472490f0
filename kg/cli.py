"""The `kg` command: build a knowledge graph of AI papers, then query and export it.

Every subcommand reports bad input as one line naming the file (and line)
and exits non-zero. The work itself is done by the Python API (`kg.api`) and
the library modules; this module only parses options and prints.
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
from typing import TYPE_CHECKING, Annotated, BinaryIO, Optional

import networkx as nx
import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from rich.table import Table

from kg import __version__
from kg.errors import InputError, OnError, raise_error
from kg.records import Extraction, Paper

if TYPE_CHECKING:
    from kg.store.neo4j import Neo4jSettings

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

DEFAULT_STORE = "kg.db"


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
    Path, typer.Option("--store", "-s", envvar="KG_STORE", help="The embedded store file (LadybugDB), or 'neo4j' for the Neo4j server.", dir_okay=False)
]
NEO4J = "neo4j"
UriOption = Annotated[Optional[str], typer.Option("--neo4j-uri", envvar="NEO4J_URI", help="Neo4j server; load and build --store neo4j use bolt://localhost:7687 when it is not set.", show_default=False)]
UserOption = Annotated[str, typer.Option("--neo4j-user", envvar="NEO4J_USER", help="Neo4j user.")]
PasswordOption = Annotated[str, typer.Option("--neo4j-password", envvar="NEO4J_PASSWORD", help="Neo4j password.", show_default=False)]
DatabaseOption = Annotated[Optional[str], typer.Option("--neo4j-database", envvar="NEO4J_DATABASE", help="Neo4j database; the server's default when omitted.")]
BatchOption = Annotated[int, typer.Option("--batch-size", min=1, help="Rows per Neo4j transaction.")]


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
    try:
        with _output(output) as handle:
            for extraction in _with_progress(papers, "extracting"):
                handle.write((json.dumps(extraction.to_json(), ensure_ascii=False) + "\n").encode("utf-8"))
    except OSError as error:
        fail(f"{output}: cannot write: {error.strerror}")
    note(f"wrote {len(papers)} papers to {output}")


@app.command()
def build(
    ctx: typer.Context,
    files: Files,
    store: StoreOption = Path(DEFAULT_STORE),
    fmt: FormatOption = None,
    on_error: OnErrorOption = OnErrorPolicy.stop,
    replace: Annotated[bool, typer.Option("--replace", help="Take a known paper's new title and abstract (and re-extract) instead of keeping the stored text.")] = False,
    wait: Annotated[float, typer.Option("--wait", min=0, metavar="SECONDS", help="Wait this long for another kg process writing the store.")] = 0.0,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="List each record that conflicts with a stored paper.")] = False,
    neo4j_uri: UriOption = None,
    neo4j_user: UserOption = "neo4j",
    neo4j_password: PasswordOption = "",
    neo4j_database: DatabaseOption = None,
    batch_size: BatchOption = 500,
) -> None:
    """Extract papers and add them to the embedded store, or to Neo4j.

    Papers are read, extracted and written in batches of --batch-size, one
    transaction each: an interrupted build keeps every finished batch, and
    running it again completes it. A paper already stored (same arXiv id,
    DOI or normalised title) keeps its stored title and abstract; records
    that differ are counted (listed with --verbose) unless --replace.

    With --store neo4j (or --neo4j-uri on the command line) the papers are
    extracted and MERGEd into Neo4j instead: loading again changes nothing.
    """
    from kg import api
    from kg.store import StoreError

    if str(store) == NEO4J or _given(ctx, "neo4j_uri"):
        from kg.graph import build_graph

        papers = _read(files, fmt, on_error)
        graph = build_graph(_with_progress(papers, "extracting"))
        _load_neo4j(graph, _settings(neo4j_uri, neo4j_user, neo4j_password, neo4j_database), batch_size)
        return
    columns = (TextColumn("building"), BarColumn(), MofNCompleteColumn())
    try:
        with Progress(*columns, console=err, transient=True, disable=not err.is_terminal) as progress:
            task = progress.add_task("building", total=None)
            report = api.build(
                files, store, fmt=fmt.value if fmt else None, replace=replace, on_error=_policy(on_error),
                progress=lambda n: progress.advance(task, n), batch_size=batch_size, wait=wait,
            )
    except (StoreError, InputError) as error:
        fail(str(error))
    if verbose:
        for conflict in report.conflicts:
            note(str(conflict), "[yellow]conflict:[/] ")
    note(f"store {store}: read {report.read} papers: {report.summary()}")


@app.command()
def migrate(
    old: Annotated[Path, typer.Argument(dir_okay=False, help="A kg 0.2 store (SQLite file).")],
    new: Annotated[Path, typer.Argument(dir_okay=False, help="The new embedded store to create.")] = Path(DEFAULT_STORE),
) -> None:
    """Copy a kg 0.2 store (SQLite) into a new embedded store, from its extraction records."""
    from kg import api
    from kg.store import StoreError

    try:
        report = api.migrate(old, new)
    except StoreError as error:
        fail(str(error))
    note(f"store {new}: migrated from {old}: {report.summary()}")


def _policy(on_error: OnErrorPolicy) -> OnError:
    def skip(error: InputError) -> None:
        note(str(error), "[yellow]skipped:[/] ")

    return skip if on_error is OnErrorPolicy.skip else raise_error


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


@export_app.command("html")
def export_html(
    output: Annotated[Path, typer.Option("--output", "-o", help="The HTML file to write.")],
    store: StoreOption = Path(DEFAULT_STORE),
    focus: Annotated[
        Optional[str], typer.Option(help="Show only the neighbourhood of this entity or paper (name, alias, title, node id or arXiv id).")
    ] = None,
    hops: Annotated[int, typer.Option(help="How many links away from --focus to go (through nodes of any type).", min=0)] = 1,
    types: Annotated[
        Optional[list[str]],
        typer.Option("--types", help="Keep only these node types (repeat or comma-separate): Paper, Model, Method, Benchmark, Environment, Result."),
    ] = None,
    roles: Annotated[
        Optional[list[str]],
        typer.Option("--roles", help="Keep only these links (repeat or comma-separate): proposes, evaluates_on, uses, compares_to, mentions, variant_of, reports, achieves, has_result."),
    ] = None,
    min_degree: Annotated[int, typer.Option(help="Drop nodes with fewer links than this in the whole graph (focus nodes stay).", min=0)] = 0,
    max_nodes: Annotated[int, typer.Option(help="Keep at most this many nodes, the best-connected first.", min=1)] = 1500,
) -> None:
    """Write an interactive, self-contained HTML view of the graph (works offline).

    One colour per node type, node size by degree, links styled by role; hover
    a node for its card (aliases, degree, evidence sentences and their papers),
    search by name or alias, and tick types and roles on and off. Views above
    300 nodes are laid out here and open with physics off, so even 1,500 nodes
    are ready to explore in a few seconds.
    """
    from kg.export.html import View, ViewError, write_html

    view = View(focus, hops, _comma_list(types), _comma_list(roles), min_degree, max_nodes)
    graph = open_graph(store)
    try:
        shown = write_html(graph, output, view, title=f"Knowledge graph around {focus}" if focus else "Knowledge graph").graph
    except ViewError as error:
        fail(str(error))
    except OSError as error:
        fail(f"{output}: cannot write: {error.strerror}")
    if not shown:
        note("nothing in the graph matches these options; the page is empty", "[yellow]warning:[/] ")
    note(f"wrote {len(shown)} nodes and {shown.number_of_edges()} links to {output} ({output.stat().st_size / 1e6:.1f} MB)")


def _comma_list(values: Optional[list[str]]) -> tuple[str, ...]:
    """`--types Model,Method --types Paper` as ('Model', 'Method', 'Paper')."""
    return tuple(part.strip() for value in values or () for part in value.split(",") if part.strip())


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
    """The graph held by the embedded store at `store` (or by Neo4j for 'neo4j'), or a one-line error."""
    from kg.store import EmbeddedStore, StoreError
    from kg.store.neo4j import Neo4jError, Neo4jSettings, read_graph, session

    if str(store) == NEO4J:
        try:
            with session(Neo4jSettings.from_env()) as db:
                return read_graph(db)
        except Neo4jError as error:
            fail(str(error))
    if not store.exists():
        fail(f"{store}: no such store; create it with 'kg build FILES --store {store}'")
    try:
        with EmbeddedStore(store, read_only=True) as db:
            return db.graph()
    except StoreError as error:
        fail(str(error))


def _given(ctx: typer.Context, name: str, source: str = "COMMANDLINE") -> bool:
    """Whether option `name` came from `source`: the command line (not the environment), or its DEFAULT."""
    return getattr(ctx.get_parameter_source(name), "name", None) == source


def _settings(uri: Optional[str], user: str, password: str, database: Optional[str]) -> Neo4jSettings:
    from kg.store.neo4j import DEFAULT_URI, Neo4jSettings

    return Neo4jSettings(uri or DEFAULT_URI, user, password, database)


def _load_neo4j(graph: nx.MultiDiGraph, settings: Neo4jSettings, batch_size: int) -> None:
    """MERGE `graph` into Neo4j with a progress bar, then print the driver's counters."""
    from kg.store.neo4j import Neo4jError, load_graph, session

    total = graph.number_of_nodes() + graph.number_of_edges()
    columns = (TextColumn("loading"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn())
    try:
        with Progress(*columns, console=err, transient=True, disable=not err.is_terminal) as progress, session(settings) as db:
            task = progress.add_task("loading", total=total)
            report = load_graph(db, graph, batch_size, lambda _, rows: progress.advance(task, rows))
    except Neo4jError as error:
        fail(str(error))
    note(f"neo4j {settings.uri}: loaded {graph.number_of_nodes()} nodes and {graph.number_of_edges()} relationships: {report}")


@app.command()
def load(
    source: Annotated[Path, typer.Argument(envvar="KG_STORE", dir_okay=False, help="An embedded store or a 'kg extract' JSON Lines file.")] = Path(DEFAULT_STORE),
    neo4j_uri: UriOption = None,
    neo4j_user: UserOption = "neo4j",
    neo4j_password: PasswordOption = "",
    neo4j_database: DatabaseOption = None,
    batch_size: BatchOption = 2000,
    schema_only: Annotated[bool, typer.Option("--schema-only", help="Only create the constraints and indexes (e.g. after a bulk import).")] = False,
) -> None:
    """Load an embedded store or an extraction file into Neo4j.

    Creates the missing constraints and indexes, then MERGEs nodes and
    relationships in batches, one transaction each. Loading the same data
    again creates nothing; new papers are added; a load that was interrupted
    is completed by running it again. Prints the driver's counters.
    """
    from kg.store.neo4j import Neo4jError, apply_schema, session

    settings = _settings(neo4j_uri, neo4j_user, neo4j_password, neo4j_database)
    if schema_only:
        try:
            with session(settings) as db:
                note(f"neo4j {settings.uri}: schema applied: {apply_schema(db)}")
        except Neo4jError as error:
            fail(str(error))
        return
    _load_neo4j(_source_graph(source), settings, batch_size)


def _source_graph(source: Path) -> nx.MultiDiGraph:
    """The graph of an embedded store, or of a `kg extract` file (entities resolved across its papers)."""
    from kg.graph import build_graph

    if not source.is_file():
        fail(f"{source}: no such store or extraction file")
    with source.open("rb") as handle:
        if not handle.read(1).lstrip().startswith(b"{"):
            return open_graph(source)
        handle.seek(0)
        extractions = []
        for number, line in enumerate(handle, 1):
            try:
                if line.strip():
                    extractions.append(Extraction.from_json(json.loads(line.decode("utf-8"))))
            except (ValueError, KeyError, TypeError) as error:
                fail(f"{source}:{number}: not a 'kg extract' line ({type(error).__name__}: {error})")
    if not extractions:
        fail(f"{source}: no extractions in the file")
    return build_graph(extractions)


class OutputFormat(str, Enum):
    table = "table"
    json = "json"
    csv = "csv"


@app.command()
def query(
    ctx: typer.Context,
    cypher: Annotated[str, typer.Argument(help="The Cypher query, e.g. \"MATCH (m:Model) RETURN m.name LIMIT 5\".")],
    param: Annotated[Optional[list[str]], typer.Option("--param", "-p", help="A query parameter NAME=VALUE ($NAME in the query); VALUE is read as JSON when it is JSON.")] = None,
    output: Annotated[OutputFormat, typer.Option("--format", help="How to print the answer.")] = OutputFormat.table,
    store: StoreOption = Path(DEFAULT_STORE),
    neo4j_uri: UriOption = None,
    neo4j_user: UserOption = "neo4j",
    neo4j_password: PasswordOption = "",
    neo4j_database: DatabaseOption = None,
) -> None:
    """Run a read-only Cypher query on Neo4j, or on the embedded store.

    Runs on Neo4j when --store neo4j or --neo4j-uri is given, or when
    NEO4J_URI is set and --store (or KG_STORE) is not; else on the embedded
    store, whose engine (nxCypher) knows most of openCypher's reading clauses
    (README: 'Neo4j and Cypher queries'). Queries never change a store.
    """
    from kg.query import QueryError, parse_param, run_embedded, run_neo4j, to_csv, to_json, to_table
    from kg.store.neo4j import Neo4jError

    try:
        params = dict(parse_param(p) for p in param or [])
        on_neo4j = str(store) == NEO4J or _given(ctx, "neo4j_uri") or (neo4j_uri is not None and _given(ctx, "store", "DEFAULT"))
        if on_neo4j:
            result = run_neo4j(_settings(neo4j_uri, neo4j_user, neo4j_password, neo4j_database), cypher, params)
        else:
            result = run_embedded(open_graph(store), cypher, params)
    except (QueryError, Neo4jError) as error:
        fail(str(error))
    if output is OutputFormat.table:
        out.print(to_table(result))
    else:
        sys.stdout.write(to_json(result) + "\n" if output is OutputFormat.json else to_csv(result))


@export_app.command("neo4j-csv")
def export_neo4j_csv(
    folder: Annotated[Path, typer.Argument(file_okay=False, help="Folder for the CSV files (created if missing).")],
    store: StoreOption = Path(DEFAULT_STORE),
    array_delimiter: Annotated[str, typer.Option("--array-delimiter", help="Joins list values; pass the same to neo4j-admin.")] = ";",
) -> None:
    """Write node and relationship CSVs for 'neo4j-admin database import full'.

    The bulk path for initial loads too large for transactions: one file per
    label and per relationship type, with the import tool's typed headers.
    Prints the import command.
    """
    from kg.export.neo4j_csv import export_neo4j_csv as write, import_command

    graph = open_graph(store)
    try:
        written = write(graph, folder, array_delimiter)
    except ValueError as error:
        fail(str(error))
    except OSError as error:
        fail(f"{folder}: cannot write: {error.strerror}")
    note(f"wrote {len(written['nodes'])} node and {len(written['relationships'])} relationship files to {folder}")
    out.print(import_command(written, array_delimiter=array_delimiter), highlight=False, soft_wrap=True)


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
