"""`kg load`: an embedded store or `kg extract` output into Neo4j (`kg.api.load_neo4j`)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from kg.cli._util import (
    DEFAULT_STORE, BatchOption, DatabaseOption, PasswordOption, QuietOption, UriOption, UserOption, _load_neo4j, _settings,
    fail, note,
)


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
