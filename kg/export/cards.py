"""What the page says about each node: the names it is known by, and its card.

A card is built from a few Cypher queries for the whole view (one per kind
of node), not one per node: a paper's authors, date, venue and DOI and how
many entities it names; an entity's aliases, how many papers name it and its
strongest evidence sentences; a result's paper.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import Any

import networkx as nx

from kg.records import ROLES
from kg.store.rows import ENTITY_LABELS, ROLE_TYPES, edges, nodes_with_ids

EVIDENCE_PER_NODE = 3


def names(node: str, data: dict) -> list[str]:
    """Every name the search box and `--focus` know a node by."""
    if data["label"] == "Paper":
        return [data["title"], node, *([data["arxiv_id"]] if data.get("arxiv_id") else [])]
    if data["label"] == "Result":
        return [result_name(data)]
    return [data["name"], *data.get("aliases", [])]


def result_name(data: dict) -> str:
    metric = f" {data['metric']}" if data.get("metric") else ""
    bench = f" on {data['benchmark']}" if data.get("benchmark") else ""
    return f"{data['subject']}: {data['value']}{metric}{bench}"


def paper_link(data: dict) -> str | None:
    """Where a paper can be read: its arXiv page when known, else its http(s) URL."""
    if data.get("arxiv_id"):
        return f"https://arxiv.org/abs/{data['arxiv_id']}"
    url = data.get("url") or ""
    return url if url.startswith(("https://", "http://")) else None


def _paper(data: dict, node: str) -> dict:
    return {"title": data.get("title", node), "id": node, "url": paper_link(data)}


def _evidence_rank(row: dict) -> tuple:
    """Evidence shown first: the strongest role, then the most confident, then by paper id."""
    return ROLES.index(row["role"]), -(row["confidence"] or 0), row["paper"]


def cards(reader: Any, sub: nx.MultiDiGraph) -> dict[str, dict]:
    """What the hover card and the side panel show for each node, as plain strings, read in a few queries."""
    by_label: dict[str, list[str]] = defaultdict(list)
    for node, data in sub.nodes(data=True):
        by_label[data["label"]].append(node)
    extra: dict[str, list[list[str]]] = defaultdict(list)
    evidence: dict[str, list] = defaultdict(list)
    papers_of: dict[str, dict] = {}
    roles = "|".join(ROLE_TYPES)
    if papers := by_label.get("Paper"):
        named = {row["id"]: int(row["named"]) for row in reader.run(
            f"MATCH (p:Paper) WHERE p.id IN $ids RETURN p.id AS id, COUNT {{ MATCH (p)-[:{roles}]->() }} AS named", {"ids": papers})}
        bylines = edges(reader, "Author", "AUTHORED", "Paper", papers, by_end=True)
        author_names = {row["id"]: row["name"] for row in nodes_with_ids(reader, "Author", sorted({r["start_id"] for r in bylines}))}
        authors: dict[str, list[str]] = defaultdict(list)
        for row in sorted(bylines, key=lambda r: (r["end_id"], r["position"] or 0, r["start_id"])):
            authors[row["end_id"]].append(author_names[row["start_id"]])
        for node in papers:
            data = sub.nodes[node]
            facts = [["id", node]]
            facts += [[key, data[key]] for key in ("date", "venue", "doi") if data.get(key)]
            if authors[node]:
                facts.append(["authors", ", ".join(authors[node])])
            facts.append(["names", f"{named.get(node, 0)} entities"])
            extra[node] = facts
    for label in ENTITY_LABELS:
        if not by_label.get(label):
            continue
        count: Counter[str] = Counter()
        best: dict[str, list] = defaultdict(list)
        rows = reader.run(
            f"MATCH (p:Paper)-[r:{roles}]->(e:{label}) WHERE e.id IN $ids RETURN e.id AS entity, r.role AS role, "
            "r.confidence AS confidence, r.sentence AS sentence, p.id AS paper, p.title AS title, p.arxiv_id AS arxiv_id, p.url AS url",
            {"ids": by_label[label]},
        )
        for row in rows:
            count[row["entity"]] += 1
            if row["sentence"]:
                kept = best[row["entity"]]
                kept.append(row)
                if len(kept) > EVIDENCE_PER_NODE:
                    kept.sort(key=_evidence_rank)
                    kept.pop()
        for node in by_label[label]:
            data = sub.nodes[node]
            facts = [["aliases", ", ".join(data["aliases"])]] if data.get("aliases") else []
            facts.append(["papers", str(count[node])])
            extra[node] = facts
            evidence[node] = [
                {"role": row["role"], "sentence": row["sentence"], "paper": _paper(row, row["paper"])}
                for row in sorted(best[node], key=_evidence_rank)
            ]
    if results := by_label.get("Result"):
        reported = edges(reader, "Paper", "REPORTS", "Result", results, by_end=True)
        titles = {row["id"]: row for row in nodes_with_ids(reader, "Paper", sorted({r["start_id"] for r in reported}))}
        papers_of = {row["end_id"]: _paper(titles[row["start_id"]], row["start_id"]) for row in reported}
        for node in results:
            data = sub.nodes[node]
            extra[node] = [[key, data[key]] for key in ("subject", "value", "metric", "benchmark") if data.get(key)]
    cards = {}
    for node, data in sub.nodes(data=True):
        paper = _paper(data, node) if data["label"] == "Paper" else papers_of.get(node)
        cards[node] = {
            "name": names(node, data)[0], "type": data["label"], "facts": [["degree", str(data["degree"])], *extra[node]],
            "paper": paper, "evidence": evidence[node],
        }
    return cards
