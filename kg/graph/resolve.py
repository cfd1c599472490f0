"""Incremental entity resolution: papers arrive in batches, entities stay one.

A *name key* is an entity type and a normalised name (`method:rlhf`). The
names one paper gives as one entity (a name and its aliases, such as `RLHF`
and its expansion) join their keys, across all papers, and an entity is a
group of joined keys: a connected component, whatever order the papers came
in. Its id is the shortest key of the group (ties: the first in sort order;
`RLHF` rather than its expansion), so the id depends only on which keys are
joined, never on arrival order or on counts that change as papers arrive; building in several steps gives the
ids of building in one step. When a new paper joins two stored entities, or
gives a stored entity a smaller key, the entity is re-keyed: the caller moves
the edges of every id in `Resolution.merged` to its new id.

Each entity keeps, per written form, how many papers use it as the name and
how many mention it at all (`EntityState.forms`); its `name` is the form most
papers use, its aliases the other forms. Counts are sums, so they too are
independent of order, and a paper that is re-extracted first takes back its
old counts (`removed`).

The state lives wherever the graph lives: `MemoryState` for an in-memory
build, the embedded store's internal tables for a store (`kg.store`).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Protocol

from networkx.utils import UnionFind

from kg.records import Entity, Extraction, norm


@lru_cache(maxsize=200_000)
def entity_key(type_: str, name: str) -> str:
    """The node id of an entity: its type and normalised name (`model:llama318b`).

    Cached like `norm`: a build keys the same few thousand names over and over.
    """
    return f"{type_.lower()}:{norm(name)}"


def id_order(key: str) -> tuple[int, str]:
    """The order in which a group's keys compete to be its id: shortest first."""
    return (len(key), key)


def mention_keys(entity: Entity) -> list[str]:
    """The name keys one mention of an entity joins: its name's, then its aliases'."""
    return list(_mention_keys(entity.type, entity.name, tuple(entity.aliases)))


@lru_cache(maxsize=200_000)
def _mention_keys(type_: str, name: str, aliases: tuple[str, ...]) -> tuple[str, ...]:
    """`mention_keys`, cached by the mention's names: resolution and `paper_rows` both ask, for every mention."""
    return tuple(dict.fromkeys(entity_key(type_, n) for n in (name, *aliases) if norm(n)))


@dataclass
class EntityState:
    """What resolution knows of one entity: its keys and the forms papers write it in."""

    id: str
    label: str
    keys: list[str] = field(default_factory=list)
    # form -> [papers naming the entity by this form, mentions giving this form at all]
    forms: dict[str, list[int]] = field(default_factory=dict)

    def add(self, entity: Entity, sign: int = 1) -> None:
        for form in dict.fromkeys((entity.name, *entity.aliases)):
            if not norm(form):
                continue
            counts = self.forms.setdefault(form, [0, 0])
            counts[0] += sign * (form == entity.name)
            counts[1] += sign
            if counts[1] <= 0:
                del self.forms[form]

    def absorb(self, other: EntityState) -> None:
        self.keys = sorted(set(self.keys) | set(other.keys))
        for form, (named, mentioned) in other.forms.items():
            counts = self.forms.setdefault(form, [0, 0])
            counts[0] += named
            counts[1] += mentioned

    def name(self) -> str:
        """The name most papers use (ties: the longer, then the later in sort order)."""
        return max(self.forms, key=lambda f: (self.forms[f][0], len(f), f))

    def name_and_aliases(self) -> tuple[str, list[str]]:
        """The name (`name`); every other form is an alias."""
        name = self.name()
        seen = {norm(name)}
        aliases = []
        for alias in sorted(self.forms):
            if norm(alias) not in seen:
                seen.add(norm(alias))
                aliases.append(alias)
        return name, aliases


class State(Protocol):
    """Where resolution reads what earlier batches decided."""

    def entity_ids(self, keys: Iterable[str]) -> dict[str, str]:
        """Stored name key -> entity id, for those of `keys` that are stored."""

    def states(self, ids: Iterable[str]) -> dict[str, EntityState]:
        """Stored entity id -> its state."""


