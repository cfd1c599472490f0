"""Names said once in one capitalised plain word: "18.6 for Heron", "above Tessel (47.5)", "relaxed with Rosetta.".

A baseline or a tool is often named once, in a plain word that no shape
marks (`Sophia`, `Medusa`, `Contriever`, `Hyperband`). What marks it is
the sentence around it. A comparison: a word that compares ("compared
with", "against", "above", "outperforming") earlier in the sentence, and a
score beside the word, either before it and "for" ("18.6 for Heron") or
after it in parentheses ("Tessel (47.5)", a decimal or a percentage, never
a year: "Smith (2020)" cites). Or a cue of use right before it and a
clause's end right after it ("stopped early by Hyperband,", "relaxation
with Rosetta."): a plain word that goes on ("with Bash and SQL", "using
Fourier series") is no name. The word must be capitalised mid-sentence,
unlisted and not one the guidelines rule out; its type comes from the
sentence (`kg.extract.entity_types`). The last word of a longer name the
paper wrote before is a short form of that name ("AutoDock Vina", then
"22.9% for Vina alone").
"""

from __future__ import annotations

import numpy
from spacy.strings import get_string_id
from spacy.tokens import Doc

from kg.extract import flags, lexicon
from kg.extract.boundaries import unlisted_capital
from kg.extract.candidates import Candidate, covered
from kg.extract.noun_phrases import COMPOUND_STOPS

# Words that set one system's score against another's.
COMPARING = frozenset(
    "compared comparison versus vs vs. against than above below over outperforming outperforms outperformed surpassing surpasses "
    "surpassed beating beats ahead whereas while".split()
)
# How far back in the sentence a comparing word is looked for.
REACH = 30
FOR = get_string_id("for")
# What ends the clause after a name a cue of use introduces. Not after an article: a name said once is written bare, and
# "work with the Team." capitalises a common noun.
CLAUSE_ENDS = frozenset({",", ".", ";", ")"})


def said_once(
    doc: Doc, bits: numpy.ndarray, links: list[int], opens: list[int], found: list[Candidate], title_end: int
) -> list[Candidate]:
    """One capitalised plain word a compared score stands beside, or that a cue of use introduces at a clause's end (see
    the module's docstring). `bits` are the doc's `kg.extract.flags` bits (its hashes are read from `flags.ids`,
    a list, whose item is read 8x faster than an array's), `links` the positions of cues of use and "for" (`flags.LINK`),
    `opens` those of "(": the places are picked out by their bits and the words read by their hashes, so that only
    the few that may hold a name are made tokens. A word a name found already covers is left to it."""
    orth = flags.ids(doc)
    n_tokens = len(doc)
    strings = doc.vocab.strings
    places = []
    for i in links:
        if i + 2 >= n_tokens or not bits[i + 1] & flags.TITLE:
            continue  # most words after "with", "by" or "for" are no capitalised plain words
        if orth[i] == FOR:
            if i > 0 and bits[i - 1] & flags.NUMBER and not _modifies(strings[orth[i + 2]]):
                places.append((i + 1, True))  # "18.6 for Heron"; not "for Thompson sampling": the word modifies a noun
        elif strings[orth[i + 2]] in CLAUSE_ENDS:
            places.append((i + 1, False))  # "stopped early by Hyperband,"
    for i in opens:
        if 0 < i < n_tokens - 1 and bits[i + 1] & flags.NUMBER and bits[i - 1] & flags.TITLE:
            score = strings[orth[i + 1]]
            if ("." in score or score.endswith("%")) and not (i > 1 and strings[orth[i - 2]][:1].isupper()):
                places.append((i - 1, True))  # "Tessel (47.5)"; not "Anomaly Transformer (92.3)": the word ends a longer name
    if not places:
        return []
    taken = covered(found)
    added = []
    for at, compared in places:
        if at in taken or not unlisted_capital(doc[at], title_end) or lexicon.is_excluded(doc[at].text) or compared and not _compares(doc, bits, at):
            continue
        added.append(Candidate(at, at + 1, "cue", None, _longer_name(doc, doc[at].text, found)))
        taken.add(at)
    return added


def _longer_name(doc: Doc, word: str, found: list[Candidate]) -> str | None:
    """The longer name found already that ends in `word`, of which it is a short form: "AutoDock Vina", then "22.9% for Vina"."""
    return next((doc[c.start : c.end].text for c in found if c.end - c.start > 1 and doc[c.end - 1].text == word), None)


def _modifies(word: str) -> bool:
    """`word`, after a name, makes the name a modifier: "for Thompson sampling", "for English translation"."""
    return word.isalpha() and word.islower() and word not in COMPOUND_STOPS and word != "alone"


def _compares(doc: Doc, bits: numpy.ndarray, at: int) -> bool:
    """A comparing word stands in the sentence before `doc[at]`."""
    for i in range(at - 1, max(-1, at - REACH), -1):
        if bits[i] & (flags.END | flags.NEWLINE):
            return False
        if doc[i].lower_ in COMPARING:
            return True
    return False
