"""Extractions written by hand, so that query answers are known exactly.

Five short papers: three about web agents, two that propose benchmarks, a
family of Llama variants. Evidence sentences and offsets are computed from
the written text, as the extractor would give them.
"""

from __future__ import annotations

import re

from kg.records import Entity, Evidence, Extraction, Paper, Result, arxiv_id, paper_id

PAPERS = [
    (
        "WebPilot: Small Web Agents Trained with PPO",
        "Web agents fail at long tasks. We propose WebPilot, trained with PPO on Llama-3.1-8B. "
        "We evaluate on WebArena and MiniWoB++ and compare against GPT-4o.",
        "2502.00001",
        [("WebPilot", "Method", "proposes"), ("PPO", "Method", "uses"), ("Llama-3.1-8B", "Model", "uses"),
         ("WebArena", "Environment", "evaluates_on"), ("MiniWoB++", "Environment", "evaluates_on"),
         ("GPT-4o", "Model", "compares_to")],
        [("WebPilot", "WebArena", "success rate", "41.0%")],
    ),
    (
        "BrowseBench: A Benchmark for Web Agents",
        "We introduce BrowseBench, a benchmark of shopping tasks for web agents. "
        "Tasks run in WebArena. ReAct agents built on GPT-4o and Claude 3.5 Sonnet are compared.",
        "2502.00002",
        [("BrowseBench", "Benchmark", "proposes"), ("WebArena", "Environment", "evaluates_on"),
         ("ReAct", "Method", "uses"), ("GPT-4o", "Model", "compares_to"), ("Claude 3.5 Sonnet", "Model", "compares_to")],
        [],
    ),
    (
        "Planning Helps Web Agents",
        "A web agent that plans first does better. We evaluate on Mind2Web and WebArena, train with PPO "
        "and compare against GPT-4o.",
        None,
        [("Mind2Web", "Environment", "evaluates_on"), ("WebArena", "Environment", "evaluates_on"),
         ("PPO", "Method", "uses"), ("GPT-4o", "Model", "compares_to")],
        [],
    ),
    (
        "LocoBench: Legged Locomotion in MuJoCo",
        "We release LocoBench, a locomotion benchmark. Policies are trained with PPO in MuJoCo "
        "from Llama-3.1-70B plans.",
        "2502.00004",
        [("LocoBench", "Benchmark", "proposes"), ("MuJoCo", "Environment", "evaluates_on"),
         ("PPO", "Method", "uses"), ("Llama-3.1-70B", "Model", "uses")],
        [],
    ),
    (
        "Chain-of-Thought for Grade-School Math",
        "We study chain-of-thought prompting on GSM8K. Our analysis covers Llama-3.1.",
        "2502.00005",
        [("chain-of-thought prompting", "Method", "uses"), ("GSM8K", "Benchmark", "evaluates_on"),
         ("Llama-3.1", "Model", "mentions")],
        [],
    ),
]


def _evidence(text: str, name: str) -> Evidence:
    for found in re.finditer(r"\S[^\n]*?(?:\.(?=\s|$)|(?=\n|$))", text):
        if name in found.group():
            return Evidence(found.group(), found.start(), found.end())
    raise ValueError(f"{name!r} is not in the text")


def written_extractions(source: str = "/data/written.jsonl") -> list[Extraction]:
    extractions = []
    for title, abstract, arxiv, entities, results in PAPERS:
        paper = Paper(paper_id(title, arxiv_id(arxiv)), title, abstract, [source], arxiv_id(arxiv))
        found = [Entity(name, type_, role, [], 0.9 if role != "uses" else 0.8, [_evidence(paper.text, name)])
                 for name, type_, role in entities]
        extractions.append(Extraction(paper, found, [Result(*r) for r in results], "kg-rules/test"))
    return extractions


def written_store(path, extractions: list[Extraction] | None = None):
    """An embedded store at `path` holding `extractions` (the written ones by default)."""
    from kg.store import EmbeddedStore

    extractions = extractions or written_extractions()
    by_id = {ex.paper.id: ex for ex in extractions}
    with EmbeddedStore(path) as db:
        db.build([ex.paper for ex in extractions], lambda todo: [by_id[p.id] for p in todo], extractor="kg-rules/test")
    return path