@dataclass
class Resolution:
    """What one batch changes: apply it to the state and the graph."""

    key_ids: dict[str, str]  # every key of the batch's papers and of touched entities -> entity id
    states: dict[str, EntityState]  # every touched entity, by its (new) id
    merged: dict[str, str]  # stored id -> the id it is now part of
    dropped: set[str]  # stored ids no paper names any more
    stored_keys: dict[str, str]  # the key -> id pairs that were stored before the batch
    # the stored entities as they were before the batch, so that a store rewrites only what changed
    before: dict[str, EntityState] = field(default_factory=dict)

    def changed_keys(self) -> dict[str, str]:
        """Key -> id pairs to write: new keys and keys whose entity was re-keyed."""
        return {k: e for k, e in self.key_ids.items() if self.stored_keys.get(k) != e}

    def deleted_keys(self) -> list[str]:
        """Keys of dropped entities."""
        kept = set(self.key_ids)
        return sorted(k for k in self.stored_keys if k not in kept)


def _mentions(extractions: Iterable[Extraction]) -> Iterator[tuple[Entity, list[str]]]:
    for extraction in extractions:
        for entity in extraction.entities:
            keys = mention_keys(entity)
            if keys:
                yield entity, keys


def resolve(state: State, added: Iterable[Extraction], removed: Iterable[Extraction] = ()) -> Resolution:
    """Resolve the entities of `added` against `state`, first taking back `removed` (re-extracted papers)."""
    added, removed = list(_mentions(added)), list(_mentions(removed))
    all_keys = {k for _, keys in added + removed for k in keys}
    stored_keys = state.entity_ids(all_keys)
    stored = state.states(set(stored_keys.values()))
    before = dict(stored)  # only taking back `removed` changes a stored state: that one is copied first
    for state_ in stored.values():
        stored_keys.update({k: state_.id for k in state_.keys})
    for entity, keys in removed:
        owner = stored.get(stored_keys.get(keys[0], ""))
        if owner is not None:
            if before[owner.id] is owner:
                before[owner.id] = EntityState(owner.id, owner.label, list(owner.keys), {f: list(c) for f, c in owner.forms.items()})
            owner.add(entity, -1)
    dropped = {id_ for id_, s in stored.items() if not s.forms}
    groups = UnionFind()
    for _, keys in added:
        groups.union(*keys)
        for key in keys:
            if key in stored_keys and stored_keys[key] not in dropped:
                groups.union(key, ("@", stored_keys[key]))
    for id_, s in stored.items():
        if id_ not in dropped:
            groups.union(("@", id_))
    states: dict[str, EntityState] = {}
    merged: dict[str, str] = {}
    key_ids: dict[str, str] = {}
    owner_of: dict[object, str] = {}
    for members in groups.to_sets():
        old_ids = sorted(m[1] for m in members if isinstance(m, tuple))
        keys = sorted(m for m in members if isinstance(m, str))
        new_id = min(keys + old_ids, key=id_order)
        label = stored[old_ids[0]].label if old_ids else None
        merged_state = EntityState(new_id, label or "", keys)
        for old in old_ids:
            merged_state.absorb(stored[old])
            if old != new_id:
                merged[old] = new_id
        states[new_id] = merged_state
        key_ids.update({k: new_id for k in merged_state.keys})
        for m in members:
            owner_of[m] = new_id
    for entity, keys in added:
        target = states[owner_of[keys[0]]]
        target.label = target.label or entity.type
        target.add(entity)
    for id_ in dropped:
        stored_keys.update({k: id_ for k in stored[id_].keys})
    return Resolution(key_ids, states, merged, dropped - set(states), stored_keys, before)


class MemoryState:
    """Resolution state in dicts: for a graph built in memory in one step."""

    def __init__(self) -> None:
        self.keys: dict[str, str] = {}
        self.entities: dict[str, EntityState] = {}

    def entity_ids(self, keys: Iterable[str]) -> dict[str, str]:
        return {k: self.keys[k] for k in keys if k in self.keys}

    def states(self, ids: Iterable[str]) -> dict[str, EntityState]:
        return {i: self.entities[i] for i in ids}

    def apply(self, resolution: Resolution) -> None:
        for id_ in (*resolution.merged, *resolution.dropped):
            self.entities.pop(id_, None)
        for key in resolution.deleted_keys():
            self.keys.pop(key, None)
        self.keys.update(resolution.key_ids)
        self.entities.update(resolution.states)
