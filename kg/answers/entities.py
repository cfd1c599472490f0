"""What every answer needs: the reader contract, the role pattern, and names resolved to entities.

Names resolve in Python, not in Cypher: the graph's normalisation (NFKD,
accents dropped, casefolded, letters and digits only) has no spelling that
means the same on LadybugDB and Neo4j, and the entity list is small (one row
per model, method, benchmark or environment, not per paper).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any, Protocol

from kg.records import ENTITY_TYPES, ROLES, norm

# Every role relationship type, as one Cypher alternative: `-[:PROPOSES|...]->`.
ROLE_TYPES = "|".join(role.upper() for role in ROLES)
# How far VARIANT_OF chains are followed (`WebArena` <- `WebArena-Lite` <- `WebArena-Lite-v2`);
# bounded, because an unbounded pattern walks 30 hops on LadybugDB.
VARIANT_HOPS = 3


class Reader(Protocol):
    """A graph reader: the embedded store and the Neo4j reader both provide it."""

    def run(self, cypher: str, params: Mapping[str, Any] | None = None) -> Iterator[dict[str, Any]]: ...


class AnswerError(ValueError):
    """A question that names nothing in the graph (an entity, type, role, metric or period), said in one line."""


@dataclass(frozen=True)
class Entity:
    id: str
    name: str
    type: str
    aliases: tuple[str, ...] = field(default=())


def entity_type(key: str) -> str:
    """The label of an entity from its id (`model:llama318b` -> `Model`): ids start with the type."""
    prefix = key.split(":", 1)[0]
    return next(label for label in ENTITY_TYPES if label.lower() == prefix)


def entities(reader: Reader, types: tuple[str, ...] = ENTITY_TYPES) -> list[Entity]:
    """Every entity of `types`, ordered by id."""
    found = []
    for label in types:
        rows = reader.run(f"MATCH (x:{checked(label)}) RETURN x.id AS id, x.name AS name, x.aliases AS aliases")
        found += [Entity(row["id"], row["name"], label, tuple(row["aliases"] or ())) for row in rows]
    return sorted(found, key=lambda entity: entity.id)


def resolve(reader: Reader, name: str, types: tuple[str, ...] = ENTITY_TYPES) -> list[Entity]:
    """The entities of `types` whose name or an alias normalises like `name`; AnswerError when none does."""
    wanted = norm(name)
    known = entities(reader, types)
    found = [e for e in known if wanted and wanted in {norm(n) for n in (e.name, *e.aliases)}]
    if found:
        return found
    near = sorted({e.name for e in known if wanted and any(wanted in norm(n) for n in (e.name, *e.aliases))})[:3]
    hint = f"; did you mean {', '.join(repr(n) for n in near)}?" if near else ""
    kinds = " or ".join(t.lower() for t in types) if len(types) < len(ENTITY_TYPES) else "entity"
    raise AnswerError(f"no {kinds} named '{name}' in the graph{hint}")


def variants(reader: Reader, of: list[Entity]) -> dict[str, str]:
    """The variants of the entities `of` (any depth up to VARIANT_HOPS), as {variant id: base id}."""
    found: dict[str, str] = {}
    for label in sorted({e.type for e in of}):
        rows = reader.run(
            f"MATCH (v:{label})-[:VARIANT_OF*1..{VARIANT_HOPS}]->(b:{label}) WHERE b.id IN $ids "
            "RETURN DISTINCT v.id AS variant, b.id AS base",
            {"ids": [e.id for e in of if e.type == label]},
        )
        for row in sorted(rows, key=lambda r: (r["variant"], r["base"])):
            found.setdefault(row["variant"], row["base"])
    return {key: base for key, base in found.items() if key not in {e.id for e in of}}


def checked(label: str) -> str:
    """`label` when it is an entity type; labels go into query text, so only known ones may."""
    if label not in ENTITY_TYPES:
        raise ValueError(f"unknown entity type {label!r}")
    return label


def choose_types(asked: tuple[str, ...]) -> tuple[str, ...]:
    """The entity types `asked` names (any case), all of them when nothing is asked; AnswerError names an unknown one."""
    if not asked:
        return ENTITY_TYPES
    by_fold = {label.casefold(): label for label in ENTITY_TYPES}
    for name in asked:
        if name.casefold() not in by_fold:
            raise AnswerError(f"unknown type '{name}'; choose from {', '.join(ENTITY_TYPES)}")
    return tuple(label for label in ENTITY_TYPES if label.casefold() in {n.casefold() for n in asked})
