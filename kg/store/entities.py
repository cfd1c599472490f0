"""Entity resolution's state in the store, and writing what a batch's resolution changed.

Every lookup is by primary key (`UNWIND $keys ... MATCH (x {key: k})`),
which LadybugDB answers from its index; a `WHERE x IN $list` filter, or a
`MERGE`, would scan the table and slow down as the store grows. New rows
are known to be new, so they are plain `CREATE`s from Arrow tables (`copy_rows`).
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Iterable
from functools import cache


from kg.graph.resolve import EntityState, Resolution, mention_keys
from kg.graph.rows import ENTITY_LABELS, role_rank, variant_edges
from kg.records import Extraction
from kg.store.embedded import schema_statements

EDGE = ("from", "to")
ROLE_COLUMNS = (*EDGE, "role", "confidence", "extractor", "sentence", "start_char", "end_char")


def copy_rows(store, table: str, rows: list[dict], columns: tuple[str, ...], pair: tuple[str, str] | None = None) -> None:
    """Insert `rows` (all new) into node table `table`, or rel table `table` between the labels `pair`.

    The rows go in as one Arrow table (`LOAD FROM $rows ... CREATE`), each
    end of a relationship found by its own primary-key `MATCH`: LadybugDB
    reads an Arrow table five times faster than it converts a Python list
    of dicts (`UNWIND $rows`), and the statement stays a `CREATE` inside the
    batch's transaction. Bulk `COPY` would be faster still, but a `COPY`
    inside a transaction is not atomic across a kill in LadybugDB 0.22 (a
    killed build kept a transaction's updates without its copied rows), and
    a build must keep whole batches or nothing.
    """
    if not rows:
        return
    kinds = column_types()[table]
    names = [n for n in columns if n not in EDGE]
    props = ", ".join(f"{n}: c_{n}" for n in names)
    data = {f"c_{n}": (_arrow_type(kinds[n]), [row.get(n) for row in rows]) for n in names}
    if pair is None:
        store.execute(f"LOAD FROM $rows CREATE (:{table} {{{props}}})", {"rows": _arrow_table(data)})
        return
    data = {"c_src": (_arrow_type("STRING"), [row["from"] for row in rows]),
            "c_dst": (_arrow_type("STRING"), [row["to"] for row in rows]), **data}
    store.execute(
        f"LOAD FROM $rows MATCH (a:{pair[0]} {{id: c_src}}) MATCH (b:{pair[1]} {{id: c_dst}}) CREATE (a)-[:{table} {{{props}}}]->(b)",
        {"rows": _arrow_table(data)},
    )


def set_rows(store, table: str, rows: list[dict], columns: tuple[str, ...], key: str = "id") -> None:
    """Set `columns` of the stored nodes of `table` that `rows` name by `key`, from one Arrow table as `copy_rows` does."""
    if not rows:
        return
    kinds = column_types()[table]
    data = {f"c_{n}": (_arrow_type(kinds[n]), [row[n] for row in rows]) for n in (key, *columns)}
    sets = ", ".join(f"x.{n} = c_{n}" for n in columns)
    store.execute(f"LOAD FROM $rows MATCH (x:{table} {{{key}: c_{key}}}) SET {sets}", {"rows": _arrow_table(data)})


@cache
def column_types() -> dict[str, dict[str, str]]:
    """Each table's property types (`STRING[]`, `INT64`), from the DDL a store is created with."""
    found = {}
    for statement in schema_statements():
        match = re.match(r"CREATE\s+(?:NODE|REL)\s+TABLE\s+(\w+)\s*\((.*)\)", statement, re.S | re.I)
        if match:
            parts = [part.split() for part in match.group(2).split(",")]
            found[match.group(1)] = {part[0]: part[1].upper() for part in parts if part and part[0].upper() != "FROM"}
    return found


def _arrow_type(kind: str):
    import pyarrow as pa

    scalar = {"STRING": pa.string(), "INT64": pa.int64(), "DOUBLE": pa.float64(), "BLOB": pa.binary()}
    return pa.list_(scalar[kind[:-2]]) if kind.endswith("[]") else scalar[kind]


def _arrow_table(data: dict[str, tuple]):
    import pyarrow as pa

    return pa.table({name: pa.array(values, type=kind) for name, (kind, values) in data.items()})


class StoreState:
    """`kg.graph.resolve.State` read from the store's `KgNameKey` and `KgEntity` tables."""

    def __init__(self, store):
        self.store = store

    def entity_ids(self, keys: Iterable[str]) -> dict[str, str]:
        found = self.store.columns("UNWIND $keys AS k MATCH (x:KgNameKey {key: k}) RETURN x.key AS key, x.entity AS entity",
                                   {"keys": sorted(keys)})
        return dict(zip(found["key"], found["entity"]))

    def states(self, ids: Iterable[str]) -> dict[str, EntityState]:
        found = self.store.columns(
            "UNWIND $ids AS i MATCH (x:KgEntity {id: i}) RETURN x.id AS id, x.label AS label, x.keys AS keys, x.forms AS forms",
            {"ids": sorted(ids)},
        )
        return {id_: EntityState(id_, label, keys, json.loads(forms))
                for id_, label, keys, forms in zip(found["id"], found["label"], found["keys"], found["forms"])}


class Prefetched:
    """What one resolution reads from a `StoreState` (the entities of the batch's name keys), read now.

    A build reads it inside the transaction of the batch before, which sees
    its own writes, and resolves while that transaction commits: the same
    two lookups `resolve` makes, answered in the same order.
    """

    def __init__(self, state: StoreState, added: Iterable[Extraction], removed: Iterable[Extraction]):
        keys = {k for extraction in (*added, *removed) for entity in extraction.entities for k in mention_keys(entity)}
        self.ids = state.entity_ids(keys)
        self.found = state.states(set(self.ids.values()))

    def entity_ids(self, keys: Iterable[str]) -> dict[str, str]:
        wanted = set(keys)
        return {k: id_ for k, id_ in self.ids.items() if k in wanted}

    def states(self, ids: Iterable[str]) -> dict[str, EntityState]:
        wanted = set(ids)
        return {id_: state for id_, state in self.found.items() if id_ in wanted}


def existing_ids(store, table: str, ids: Iterable[str], column: str = "id") -> set[str]:
    found = store.columns(f"UNWIND $ids AS i MATCH (x:{table} {{{column}: i}}) RETURN x.{column} AS id", {"ids": sorted(set(ids))})
    return set(found["id"])


def _node_rows(states: list[EntityState], label: str) -> list[dict]:
    """The entity nodes' rows (id, name, aliases) of the `label` states among `states`."""
    rows = []
    for state in states:
        if state.label == label:
            name, aliases = state.name_and_aliases()
            rows.append({"id": state.id, "name": name, "aliases": aliases})
    return rows


def apply(store, resolution: Resolution) -> None:
    """Write a batch's resolution: new and renamed entities, merges (edges moved), dropped entities, state.

    A stored entity the batch touched is rewritten only where it changed:
    most batches add counts to thousands of entities and rename a few, and
    every value written is log that a checkpoint has to apply.
    """
    stored = existing_ids(store, "KgEntity", [*resolution.states, *resolution.merged, *resolution.dropped])
    new = [s for i, s in resolution.states.items() if i not in stored]
    for label in ENTITY_LABELS:
        copy_rows(store, label, _node_rows(new, label), ("id", "name", "aliases"))
    for old, target in sorted(resolution.merged.items()):
        _move_edges(store, resolution.states[target].label, old, target)
    gone = sorted({*resolution.merged, *resolution.dropped})
    for label in ENTITY_LABELS:
        store.execute(f"UNWIND $ids AS i MATCH (e:{label} {{id: i}}) DETACH DELETE e", {"ids": gone})
    store.execute("UNWIND $ids AS i MATCH (x:KgEntity {id: i}) DELETE x", {"ids": gone})
    kept = [s for i, s in resolution.states.items() if i in stored]
    renamed = [s for s in kept if not _same_name(s, resolution.before.get(s.id))]
    for label in ENTITY_LABELS:
        set_rows(store, label, _node_rows(renamed, label), ("name", "aliases"))
    recounted = [s for s in kept if not _same_state(s, resolution.before.get(s.id))]
    set_rows(store, "KgEntity", [_state_row(s) for s in recounted], ("keys", "forms"))
    copy_rows(store, "KgEntity", [_state_row(s) for s in new], ("id", "label", "keys", "forms"))
    store.execute("UNWIND $keys AS k MATCH (x:KgNameKey {key: k}) DELETE x", {"keys": resolution.deleted_keys()})
    changed = resolution.changed_keys()
    moved = [{"key": k, "entity": e} for k, e in sorted(changed.items()) if k in resolution.stored_keys]
    set_rows(store, "KgNameKey", moved, ("entity",), key="key")
    copy_rows(store, "KgNameKey", [{"key": k, "entity": e} for k, e in sorted(changed.items()) if k not in resolution.stored_keys],
         ("key", "entity"))


def _state_row(state: EntityState) -> dict:
    return {"id": state.id, "label": state.label, "keys": sorted(state.keys),
            "forms": json.dumps(state.forms, sort_keys=True, ensure_ascii=False)}


def _same_name(state: EntityState, old: EntityState | None) -> bool:
    """Whether the entity node written from `old` already has `state`'s name and aliases.

    The aliases are the forms other than the name, so the same forms and the
    same name are the same node, and finding the name takes no sort.
    """
    return old is not None and bool(old.forms) and old.forms.keys() == state.forms.keys() and old.name() == state.name()


def _same_state(state: EntityState, old: EntityState | None) -> bool:
    return old is not None and sorted(old.keys) == sorted(state.keys) and old.forms == state.forms


def _move_edges(store, label: str, old: str, new: str) -> None:
    """Give entity `new` the edges of `old`, keeping one role edge per paper (`role_rank`)."""
    columns = "r.role AS role, r.confidence AS confidence, r.extractor AS extractor, r.sentence AS sentence, r.start_char AS start_char, r.end_char AS end_char"
    moving = list(store.run(f"MATCH (p:Paper)-[r]->(e:{label} {{id: $old}}) RETURN p.id AS paper, label(r) AS type, {columns}", {"old": old}))
    papers = sorted({row["paper"] for row in moving})
    present = list(store.run(
        f"UNWIND $papers AS pid MATCH (p:Paper {{id: pid}})-[r]->(e:{label} {{id: $new}}) RETURN p.id AS paper, label(r) AS type, {columns}",
        {"papers": papers, "new": new},
    ))
    store.execute(f"UNWIND $papers AS pid MATCH (p:Paper {{id: pid}})-[r]->(e:{label} {{id: $new}}) DELETE r", {"papers": papers, "new": new})
    best: dict[str, dict] = {}
    for row in moving + present:
        if row["paper"] not in best or role_rank(row) < role_rank(best[row["paper"]]):
            best[row["paper"]] = row
    by_type: dict[str, list[dict]] = defaultdict(list)
    for paper, row in best.items():
        by_type[row["type"]].append({**row, "from": paper, "to": new})
    for type_, rows in sorted(by_type.items()):
        copy_rows(store, type_, rows, ROLE_COLUMNS, ("Paper", label))
    for type_ in ("ACHIEVES", "HAS_RESULT"):
        results = [row["id"] for row in store.run(f"MATCH (e:{label} {{id: $old}})-[:{type_}]->(r:Result) RETURN r.id AS id", {"old": old})]
        copy_rows(store, type_, [{"from": new, "to": r} for r in results], EDGE, (label, "Result"))


def update_variants(store) -> int:
    """Make the `VARIANT_OF` edges those of the entities' current names; return how many changed.

    Variants depend on every entity's name, so they are settled once per
    build, over all entities (their number grows far slower than papers').
    """
    entities = []
    for label in ENTITY_LABELS:
        entities += [(label, r["id"], r["name"]) for r in store.run(f"MATCH (e:{label}) RETURN e.id AS id, e.name AS name")]
    wanted = variant_edges(entities)
    present = set()
    for label in ENTITY_LABELS:
        rows = store.run(f"MATCH (a:{label})-[:VARIANT_OF]->(b:{label}) RETURN a.id AS a, b.id AS b")
        present |= {(label, r["a"], r["b"]) for r in rows}
    stale, missing = present - wanted, wanted - present
    if not stale and not missing:
        return 0
    with store.transaction():
        for label in ENTITY_LABELS:
            rows = [{"a": a, "b": b} for lab, a, b in sorted(stale) if lab == label]
            if rows:
                store.execute(f"UNWIND $rows AS r MATCH (a:{label} {{id: r.a}})-[v:VARIANT_OF]->(b:{label} {{id: r.b}}) DELETE v", {"rows": rows})
            rows = [{"from": a, "to": b} for lab, a, b in sorted(missing) if lab == label]
            copy_rows(store, "VARIANT_OF", rows, EDGE, (label, label))
    return len(stale) + len(missing)
