"""Find entities by name or alias, on either store.

On Neo4j the full-text index `entity_names` (schemas/neo4j/schema.cypher)
answers. The embedded store has no full-text index without LadybugDB's
extension, which is downloaded at INSTALL and so cannot be used offline;
there names are compared in their normalised form (`kg.records.norm`, the
form entity ids are made of), so `llama 3.1 8b` finds `Llama-3.1-8B`:
exact matches of the name or an alias first, then names that contain the
text. Entities are few next to papers (thousands, not millions), so they are
read a page at a time and compared here.

Either way hits are ranked exact first, then by how many papers name them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from kg.records import norm
from kg.store.reader import EMBEDDED
from kg.store.rows import ENTITY_LABELS, ROLE_TYPES, node_pages

ROLES = "|".join(ROLE_TYPES)
LUCENE_SPECIAL = re.compile(r'([+\-&|!(){}\[\]^"~*?:\\/])')


class SearchError(ValueError):
    """A search that cannot be run: no text to look for, or an unknown type."""


@dataclass
class Hit:
    id: str
    type: str
    name: str
    aliases: list[str] = field(default_factory=list)
    papers: int = 0
    exact: bool = False


def entity_types(asked: tuple[str, ...] | list[str]) -> tuple[str, ...]:
    """The entity labels `asked` names, in any case; all four when none."""
    by_fold = {label.casefold(): label for label in ENTITY_LABELS}
    unknown = [name for name in asked if name.casefold() not in by_fold]
    if unknown:
        raise SearchError(f"unknown type '{unknown[0]}'; choose from {', '.join(ENTITY_LABELS)}")
    return tuple(by_fold[name.casefold()] for name in asked) or ENTITY_LABELS


def search(reader: Any, text: str, types: tuple[str, ...] | list[str] = (), limit: int = 20) -> list[Hit]:
    """Entities named `text` (exactly, then partly), best first, at most `limit`."""
    labels = entity_types(types)
    wanted = norm(text)
    if not wanted:
        raise SearchError(f"nothing to search for in {text!r}: give letters or digits")
    if getattr(reader, "dialect", EMBEDDED) == EMBEDDED:
        hits = _embedded(reader, wanted, labels)
    else:
        hits = _neo4j(reader, text, labels, limit)
        for hit in hits:
            hit.exact = wanted in {norm(n) for n in (hit.name, *hit.aliases)}
    hits.sort(key=lambda hit: (not hit.exact, -hit.papers, hit.name, hit.id))
    return hits[:limit]


def _embedded(reader: Any, wanted: str, labels: tuple[str, ...]) -> list[Hit]:
    hits = []
    for label in labels:
        found = {}
        for page in node_pages(reader, label):
            for row in page:
                names = {norm(n) for n in (row["name"], *(row["aliases"] or ()))}
                if any(wanted in n for n in names):
                    found[row["id"]] = Hit(row["id"], label, row["name"], list(row["aliases"] or ()), exact=wanted in names)
        if found:
            counts = reader.run(
                f"MATCH (p:Paper)-[:{ROLES}]->(e:{label}) WHERE e.id IN $ids RETURN e.id AS id, count(DISTINCT p) AS papers",
                {"ids": list(found)},
            )
            for row in counts:
                found[row["id"]].papers = int(row["papers"])
        hits += found.values()
    return hits


def _neo4j(reader: Any, text: str, labels: tuple[str, ...], limit: int) -> list[Hit]:
    """The full-text index's best matches; each word must match (Lucene AND), escaped so text is never syntax."""
    words = [LUCENE_SPECIAL.sub(r"\\\1", word) for word in text.split()]
    rows = reader.run(
        "CALL db.index.fulltext.queryNodes('entity_names', $query) YIELD node, score "
        "WITH node, score, [l IN labels(node) WHERE l IN $labels][0] AS label WHERE label IS NOT NULL "
        f"RETURN node.id AS id, label, node.name AS name, node.aliases AS aliases, "
        f"COUNT {{ MATCH (p:Paper)-[:{ROLES}]->(node) }} AS papers ORDER BY score DESC LIMIT $limit",
        {"query": " AND ".join(words), "labels": list(labels), "limit": limit * 5},
    )
    return [Hit(row["id"], row["label"], row["name"], list(row["aliases"] or ()), int(row["papers"])) for row in rows]
