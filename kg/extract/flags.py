"""Decisions about one string, made once per distinct string and packed into one lexeme attribute.

Most tokens of an abstract are plain words, and walking a Doc token by
token in Python costs more than tokenizing it. So the questions asked of a
token's text alone ("could this start a name by its shape?", "is this a
naming cue?", "does it end a sentence?") are answered when spaCy first
sees a string, as bits of one number stored on its lexeme, and
`Doc.to_array` reads them for a whole doc in C. Only the few flagged tokens
are then looked at in Python.

Why one number and not spaCy's lexeme flags: `Doc.to_array` costs about
the same per column as tokenizing costs per token, and a flag takes a
column of its own. So the bits, and the string's length, are packed into
the lexeme's `rank` (spaCy's `ID` attribute), which only indexes word
vectors, and a blank pipeline has none. `columns(doc)` reads them, with
each token's ORTH and IDX, in one call, once per doc.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TypeVar

import numpy
from spacy.attrs import ID, IDX, ORTH
from spacy.lang.en import lex_attrs as english
from spacy.lang import lex_attrs
from spacy.pipeline import Sentencizer
from spacy.tokens import Doc
from spacy.vocab import Vocab

from kg.extract import lexicon, shapes
from kg.extract.cues import CUED_TECHNIQUE_HEADS, HEAD_TYPE, NAMING_CUES, NETWORK_HEADS, NETWORK_WORDS, PROPOSE_VERBS, TECHNIQUE_HEADS, TITLED_TECHNIQUE_HEADS, USE_CUES
from kg.extract.mentions import norm

SENTENCE_PUNCT = frozenset(Sentencizer.default_punct_chars)


# The bits of a lexeme's packed number; its length sits above them.
SHAPE = 1  # may be a name by its shape alone (`AgentGym`, `Llama-3.1-8B`, `WebArena-Lite`, `wav2vec`)
CUE = 2  # a naming cue ("dubbed") or a proposing verb ("introduces")
ARENA_HEAD = 4  # a head noun of datasets, environments or architectures ("dataset", "simulator", "Network")
END = 8  # a character spaCy's sentencizer ends sentences at
NEWLINE = 16  # whitespace holding a line break (the title's end)
PUNCT = 32  # punctuation (spaCy's `is_punct`)
SIZE = 64  # a parameter count (`7B`, `8x7B`)
NUMBER = 128  # a number or a percentage (`96`, `2.1`, `41%`)
ET = 256  # "et" (of "et al.")
AL = 512  # a word starting "al" ("al.")
CLOSER = 1024  # a word that may close the name before it (`VGG Net`, "Transformer distillation", `DeepLabv3+`, `SQuAD v1.1`, `MultiWOZ 2.1`, `Point Transformer V3`, `iNaturalist 2018`)
TECHNIQUE = 2048  # a head noun of technique names ("learning", "prompting", "networks", "matching"): `kg.extract.terms`
OPEN = 4096  # "(": an acronym's definition opens ("Long Form (LF)")
CLOSE = 8192  # ")"
LINK = 16384  # a cue of use ("with", "by") or "for": what may stand before a name said once (`kg.extract.said_once`)
TITLE = 32768  # a capitalised plain word ("Hyperband", "Vina"): what a name said once or a name's last word may be
LENGTH_SHIFT = 16
# Lower-case heads that a kind of layer makes an architecture, beside "network(s)": "gated recurrent units", "Fourier
# neural operator".
UNIT_WORDS = frozenset({"units", "operator", "operators"})
# Lower-case heads of techniques named after a person or a place: "Hungarian matching", "Viterbi decoding".
EPONYM_HEADS = frozenset("matching filter filtering sampling decoding smoothing approximation initialization initialisation dynamics transform algorithm estimator".split())
# Last parts of hyphenated adjectives, never of a technique's name: "task-specific", "long-horizon", "state-aware".
ADJECTIVE_PARTS = frozenset(
    "specific aware free wise level scale shot term horizon based style like grained agnostic oriented centric driven dependent independent "
    "efficient intensive critical quality time world source domain friendly ready box edge truth rich capacity".split()
)
# Prefixes that make ordinary words with a hyphen ("co-occurrence", "post-processing", "re-ranking"), not names.
WORD_PREFIXES = frozenset("co post pre re bi non multi sub inter over under semi anti de".split())
# The words of the LINK bit: the cues of use and "for".
LINK_WORDS = USE_CUES | {"by", "through", "for"}
# Lower-case heads of techniques named by the capitalised word before them, which is the name: "the Lion optimizer" is Lion.
NAMED_BY_HEADS = frozenset("optimizer optimiser attack".split())
# Lower-case heads of techniques said once after a cue of use (`kg.extract.terms`): `CUED_TECHNIQUE_HEADS` and the heads of
# more kinds of technique the field names in plain words ("with speed perturbation", "by k-means clustering", "with early stopping").
CUED_HEADS = CUED_TECHNIQUE_HEADS | frozenset("perturbation fusion clustering averaging interpolation regression stopping ensembling".split())
# Verbs whose object is a game an agent plays ("our agent plays Pokemon Red"): read like the head noun "game".
PLAY_VERBS = frozenset({"play", "plays", "playing", "played"})
# The words among the strings that may close a name; the rest hold a digit or a "+".
CLOSER_WORDS = frozenset({"Net", "distillation"})
CLOSER_TEXT = re.compile(rf"^(?:{'|'.join(sorted(CLOSER_WORDS))}|\+\+?|[vV]\d+(?:\.\d+)*|\d{{4}}|[1-9](?:\.\d)?)$")
NUMBER_TEXT = re.compile(r"^\d+(?:\.\d+)?%?$")
# Where `columns`, `offsets` and `ids` keep what they read of a doc, for the steps after the first.
COLUMNS = "kg_columns"
OFFSETS = "kg_offsets"
IDS = "kg_ids"
# The mask of each set of bits `positions` is asked for.
MASKS: dict[tuple[int, ...], numpy.uint64] = {}
# What `kept` files: a rule's reading of one string.
Reading = TypeVar("Reading")


def may_be_shaped_name(text: str) -> bool:
    """True for strings `kg.extract.candidates.from_shapes` may take, whatever their neighbours."""
    if not text[:1].isalnum() or (text.isalpha() and (text.islower() or text.istitle())):
        return False  # most tokens are plain words
    return _shaped(text)


def _shaped(text: str) -> bool:
    """`may_be_shaped_name` of a string that starts with a letter or digit and is no plain word.

    Asked once per string (by `_bits`, when spaCy makes its lexeme), so not
    kept. Two kinds of string, a third of those asked, are answered by what
    alone can make them shaped: a word of letters only holds no digit
    (`INNER_DIGIT`), is no checkpoint (each of `shapes.is_model_checkpoint`'s
    shapes holds a digit or a hyphen) and has no variant's suffix; a lower-case
    word of letters and hyphens ("multi-agent") holds no digit and no capital,
    which every shape but a listed name's variant ("bert-base") needs. Each
    skips three or four kept predicates, whose caches missed: with `_bits`'
    own shortcut for letters and hyphens, `_bits` of the hook's cold pass
    (7,544 new strings) ~15.6 -> ~11.5 ms (min of 9).
    """
    if text.isalpha():
        return shapes.is_coined(text) and not lexicon.is_excluded(text)
    if text.islower() and letters_and_hyphens(text):
        stem, _, suffix = text.partition("-")
        return bool(suffix) and norm(stem) in lexicon.by_name()
    if shapes.INNER_DIGIT.match(text) or (shapes.is_model_checkpoint(text) and not lexicon.is_excluded(text)):
        return True
    stem, suffix = (shapes.VARIANT_SPLIT.split(text, maxsplit=1) + [""])[:2]
    if suffix and norm(stem) in lexicon.by_name():
        return True
    return shapes.is_coined(text) and not lexicon.is_excluded(text)


def letters_and_hyphens(text: str) -> bool:
    """A word of letters and hyphens that starts with a letter ("multi-agent", "Zero-Shot"): it holds no digit, mark,
    bracket or space, which lets the per-string tests of `_bits`, `_shaped` and `like_num` skip the ones that need one."""
    return text[:1].isalpha() and text.replace("-", "").isalpha()


def may_be_hyphenated_term(text: str) -> bool:
    """A lower-case word of two or three hyphenated parts that may name a technique said once ("back-translation",
    "self-distillation"; `kg.extract.terms`): not a word made with a participle ("human-annotated", "role-playing") or a
    prefix ("co-occurrence", "multi-agent"), nor an adjective ("task-specific", "white-box")."""
    if not (0 < text.count("-") < 3 and text.islower() and text.replace("-", "").isalpha()) or text.startswith("-") or text.endswith("-"):
        return False
    parts = text.split("-")
    return not (parts[0] in WORD_PREFIXES or parts[-1] in ADJECTIVE_PARTS or parts[-1].endswith(("ed", "ing")))


def _table(*entries: tuple[int, Iterable[str]]) -> dict[str, int]:
    """Each string of the `entries` with the bits of all the entries that hold it."""
    table: dict[str, int] = {}
    for bit, strings in entries:
        for string in strings:
            table[string] = table.get(string, 0) | bit
    return table


# The bits that a string's lower-case form decides, those its exact text decides, and those its lower-case form
# decides where it starts with a capital: one lookup each answers what a dozen set lookups would, for every string
# spaCy meets for the first time.
BY_LOWER = _table(
    (CUE, NAMING_CUES | PROPOSE_VERBS),
    (ARENA_HEAD, sorted({word for word, type_ in HEAD_TYPE.items() if type_ in {"Benchmark", "Environment"}} | PLAY_VERBS)),
    (ET, ["et"]),
    (TECHNIQUE, TECHNIQUE_HEADS),
    (LINK, LINK_WORDS),
)
BY_TEXT = _table(
    (ARENA_HEAD, NETWORK_HEADS),
    (END, SENTENCE_PUNCT),
    (CLOSER, CLOSER_WORDS),
    (TECHNIQUE, NETWORK_WORDS | UNIT_WORDS | EPONYM_HEADS | CUED_HEADS | NAMED_BY_HEADS),
    (OPEN, ["("]),
    (CLOSE, [")"]),
)
BY_CAPITALISED = _table((TECHNIQUE, TITLED_TECHNIQUE_HEADS | CUED_HEADS))
# The bits of both of the first two tables, for a lower-case word, its own lower-case form.
BY_LOWER_WORD = {word: BY_LOWER.get(word, 0) | BY_TEXT.get(word, 0) for word in BY_LOWER.keys() | BY_TEXT.keys()}


def _bits(text: str) -> int:
    """The packed number of a string spaCy meets for the first time; cheapest tests first, as a stream of new papers
    keeps bringing new strings, most of them plain words."""
    if text.islower() and text.isalpha():
        # a lower-case word, half the new strings: its own lower-case form, and no capital, line break, punctuation,
        # digit, hyphen, bracket or name's shape (~0.34 -> ~0.2 µs)
        return BY_LOWER_WORD.get(text, 0) | len(text) << LENGTH_SHIFT | (AL if text.startswith("al") else 0)
    lower = text.lower()
    bits = BY_LOWER.get(lower, 0) | BY_TEXT.get(text, 0) | len(text) << LENGTH_SHIFT
    if lower.startswith("al"):
        bits |= AL
    if text[:1].isupper():
        bits |= BY_CAPITALISED.get(lower, 0)
    if text.isalpha():
        # a word holds no line break, punctuation, digit, hyphen or bracket
        return bits | (TITLE if text.istitle() else SHAPE if _shaped(text) else 0)
    if letters_and_hyphens(text):
        # letters and hyphens ("multi-agent", "Zero-Shot"), two thirds of the rest: no line break, punctuation, digit
        # or closer
        return bits | (SHAPE if _shaped(text) else 0) | (TECHNIQUE if may_be_hyphenated_term(text) else 0)
    if text[:1].isdigit() and NUMBER_TEXT.fullmatch(text):
        # a number ("2024", "41%"; not "0\n", which NUMBER_TEXT's `$` takes), a third of the rest: digits are no
        # punctuation, a number no coined name (`shapes.NUMBERISH`), and it holds no hyphen, line break or size's letter
        return bits | NUMBER | (CLOSER if CLOSER_TEXT.match(text) else 0)
    return (
        bits
        | (SHAPE if may_be_shaped_name(text) else 0)
        | (CLOSER if CLOSER_TEXT.match(text) else 0)
        | (TECHNIQUE if may_be_hyphenated_term(text) else 0)
        | (NEWLINE if "\n" in text else 0)
        | (PUNCT if is_punct(text) else 0)
        | (SIZE if shapes.BARE_SIZE.match(text) else 0)
        | (NUMBER if NUMBER_TEXT.match(text) else 0)
    )


# The words spaCy's English `like_num` takes for numbers ("three", "third").
NUMBER_WORDS = frozenset(english._num_words + english._ordinal_words)


def like_num(text: str) -> bool:
    """spaCy's English `like_num`, which the vocab asks of every new string, with a word, hyphenated or not ("multi-agent",
    two thirds of the other new strings), answered by one set lookup instead of two scans of its word lists: a word
    holds no digit, leading sign, comma, full stop or slash, so only the lists can make it one."""
    if text.isalpha() or letters_and_hyphens(text):
        return text.lower() in NUMBER_WORDS
    return english.like_num(text)


def is_punct(text: str) -> bool:
    """spaCy's `is_punct`, which the vocab asks of every new string, with a word answered by one test: a string that
    starts with a letter is no punctuation, and most new strings are words."""
    if text[:1].isalpha():
        return False
    return lex_attrs.is_punct(text)


def register(vocab: Vocab) -> None:
    """Pack the bits of every lexeme of `vocab`, and of every one it makes from now on."""
    if vocab.lex_attr_getters.get(ID) is _bits:
        return
    for lexeme in vocab:
        lexeme.rank = _bits(lexeme.orth_)
    vocab.lex_attr_getters[ID] = _bits


def columns(doc: Doc) -> numpy.ndarray:
    """The doc's ORTH, IDX and packed-bits columns, read once and kept on the doc."""
    found = doc.user_data.get(COLUMNS)
    if found is None or len(found) != len(doc):
        found = doc.user_data[COLUMNS] = doc.to_array([ORTH, IDX, ID])
    return found


