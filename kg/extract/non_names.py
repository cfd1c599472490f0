"""What is never a name, however it is shaped: authors, metrics and software.

A metric the field's metric registries define (`kg.extract.metric_names`:
`VMAF`, `DISTS`, `SI-SDR`) is none wherever it stands.

A name followed by "et al." is an author's. A coined shape that a number
measures ("96 FPS", "2.1 EER", "0.5 lDDT") or that "a ... of <number>" frames
("an MPJPE of 38.9 mm", "a normalised CTR of 1.71"), that follows "mean" or
"average" ("the mean GDT-TS reaches") or that a verb changes from one
number to another or by a number ("improves DNSMOS OVRL from 2.48 to 3.29",
"improves LAS by 2.3 points") names a metric, and the guidelines
count no metric as an entity; a metric stays one wherever the paper writes
it, so every mention of its one-word name goes. A year before a name is its
edition, not a measure ("the 2020 DNS Challenge").

A name is a metric's too where the field names a score after what computes
it: "the Inception Score", "a CLAP score of 0.38", "its Elo-MMR score", and
any name ending in "Score" or "Distance" (`Agent Importance Score`,
`PersonaScore`). A dataset's or world's name before "score" stays: "the
HotpotQA score" is the score on a benchmark, which the paper names.

A coined name a word for software follows ("the PyMARL2 codebase", "the
X library") is a library, and one "loss" or "objective" follows ("an
InfoNCE objective") is a loss there: the guidelines count neither as an
entity (a technique's objective is named so too, "the GloVe objective", so
the loss's other mentions stay).
"""

from __future__ import annotations

import re
from functools import lru_cache

import numpy
from spacy.strings import StringStore, get_string_id
from spacy.tokens import Doc

from kg.extract import flags
from kg.extract.candidates import Candidate
from kg.extract.cues import internal_type
from kg.extract.metric_names import is_metric


def drop(doc: Doc, text: str, bits: numpy.ndarray, ets: set[int], found: list[Candidate]) -> list[Candidate]:
    """`found` without authors' names and metrics (see the module's docstring).

    `bits` are the doc's `kg.extract.flags` bits (its hashes are read from `flags.ids`, a list, whose item is read 8x
    faster than an array's), `ets` the positions of "et" (`flags.ET`); a name's words are cut from the doc's `text` at
    their offsets, which costs less than making a Span (1.5 µs each).
    """
    idx, length = flags.offsets(doc)
    orth = flags.ids(doc)
    kept = []
    metrics: set[int] = set()
    scores: set[str] = set()
    software: set[str] = set()
    strings = doc.vocab.strings
    n = len(orth)
    for c in found:
        if c.end in ets and c.end + 1 < len(bits) and bits[c.end + 1] & flags.AL:
            continue
        if c.label is None and (_metric_word(strings, orth[c.start]) if c.end - c.start == 1 else is_metric(flags.cut(text, idx, length, c.start, c.end))):
            continue  # `VMAF`, `DISTS`: a metric the field's registries define (`kg.extract.metric_names`)
        if c.label not in ARENAS and (_measure_word(strings, orth[c.end - 1]) or c.end < n and orth[c.end] in MEASURE_AFTER) and _names_a_score(doc, text, orth, c):
            scores.add(flags.cut(text, idx, length, c.start, c.end))
            continue
        if c.origin == "shape" and c.start > 0 and (bits[c.start - 1] & flags.NUMBER or c.start > 1 and bits[c.start - 2] & flags.NUMBER and _unit_before(doc, c) or _averaged(doc, text, orth, c) or _changed(doc, text, orth, bits, c)
                                                    or _valued(doc, orth, bits, c)):
            if c.end - c.start == 1 and not YEAR.match(doc[c.start - 1].text):  # "the 2020 DNS Challenge": an edition, not a measure
                metrics.add(orth[c.start])
            continue
        # One test for both, as most names are followed by neither (drop replay 12.88 -> 12.33 ms CPU min, hook's 1,086 docs).
        if c.label is None and c.end < n and (after := orth[c.end]) in SOFTWARE_OR_LOSS:
            if after in SOFTWARE_HEADS:
                software.add(flags.cut(text, idx, length, c.start, c.end))
            continue  # "an InfoNCE objective"; other mentions stay, as a technique has an objective too ("the GloVe objective")
        if c.origin == "lexicon" and c.label == "Method" and c.start > 0 and text[idx[c.start]].isupper() and text[idx[c.start - 1]].isupper() and _title_modified(doc, text, c, found):
            continue
        kept.append(c)
    if metrics:
        kept = [c for c in kept if not (c.origin == "shape" and c.end - c.start == 1 and orth[c.start] in metrics)]
    if software:  # "conformers generated with RDKit" after "the RDKit library"
        kept = [c for c in kept if not (c.label is None and flags.cut(text, idx, length, c.start, c.end) in software)]
    if scores:  # "calculating Elo-MMR scores for each" after "its Elo-MMR score"
        kept = [c for c in kept if not (flags.cut(text, idx, length, c.start, c.end) in scores and c.label not in ARENAS)]
    return kept


