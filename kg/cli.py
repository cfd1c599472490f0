"""The `kg` command: build a knowledge graph of AI papers, then query and export it.

Every subcommand reports bad input as one line naming the file (and line)
and exits non-zero. The work itself is done by the Python API (`kg.api`) and
the library modules; this module only parses options and prints.
"""

from __future__ import annotations

import errno
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, BinaryIO, Optional

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from kg import __version__
from kg.errors import InputError, OnError, raise_error
from kg.records import Extraction, Paper

if TYPE_CHECKING:
    from kg.store.neo4j import LoadReport
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
    arxiv_atom = "arxiv-atom"
    arxiv_oai = "arxiv-oai"
    hf_api = "hf-api"
    s2 = "s2"
    openalex = "openalex"
    pwc = "pwc"
    hf_daily = "hf-daily"
    jsonl = "jsonl"
    json = "json"
    csv = "csv"


class OnErrorPolicy(str, Enum):
    stop = "stop"
    skip = "skip"


Files = Annotated[
    list[Path],
    typer.Argument(help="Input files ('-' for stdin; .gz/.bz2/.xz read as they are): arXiv API Atom, arXiv OAI snapshot, HF daily-papers API or page dumps, Semantic Scholar, OpenAlex, Papers with Code, JSON Lines, JSON or CSV."),
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
JobsOption = Annotated[Optional[int], typer.Option("--jobs", "-j", min=1, help="Extraction processes; default: every core.", show_default=False)]
QuietOption = Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar and no summary line.")]


def note(message: str, prefix: str = "") -> None:
    """One line to stderr, never wrapped, so that logs and tests can read it whole.

    `message` may hold file names, so it is escaped; only `prefix` is markup.
    """
    err.print(prefix + escape(message), highlight=False, soft_wrap=True)


def fail(message: str) -> None:
    note(message, "[bold red]error:[/] ")
    raise typer.Exit(2)


def _policy(on_error: OnErrorPolicy, skipped: Optional[list[InputError]] = None) -> OnError:
    """Raise at the first bad record, or report it (and keep it in `skipped`) and go on."""

    def skip(error: InputError) -> None:
        if skipped is not None:
            skipped.append(error)
        note(str(error), "[yellow]skipped:[/] ")

    return skip if on_error is OnErrorPolicy.skip else raise_error


def _read(files: list[Path], fmt: Optional[InputFormat], on_error: OnErrorPolicy) -> list[Paper]:
    from kg.sources import read_corpus

    try:
        corpus = read_corpus(files, fmt.value if fmt else None, _policy(on_error), lambda warning: note(str(warning), "[yellow]warning:[/] "))
    except InputError as error:
        fail(str(error))
    note(corpus.summary.line())
    return corpus.papers


def _with_progress(papers: list[Paper], jobs: Optional[int], on_error: OnErrorPolicy, quiet: bool = False,
                   lines: bool = False) -> Iterator[Extraction] | Iterator[bytes]:
    """Extract `papers` on `jobs` processes with a progress meter (as output lines for `lines`).

    A paper that cannot be extracted is a record-level error, under the same
    --on-error policy as a bad input record.
    """
    from kg.extract.parallel import extract_lines, extract_parallel
    from kg.progress import meter, track

    try:
        with meter("extracting", len(papers), "papers", quiet, err) as advance:
            yield from track((extract_lines if lines else extract_parallel)(papers, jobs, _policy(on_error)), advance)
    except InputError as error:
        fail(str(error))


@app.command()
def extract(
    files: Annotated[list[str], typer.Argument(help="Input files or quoted glob patterns: daily-papers dumps (.txt), JSON Lines, JSON or CSV.")],
    output: Annotated[Path, typer.Option("--output", "-o", help="Where to write the JSON Lines predictions ('-' for stdout); a folder with --scheduler.")],
    fmt: FormatOption = None,
    on_error: OnErrorOption = OnErrorPolicy.stop,
    jobs: JobsOption = None,
    scheduler: Annotated[Optional[str], typer.Option(
        "--scheduler", help="Run on a Dask cluster (tcp://HOST:8786), or 'local' for a cluster of --jobs processes here; writes one shard per input shard into the --output folder.",
        show_default=False)] = None,
    shard_size: Annotated[int, typer.Option("--shard-size", min=1, help="With --scheduler: bytes per shard of a large JSON Lines file.")] = 64 * 2**20,
    quiet: QuietOption = False,
) -> None:
    """Extract entities, roles, evidence and results, one JSON object per paper.

    The output is the format `score.py` reads: id, title, entities (name, type,
    role, aliases, confidence, evidence) and results, plus the paper's source
    files. Nothing is stored. The output is the same for every --jobs.
    """
    from kg.extract.distributed import expand

    if scheduler:
        _extract_on_cluster(files, output, scheduler, fmt, on_error, jobs, shard_size, quiet)
        return
    try:
        paths = expand(files)
    except InputError as error:
        fail(str(error))
    papers = _read(paths, fmt, on_error)
    written = 0
    try:
        with _output(output) as handle:
            for line in _with_progress(papers, jobs, on_error, quiet, lines=True):
                handle.write(line)
                written += 1
    except OSError as error:
        fail(f"{output}: cannot write: {error.strerror}")
    note(f"wrote {written} papers to {output}")


def _extract_on_cluster(files: list[str], folder: Path, scheduler: str, fmt: Optional[InputFormat], on_error: OnErrorPolicy,
                        jobs: Optional[int], shard_size: int, quiet: bool) -> None:
    from kg.extract.distributed import SchedulerError, expand, extract_distributed, plan_shards
    from kg.progress import meter

    if str(folder) == "-" or (folder.exists() and not folder.is_dir()):
        fail(f"{folder}: --scheduler writes a folder of shards; name a folder with --output")
    fmt_name = fmt.value if fmt else None
    try:
        shards = plan_shards(expand(files), fmt_name, shard_size)
        with meter("extracting", len(shards), "shards", quiet, err) as advance:
            papers = extract_distributed(shards, folder, scheduler, fmt_name, _policy(on_error), jobs, advance)
    except (InputError, SchedulerError) as error:
        fail(str(error))
    except OSError as error:
        fail(f"{folder}: cannot write: {error.strerror}")
    note(f"wrote {papers} papers in {len(shards)} shard(s) to {folder}")


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
    batch_size: Annotated[int, typer.Option("--batch-size", min=1, help="Papers per transaction of the embedded store (rows per transaction with --store neo4j).")] = 2000,
    jobs: JobsOption = None,
    quiet: QuietOption = False,
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
    from kg.progress import meter
    from kg.store import StoreError

    if str(store) == NEO4J or _given(ctx, "neo4j_uri"):
        settings = _settings(neo4j_uri, neo4j_user, neo4j_password, neo4j_database)
        _load_neo4j(lambda progress: api.build_neo4j(
            files, settings, batch_size=batch_size, progress=progress, fmt=fmt.value if fmt else None,
            on_error=_policy(on_error), jobs=jobs), settings, quiet)
        return
    try:
        with meter("building", None, "papers", quiet, err) as advance:
            report = api.build(
                files, store, fmt=fmt.value if fmt else None, replace=replace, on_error=_policy(on_error),
                progress=advance, batch_size=batch_size, wait=wait, jobs=jobs,
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


@app.command()
def stats(
    store: StoreOption = Path(DEFAULT_STORE),
    top: Annotated[int, typer.Option(help="How many of the most connected entities and authors to list.", min=0)] = 10,
) -> None:
    """Count papers, entities by type and edges by type, and list the most connected entities and authors."""
    from kg.stats import stats as count

    with _reader(store) as reader:
        found = count(reader, top)
    out.print(f"[bold]{found.papers}[/] papers, [bold]{found.entities}[/] entities, [bold]{found.labels['Author']}[/] authors, "
              f"[bold]{found.labels['Result']}[/] results, [bold]{found.edges}[/] edges")
    out.print(_table("entities by type", "type", ((t, n) for t, n in found.labels.items() if t not in ("Paper", "Author", "Result"))))
    out.print(_table("edges by type", "relationship", found.relationships.items()))
    table = Table(title=f"top {len(found.top_entities)} entities by papers naming them")
    for column in ("entity", "type", "papers"):
        table.add_column(column, justify="right" if column == "papers" else "left")
    for name, label, papers in found.top_entities:
        table.add_row(name, label, str(papers))
    out.print(table)
    out.print(_table(f"top {len(found.top_authors)} authors by papers", "author", found.top_authors))


@app.command()
def search(
    text: Annotated[str, typer.Argument(help="A name or alias, or part of one (case, spaces and punctuation do not matter).")],
    types: Annotated[Optional[list[str]], typer.Option("--type", "-t", help="Only entities of this type (repeat or comma-separate): Model, Method, Benchmark, Environment.")] = None,
    limit: Annotated[int, typer.Option("--limit", "-n", min=1, help="How many hits to show.")] = 20,
    store: StoreOption = Path(DEFAULT_STORE),
) -> None:
    """Find entities by name or alias: exact matches first, then partial ones, by papers naming them.

    On Neo4j the full-text index entity_names answers; on the embedded store
    names are compared in normalised form (Llama 3.1 8B finds Llama-3.1-8B).
    """
    from kg.search import SearchError, search as find

    with _reader(store) as reader:
        try:
            hits = find(reader, text, _comma_list(types), limit)
        except SearchError as error:
            fail(str(error))
    table = Table(caption=f"{len(hits)} hit(s)")
    for column in ("name", "type", "papers", "aliases", "id"):
        table.add_column(column, justify="right" if column == "papers" else "left", overflow="fold")
    for hit in hits:
        table.add_row(hit.name, hit.type, str(hit.papers), ", ".join(hit.aliases), hit.id)
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
    overview: Annotated[bool, typer.Option(
        "--overview", help="Draw the overview map instead: entities linked by shared papers, coloured by community. "
        "The default when no --focus, --types, --roles or --min-degree is given and the graph has more than --max-nodes nodes.",
    )] = False,
) -> None:
    """Write an interactive, self-contained HTML view of the graph (works offline).

    One colour per node type, node size by degree, links styled by role; hover
    a node for its card (aliases, degree, evidence sentences and their papers),
    search by name or alias, and tick types and roles on and off. Views above
    300 nodes are laid out here and open with physics off, so even 1,500 nodes
    are ready to explore in a few seconds.
    """
    from kg.export.html import View, ViewError, write_html
    from kg.export.overview import node_count

    if overview:
        if focus is not None or types or roles or min_degree:
            fail("--overview draws the whole graph's entities: it takes no --focus, --types, --roles or --min-degree")
        return _export_overview(store, output)
    view = View(focus, hops, _comma_list(types), _comma_list(roles), min_degree, max_nodes)
    with _reader(store) as reader:
        if view == View(max_nodes=max_nodes) and (count := node_count(reader)) > max_nodes:
            note(f"the graph has {count:,} nodes, more than --max-nodes: drawing the overview map (--focus, --types or --roles draw nodes)")
            return _export_overview(store, output)
        try:
            shown = write_html(reader, output, view, title=f"Knowledge graph around {focus}" if focus else "Knowledge graph").graph
        except ViewError as error:
            fail(str(error))
        except OSError as error:
            fail(f"{output}: cannot write: {error.strerror}")
    if not shown:
        note("nothing in the graph matches these options; the page is empty", "[yellow]warning:[/] ")
    note(f"wrote {len(shown)} nodes and {shown.number_of_edges()} links to {output} ({output.stat().st_size / 1e6:.1f} MB)")


def _export_overview(store: Path, output: Path) -> None:
    """Write the overview map of the store to `output`, reporting what it shows in one line."""
    from kg.export.overview import write_overview

    try:
        with _answering(), _reader(store) as reader:
            shown = write_overview(reader, output)
    except OSError as error:
        fail(f"{output}: cannot write: {error.strerror}")
    note(
        f"wrote the overview map of {len(shown.graph)} entities, {shown.graph.number_of_edges()} links and "
        f"{len(shown.communities)} communities to {output} ({output.stat().st_size / 1e6:.1f} MB)"
    )


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
        with _reader(store) as reader, _output(output) as handle:
            count = write(reader, handle, chosen, base)
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
    if path.exists() and not path.is_file():  # /dev/null, a FIFO: written in place, never replaced by a file
        with path.open("wb") as handle:
            yield handle
        return
    tmp = path.with_name(path.name + ".tmp")
    try:
        with tmp.open("wb") as handle:
            yield handle
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


@contextmanager
def _reader(store: Path, settings: Optional[Neo4jSettings] = None) -> Iterator[Any]:
    """A reader of Neo4j (for 'neo4j', or when `settings` are given) or of the embedded store at `store`.

    Failures to open or to read, anywhere inside the block, end the command
    with one line.
    """
    from kg.store.neo4j import Neo4jError, Neo4jSettings
    from kg.store.reader import LadybugReader, Neo4jReader, ReaderError

    try:
        opened = Neo4jReader(settings or Neo4jSettings.from_env()) if settings or str(store) == NEO4J else LadybugReader(store)
        with opened as reader:
            yield reader
    except (ReaderError, Neo4jError) as error:
        fail(str(error))


def _given(ctx: typer.Context, name: str, source: str = "COMMANDLINE") -> bool:
    """Whether option `name` came from `source`: the command line (not the environment), or its DEFAULT."""
    return getattr(ctx.get_parameter_source(name), "name", None) == source


def _settings(uri: Optional[str], user: str, password: str, database: Optional[str]) -> Neo4jSettings:
    from kg.store.neo4j import DEFAULT_URI, Neo4jSettings

    return Neo4jSettings(uri or DEFAULT_URI, user, password, database)


def _load_neo4j(load: Callable[[Callable], LoadReport], settings: Neo4jSettings, quiet: bool = False) -> None:
    """Run `load` (given a progress callback) with a progress meter, then print the driver's counters."""
    from kg.progress import meter
    from kg.store import StoreError
    from kg.store.neo4j import Neo4jError

    try:
        with meter("loading", None, "rows", quiet, err) as advance:
            report = load(lambda _, rows: advance(rows))
    except (Neo4jError, StoreError, InputError) as error:
        fail(str(error))
    note(f"neo4j {settings.uri}: loaded: {report}")


@app.command()
def load(
    source: Annotated[Path, typer.Argument(envvar="KG_STORE", help="An embedded store, a 'kg extract' JSON Lines file, or a folder of them (kg extract --scheduler).")] = Path(DEFAULT_STORE),
    neo4j_uri: UriOption = None,
    neo4j_user: UserOption = "neo4j",
    neo4j_password: PasswordOption = "",
    neo4j_database: DatabaseOption = None,
    batch_size: BatchOption = 10_000,
    schema_only: Annotated[bool, typer.Option("--schema-only", help="Only create the constraints and indexes (e.g. after a bulk import).")] = False,
    quiet: QuietOption = False,
) -> None:
    """Load an embedded store or an extraction file into Neo4j.

    Creates the missing constraints and indexes, then MERGEs nodes and
    relationships in batches, one transaction each. Loading the same data
    again creates nothing; new papers are added; a load that was interrupted
    is completed by running it again. Prints the driver's counters.
    """
    from kg import api
    from kg.store.neo4j import Neo4jError, apply_schema, session

    settings = _settings(neo4j_uri, neo4j_user, neo4j_password, neo4j_database)
    if schema_only:
        try:
            with session(settings) as db:
                note(f"neo4j {settings.uri}: schema applied: {apply_schema(db)}")
        except Neo4jError as error:
            fail(str(error))
        return
    if not source.exists():
        fail(f"{source}: no such store or extraction file")
    _load_neo4j(lambda progress: api.load_neo4j(source, settings, batch_size=batch_size, progress=progress), settings, quiet)


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
    NEO4J_URI is set and --store (or KG_STORE) is not; else natively on the
    embedded store (LadybugDB), which translates type(r) and a few more
    differences (README: 'Cypher on both stores'). Queries never change a store.
    """
    from kg.query import QueryError, parse_param, run_query, to_csv, to_json, to_table

    on_neo4j = str(store) == NEO4J or _given(ctx, "neo4j_uri") or (neo4j_uri is not None and _given(ctx, "store", "DEFAULT"))
    settings = _settings(neo4j_uri, neo4j_user, neo4j_password, neo4j_database) if on_neo4j else None
    try:
        params = dict(parse_param(p) for p in param or [])
        with _reader(store, settings) as reader:
            result = run_query(reader, cypher, params)
    except QueryError as error:
        fail(str(error))
    if output is OutputFormat.table:
        out.print(to_table(result))
    else:
        sys.stdout.write(to_json(result) + "\n" if output is OutputFormat.json else to_csv(result))


@contextmanager
def _answering() -> Iterator[None]:
    """The answers' errors (an unknown name, type, role or metric; a Neo4j failure) as one line and exit code 2."""
    from kg.answers.entities import AnswerError
    from kg.store.neo4j import Neo4jError

    try:
        yield
    except (AnswerError, Neo4jError) as error:
        fail(str(error))


@app.command()
def leaderboard(
    benchmark: Annotated[str, typer.Argument(help="A benchmark or environment, by name or alias; its variants are included.")],
    metric: Annotated[Optional[str], typer.Option(help="Only this metric (any case or spacing).")] = None,
    output: Annotated[OutputFormat, typer.Option("--format", help="How to print the answer.")] = OutputFormat.table,
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


class Period(str, Enum):
    month = "month"
    quarter = "quarter"
    year = "year"


@app.command()
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


@app.command()
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

    try:
        with _reader(store) as reader:
            written = write(reader, folder, array_delimiter)
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
