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

import re
from bisect import bisect_left

import numpy
from spacy.tokens import Doc

from kg.extract import flags, lexicon
from kg.extract.boundaries import unlisted_capital
from kg.extract.candidates import Candidate
from kg.extract.cues import USE_CUES
from kg.extract.noun_phrases import COMPOUND_STOPS

# Words that set one system's score against another's.
COMPARING = frozenset(
    "compared comparison versus vs vs. against than above below over outperforming outperforms outperformed surpassing surpasses "
    "surpassed beating beats ahead whereas while".split()
)
# How far back in the sentence a comparing word is looked for.
REACH = 30
# A cue of use, one capitalised plain word, and a clause's end: "stopped early by Hyperband,". Not after an article: a name
# said once is written bare, and "work with the Team." capitalises a common noun.
USED = re.compile(r"\b(?:%s) ([A-Z][a-z]+)[,.;)]" % "|".join(sorted(USE_CUES | {"by", "through"})))


def said_once(doc: Doc, text: str, bits: numpy.ndarray, found: list[Candidate], title_end: int) -> list[Candidate]:
    """One capitalised plain word a compared score stands beside, or that a cue of use introduces at a clause's end (see
    the module's docstring). `text` is the doc's, `bits` its `kg.extract.flags` bits; a word a name found already covers
    is left to it."""
    numbers = numpy.flatnonzero(bits & flags.NUMBER).tolist()
    used = [m.start(1) for m in USED.finditer(text, title_end)]
    if not numbers and not used:
        return []
    taken = {i for c in found for i in range(c.start, c.end)}
    # The last word of a longer name found already is a short form of it: "AutoDock Vina", then "22.9% for Vina".
    last_words = {doc[c.end - 1].text: doc[c.start : c.end].text for c in found if c.end - c.start > 1}
    added = []
    n_tokens = len(doc)
    idx = flags.offsets(doc)[0]
    places = [(at, False) for at in (bisect_left(idx, start) for start in used) if at < n_tokens and idx[at] in used]
    for n in numbers:
        if n + 2 < n_tokens and doc[n + 1].lower_ == "for":
            at = n + 2  # "18.6 for Heron"
            after = doc[at + 1] if at + 1 < n_tokens else None
            if after is not None and after.is_alpha and after.is_lower and after.lower_ not in COMPOUND_STOPS and after.lower_ != "alone":
                continue  # "for Thompson sampling", "for English translation": the word modifies a noun
        elif n >= 2 and doc[n - 1].text == "(" and ("." in doc[n].text or doc[n].text.endswith("%")):
            at = n - 2  # "Tessel (47.5)"
            if at > 0 and doc[at - 1].text[:1].isupper():
                continue  # "Anomaly Transformer (92.3)": the word ends a longer name
        else:
            continue
        places.append((at, True))
    for at, compared in places:
        if at in taken or not unlisted_capital(doc[at], title_end) or lexicon.is_excluded(doc[at].text) or compared and not _compares(doc, bits, at):
            continue
        added.append(Candidate(at, at + 1, "cue", None, last_words.get(doc[at].text)))
        taken.add(at)
    return added


def _compares(doc: Doc, bits: numpy.ndarray, at: int) -> bool:
    """A comparing word stands in the sentence before `doc[at]`."""
    for i in range(at - 1, max(-1, at - REACH), -1):
        if bits[i] & (flags.END | flags.NEWLINE):
            return False
        if doc[i].lower_ in COMPARING:
            return True
    return False