# A name ending in a word for a measure names a metric: `Agent Importance Score`, `PersonaScore`, `Earth Mover's Distance`.
MEASURE_NAME = re.compile(r"(?:\b|[a-z])(?:Score|Distance)$")
# Capitalised measure words after a name that make the two one metric's name: "the Inception Score".
MEASURE_TITLES = frozenset(get_string_id(w) for w in ("Score", "Distance"))
SCORE = get_string_id("score")  # not "scores", a verb as often: "an Isolation Forest scores 66.5"
# The words after a name that may make it a metric's (`_names_a_score`): `drop` tests these and the name's last word first,
# as most names end in no measure word and are followed by none (7,380 calls a run down to 18).
MEASURE_AFTER = MEASURE_TITLES | {SCORE}
# Words before "X score" that make "score" a noun of which X says what computes it: "a CLAP score", "its Elo-MMR score".
SCORE_DETERMINERS = frozenset(get_string_id(w) for w in ("a", "an", "the", "its", "their", "our", "his", "her", "A", "An", "The", "Its", "Their", "Our"))
ARENAS = {"Benchmark", "Environment"}


@lru_cache(maxsize=1 << 16)
def _metric_word(strings: StringStore, orth: int) -> bool:
    """The word with hash `orth` is a registry's metric (`kg.extract.metric_names`); cached by hash, as names recur."""
    return is_metric(strings[orth])


@lru_cache(maxsize=1 << 16)
def _measure_word(strings: StringStore, orth: int) -> bool:
    """The word with hash `orth` ends in a word for a measure (`PersonaScore`, `Distance`); cached by hash, as names recur."""
    return bool(MEASURE_NAME.search(strings[orth]))


def _names_a_score(doc: Doc, text: str, orth: list[int], c: Candidate) -> bool:
    """`c` names a metric by what computes it (see the module's docstring); a dataset's or world's name before "score" is kept.
    Asked only of a name whose last word is a measure's or that one of `MEASURE_AFTER` follows."""
    if not _measure_word(doc.vocab.strings, orth[c.end - 1]):  # the name's last word: `PersonaScore`, "Agent Importance Score"
        after = orth[c.end]
        if not (after in MEASURE_TITLES or after == SCORE and c.start > 0 and orth[c.start - 1] in SCORE_DETERMINERS):
            return False
    return internal_type(flags.span_text(doc, text, c.start, c.end)) not in ARENAS


# Words after a name that make it software, which the guidelines count as no entity: "the PyMARL2 codebase", "the X library".
SOFTWARE_HEADS = frozenset(get_string_id(w) for w in ("codebase", "codebases", "library", "libraries", "package", "toolbox"))
# Words after a name that make it a loss, which the guidelines count as no entity either: "an InfoNCE objective".
LOSS_HEADS = frozenset(get_string_id(w) for w in ("loss", "losses", "objective"))
SOFTWARE_OR_LOSS = SOFTWARE_HEADS | LOSS_HEADS
YEAR = re.compile(r"^(?:19|20)\d\d$")
# Words before a metric's name, never before a model's or a dataset's: "the mean lDDT", "an average EER".
AVERAGED = frozenset(get_string_id(w) for w in ("mean", "average", "median"))
FROM, THE, OF = get_string_id("from"), get_string_id("the"), get_string_id("of")
FROM_BY = frozenset((FROM, get_string_id("by")))
ARTICLES = frozenset(get_string_id(w) for w in ("a", "an"))


