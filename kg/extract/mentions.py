"""One mention of a name in a paper and one sentence, as plain data, and the cached name key.

`kg_names` leaves its finds on the doc as `doc._.kg_mentions`; the steps
after it (grouping, roles, results) read each one's text, offsets, label,
key and origin many times. A spaCy Span would rebuild its text and look up
extension attributes on every read, and setting `doc.ents` re-walks the
doc, so a mention is plain data. Its attribute names are a Span's. It is
not frozen: a frozen dataclass is several times slower to make, and
nothing changes a mention once `kg_names` has made it. A sentence is plain
data for the same reason: `Doc.sents` makes a Span per sentence, and roles
and results read their bounds again and again.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from kg import records

# The scorer's normalisation, cached: the same few names are normalised again and again.
norm = lru_cache(maxsize=1 << 16)(records.norm)
# Where spaCy keeps a doc's `doc._.kg_mentions` (the extension `kg_names` sets): in `doc.user_data`, under
# `Underscore._get_key`'s key. `kg_names` writes it and extraction reads it there (~0.1 µs a doc): `doc._` makes an
# Underscore and looks the extension up first (~1.0-1.8 µs a doc, each way).
MENTIONS_KEY = ("._.", "kg_mentions", None, None)


@dataclass(slots=True)
class Mention:
    start: int
    end: int
    start_char: int
    end_char: int
    label_: str
    id_: str
    text: str
    origin: str


@dataclass(slots=True)
class Sentence:
    """A sentence's token and character bounds, named as a Span's (`end_char` excludes trailing space)."""

    start: int
    end: int
    start_char: int
    end_char: int
