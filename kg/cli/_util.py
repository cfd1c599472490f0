"""What every `kg` command shares: the consoles, the options, one-line errors, opening a store.

Commands report bad input as one line naming the file (and line) and exit
with code 2; `note` and `fail` are the only way they write to stderr.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Optional

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from kg.errors import InputError, OnError, raise_error

if TYPE_CHECKING:
    from kg.store.neo4j import LoadReport, Neo4jSettings

err = Console(stderr=True)
out = Console()

DEFAULT_STORE = "kg.db"
NEO4J = "neo4j"


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


class OutputFormat(str, Enum):
    table = "table"
    json = "json"
    csv = "csv"


Files = Annotated[
    list[Path],
    typer.Argument(help="Input files or quoted glob patterns ('-' for stdin; .gz/.bz2/.xz read as they are): arXiv API Atom, arXiv OAI snapshot, HF daily-papers API or page dumps, Semantic Scholar, OpenAlex, Papers with Code, JSON Lines, JSON or CSV; kg build also takes 'kg extract' output (a file, or a folder of shards) and stores it without extracting again."),
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
UriOption = Annotated[Optional[str], typer.Option("--neo4j-uri", envvar="NEO4J_URI", help="Neo4j server; load and build --store neo4j use bolt://localhost:7687 when it is not set.", show_default=False)]
UserOption = Annotated[str, typer.Option("--neo4j-user", envvar="NEO4J_USER", help="Neo4j user.")]
PasswordOption = Annotated[str, typer.Option("--neo4j-password", envvar="NEO4J_PASSWORD", help="Neo4j password.", show_default=False)]
DatabaseOption = Annotated[Optional[str], typer.Option("--neo4j-database", envvar="NEO4J_DATABASE", help="Neo4j database; the server's default when omitted.")]
BatchOption = Annotated[int, typer.Option("--batch-size", min=1, help="Rows per Neo4j transaction.")]
JobsOption = Annotated[Optional[int], typer.Option("--jobs", "-j", min=1, help="Extraction processes; default: every core.", show_default=False)]
QuietOption = Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar and no summary line.")]
OutputFormatOption = Annotated[OutputFormat, typer.Option("--format", help="How to print the answer.")]


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


def _warn(warning: InputError) -> None:
    note(str(warning), "[yellow]warning:[/] ")


def _comma_list(values: Optional[list[str]]) -> tuple[str, ...]:
    """`--types Model,Method --types Paper` as ('Model', 'Method', 'Paper')."""
    return tuple(part.strip() for value in values or () for part in value.split(",") if part.strip())


def _table(title: str, column: str, rows: Iterable[tuple[str, int]]) -> Table:
    table = Table(title=title)
    table.add_column(column)
    table.add_column("count", justify="right")
    for name, count in rows:
        table.add_row(name, str(count))
    return table


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


@contextmanager
def _answering() -> Iterator[None]:
    """The answers' errors (an unknown name, type, role or metric; a Neo4j failure) as one line and exit code 2."""
    from kg.answers.entities import AnswerError
    from kg.store.neo4j import Neo4jError

    try:
        yield
    except (AnswerError, Neo4jError) as error:
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
