"""The outside passages (tests/data/outside_passages.jsonl) are annotated in the gold format and hold issue 12's hard cases."""

import json
import re
from pathlib import Path

import pytest

from kg.records import ENTITY_TYPES

PATH = Path(__file__).parent / "data" / "outside_passages.jsonl"
ROLES = {"proposes", "evaluates_on", "uses", "compares_to", "mentions"}


@pytest.fixture(scope="module")
def passages():
    return [json.loads(line) for line in PATH.read_text(encoding="utf-8").splitlines() if line.strip()]


def named(form: str, text: str) -> bool:
    return re.search(r"(?<![\w-])" + re.escape(form) + r"(?!\w)", text) is not None


def test_there_are_thirty_or_more_distinct_passages(passages):
    assert len(passages) >= 30
    assert len({p["title"] for p in passages}) == len(passages)


def test_every_annotation_is_named_in_its_passage_with_a_type_and_a_role(passages):
    for p in passages:
        text = f"{p['title']}\n\n{p['abstract']}"
        for e in p["entities"]:
            assert e["type"] in ENTITY_TYPES and e["role"] in ROLES, (p["title"], e)
            for form in [e["name"], *e["aliases"]]:
                assert named(form, text), (p["title"], form)


def test_every_result_ties_a_value_in_the_text_to_annotated_entities(passages):
    """A result names its subject and benchmark as the scoring sentence writes them, as dev.jsonl does
    ("CSM reaches ..." gives subject CSM, an alias of Curvature-Scaled Momentum); a score on no named benchmark has none, as in dev.jsonl."""
    for p in passages:
        names = {form for e in p["entities"] for form in [e["name"], *e["aliases"]]}
        for r in p["results"]:
            assert r["subject"] in names and (r["benchmark"] is None or r["benchmark"] in names), (p["title"], r)
            assert r["value"] in p["abstract"], (p["title"], r)


def test_the_hard_cases_of_issue_12_are_there(passages):
    gold = {e["name"] for p in passages for e in p["entities"]}
    assert {"Faster R-CNN", "PASCAL VOC", "OntoNotes v5.0", "N-Caltech 101", "Adam", "Pile", "Go"} <= gold
    text = " ".join(p["abstract"] for p in passages)
    for non_entity in ("II-B", "GTX1080", "https://", "Ren et al."):  # section label, hardware, URL, authors
        assert non_entity in text and non_entity not in gold
    assert re.search(r"ResNet-50 37\.9", text)  # a score flattened from a table, right after a name
