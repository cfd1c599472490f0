"""Reading a whole store back as plain, comparable data (for tests that compare stores)."""

from __future__ import annotations

import json

from kg.store import EmbeddedStore
from kg.store.embedded import schema_statements


def _tables(store: EmbeddedStore) -> tuple[list[str], list[str]]:
    rows = list(store.run("CALL show_tables() RETURN name, type"))
    return sorted(r["name"] for r in rows if r["type"] == "NODE"), sorted(r["name"] for r in rows if r["type"] == "REL")


def _plain(value: dict) -> str:
    return json.dumps({k: v for k, v in value.items() if not k.startswith("_")}, sort_keys=True, default=str)


def snapshot(path, internal: bool = True) -> dict[str, list[str]]:
    """Every node and relationship of the store with all properties, sorted, keyed by table."""
    assert schema_statements()
    with EmbeddedStore(path, read_only=True) as store:
        nodes, rels = _tables(store)
        out = {}
        for table in nodes:
            if table == "KgMeta" or (table.startswith("Kg") and not internal):
                continue
            out[table] = sorted(_plain(r["n"]) for r in store.run(f"MATCH (n:{table}) RETURN n"))
        for table in rels:
            out[table] = sorted(
                f"{r['a']} -> {r['b']} {_plain(r['r'])}" for r in store.run(f"MATCH (a)-[r:{table}]->(b) RETURN a.id AS a, b.id AS b, r")
            )
    return out


def counts(snap: dict[str, list[str]]) -> dict[str, int]:
    return {table: len(rows) for table, rows in snap.items()}
