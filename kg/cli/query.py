"""`kg query`, `kg stats` and `kg search`: read a store through `kg.query`, `kg.stats` and `kg.search`."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.table import Table

from kg.cli._util import (
    DEFAULT_STORE, NEO4J, DatabaseOption, OutputFormat, OutputFormatOption, PasswordOption, StoreOption, UriOption,
    UserOption, _comma_list, _given, _reader, _settings, _table, fail, out,
)


def query(
    ctx: typer.Context,
    cypher: Annotated[str, typer.Argument(help="The Cypher query, e.g. \"MATCH (m:Model) RETURN m.name LIMIT 5\".")],
    param: Annotated[Optional[list[str]], typer.Option("--param", "-p", help="A query parameter NAME=VALUE ($NAME in the query); VALUE is read as JSON when it is JSON.")] = None,
    output: OutputFormatOption = OutputFormat.table,
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
    if found.top_authors:  # sources without bylines (the daily-papers dumps) give no authors to rank
        out.print(_table(f"top {len(found.top_authors)} authors by papers", "author", found.top_authors))


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
