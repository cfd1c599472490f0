"""`kg export neo4j-csv`: headers neo4j-admin accepts, and files that read back into the same graph."""

import csv
import re

import networkx as nx
import pytest
from typer.testing import CliRunner

from kg.cli import app
from kg.export.neo4j_csv import export_neo4j_csv
from kg.graph import LABELS, RELATIONSHIP_TYPES, build_graph
from written_extractions import written_extractions, written_store

runner = CliRunner(env={"NEO4J_URI": None, "KG_STORE": None})
# neo4j-admin's header grammar: name:TYPE, name:TYPE[], :ID(space), :LABEL, :START_ID(space), :END_ID(space), :TYPE
HEADER = re.compile(r"^(?:(\w*):ID\(kg\)|:LABEL|:START_ID\(kg\)|:END_ID\(kg\)|:TYPE|\w+(?::(?:long|double|boolean|string)(?:\[\])?)?)$")
CONVERT = {"long": int, "double": float, "boolean": lambda v: v == "true", "string": str}


def read_back(folder, delimiter=";"):
    """Parse the files as neo4j-admin does: typed columns, arrays split, empty fields absent."""
    graph = nx.MultiDiGraph()
    for path in sorted(folder.glob("*.csv")):
        with path.open(encoding="utf-8", newline="") as handle:
            rows = list(csv.reader(handle))
        header, body = rows[0], rows[1:]
        assert all(HEADER.match(column) for column in header), (path.name, header)
        for row in body:
            fixed, props = {}, {}
            for column, value in zip(header, row):
                name, _, kind = column.partition(":")
                if kind in ("ID(kg)", "LABEL", "START_ID(kg)", "END_ID(kg)", "TYPE"):
                    fixed[kind] = value
                elif value != "":
                    kind = kind or "string"
                    if kind.endswith("[]"):
                        props[name] = [CONVERT[kind[:-2]](v) for v in value.split(delimiter)]
                    else:
                        props[name] = CONVERT[kind](value)
            if "ID(kg)" in fixed:
                graph.add_node(fixed["ID(kg)"], label=fixed["LABEL"], **props)
            else:
                graph.add_edge(fixed["START_ID(kg)"], fixed["END_ID(kg)"], key=fixed["TYPE"], **props)
    return graph


def same_graph(read, original):
    nodes = {n: {**d, "aliases": d.get("aliases", [])} if d["label"] not in ("Paper", "Result") else d for n, d in read.nodes(data=True)}
    assert nodes == dict(original.nodes(data=True))
    assert sorted(read.edges(keys=True, data=True)) == sorted(original.edges(keys=True, data=True))


@pytest.fixture(scope="module")
def graph():
    return build_graph(written_extractions())


def test_one_file_per_label_and_type_with_the_import_tools_headers(tmp_path, graph):
    written = export_neo4j_csv(graph, tmp_path)
    # the written papers name no authors
    assert [p.name for p in written["nodes"]] == [f"nodes_{label}.csv" for label in LABELS if label != "Author"]
    assert [p.name for p in written["relationships"]] == [f"relationships_{t}.csv" for t in RELATIONSHIP_TYPES if t != "AUTHORED"]
    header = lambda name: (tmp_path / name).read_text(encoding="utf-8").splitlines()[0]
    assert header("nodes_Model.csv") == "id:ID(kg),:LABEL,name,aliases:string[]"
    assert header("nodes_Paper.csv") == "id:ID(kg),:LABEL,title,abstract,sources:string[],arxiv_id"
    assert header("relationships_USES.csv") == (
        ":START_ID(kg),:END_ID(kg),:TYPE,role,confidence:double,extractor,sentence,start:long,end:long")
    assert header("relationships_VARIANT_OF.csv") == ":START_ID(kg),:END_ID(kg),:TYPE"


def test_the_files_read_back_into_the_same_graph(tmp_path, graph):
    export_neo4j_csv(graph, tmp_path)
    same_graph(read_back(tmp_path), graph)


def test_the_real_extractors_graph_round_trips_too(tmp_path, sample_graph):
    export_neo4j_csv(sample_graph, tmp_path)
    same_graph(read_back(tmp_path), sample_graph)


def test_quotes_commas_and_newlines_survive(tmp_path):
    extraction = written_extractions()[0]
    extraction.paper.title = 'A "quoted", comma title'
    extraction.paper.abstract = "Line one.\nLine two, with \"quotes\"."
    extraction.paper.sources = ["/data/a;b.jsonl"]
    graph = build_graph([extraction])
    with pytest.raises(ValueError, match="array delimiter"):
        export_neo4j_csv(graph, tmp_path / "semicolon")
    export_neo4j_csv(graph, tmp_path / "bar", array_delimiter="|")
    same_graph(read_back(tmp_path / "bar", "|"), graph)


def test_the_cli_writes_the_files_and_prints_the_import_command(tmp_path):
    store = written_store(tmp_path / "kg.sqlite")
    result = runner.invoke(app, ["export", "neo4j-csv", str(tmp_path / "import"), "--store", str(store)])
    assert result.exit_code == 0, result.output
    command = result.stdout.strip()
    assert command.startswith("neo4j-admin database import full --overwrite-destination --multiline-fields=true ")
    assert command.endswith(" neo4j")
    assert "--nodes=/import/nodes_Paper.csv" in command and "--relationships=/import/relationships_HAS_RESULT.csv" in command
    assert len(list((tmp_path / "import").glob("*.csv"))) == command.count("--nodes=") + command.count("--relationships=")
