"""Fewer garbage collections while kg extracts, builds or exports.

Extraction, a build and an export allocate millions of small objects
(tokens' spans and mentions, records parsed from JSON, rows, the lists
Arrow tables are made from) that hold no cycles and are freed by reference
counting as soon as a batch is done. CPython's collector still runs a
young collection every 700 allocations, and every tenth of those walks the
objects that survived: the build's caches, and in a user's process the
extraction pipeline's some 115,000 objects. That is a quarter of a build's
CPU (20,000 papers: 23.2 CPU s with the default thresholds, 18.8 with
these) and a sixth of extraction's on new papers. Collections stay on,
only rarer, so cyclic garbage is still reclaimed; the outputs do not
change, and the thresholds are restored afterwards, so the caller's
process keeps its own.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

# A young collection every 100,000 allocations (default 700), an older one every 20 of those.
THRESHOLDS = (100_000, 20, 10)


@contextmanager
def fewer_collections() -> Iterator[None]:
    """Raise the collector's thresholds for the duration of the block, then restore them."""
    old = gc.get_threshold()
    gc.set_threshold(*THRESHOLDS)
    try:
        yield
    finally:
        gc.set_threshold(*old)
