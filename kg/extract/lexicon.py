"""The curated data: well-known entities, and the names the guidelines exclude.

Both are data files, one entry a line, so that they can be checked and
extended by hand. `lexicon.tsv` lists entities of the field with their
type, aliases and the publication or reference work each comes from;
`exclusions.tsv` lists names shaped like entities that the guidelines rule
out (generic classes, tasks, metrics, formalisms, languages, libraries,
organisations), with the kind of each. Rules find the names neither lists.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files

from kg.extract import folding
from kg.records import ENTITY_TYPES, norm


@dataclass(frozen=True)
class Term:
    type: str
    name: str
    aliases: tuple[str, ...]
    source: str


def _rows(filename: str) -> list[tuple[int, list[str]]]:
    text = files("kg.extract").joinpath(filename).read_text(encoding="utf-8")
    return [(n, line.split("\t")) for n, line in enumerate(text.splitlines(), 1) if line.strip() and not line.startswith("#")]


@lru_cache(maxsize=1)
def load() -> tuple[Term, ...]:
    terms = []
    for number, fields in _rows("lexicon.tsv"):
        type_, name, aliases, source = (fields + ["", "", "", ""])[:4]
        if type_ not in ENTITY_TYPES or not name or not source:
            raise ValueError(f"lexicon.tsv:{number}: bad entry {fields!r}")
        terms.append(Term(type_, name, tuple(a for a in aliases.split("|") if a), source))
    return tuple(terms)


@lru_cache(maxsize=1)
def by_name() -> dict[str, Term]:
    """Each term under the normalised form of its name and of every alias."""
    return {norm(n): term for term in load() for n in (term.name, *term.aliases)}


@lru_cache(maxsize=1)
def _exclusions() -> tuple[frozenset[str], re.Pattern | None]:
    """Normalised excluded names, and one pattern joining the `pattern` rows."""
    names, patterns = set(), []
    for number, fields in _rows("exclusions.tsv"):
        if len(fields) != 2 or not norm(fields[1]):
            raise ValueError(f"exclusions.tsv:{number}: bad entry {fields!r}")
        if fields[0] == "pattern":
            try:
                patterns.append(re.compile(fields[1]).pattern)
            except re.error as err:
                raise ValueError(f"exclusions.tsv:{number}: bad pattern: {err}") from None
        else:
            names.add(norm(fields[1]))
    return frozenset(names), re.compile("|".join(f"(?:{p})" for p in patterns), re.I) if patterns else None


@lru_cache(maxsize=65536)
def is_excluded(name: str) -> bool:
    """True when the guidelines say `name` is not an entity: listed, or of a listed family (`ROUGE-L`).

    An ASCII name is matched in lower case without re.I (`kg.extract.folding`): re.I's matching, character by character
    with case folding, took 11.3 ms CPU over the 6,488 names a corpus pass asks of it (~1.7 µs a name), the folded
    match 4.1 ms (~0.63 µs; min of 5, uncached replay of the recorded names)."""
    names, pattern = _exclusions()
    return norm(name) in names or bool(pattern and folding.fullmatch(pattern, name.strip()))


@lru_cache(maxsize=1)
def model_stems() -> tuple[str, ...]:
    """Lower-cased leading words of lexicon model names (`llama`, `qwen`, `gpt`), longest first.

    A token that starts with one of them and goes on with a version or size
    (`Qwen2.5-7B-Instruct`, `Llama-3.1-8B`) is a checkpoint of that family.
    """
    stems = set()
    for term in load():
        if term.type != "Model":
            continue
        for name in (term.name, *term.aliases):
            stem = name.split("-")[0].split(" ")[0].rstrip("0123456789.").lower()
            if len(stem) >= 3 and stem.isalpha():
                stems.add(stem)
    return tuple(sorted(stems, key=len, reverse=True))