def positions(bits: numpy.ndarray, *wanted: int) -> list[list[int]]:
    """The positions of the tokens that have each of the `wanted` bits (single bits), one list per entry.

    A few tokens of a doc are flagged: numpy picks them out in one pass, and
    Python sorts them by flag, each token into the lists of the bits it has
    (most have one, found by one lookup). A numpy pass per flag costs more
    than the tokens it finds, however few, and so does a pass over all the
    flagged tokens per flag. The mask of each set of bits asked for is kept
    as a numpy integer, and `ndarray.nonzero` is a method in C where
    `numpy.flatnonzero` is a Python function: ~11 -> ~9 µs a doc for its two
    calls then (kg_sentences' and kg_names'; kg_sentences now masks its two
    bits itself, which needs no sorting).
    """
    mask = MASKS.get(wanted)
    if mask is None:
        mask = MASKS[wanted] = numpy.uint64(sum(set(wanted)))
    masked = bits & mask
    at = masked.nonzero()[0]
    found: dict[int, list[int]] = {bit: [] for bit in wanted}
    for i, b in zip(at.tolist(), masked[at].tolist()):
        try:
            found[b].append(i)  # one lookup, where `b in found` first took two: ~0.5 µs less a doc for kg_names' call
        except KeyError:  # a token with several of the bits
            while b:
                low = b & -b
                found[low].append(i)
                b ^= low
    return [found[bit] for bit in wanted]


