"""The graph as paged row streams (`kg.store.rows`): what the Neo4j loader and the exports consume."""

import pytest

from kg.store.rows import node_batches, relationship_batches, tables
from known_graph import PAPERS, pid


def test_the_schema_file_gives_labels_types_properties_and_ends():
    shape = tables()
    assert shape.labels == ("Paper", "Author", "Model", "Method", "Benchmark", "Environment", "Result")
    assert shape.types[:5] == ("PROPOSES", "EVALUATES_ON", "USES", "COMPARES_TO", "MENTIONS") and "AUTHORED" in shape.types
    assert shape.nodes["Paper"] == ("title", "abstract", "arxiv_id", "doi", "url", "date", "venue", "categories", "sources")
    assert shape.relationships["USES"] == ("role", "confidence", "extractor", "sentence", "start_char", "end_char")
    assert shape.ends["ACHIEVES"] == (("Model", "Result"), ("Method", "Result"))
    assert shape.kinds["Paper"]["categories"] == "STRING[]" and shape.kinds["AUTHORED"]["position"] == "INT64"


def _collect(batches):
    found = {}
    for kind, rows in batches:
        found.setdefault(kind, []).extend(rows)
    return found


@pytest.mark.parametrize("page", [1, 4, 2000])
def test_node_batches_give_every_node_once_with_its_id_in_the_props_and_no_nulls(known, page):
    nodes = _collect(node_batches(known, page))
    assert all(len(rows) <= page for _, rows in node_batches(known, page))
    assert {label: len(rows) for label, rows in nodes.items()} == {
        "Paper": 6, "Author": 3, "Model": 5, "Method": 5, "Benchmark": 3, "Environment": 5, "Result": 3}
    assert all(row["props"]["id"] == row["id"] and None not in row["props"].values() for rows in nodes.values() for row in rows)
    planning = next(row for row in nodes["Paper"] if row["id"] == pid(PAPERS[2]))["props"]
    assert planning == {"id": "doi:10.5555/plan.1", "title": "Planning Helps Web Agents", "abstract": PAPERS[2]["abstract"],
                        "doi": "10.5555/plan.1", "date": "2024", "venue": "NeurIPS Workshop on Agents", "categories": [],
                        "sources": ["/data/written.jsonl"]}


@pytest.mark.parametrize("page", [1, 4, 2000])
def test_relationship_batches_give_every_relationship_once_by_its_labels_and_type(known, page):
    rels = _collect(relationship_batches(known, page))
    assert sum(len(rows) for rows in rels.values()) == 44
    assert len({(kind, row["start"], row["end"]) for kind, rows in rels.items() for row in rows}) == 44
    assert sorted((r["start"], r["end"], r["props"]["position"]) for r in rels[("Author", "AUTHORED", "Paper")])[:2] == [
        ("author:0000-0002-1825-0097", "arxiv:2502.00001", 1), ("author:0000-0002-1825-0097", "arxiv:2502.00005", 1)]
    mention = rels[("Paper", "MENTIONS", "Model")]
    assert mention == [{"start": "arxiv:2502.00005", "end": "model:llama31", "props": {
        "role": "mentions", "confidence": 0.9, "extractor": "kg-rules/test", "sentence": "Our analysis covers Llama-3.1.",
        "start_char": 86, "end_char": 116}}]
    assert rels[("Model", "VARIANT_OF", "Model")] and all(r["props"] == {} for r in rels[("Model", "VARIANT_OF", "Model")])
