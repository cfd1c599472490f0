"""The type the field's lists give a name: the curated lexicon first, then the registry gazetteer.

Shapes and derived names both ask it: a size word after a listed dataset
(`Hopper-medium-replay`) is a split of that data, not a checkpoint, and a
variant of a listed name (`CIFAR-10-LT`) keeps its type.
"""

from __future__ import annotations

from functools import lru_cache

from kg.extract import gazetteer, lexicon
from kg.extract.mentions import norm


@lru_cache(maxsize=1)
def _gazetteer_types() -> dict[str, str]:
    """The package gazetteer's names and aliases, normalised, with their types (the lexicon's win: `known_type`)."""
    return {norm(n): t.type for t in gazetteer.load().terms for n in (t.name, *t.aliases)}


def known_type(name: str) -> str | None:
    """The type the lexicon, else the gazetteer, gives `name`."""
    key = norm(name)
    term = lexicon.by_name().get(key)
    return term.type if term else _gazetteer_types().get(key)
