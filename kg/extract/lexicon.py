"""The curated lexicon: well-known entities with their types, aliases and sources.

It is data (`lexicon.tsv`), one entity a line, each with the publication
or reference work it comes from, so that it can be checked and extended by
hand. Rules find the names it does not list.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files

from kg.records import ENTITY_TYPES


@dataclass(frozen=True)
class Term:
    type: str
    name: str
    aliases: tuple[str, ...]
    source: str


@lru_cache(maxsize=1)
def load() -> tuple[Term, ...]:
    terms = []
    text = files("kg.extract").joinpath("lexicon.tsv").read_text(encoding="utf-8")
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        type_, name, aliases, source = (line.split("\t") + ["", "", "", ""])[:4]
        if type_ not in ENTITY_TYPES or not name:
            raise ValueError(f"lexicon.tsv:{number}: bad entry {line!r}")
        terms.append(Term(type_, name, tuple(a for a in aliases.split("|") if a), source))
    return tuple(terms)
