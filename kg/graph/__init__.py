"""The resolved graph: extractions in, one graph of the shape in `schemas/graph.md` out.

- nodes carry `label` (`Paper`, `Author`, `Model`, `Method`, `Benchmark`,
  `Environment`, `Result`) and their properties; entity nodes are keyed
  `<type>:<normalised name>` (the smallest key of the names joined into the
  entity, `kg.graph.resolve`) and hold `name` and `aliases`;
- edges are keyed by relationship type: the five role edges from a paper to
  an entity carry `role`, `confidence`, `extractor` and the evidence
  (`sentence`, `start`, `end` into the paper's text; the stores call the
  offsets `start_char`, `end_char`); `VARIANT_OF` joins `Llama-3.1-8B` to
  `Llama-3.1`; a result hangs off its paper (`REPORTS`), its subject
  (`ACHIEVES`) and its benchmark (`HAS_RESULT`); `AUTHORED` keeps byline order.

`build_graph` builds it in memory in one step; the embedded store builds it
batch by batch with the same resolution and rows.
"""

from kg.graph.build import build_graph
from kg.graph.resolve import entity_key
from kg.graph.rows import ENTITY_LABELS, LABELS, RELATIONSHIP_TYPES, ROLE_TYPES

__all__ = ["ENTITY_LABELS", "LABELS", "RELATIONSHIP_TYPES", "ROLE_TYPES", "build_graph", "entity_key"]