# Verbs that change a quantity from one value to another: "improves DNSMOS OVRL from 2.48 to 3.29".
CHANGES = frozenset("improves improved raises raised increases increased reduces reduced lowers lowered boosts boosted lifts lifted cuts".split())


def _changed(doc: Doc, text: str, orth: list[int], bits: numpy.ndarray, c: Candidate) -> bool:
    """`c` is what a verb changes "from" a number: a quantity, not a system ("improves Llama-3-8B from" names a checkpoint, found otherwise)."""
    if not (c.end + 1 < len(doc) and orth[c.end] in FROM_BY and bits[c.end + 1] & flags.NUMBER):
        return False  # most names are followed by no "from <number>" or "by <number>" ("improves LAS by 2.3 points")
    i = c.start - 1 - (orth[c.start - 1] == THE)
    return i >= 0 and doc[i].lower_ in CHANGES and c.label is None and internal_type(flags.span_text(doc, text, c.start, c.end)) is None


# Units between a number and the metric it measures: "within 2 Å RMSD", "a 3 dB SNR gain", "0.5 mm TRE".
UNITS = frozenset("Å nm mm cm m km px dB ms s Hz kHz".split())


def _unit_before(doc: Doc, c: Candidate) -> bool:
    """`c`, two words after a number, follows a unit, as a metric does: "within 2 Å RMSD"."""
    return doc[c.start - 1].text in UNITS


def _valued(doc: Doc, orth: list[int], bits: numpy.ndarray, c: Candidate) -> bool:
    """`c` is what "a"/"an" and "of <number>" frame: "an MPJPE of 38.9 mm", "a normalised CTR of 1.71" give a measure its
    value; a system or dataset is never "a X of 38.9"."""
    if not (c.end + 1 < len(orth) and orth[c.end] == OF and bits[c.end + 1] & flags.NUMBER and c.label is None):
        return False
    i = c.start - 1
    if i > 0 and doc[i].is_alpha and doc[i].is_lower and orth[i] not in ARTICLES:
        i -= 1  # one adjective between: "a normalised CTR of"
    return orth[i] in ARTICLES


def _title_modified(doc: Doc, text: str, c: Candidate, found: list[Candidate]) -> bool:
    """A listed technique that ends a title's descriptive phrase: "Privileged Teacher Distillation", "Image
    Super-Resolution", "Retrieval-Augmented Transformers". Title case capitalises every word of the phrase, and the
    phrase names what the paper does, not the technique (a coined name the words before it make is found whole).
    Asked only where the name and the word before it start with a capital, which `drop` reads from the text (most
    listed techniques are written in lower case: 2,610 calls a run down to 93)."""
    before = doc[c.start - 1]
    if not (TITLE_WORD.match(before.text) and before.lower_ not in TITLE_LINKS):
        return False
    idx, length = flags.offsets(doc)
    if 0 <= text.find("\n") < idx[c.start - 1] + length[c.start - 1]:
        return False  # not in the title, the paper's first line
    if any(o.start < c.start <= o.end and o is not c for o in found):
        return False  # "GPT-4 Distillation": a name's, not a phrase's
    key = c.key or flags.cut(text, idx, length, c.start, c.end).lower()
    return not any(o.key == key for o in found if o.start > c.end)  # the abstract names the technique itself: its title mention stays


TITLE_WORD = re.compile(r"^[A-Z][a-z]+(?:-[A-Z][a-z]+)*$")  # "Teacher", "Retrieval-Augmented"; not "GPT-4" or "3D"
# Small words a title capitalises that start no descriptive phrase: "Towards Distillation", "Is Distillation Enough?".
TITLE_LINKS = frozenset("a an the of for with and or in on to via from by is are do does towards toward beyond rethinking revisiting".split())


def _averaged(doc: Doc, text: str, orth: list[int], c: Candidate) -> bool:
    """`c` follows "mean"/"average" and nothing in its own shape makes it a dataset or model (`the average FooQA score`)."""
    return orth[c.start - 1] in AVERAGED and c.label is None and internal_type(flags.span_text(doc, text, c.start, c.end)) is None
