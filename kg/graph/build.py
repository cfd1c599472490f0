"""Building the graph: entity resolution across papers, variants and results."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable

import networkx as nx
from networkx.utils import UnionFind

from kg.records import ENTITY_TYPES, ROLES, Extraction, norm

ENTITY_LABELS = ENTITY_TYPES
LABELS = ("Paper", *ENTITY_TYPES, "Result")
ROLE_TYPES = {role: role.upper() for role in ROLES}
RELATIONSHIP_TYPES = (*ROLE_TYPES.values(), "VARIANT_OF", "REPORTS", "ACHIEVES", "HAS_RESULT")
# A variant is its base name plus one more part: hyphenated (`WebArena-Lite`),
# or after a space when it starts with a capital or digit (`Claude 3.5`), so
# that lower-case phrases (`reinforcement learning from human feedback`) are
# not variants of their first words.
LAST_PART = re.compile(r"(-[^-\s]+|\s[A-Z0-9][^-\s]*)$")


def entity_key(type_: str, name: str) -> str:
    """The node id of an entity: its type and normalised name (`model:llama318b`)."""
    return f"{type_.lower()}:{norm(name)}"


def _resolve(extractions: list[Extraction]) -> dict[str, str]:
    """Map every entity name key to the node id of the entity it resolves to.

    Names an extraction gives as one entity (a name and its aliases, such as
    `RLHF` and its expansion) are joined, across all papers, and each group
    takes the key of its most frequent name, ties going to the longer name.
    """
    groups = UnionFind()
    counts: Counter[str] = Counter()
    for extraction in extractions:
        for entity in extraction.entities:
            keys = [entity_key(entity.type, n) for n in (entity.name, *entity.aliases) if norm(n)]
            groups.union(*keys)
            counts[keys[0]] += 1
    canonical = {}
    for members in groups.to_sets():
        best = max(members, key=lambda key: (counts[key], len(key), key))
        canonical.update({key: best for key in members})
    return canonical


def build_graph(extractions: Iterable[Extraction]) -> nx.MultiDiGraph:
    """The graph of `extractions`; the same extractions always give the same graph."""
    extractions = sorted(extractions, key=lambda ex: ex.paper.id)
    canonical = _resolve(extractions)
    graph = nx.MultiDiGraph()
    names: dict[str, Counter[str]] = defaultdict(Counter)
    for extraction in extractions:
        paper = extraction.paper
        props = {
            "title": paper.title,
            "abstract": paper.abstract,
            "sources": sorted(paper.sources),
            "arxiv_id": paper.arxiv_id,
            "url": paper.url,
            "date": paper.date,
        }
        graph.add_node(paper.id, label="Paper", **{k: v for k, v in props.items() if v is not None})
        local = {}
        for entity in extraction.entities:
            node = canonical[entity_key(entity.type, entity.name)]
            for name in (entity.name, *entity.aliases):
                names[node][name] += 1 if name == entity.name else 0
                local[(entity.type, norm(name))] = node
            graph.add_node(node, label=entity.type)
            first = entity.evidence[0] if entity.evidence else None
            graph.add_edge(
                paper.id,
                node,
                key=ROLE_TYPES[entity.role],
                role=entity.role,
                confidence=entity.confidence,
                extractor=extraction.extractor,
                sentence=first.sentence if first else "",
                start=first.start if first else 0,
                end=first.end if first else 0,
            )
        for number, result in enumerate(extraction.results):
            node = f"result:{paper.id}:{number}"
            props = {"subject": result.subject, "benchmark": result.benchmark, "metric": result.metric, "value": result.value}
            graph.add_node(node, label="Result", **{k: v for k, v in props.items() if v is not None})
            graph.add_edge(paper.id, node, key="REPORTS")
            for type_ in ("Model", "Method"):
                if (type_, norm(result.subject)) in local:
                    graph.add_edge(local[(type_, norm(result.subject))], node, key="ACHIEVES")
                    break
            for type_ in ("Benchmark", "Environment"):
                if result.benchmark and (type_, norm(result.benchmark)) in local:
                    graph.add_edge(local[(type_, norm(result.benchmark))], node, key="HAS_RESULT")
                    break
    for node, counter in names.items():
        # The name most papers use, else the fullest form; every other form is an alias.
        name = max(counter, key=lambda n: (counter[n], len(n), n))
        seen = {norm(name)}
        aliases = []
        for alias in sorted(counter):
            if norm(alias) not in seen:
                seen.add(norm(alias))
                aliases.append(alias)
        graph.nodes[node].update(name=name, aliases=aliases)
    _add_variants(graph)
    return graph


def _add_variants(graph: nx.MultiDiGraph) -> None:
    """Join `Llama-3.1-8B` to `Llama-3.1` and `WebArena-Lite` to `WebArena` (same type only)."""
    by_name = {
        (data["label"], data["name"].casefold()): node
        for node, data in graph.nodes(data=True)
        if data["label"] in ENTITY_TYPES
    }
    for node, data in sorted(graph.nodes(data=True)):
        if data["label"] not in ENTITY_TYPES:
            continue
        name = data["name"]
        while (stem := LAST_PART.sub("", name)) != name and stem:
            base = by_name.get((data["label"], stem.casefold()))
            if base and base != node:
                graph.add_edge(node, base, key="VARIANT_OF")
                break
            name = stem
