"""Neo4j 5 as the store for real use: loading the graph, and reading it back.

Loading is batched `UNWIND $rows ... MERGE`, one query text per node label and
per (start label, relationship type, end label), so that every MERGE finds
its nodes through the uniqueness constraints of `schemas/neo4j/`. Labels and
relationship types are spliced into the query text only after they are found
in the fixed lists of `kg.graph` (`LABELS`, `RELATIONSHIP_TYPES`); everything
that comes from input text travels as a parameter. Each batch is one managed
transaction (`session.execute_write`), which the driver retries on transient
errors.

A MERGE matches on `id` and only then writes the properties, and only when
they differ, so loading the same graph twice creates and sets nothing, and a
load interrupted midway is finished by running it again.
"""

from __future__ import annotations

import json
import os
import re
from collections import defaultdict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, fields
from importlib.resources import files
from typing import Any

import networkx as nx

from kg.graph import ENTITY_LABELS, LABELS, RELATIONSHIP_TYPES

DEFAULT_URI = "bolt://localhost:7687"
DEFAULT_BATCH_SIZE = 2000
PRIMITIVES = (str, int, float, bool)


class Neo4jError(Exception):
    """A Neo4j failure said in one line: bad credentials, no server, no such database, bad Cypher."""


@dataclass(frozen=True)
class Neo4jSettings:
    """Where the server is and who we are; `database=None` is the server's default database."""

    uri: str = DEFAULT_URI
    user: str = "neo4j"
    password: str = ""
    database: str | None = None

    @classmethod
    def from_env(cls) -> Neo4jSettings:
        """Settings from `NEO4J_URI`, `NEO4J_USER`, `NEO4J_PASSWORD`, `NEO4J_DATABASE`."""
        return cls(
            uri=os.environ.get("NEO4J_URI") or DEFAULT_URI,
            user=os.environ.get("NEO4J_USER") or "neo4j",
            password=os.environ.get("NEO4J_PASSWORD", ""),
            database=os.environ.get("NEO4J_DATABASE") or None,
        )


@dataclass
class LoadReport:
    """The driver's counters, summed over every batch of a load."""

    nodes_created: int = 0
    relationships_created: int = 0
    properties_set: int = 0
    labels_added: int = 0
    constraints_added: int = 0
    indexes_added: int = 0
    batches: int = 0

    def add(self, counters: Any) -> None:
        for name in ("nodes_created", "relationships_created", "properties_set", "labels_added", "constraints_added", "indexes_added"):
            setattr(self, name, getattr(self, name) + getattr(counters, name))

    def __str__(self) -> str:
        return ", ".join(f"{getattr(self, f.name)} {f.name.replace('_', ' ')}" for f in fields(self))


@dataclass
class Batch:
    """Rows that share one query text: all nodes of a label, or all relationships of one kind."""

    query: str
    rows: list[dict] = field(default_factory=list)


# -- rows ------------------------------------------------------------------


def flatten(props: dict[str, Any]) -> dict[str, Any]:
    """Properties Neo4j can store: no None, no maps, lists of one primitive type.

    A map becomes `key_subkey` properties; a list that holds anything but
    primitives of one type is kept as its JSON text; None is dropped (Neo4j
    has no null property, absence means unknown).
    """
    flat: dict[str, Any] = {}
    for key, value in props.items():
        if value is None:
            continue
        if isinstance(value, dict):
            flat.update({f"{key}_{sub}": v for sub, v in flatten(value).items()})
        elif isinstance(value, (list, tuple, set)):
            items = [item for item in value if item is not None]
            if isinstance(value, set):
                items = sorted(items)
            kinds = {type(item) for item in items}
            flat[key] = items if len(kinds) <= 1 and kinds <= set(PRIMITIVES) else json.dumps(items, ensure_ascii=False, sort_keys=True)
        elif isinstance(value, PRIMITIVES):
            flat[key] = value
        else:
            flat[key] = str(value)
    return flat


def node_rows(graph: nx.MultiDiGraph) -> dict[str, list[dict]]:
    """Per label, one row per node: `{"id", "props"}` with `props` holding `id` too."""
    rows: dict[str, list[dict]] = defaultdict(list)
    for node, data in graph.nodes(data=True):
        label = _checked(data["label"], LABELS, "label")
        props = flatten({k: v for k, v in data.items() if k != "label"})
        rows[label].append({"id": node, "props": {"id": node, **props}})
    return rows


