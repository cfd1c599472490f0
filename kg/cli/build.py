"""`kg extract`, `kg build` and `kg migrate`: papers in, extractions or a store out (`kg.api`)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from kg.cli._util import (
    DEFAULT_STORE, NEO4J, DatabaseOption, Files, FormatOption, JobsOption, OnErrorOption, OnErrorPolicy,
    PasswordOption, QuietOption, StoreOption, UriOption, UserOption, _given, _load_neo4j, _policy, _settings, _warn, err,
    fail, note,
)
from kg.errors import InputError, RunError


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
    from kg import api
    from kg.extract.distributed import SchedulerError
    from kg.progress import meter

    fmt_name = fmt.value if fmt else None
    try:
        if scheduler:
            with meter("extracting", None, "shards", quiet, err) as advance:
                report = api.extract_to(files, output, fmt=fmt_name, on_error=_policy(on_error), jobs=jobs,
                                        progress=advance, scheduler=scheduler, shard_size=shard_size)
            if not quiet:
                note(f"wrote {report.papers} papers in {report.shards} shard(s) to {output}")
            return
        corpus = api.read_corpus(files, fmt=fmt_name, on_error=_policy(on_error), on_warning=_warn)
        if not quiet:
            note(corpus.summary.line())
        with meter("extracting", len(corpus.papers), "papers", quiet, err) as advance:
            report = api.extract_to(corpus.papers, output, jobs=jobs, on_error=_policy(on_error), progress=advance)
    except (InputError, SchedulerError) as error:
        fail(str(error))
    except OSError as error:
        fail(f"{output}: cannot write: {error.strerror}")
    if not quiet:
        note(f"wrote {report.papers} papers to {output}")


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

    fmt_name = fmt.value if fmt else None
    if str(store) == NEO4J or _given(ctx, "neo4j_uri"):
        settings = _settings(neo4j_uri, neo4j_user, neo4j_password, neo4j_database)
        _load_neo4j(lambda progress: api.build_neo4j(
            files, settings, batch_size=batch_size, progress=progress, fmt=fmt_name, on_error=_policy(on_error), jobs=jobs),
            settings, quiet)
        return
    try:
        with meter("building", None, "papers", quiet, err) as advance:
            report = api.build(files, store, fmt=fmt_name, replace=replace, on_error=_policy(on_error),
                               progress=advance, batch_size=batch_size, wait=wait, jobs=jobs, on_warning=_warn)
    except (StoreError, InputError, RunError) as error:
        fail(str(error))
    if verbose:
        for conflict in report.conflicts:
            note(str(conflict), "[yellow]conflict:[/] ")
    if not quiet:
        note(f"store {store}: read {report.read} papers: {report.summary()}")


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
