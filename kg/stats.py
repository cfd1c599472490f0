"""What a store holds, counted by Cypher queries: the database counts, nothing is loaded into Python.

Every query means the same on the embedded store and on Neo4j, so `kg stats`
prints the same figures for the same graph on either.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from kg.store.rows import ENTITY_LABELS, ROLE_TYPES, tables

ROLES = "|".join(ROLE_TYPES)


@dataclass
class Stats:
    """Counts of a graph; `top_entities` are (name, type, papers), `top_authors` (name, papers)."""

    labels: dict[str, int]
    relationships: dict[str, int]
    top_entities: list[tuple[str, str, int]]
    top_authors: list[tuple[str, int]]

    @property
    def papers(self) -> int:
        return self.labels["Paper"]

    @property
    def entities(self) -> int:
        return sum(self.labels[label] for label in ENTITY_LABELS)

    @property
    def edges(self) -> int:
        return sum(self.relationships.values())


def _one(reader: Any, cypher: str, **params: Any) -> int:
    return int(next(iter(reader.run(cypher, params)))["n"])


def stats(reader: Any, top: int = 10) -> Stats:
    """Count nodes by label and relationships by type; rank entities and authors by their papers."""
    shape = tables()
    labels = {label: _one(reader, f"MATCH (n:{label}) RETURN count(*) AS n") for label in shape.labels}
    rels = {type_: _one(reader, f"MATCH ()-[r:{type_}]->() RETURN count(*) AS n") for type_ in shape.types}
    ranked: list[tuple[str, str, int]] = []
    for label in ENTITY_LABELS:
        rows = reader.run(
            f"MATCH (p:Paper)-[:{ROLES}]->(e:{label}) RETURN e.name AS name, count(DISTINCT p) AS papers "
            "ORDER BY papers DESC, name LIMIT $top",
            {"top": top},
        )
        ranked += [(row["name"], label, int(row["papers"])) for row in rows]
    ranked.sort(key=lambda row: (-row[2], row[0], row[1]))
    authors = reader.run(
        "MATCH (a:Author)-[:AUTHORED]->(p:Paper) RETURN a.name AS name, count(DISTINCT p) AS papers "
        "ORDER BY papers DESC, name LIMIT $top",
        {"top": top},
    )
    return Stats(labels, rels, ranked[:top], [(row["name"], int(row["papers"])) for row in authors])
