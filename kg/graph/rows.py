"""The nodes and relationships one paper contributes, as plain rows.

Both the in-memory graph (`build_graph`) and the embedded store write these
rows, so the two can never disagree on the graph's shape (`schemas/graph.md`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from kg.graph.resolve import mention_keys
from kg.records import ENTITY_TYPES, ROLES, Extraction, Paper, norm

ENTITY_LABELS = ENTITY_TYPES
LABELS = ("Paper", "Author", *ENTITY_TYPES, "Result")
ROLE_TYPES = {role: role.upper() for role in ROLES}
RELATIONSHIP_TYPES = (*ROLE_TYPES.values(), "VARIANT_OF", "REPORTS", "ACHIEVES", "HAS_RESULT", "AUTHORED")
# A variant is its base name plus one more part: hyphenated (`WebArena-Lite`),
# or after a space when it starts with a capital or digit (`Claude 3.5`), so
# that lower-case phrases (`reinforcement learning from human feedback`) are
# not variants of their first words.
LAST_PART = re.compile(r"(-[^-\s]+|\s[A-Z0-9][^-\s]*)$")


@dataclass
class PaperRows:
    """Everything one paper adds to the graph; entity ids come from resolution."""

    paper: dict
    authors: list[dict] = field(default_factory=list)  # Author nodes: id, name, orcid
    authored: list[dict] = field(default_factory=list)  # from (author id), to (paper id), position
    roles: list[dict] = field(default_factory=list)  # type, from, to, label (entity's), role, confidence, extractor, sentence, start_char, end_char
    results: list[dict] = field(default_factory=list)  # Result nodes
    reports: list[dict] = field(default_factory=list)  # from, to
    achieves: list[dict] = field(default_factory=list)  # from, to, label (entity's)
    has_result: list[dict] = field(default_factory=list)  # from, to, label (entity's)


def paper_props(paper: Paper) -> dict:
    """A Paper node's properties, every column present (null when unknown)."""
    return {
        "id": paper.id,
        "title": paper.title,
        "abstract": paper.abstract,
        "sources": sorted(paper.sources),
        "arxiv_id": paper.arxiv_id,
        "url": paper.url,
        "date": paper.date,
        "doi": paper.doi,
        "venue": paper.venue,
        "categories": list(paper.categories),
    }


def author_id(name: str, source_id: str | None, orcid: str | None) -> str:
    """`author:<source id or ORCID>`, else `author:<normalised name>`."""
    return f"author:{source_id or orcid or norm(name)}"


def role_rank(edge: Mapping) -> tuple:
    """Which of a paper's edges to one entity is kept: the role first in precedence, then the surest, then the first evidence."""
    return (ROLES.index(edge["role"]), -edge["confidence"], edge["start_char"], edge["end_char"], edge["sentence"])


def paper_rows(extraction: Extraction, key_ids: Mapping[str, str]) -> PaperRows:
    """The rows of one extracted paper, with entities resolved through `key_ids` (name key -> entity id).

    A paper has at most one role edge to an entity (`role_rank`), so two
    mentions that resolve to one entity, now or after a later merge, give one
    edge whatever order they came in.
    """
    paper = extraction.paper
    rows = PaperRows(paper_props(paper))
    for position, author in enumerate(paper.authors, 1):
        if not norm(author.name) and not (author.id or author.orcid):
            continue
        aid = author_id(author.name, author.id, author.orcid)
        rows.authors.append({"id": aid, "name": author.name, "orcid": author.orcid})
        rows.authored.append({"from": aid, "to": paper.id, "position": position})
    best: dict[str, dict] = {}
    local: dict[tuple[str, str], str] = {}
    for entity in extraction.entities:
        keys = mention_keys(entity)
        if not keys:
            continue
        node = key_ids[keys[0]]
        for name in (entity.name, *entity.aliases):
            local.setdefault((entity.type, norm(name)), node)
        first = entity.evidence[0] if entity.evidence else None
        edge = {
            "type": ROLE_TYPES[entity.role],
            "from": paper.id,
            "to": node,
            "label": entity.type,
            "role": entity.role,
            "confidence": float(entity.confidence),
            "extractor": extraction.extractor,
            "sentence": first.sentence if first else "",
            "start_char": first.start if first else 0,
            "end_char": first.end if first else 0,
        }
        if node not in best or role_rank(edge) < role_rank(best[node]):
            best[node] = edge
    rows.roles = sorted(best.values(), key=lambda e: e["to"])
    for number, result in enumerate(extraction.results):
        node = f"result:{paper.id}:{number}"
        rows.results.append({"id": node, "subject": result.subject, "benchmark": result.benchmark, "metric": result.metric, "value": result.value})
        rows.reports.append({"from": paper.id, "to": node})
        for type_ in ("Model", "Method"):
            if (type_, norm(result.subject)) in local:
                rows.achieves.append({"from": local[(type_, norm(result.subject))], "to": node, "label": type_})
                break
        for type_ in ("Benchmark", "Environment"):
            if result.benchmark and (type_, norm(result.benchmark)) in local:
                rows.has_result.append({"from": local[(type_, norm(result.benchmark))], "to": node, "label": type_})
                break
    return rows


def variant_edges(entities: Iterable[tuple[str, str, str]]) -> set[tuple[str, str, str]]:
    """(label, from, to) for `Llama-3.1-8B` -> `Llama-3.1`, `WebArena-Lite` -> `WebArena`, within one type.

    `entities` are (label, id, name) of every entity: a variant's base is the
    nearest shorter form that is some entity's name.
    """
    entities = sorted(entities)
    by_name = {(label, name.casefold()): id_ for label, id_, name in entities}
    edges = set()
    for label, id_, name in entities:
        while (stem := LAST_PART.sub("", name)) != name and stem:
            base = by_name.get((label, stem.casefold()))
            if base and base != id_:
                edges.add((label, id_, base))
                break
            name = stem
    return edges
