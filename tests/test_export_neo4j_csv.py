"""`kg export neo4j-csv`: headers neo4j-admin accepts, and files that read back into the store's graph."""

import copy
import csv
import re

import pytest
from typer.testing import CliRunner

from kg.cli import app
from kg.export.neo4j_csv import export_neo4j_csv
from kg.query import run_query
from kg.store.reader import LadybugReader
from kg.store.rows import tables
from known_graph import PAPERS, create

runner = CliRunner(env={"NEO4J_URI": None, "KG_STORE": None})
# neo4j-admin's header grammar: name:TYPE, name:TYPE[], :ID(space), :LABEL, :START_ID(space), :END_ID(space), :TYPE
HEADER = re.compile(r"^(?:(\w*):ID\(kg\)|:LABEL|:START_ID\(kg\)|:END_ID\(kg\)|:TYPE|\w+(?::(?:long|double|boolean|string)(?:\[\])?)?)$")
CONVERT = {"long": int, "double": float, "boolean": lambda v: v == "true", "string": str}


def read_back(folder, delimiter=";"):
    """Parse the files as neo4j-admin does: typed columns, arrays split, empty fields absent."""
    nodes, rels = {}, set()
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
                    props[name] = [CONVERT[kind[:-2]](v) for v in value.split(delimiter)] if kind.endswith("[]") else CONVERT[kind](value)
            if "ID(kg)" in fixed:
                nodes[fixed["ID(kg)"]] = (fixed["LABEL"], {"id": fixed["ID(kg)"], **props})
            else:
                rels.add((fixed["START_ID(kg)"], fixed["TYPE"], fixed["END_ID(kg)"], tuple(sorted(props.items()))))
    return nodes, rels


def store_graph(reader):
    """The store's graph as Cypher answers it (nodes as Neo4j-style property maps), to compare with."""
    nodes, rels = {}, set()
    for label in tables().labels:
        for (node,) in run_query(reader, f"MATCH (n:{label}) RETURN n").rows:
            # neo4j-admin stores no empty list: an empty field is no property
            nodes[node["id"]] = (label, {k: v for k, v in node.items() if v != []})
    for type_, pairs in tables().ends.items():
        for start, end in pairs:
            for a, b, r in run_query(reader, f"MATCH (a:{start})-[r:{type_}]->(b:{end}) RETURN a.id, b.id, r").rows:
                rels.add((a, type_, b, tuple(sorted(r.items()))))
    return nodes, rels


def test_one_file_per_label_and_type_with_the_import_tools_headers(tmp_path, known):
    written = export_neo4j_csv(known, tmp_path)
    assert [p.name for p in written["nodes"]] == [f"nodes_{label}.csv" for label in tables().labels]
    assert [p.name for p in written["relationships"]] == [f"relationships_{t}.csv" for t in tables().types]
    header = lambda name: (tmp_path / name).read_text(encoding="utf-8").splitlines()[0]  # noqa: E731
    assert header("nodes_Model.csv") == "id:ID(kg),:LABEL,name,aliases:string[]"
    assert header("nodes_Paper.csv") == "id:ID(kg),:LABEL,title,abstract,arxiv_id,doi,url,date,venue,categories:string[],sources:string[]"
    assert header("nodes_Author.csv") == "id:ID(kg),:LABEL,name,orcid"
    assert header("relationships_USES.csv") == (
        ":START_ID(kg),:END_ID(kg),:TYPE,role,confidence:double,extractor,sentence,start_char:long,end_char:long")
    assert header("relationships_AUTHORED.csv") == ":START_ID(kg),:END_ID(kg),:TYPE,position:long"
    assert header("relationships_VARIANT_OF.csv") == ":START_ID(kg),:END_ID(kg),:TYPE"


def test_the_files_read_back_into_the_stores_graph_whatever_the_page_size(tmp_path, known):
    export_neo4j_csv(known, tmp_path / "small", page=2)
    export_neo4j_csv(known, tmp_path / "large")
    nodes, rels = read_back(tmp_path / "small")
    assert (nodes, rels) == store_graph(known) == read_back(tmp_path / "large")
    assert nodes["arxiv:2502.00001"][1]["categories"] == ["cs.CL", "cs.AI"]
    assert nodes["model:gpt4o"] == ("Model", {"id": "model:gpt4o", "name": "GPT-4o", "aliases": ["GPT4o"]})
    assert ("author:alanturing", "AUTHORED", "arxiv:2502.00001", (("position", 2),)) in rels
    assert len(nodes) == 30 and len(rels) == 44


def test_quotes_commas_newlines_and_delimiters_survive(tmp_path):
    paper = copy.deepcopy(PAPERS[0])
    paper.update(title='WebPilot: A "quoted", comma title', abstract=paper["abstract"].replace(". We evaluate", ".\nWe evaluate"),
                 categories=["cs.CL", "a;b"])
    with LadybugReader(create(tmp_path / "odd.db", [paper])) as reader:
        with pytest.raises(ValueError, match="array delimiter"):
            export_neo4j_csv(reader, tmp_path / "semicolon")
        export_neo4j_csv(reader, tmp_path / "bar", array_delimiter="|")
        nodes, rels = read_back(tmp_path / "bar", "|")
        assert (nodes, rels) == store_graph(reader)
    assert nodes["arxiv:2502.00001"][1]["title"] == paper["title"] and "\nWe evaluate" in nodes["arxiv:2502.00001"][1]["abstract"]


def test_the_cli_writes_the_files_and_prints_the_import_command(tmp_path, known_store):
    result = runner.invoke(app, ["export", "neo4j-csv", str(tmp_path / "import"), "--store", str(known_store)])
    assert result.exit_code == 0, result.output
    command = result.stdout.strip()
    assert command.startswith("neo4j-admin database import full --overwrite-destination --multiline-fields=true ")
    assert command.endswith(" neo4j")
    assert "--nodes=/import/nodes_Author.csv" in command and "--relationships=/import/relationships_AUTHORED.csv" in command
    assert len(list((tmp_path / "import").glob("*.csv"))) == command.count("--nodes=") + command.count("--relationships=") == 17