def offsets(doc: Doc) -> tuple[list[int], list[int]]:
    """Each token's character offset and length, as lists (sentences and mentions read them), made once per doc."""
    found = doc.user_data.get(OFFSETS)
    if found is None or len(found[0]) != len(doc):
        packed = columns(doc)
        found = doc.user_data[OFFSETS] = (packed[:, 1].tolist(), (packed[:, 2] >> LENGTH_SHIFT).tolist())
    return found


def ids(doc: Doc) -> list[int]:
    """The doc's ORTH column as a list, made once per doc (3 µs): the steps that read many single hashes read them
    from a list, where an item is read and hashed several times faster than a numpy array's."""
    found = doc.user_data.get(IDS)
    if found is None or len(found) != len(doc):
        found = doc.user_data[IDS] = columns(doc)[:, 0].tolist()
    return found


def span_text(doc: Doc, text: str, start: int, end: int) -> str:
    """`doc[start:end].text`, cut from the doc's `text` at its tokens' offsets, without making a Span."""
    idx, length = offsets(doc)
    return cut(text, idx, length, start, end)


def may_be_titled(text: str, at: int) -> bool:
    """Whether the word at character `at` of `text` may be one `str.istitle` takes: one that starts with an ASCII
    capital or with a character that is not ASCII (a titlecase "ǅ", an uncased "中"). One character is read before a
    Token is made for the whole test: most words beside a name start with a lower-case letter or a mark."""
    first = text[at]
    return first.isupper() or not first.isascii()


def cut(text: str, idx: list[int], length: list[int], start: int, end: int) -> str:
    """`span_text` for a loop that holds the doc's `offsets`: looking them up on the doc costs 0.13 µs a call, three
    times the cut."""
    return text[idx[start] : idx[end - 1] + length[end - 1]]


def kept(table: dict[int, Reading], key: int, reading: Reading) -> Reading:
    """`reading`, what a rule asks of the string of hash `key`, filed in the rule's `table` unless it holds 16,384 already.

    A rule that asks several tests of a word (`heads._head_noun`, `terms._head`) answers them once per distinct string
    and after reads the answers' tuple by the word's hash, `table.get(key)` at the call site, a lookup without a call,
    in place of a string read from the vocab and five to seven tests: from_heads replay 8.8-9.7 -> 7.6-8.9 ms CPU,
    from_repeats 14.0 -> 12.9 (the hook's 5,025 heads are 425 distinct words). Bounded as the tokenizer's caches are,
    per distinct string, for a long run over new papers."""
    if len(table) < 1 << 14:
        table[key] = reading
    return reading
