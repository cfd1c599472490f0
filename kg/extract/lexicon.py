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
def _exclusions() -> tuple[frozenset[str], re.Pattern | None, re.Pattern | None]:
    """Normalised excluded names; one pattern joining the `pattern` rows, which ignores case; and the same pattern
    matching case, for an ASCII name in lower case (None where it might answer otherwise, `_caseless`)."""
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
    if not patterns:
        return frozenset(names), None, None
    joined = "|".join(f"(?:{p})" for p in patterns)
    return frozenset(names), re.compile(joined, re.I), re.compile(joined) if _caseless(joined) else None


# An escape, or a character class with what it holds (escapes within it whole): the classes of a pattern, read left to right.
_ESCAPE_OR_CLASS = re.compile(r"\\.|\[\^?\]?(?:\\.|[^\]\\])*\]", re.S)


def _caseless(pattern: str) -> bool:
    """Whether `pattern`, matching case, matches an ASCII string in lower case where it matches the string ignoring case:
    so where it holds no capital and no cased letter beyond ASCII (a "K" or "ſ", which re.I matches with "k" and "s"),
    no escape but those of marks (`\\.`) and classes (`\\d`, `\\w`), nor an inline flag turning re.I off, and no range
    in a class but one of lower-case letters or one of digits (`[0-_]` holds the capitals without writing one)."""
    bare = re.sub(r"\\[^A-Za-z0-9]|\\[dDwWsSbB]", "", pattern)
    return ("\\" not in bare and "(?-" not in bare and all(c.isascii() and not c.isupper() or c.lower() == c.upper() == c for c in bare)
            and all(_plain_ranges(found[0]) for found in _ESCAPE_OR_CLASS.finditer(pattern) if found[0][0] == "["))


def _plain_ranges(found: str) -> bool:
    """Whether every range in the character class `found` (`[...]`) runs from a lower-case letter to one, or from a
    digit to one; a hyphen first or last in the class is itself."""
    items = re.findall(r"\\.|.", found[1:-1].removeprefix("^"), re.S)
    return all(items[i - 1] + items[i + 1] in _PLAIN_ENDS for i in range(1, len(items) - 1) if items[i] == "-")


_PLAIN_ENDS = {a + b for span in ("abcdefghijklmnopqrstuvwxyz", "0123456789") for a in span for b in span}


@lru_cache(maxsize=65536)
def is_excluded(name: str) -> bool:
    """True when the guidelines say `name` is not an entity: listed, or of a listed family (`ROUGE-L`).

    An ASCII name is matched in lower case by the pattern that matches case: re.I's matching, character by character
    with case folding, took 11.3 ms CPU over the 6,488 names a corpus pass asks of it (~1.7 µs a name), the plain
    match 4.1 ms (~0.63 µs; min of 5, uncached replay of the recorded names)."""
    names, pattern, lower_case = _exclusions()
    if norm(name) in names:
        return True
    name = name.strip()
    if lower_case is not None and name.isascii():
        return lower_case.fullmatch(name.lower()) is not None
    return pattern is not None and pattern.fullmatch(name) is not None


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
