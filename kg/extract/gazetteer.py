"""The field's well-known names, gathered from the registries the field maintains.

`gazetteer.tsv` ships in the package; `scripts/` holds the script that
builds it from installed packages (dataset catalogues, environment
registries, model-type lists, optimisers and layers), so every row names its
source. Columns: name, type, aliases (`|`-separated), source
(`package==version`), common (1 for a common English word). Where the file
is absent the gazetteer is empty and extraction runs on the lexicon alone.

The curated lexicon wins where both know a name. A common English word
(`Adam`, `Transformer`, `Pile`), and any name written as a plain word,
counts only where written with a capital and with evidence around it: it is
capitalised where a plain word would not be (not at a sentence start, not in
the title), a head noun follows it ("Adam optimizer", "the Pile dataset"), or
a training or evaluation verb governs it ("trained on the Pile").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files
from pathlib import Path

from spacy.tokens import Doc

from kg.extract import lexicon
from kg.extract.cues import HEAD_TYPE
from kg.extract.mentions import norm
from kg.records import ENTITY_TYPES

FILENAME = "gazetteer.tsv"
# Words before a common-word name that make it the thing trained, tested or optimised with.
CUE_BEFORE = re.compile(
    r"\b((pre-?)?train\w*|fine-?tun\w*|evaluat\w*|test\w*|benchmark\w*|optimi[sz]\w*|experiments?|results?)\s+(on|with|using|in)\s+(the\s+)?$",
    re.I,
)


# The endings of architecture names. The model-type registries list architectures (`Informer`, `MobileNet`)
# beside model families; with no version or size in the name it is the architecture, a Method by the guidelines.
NETWORK_DESIGN = re.compile(r"(Net|[Ff]ormer|GAN|CNN|RNN|LSTM)$")


@dataclass(frozen=True)
class Gazetteer:
    terms: tuple[lexicon.Term, ...]
    common: frozenset[int]  # indexes of the terms that are common English words


def parse(text: str, origin: str) -> Gazetteer:
    """The gazetteer in `text`; `origin` names the file in error messages."""
    terms, common = [], set()
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith(("#", "name\t")):
            continue
        fields = (line.split("\t") + ["", "", "", "", ""])[:5]
        name, type_, aliases, source, is_common = (f.strip() for f in fields)
        if not name or type_ not in ENTITY_TYPES or is_common not in {"", "0", "1"}:
            raise ValueError(f"{origin}:{number}: bad entry {line!r}")
        if lexicon.is_excluded(name) or norm(name) in lexicon.by_name():
            continue  # the guidelines rule it out (a library, a metric), or the curated lexicon knows it
        if type_ == "Model" and NETWORK_DESIGN.search(name) and not any(ch.isdigit() for ch in name):
            type_ = "Method"  # `Informer`, `Swin Transformer`, `MobileNet`: a registered model type that names an architecture
        if is_common == "1":
            common.add(len(terms))
        terms.append(lexicon.Term(type_, name, tuple(a for a in aliases.split("|") if a and not lexicon.is_excluded(a)), source))
    return Gazetteer(tuple(terms), frozenset(common))


def load(path: str | None = None) -> Gazetteer:
    """The gazetteer at `path`, else the package's own (empty where it ships none), parsed once per process.

    `load()` and `load(None)` share the one parse: a cache keyed by the
    call's own arguments would parse the package's file once for each.
    """
    return _parsed(path)


@lru_cache(maxsize=4)
def _parsed(path: str | None) -> Gazetteer:
    if path is not None:
        return parse(Path(path).read_text(encoding="utf-8"), path)
    resource = files("kg.extract").joinpath(FILENAME)
    return parse(resource.read_text(encoding="utf-8"), FILENAME) if resource.is_file() else Gazetteer((), frozenset())


def has_evidence(doc: Doc, text: str, start: int, end: int, title_end: int) -> bool:
    """True where the words around `doc[start:end]` show a common word is used as a name."""
    first = doc[start]
    if first.text[:1].isupper() and not first.is_sent_start and first.idx >= title_end:
        return True
    if end < len(doc) and doc[end].lower_ in HEAD_TYPE:
        return True
    return bool(CUE_BEFORE.search(text[max(0, first.idx - 40) : first.idx]))
