"""`kg export html|rdf|neo4j-csv`: the graph for browsers, RDF tools and neo4j-admin (`kg.export`)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from kg.api import writing
from kg.cli._util import DEFAULT_STORE, QuietOption, StoreOption, _answering, _comma_list, _reader, err, fail, note, out

# Pages of an embedded store are written by worker processes and joined in order (`kg.store.shards`).
ExportJobsOption = Annotated[Optional[int], typer.Option("--jobs", "-j", min=1, help="Processes writing pages; default: every core. Same output for any number.", show_default=False)]


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
    quiet: QuietOption = False,
) -> None:
    """Write an interactive, self-contained HTML view of the graph (works offline).

    One colour per node type, node size by degree, links styled by role; hover
    a node for its card (aliases, degree, evidence sentences and their papers),
    search by name or alias, and tick types and roles on and off. Views above
    300 nodes are laid out here and open with physics off, so even 1,500 nodes
    are ready to explore in a few seconds.
    """
    from kg.export.html import STEPS, View, ViewError, write_html
    from kg.export.overview import node_count
    from kg.progress import meter

    if overview:
        if focus is not None or types or roles or min_degree:
            fail("--overview draws the whole graph's entities: it takes no --focus, --types, --roles or --min-degree")
        return _export_overview(store, output, quiet)
    view = View(focus, hops, _comma_list(types), _comma_list(roles), min_degree, max_nodes)
    with _reader(store) as reader:
        if view == View(max_nodes=max_nodes) and (count := node_count(reader)) > max_nodes:
            note(f"the graph has {count:,} nodes, more than --max-nodes: drawing the overview map (--focus, --types or --roles draw nodes)")
            return _export_overview(store, output, quiet)
        try:
            with meter("drawing", STEPS, "steps", quiet, err) as advance:
                shown = write_html(reader, output, view, title=f"Knowledge graph around {focus}" if focus else "Knowledge graph", progress=advance).graph
        except ViewError as error:
            fail(str(error))
        except OSError as error:
            fail(f"{output}: cannot write: {error.strerror}")
    if not shown:
        note("nothing in the graph matches these options; the page is empty", "[yellow]warning:[/] ")
    if not quiet:
        note(f"wrote {len(shown)} nodes and {shown.number_of_edges()} links to {output} ({output.stat().st_size / 1e6:.1f} MB)")


def _export_overview(store: Path, output: Path, quiet: bool) -> None:
    """Write the overview map of the store to `output`, reporting what it shows in one line."""
    from kg.export.overview import STEPS, write_overview
    from kg.progress import meter

    try:
        with _answering(), _reader(store) as reader, meter("drawing", STEPS, "steps", quiet, err) as advance:
            shown = write_overview(reader, output, progress=advance)
    except OSError as error:
        fail(f"{output}: cannot write: {error.strerror}")
    if not quiet:
        note(
            f"wrote the overview map of {len(shown.graph)} entities, {shown.graph.number_of_edges()} links and "
            f"{len(shown.communities)} communities to {output} ({output.stat().st_size / 1e6:.1f} MB)"
        )


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
    jobs: ExportJobsOption = None,
    quiet: QuietOption = False,
) -> None:
    """Export the graph as RDF in the vocabulary of schemas/kg.ttl, valid against schemas/shapes.ttl.

    Papers, entities and results get readable IRIs under --base that are the
    same in every run; arXiv papers link to their arXiv page. Each role edge
    also gets an assertion node with its evidence sentence, offsets,
    confidence and extractor. N-Triples is streamed, so it suits large graphs.
    """
    from kg.export.iris import DEFAULT_BASE, BaseError, check_base
    from kg.export.rdf import FormatError, format_for, write
    from kg.progress import meter

    try:
        if str(output) == "-" and fmt is None:
            raise FormatError("writing to stdout needs --format turtle|nt|jsonld|xml|trig")
        chosen = format_for(output, fmt)
        base = check_base(DEFAULT_BASE if base is None else base)
    except (FormatError, BaseError) as error:
        fail(str(error))
    try:
        with _reader(store) as reader, writing(output) as handle, meter("exporting", None, "triples", quiet, err) as advance:
            count = write(reader, handle, chosen, base, jobs=jobs, progress=advance)
    except FormatError as error:
        fail(str(error))
    except OSError as error:
        fail(f"{output}: cannot write: {error.strerror}")
    if not quiet:
        note(f"wrote {count} triples ({chosen}) to {output}")


def export_neo4j_csv(
    folder: Annotated[Path, typer.Argument(file_okay=False, help="Folder for the CSV files (created if missing).")],
    store: StoreOption = Path(DEFAULT_STORE),
    array_delimiter: Annotated[str, typer.Option("--array-delimiter", help="Joins list values; pass the same to neo4j-admin.")] = ";",
    jobs: ExportJobsOption = None,
    quiet: QuietOption = False,
) -> None:
    """Write node and relationship CSVs for 'neo4j-admin database import full'.

    The bulk path for initial loads too large for transactions: one file per
    label and per relationship type, with the import tool's typed headers.
    Prints the import command.
    """
    from kg.export.neo4j_csv import export_neo4j_csv as write, import_command
    from kg.progress import meter

    try:
        with _reader(store) as reader, meter("exporting", None, "pages", quiet, err) as advance:
            written = write(reader, folder, array_delimiter, jobs=jobs, progress=advance)
    except ValueError as error:
        fail(str(error))
    except OSError as error:
        fail(f"{folder}: cannot write: {error.strerror}")
    if not quiet:
        note(f"wrote {len(written['nodes'])} node and {len(written['relationships'])} relationship files to {folder}")
    out.print(import_command(written, array_delimiter=array_delimiter), highlight=False, soft_wrap=True)
