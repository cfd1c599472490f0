"""Neo4j 5 as the store for real use: loading the graph, and reading it back.

Loading is batched `UNWIND $rows ...`, one query text per node label and per
(start label, relationship type, end label), so that every row finds its
nodes through the uniqueness constraints' indexes (`schemas/neo4j/`). Labels
and relationship types are spliced into the query text only after they are
found in the fixed lists of `kg.graph` (`LABELS`, `RELATIONSHIP_TYPES`);
everything that comes from input text travels as a parameter. Each batch is
one managed transaction (`session.execute_write`), which the driver retries
on transient errors.

What makes a load fast (issue 10; `scripts/bench_neo4j.py` measures it):
about 10,000 rows per query, the UNWIND sweet spot; CREATE instead of MERGE
for labels and types that were empty when the load began (a first load);
and a hash of each row's properties, stored as `h`, so that a re-load reads
back only ids and hashes and writes just the rows that changed. Batches run
one after another: relationships of different papers share entity nodes,
and concurrent transactions that lock one node in different orders
deadlock; one stream of large batches keeps the server busy without that.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, fields
from itertools import chain
from typing import Any
from urllib.parse import urlsplit

import networkx as nx

from kg.graph import ENTITY_LABELS, LABELS, RELATIONSHIP_TYPES
from kg.store.neo4j_rows import DEFAULT_BATCH_SIZE, HASH, check_rows, node_rows, prepared, query, relationship_rows, schema_statements

DEFAULT_URI = "bolt://localhost:7687"
SCHEMES = ("bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc")


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


def check_uri(uri: str) -> str:
    """`uri` if the driver can use it, else a one-line `Neo4jError` (the driver's own errors are tracebacks)."""
    parts = urlsplit(uri)
    if parts.scheme not in SCHEMES:
        raise Neo4jError(f"{uri}: not a Bolt URI; use bolt://HOST:7687 or neo4j://HOST:7687 (or the +s and +ssc forms)")
    try:
        port = parts.port
    except ValueError:  # not a number, or above 65535
        port = 0
    if port is not None and port < 1:
        raise Neo4jError(f"{uri}: the port must be a number from 1 to 65535 (Neo4j's Bolt port is 7687)")
    if not parts.hostname:
        raise Neo4jError(f"{uri}: no host name; use bolt://HOST:7687")
    return uri


@dataclass
class LoadReport:
    """The driver's counters, summed over every batch of a load, and the rows found unchanged."""

    nodes_created: int = 0
    relationships_created: int = 0
    properties_set: int = 0
    labels_added: int = 0
    constraints_added: int = 0
    indexes_added: int = 0
    rows_unchanged: int = 0
    batches: int = 0

    def add(self, counters: Any) -> None:
        for name in ("nodes_created", "relationships_created", "properties_set", "labels_added", "constraints_added", "indexes_added"):
            setattr(self, name, getattr(self, name) + getattr(counters, name))

    def __str__(self) -> str:
        return ", ".join(f"{getattr(self, f.name)} {f.name.replace('_', ' ')}" for f in fields(self))


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

    check_uri(settings.uri)
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


def _write(tx: Any, query_text: str, rows: list[dict]) -> Any:
    return tx.run(query_text, rows=rows).consume().counters


def _unchanged(tx: Any, query_text: str, rows: list[dict]) -> set[int]:
    return {record["i"] for record in tx.run(query_text, rows=rows)}


def empty_kinds(db: Any) -> set[str]:
    """The labels and relationship types that hold nothing yet (read from the count store, so instant)."""
    empty = {label for label in LABELS if not db.run(f"MATCH (n:{label}) RETURN count(n) AS c").single()["c"]}
    return empty | {t for t in RELATIONSHIP_TYPES if not db.run(f"MATCH ()-[r:{t}]->() RETURN count(r) AS c").single()["c"]}


def load_rows(
    db: Any,
    node_batches: Iterable[tuple[str, list[dict]]],
    relationship_batches: Iterable[tuple[tuple[str, str, str], list[dict]]],
    batch_size: int = DEFAULT_BATCH_SIZE,
    progress: Callable[[LoadReport, int], None] | None = None,
) -> LoadReport:
    """Apply the schema, then write every node, then every relationship, in batches of one kind.

    Node rows are `{"id", "props"}`, relationship rows `{"start", "end",
    "props"}`, one row per node or relationship (rows of one key given twice
    are the caller's bug). Both iterables may be generators; only one batch
    per kind is held at a time.

    A label or type that was empty when the load began is written with
    CREATE: every row is new, so the existence check of MERGE is saved. For
    the others, one read per batch finds the rows whose stored hash `h`
    matches and only the rest are MERGEd, so a re-load of unchanged data
    writes nothing. Every batch is one managed transaction, committed
    before the next, so an interrupted load is completed by running it
    again (what was written is then no longer empty, so it is MERGEd).
    `progress(report, rows)` is called after each batch; an exception it
    raises stops the load with every earlier batch committed.
    """
    report = apply_schema(db)
    empty = empty_kinds(db)
    for kind, rows in chain(prepared(node_batches, batch_size), prepared(relationship_batches, batch_size)):
        new = (kind if isinstance(kind, str) else kind[1]) in empty
        todo = rows
        if not new:
            same = db.execute_read(_unchanged, query(kind, "check"), check_rows(rows))
            todo = [row for i, row in enumerate(rows) if i not in same]
            report.rows_unchanged += len(rows) - len(todo)
        if todo:
            report.add(db.execute_write(_write, query(kind, "create" if new else "merge"), todo))
        report.batches += 1
        if progress:
            progress(report, len(rows))
    return report


def load_graph(
    db: Any,
    graph: nx.MultiDiGraph,
    batch_size: int = DEFAULT_BATCH_SIZE,
    progress: Callable[[LoadReport, int], None] | None = None,
) -> LoadReport:
    """`load_rows` of a networkx graph in `kg.graph`'s shape: labels in `LABELS` order, kinds sorted."""
    nodes = node_rows(graph)
    rels = relationship_rows(graph)
    return load_rows(db, ((label, nodes[label]) for label in LABELS if label in nodes),
                     ((kind, rels[kind]) for kind in sorted(rels)), batch_size, progress)

def kg_nodes_clause(var: str = "n") -> str:
    """`n:Paper OR n:Model OR ...`: a predicate for the nodes kg writes, from the fixed label list."""
    return " OR ".join(f"{var}:{label}" for label in LABELS)


def read_graph(db: Any) -> nx.MultiDiGraph:
    """The graph kg loaded into Neo4j, in the shape of `kg.graph.build_graph` (ordered by id; hashes left out)."""
    graph = nx.MultiDiGraph()
    nodes = db.run(
        f"MATCH (n) WHERE {kg_nodes_clause()} "
        "RETURN n.id AS id, [l IN labels(n) WHERE l IN $labels][0] AS label, properties(n) AS props ORDER BY id",
        labels=list(LABELS),
    )
    for record in nodes:
        props = {k: v for k, v in record["props"].items() if k not in ("id", HASH)}
        if record["label"] in ENTITY_LABELS:
            props.setdefault("aliases", [])  # a bulk import stores no empty list
        graph.add_node(record["id"], label=record["label"], **props)
    rels = db.run(
        f"MATCH (a)-[r]->(b) WHERE ({kg_nodes_clause('a')}) AND type(r) IN $types "
        "RETURN a.id AS start, type(r) AS type, b.id AS end, properties(r) AS props ORDER BY start, type, end",
        types=list(RELATIONSHIP_TYPES),
    )
    for record in rels:
        props = {k: v for k, v in record["props"].items() if k != HASH}
        graph.add_edge(record["start"], record["end"], key=record["type"], **props)
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
