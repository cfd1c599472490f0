"""Decisions about one string, made once per distinct string as spaCy lexeme flags.

Most tokens of an abstract are plain words, and walking a Doc token by
token in Python costs more than tokenizing it. So the questions asked of a
token's text alone ("could this start a name by its shape?", "is this a
naming cue?") are lexeme flags: spaCy computes them when it first sees a
string and `Doc.to_array` reads them for a whole doc in C. Only the few
flagged tokens are then looked at in Python.

spaCy keeps a lexeme only while its vocab is small (10,000 entries); past
that, a new long string's lexeme lives with one doc and its flags are
computed again in the next doc that has it. So the costly decision is also
cached by string here.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from spacy.pipeline import Sentencizer
from spacy.vocab import Vocab

from kg.extract import lexicon, shapes
from kg.extract.cues import HEAD_TYPE, NAMING_CUES, PROPOSE_VERBS
from kg.extract.mentions import norm

SENTENCE_PUNCT = frozenset(Sentencizer.default_punct_chars)


@dataclass(frozen=True)
class NameFlags:
    shape: int  # may be a name by its shape alone (`AgentGym`, `Llama-3.1-8B`, `WebArena-Lite`, `wav2vec`)
    cue: int  # a naming cue ("dubbed") or a proposing verb ("introduces")
    arena_head: int  # a head noun of datasets or environments ("dataset", "simulator")


@dataclass(frozen=True)
class SentenceFlags:
    end: int  # a character spaCy's sentencizer ends sentences at
    newline: int  # whitespace holding a line break (the title's end)


def may_be_shaped_name(text: str) -> bool:
    """True for strings `kg.extract.candidates.from_shapes` may take, whatever their neighbours."""
    if not text[:1].isalnum() or (text.isalpha() and (text.islower() or text.istitle())):
        return False  # most tokens are plain words
    return _shaped(text)


@lru_cache(maxsize=1 << 18)
def _shaped(text: str) -> bool:
    if shapes.INNER_DIGIT.match(text) or (shapes.is_model_checkpoint(text) and not lexicon.is_excluded(text)):
        return True
    stem, suffix = (shapes.VARIANT_SPLIT.split(text, maxsplit=1) + [""])[:2]
    if suffix and norm(stem) in lexicon.by_name():
        return True
    return shapes.is_coined(text) and not lexicon.is_excluded(text)


def add_name_flags(vocab: Vocab) -> NameFlags:
    """Register the name flags on `vocab` (its existing lexemes included) and return their ids."""
    return NameFlags(
        shape=vocab.add_flag(may_be_shaped_name),
        cue=vocab.add_flag(lambda text: text.lower() in NAMING_CUES or text.lower() in PROPOSE_VERBS),
        arena_head=vocab.add_flag(lambda text: HEAD_TYPE.get(text.lower()) in {"Benchmark", "Environment"}),
    )


def add_sentence_flags(vocab: Vocab) -> SentenceFlags:
    return SentenceFlags(end=vocab.add_flag(lambda text: text in SENTENCE_PUNCT), newline=vocab.add_flag(lambda text: "\n" in text))
