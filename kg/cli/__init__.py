"""The `kg` command: build a knowledge graph of AI papers, then query and export it.

A thin shell over the Python API (`kg.api`) and the library modules, as
spaCy's CLI is over spaCy: one module per group of commands, each command a
plain function that parses options, calls the library and prints; the app
and its registrations are here. Every subcommand reports bad input as one
line naming the file (and line) and exits with code 2.
"""

from __future__ import annotations

from typing import Annotated

import typer

from kg import __version__
from kg.cli import answers, build, export, neo4j, query
from kg.cli._util import out

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

for command in (build.extract, build.build, build.migrate, query.stats, query.search):
    app.command()(command)
export_app.command("html")(export.export_html)
export_app.command("rdf")(export.export_rdf)
app.command()(neo4j.load)
app.command()(query.query)
for command in (answers.leaderboard, answers.trends, answers.related):
    app.command()(command)
export_app.command("neo4j-csv")(export.export_neo4j_csv)


def _version(value: bool) -> None:
    if value:
        out.print(f"kg {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit.")] = False,
) -> None:
    """kg: a knowledge-graph builder for AI research papers."""


__all__ = ["app"]
