"""Building in several steps gives the graph of building in one step, in any order."""

from __future__ import annotations

import itertools

import pytest

from kg.graph import build_graph
from kg.records import Entity, Evidence, Extraction, Paper, Result, paper_id
from kg.store import EmbeddedStore
from store_helpers import read_graph, snapshot


def _entity(name, type_, role="uses", aliases=(), confidence=0.8, start=0):
    return Entity(name, type_, role, list(aliases), confidence, [Evidence("A sentence.", start, start + 11)])


# Which names each paper gives; chosen so that later papers join, re-key and
# re-role what earlier ones stored.
PAPERS = {
    "Paper one": [_entity("RLHF", "Method"), _entity("Llama-3.1-8B", "Model", "evaluates_on")],
    "Paper two": [_entity("Reinforcement Learning from Human Feedback", "Method", "proposes"), _entity("GSM8K", "Benchmark", "evaluates_on")],
    "Paper three": [
        _entity("RLHF", "Method", "mentions", start=20),
        _entity("reinforcement learning from human feedback", "Method", "uses", confidence=0.6),
        _entity("Llama-3.1", "Model", "compares_to"),
    ],
    "Paper four": [_entity("Reinforcement Learning from Human Feedback", "Method", aliases=["RLHF"]), _entity("GSM-8K", "Benchmark", aliases=["GSM8K"])],
    "Paper five": [_entity("Llama 3.1 8B", "Model", "proposes"), _entity("GSM-8K", "Benchmark", "evaluates_on")],
}
RESULTS = {"Paper one": [Result("Llama-3.1-8B", "GSM8K", "accuracy", "81.2")], "Paper five": [Result("Llama 3.1 8B", "GSM-8K", None, "80.0")]}


def _papers(titles):
    return [Paper(id=paper_id(t), title=t, abstract=f"The abstract of {t.lower()}.", sources=[f"/data/{t[-4:]}.jsonl"]) for t in titles]


def _extract(papers):
    return [Extraction(p, [Entity(**vars(e)) for e in PAPERS[p.title]], RESULTS.get(p.title, []), "test/1") for p in papers]


def _build(path, steps):
    with EmbeddedStore(path) as store:
        for step in steps:
            store.build(_papers(step), _extract, extractor="test/1", batch_size=2)
    return snapshot(path)


def test_entities_join_across_papers_with_the_name_most_papers_use(tmp_path):
    snap = _build(tmp_path / "kg.db", [list(PAPERS)])
    (method,) = snap["Method"]
    assert '"id": "method:rlhf"' in method and '"name": "Reinforcement Learning from Human Feedback"' in method
    assert '"aliases": ["RLHF"]' in method
    assert len(snap["Benchmark"]) == 1 and '"id": "benchmark:gsm8k"' in snap["Benchmark"][0]
    # paper three named the method twice (mentions, uses): one edge, the role first in precedence
    three = paper_id("Paper three")
    assert [e for e in snap["USES"] + snap["MENTIONS"] if e.startswith(three) and "method:" in e] == [
        e for e in snap["USES"] if e.startswith(f"{three} -> method:rlhf")
    ]
    assert any("model:llama318b -> model:llama31 " in e for e in snap["VARIANT_OF"])
    assert len(snap["ACHIEVES"]) == 2 and len(snap["HAS_RESULT"]) == 1  # paper one names no GSM8K entity


@pytest.mark.parametrize("split", [1, 2, 3, 4])
def test_two_steps_give_the_one_step_graph(tmp_path, split):
    titles = list(PAPERS)
    assert _build(tmp_path / "steps.db", [titles[:split], titles[split:]]) == _build(tmp_path / "one.db", [titles])


def test_one_paper_at_a_time_in_any_order_gives_the_same_graph(tmp_path):
    reference = _build(tmp_path / "one.db", [list(PAPERS)])
    for number, order in enumerate(itertools.islice(itertools.permutations(PAPERS), 0, 120, 41)):
        assert _build(tmp_path / f"order{number}.db", [[t] for t in order]) == reference, order


def test_the_store_holds_the_in_memory_graph(tmp_path):
    path = tmp_path / "kg.db"
    _build(path, [[t] for t in reversed(PAPERS)])
    with EmbeddedStore(path, read_only=True) as store:
        stored = read_graph(store)
    memory = build_graph(_extract(_papers(PAPERS)))
    assert sorted(stored.nodes(data=True)) == sorted(memory.nodes(data=True))
    assert sorted(stored.edges(keys=True, data=True)) == sorted(memory.edges(keys=True, data=True))
