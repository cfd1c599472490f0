"""The resolved graph: extractions in, one networkx MultiDiGraph out.

This is the one shape every store and export reads (`schemas/graph.md`):

- nodes carry `label` (`Paper`, `Model`, `Method`, `Benchmark`,
  `Environment`, `Result`) and their properties; entity nodes are keyed
  `<type>:<normalised name>` and hold `name` and `aliases`;
- edges are keyed by relationship type: the five role edges from a paper to
  an entity carry `role`, `confidence`, `extractor` and the evidence
  (`sentence`, `start`, `end` into the paper's text); `VARIANT_OF` joins
  `Llama-3.1-8B` to `Llama-3.1`; a result hangs off its paper (`REPORTS`),
  its subject (`ACHIEVES`) and its benchmark (`HAS_RESULT`).
"""

from kg.graph.build import (
    ENTITY_LABELS,
    LABELS,
    RELATIONSHIP_TYPES,
    ROLE_TYPES,
    build_graph,
    entity_key,
)

__all__ = ["ENTITY_LABELS", "LABELS", "RELATIONSHIP_TYPES", "ROLE_TYPES", "build_graph", "entity_key"]