def relationship_rows(graph: nx.MultiDiGraph) -> dict[tuple[str, str, str], list[dict]]:
    """Per (start label, type, end label), one row per edge: `{"start", "end", "props"}`."""
    rows: dict[tuple[str, str, str], list[dict]] = defaultdict(list)
    labels = nx.get_node_attributes(graph, "label")
    for start, end, type_, data in graph.edges(keys=True, data=True):
        kind = (_checked(labels[start], LABELS, "label"), _checked(type_, RELATIONSHIP_TYPES, "relationship type"),
                _checked(labels[end], LABELS, "label"))
        rows[kind].append({"start": start, "end": end, "props": flatten(data)})
    return rows


def _checked(name: str, allowed: tuple[str, ...], what: str) -> str:
    """`name` if it is one of the fixed names kg writes, so no input text reaches a query."""
    if name not in allowed:
        raise ValueError(f"unknown {what} {name!r}: kg writes only {', '.join(allowed)}")
    return name


# -- queries -----------------------------------------------------------------


def node_query(label: str) -> str:
    """MERGE a batch of nodes of one label; write properties only where they differ."""
    label = _checked(label, LABELS, "label")
    return (
        "UNWIND $rows AS row\n"
        f"MERGE (n:{label} {{id: row.id}})\n"
        "WITH n, row WHERE properties(n) <> row.props\n"
        "SET n = row.props"
    )


def relationship_query(start: str, type_: str, end: str) -> str:
    """MERGE a batch of relationships of one type between nodes of two labels."""
    start, end = _checked(start, LABELS, "label"), _checked(end, LABELS, "label")
    type_ = _checked(type_, RELATIONSHIP_TYPES, "relationship type")
    return (
        "UNWIND $rows AS row\n"
        f"MATCH (a:{start} {{id: row.start}})\n"
        f"MATCH (b:{end} {{id: row.end}})\n"
        f"MERGE (a)-[r:{type_}]->(b)\n"
        "WITH r, row WHERE properties(r) <> row.props\n"
        "SET r = row.props"
    )


def batches(graph: nx.MultiDiGraph, size: int = DEFAULT_BATCH_SIZE) -> Iterator[Batch]:
    """The whole load, nodes first (in `LABELS` order), then relationships, `size` rows at a time."""
    if size < 1:
        raise ValueError("batch size must be at least 1")
    nodes = node_rows(graph)
    rels = relationship_rows(graph)
    groups = [(node_query(label), nodes[label]) for label in LABELS if label in nodes]
    groups += [(relationship_query(*kind), rels[kind]) for kind in sorted(rels)]
    for query, rows in groups:
        for at in range(0, len(rows), size):
            yield Batch(query, rows[at : at + size])


def schema_statements() -> list[str]:
    """The statements of `schemas/neo4j/schema.cypher`, comments dropped."""
    text = files("kg.schemas").joinpath("neo4j", "schema.cypher").read_text(encoding="utf-8")
    text = re.sub(r"//[^\n]*", "", text)
    return [" ".join(statement.split()) for statement in text.split(";") if statement.strip()]


# -- the server --------------------------------------------------------------


@contextmanager
def translated(settings: Neo4jSettings) -> Iterator[None]:
    """Turn the driver's exceptions into one-line `Neo4jError`s that say what to do."""
    from neo4j import exceptions as ex

    where = settings.uri
    try:
        yield
    except ex.AuthError:
        raise Neo4jError(f"{where}: authentication failed for user {settings.user!r}; check --neo4j-user/--neo4j-password (NEO4J_USER/NEO4J_PASSWORD)") from None
    except ex.CypherSyntaxError as error:
        raise Neo4jError(f"invalid Cypher: {_one_line(error.message)}") from None
    except ex.ClientError as error:
        if error.code == "Neo.ClientError.Database.DatabaseNotFound":
            raise Neo4jError(f"{where}: database {settings.database!r} does not exist; check --neo4j-database (NEO4J_DATABASE)") from None
        raise Neo4jError(f"{where}: {error.code}: {_one_line(error.message)}") from None
    except ex.ServiceUnavailable as error:
        raise Neo4jError(f"{where}: cannot reach Neo4j ({_one_line(str(error))}); is the server running? (docker compose -f docker/compose.yaml up -d)") from None
    except ex.ConfigurationError as error:
        raise Neo4jError(f"{where}: {_one_line(str(error))}") from None
    except ex.Neo4jError as error:
        raise Neo4jError(f"{where}: {error.code}: {_one_line(error.message)}") from None
    except ex.DriverError as error:
        raise Neo4jError(f"{where}: {_one_line(str(error))}") from None


def _one_line(text: str | None) -> str:
    return " ".join((text or "").split())[:300]


@contextmanager
def session(settings: Neo4jSettings, **config: Any) -> Iterator[Any]:
    """A session on `settings.database`, connectivity checked, errors translated."""
    from neo4j import GraphDatabase

    with translated(settings):
        with GraphDatabase.driver(settings.uri, auth=(settings.user, settings.password), connection_timeout=10) as driver:
            driver.verify_connectivity()
            with driver.session(database=settings.database, **config) as opened:
                yield opened


def apply_schema(db: Any) -> LoadReport:
    """Create the constraints and indexes that are missing; existing ones are left alone."""
    report = LoadReport()
    for statement in schema_statements():
        report.add(db.run(statement).consume().counters)
    return report


def _write(tx: Any, query: str, rows: list[dict]) -> Any:
    return tx.run(query, rows=rows).consume().counters


def load_graph(
    db: Any,
    graph: nx.MultiDiGraph,
    batch_size: int = DEFAULT_BATCH_SIZE,
    on_batch: Callable[[LoadReport, int], None] | None = None,
) -> LoadReport:
    """Apply the schema, then MERGE `graph` in batches, one managed transaction each.

    `on_batch(report, rows)` is called after each committed batch (progress);
    an exception it raises stops the load with every earlier batch committed.
    """
    report = apply_schema(db)
    for batch in batches(graph, batch_size):
        report.add(db.execute_write(_write, batch.query, batch.rows))
        report.batches += 1
        if on_batch:
            on_batch(report, len(batch.rows))
    return report


def kg_nodes_clause(var: str = "n") -> str:
    """`n:Paper OR n:Model OR ...`: a predicate for the nodes kg writes, from the fixed label list."""
    return " OR ".join(f"{var}:{label}" for label in LABELS)


def read_graph(db: Any) -> nx.MultiDiGraph:
    """The graph kg loaded into Neo4j, in the shape of `kg.graph.build_graph` (ordered by id)."""
    graph = nx.MultiDiGraph()
    nodes = db.run(
        f"MATCH (n) WHERE {kg_nodes_clause()} "
        "RETURN n.id AS id, [l IN labels(n) WHERE l IN $labels][0] AS label, properties(n) AS props ORDER BY id",
        labels=list(LABELS),
    )
    for record in nodes:
        props = {k: v for k, v in record["props"].items() if k != "id"}
        if record["label"] in ENTITY_LABELS:
            props.setdefault("aliases", [])  # a bulk import stores no empty list
        graph.add_node(record["id"], label=record["label"], **props)
    rels = db.run(
        f"MATCH (a)-[r]->(b) WHERE ({kg_nodes_clause('a')}) AND type(r) IN $types "
        "RETURN a.id AS start, type(r) AS type, b.id AS end, properties(r) AS props ORDER BY start, type, end",
        types=list(RELATIONSHIP_TYPES),
    )
    for record in rels:
        graph.add_edge(record["start"], record["end"], key=record["type"], **record["props"])
    return graph


def clear(db: Any, batch_size: int = 10_000) -> int:
    """Delete the nodes kg writes (and their relationships) and nothing else; returns how many."""
    deleted = 0
    while True:
        count = db.execute_write(
            lambda tx: tx.run(
                f"MATCH (n) WHERE {kg_nodes_clause()} WITH n LIMIT $limit DETACH DELETE n RETURN count(*) AS deleted",
                limit=batch_size,
            ).single()["deleted"]
        )
        deleted += count
        if count < batch_size:
            return deleted
