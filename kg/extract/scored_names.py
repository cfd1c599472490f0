"""Names found because the text reports a score on them, whatever their shape.

A dataset's name is often written in no shape that marks a name:
capitalised plain words ("on Last Letter from 23.8% to 84.2%"), a word
with a lower-case part (`NCBI-disease`, `Amazon-Book`) or a lower-case
word with a number (`newstest2014`), or one or two capitalised words that
the sentence's subject follows ("on Higgs it achieves 73.9%", "on
Yoochoose, SGLR improves Recall@20 to 0.731"). What marks
them is the sentence: a score reported "on" them. Their type comes from the sentence
(`kg.extract.entity_types`), as any name's a cue found.
"""

from __future__ import annotations

import re
from bisect import bisect_left

import numpy
from spacy.tokens import Doc

from kg.extract import flags, lexicon
from kg.extract.boundaries import NOT_MODIFIERS
from kg.extract.candidates import Candidate, covered
from kg.extract.mentions import norm

# No "\b" before "from": a pattern that starts with a literal is found 30x faster, and the token test below is exact.
FROM_NUMBER = re.compile(r"from ~?\d")


def scored_on(doc: Doc, text: str, bits: numpy.ndarray, found: list[Candidate]) -> list[Candidate]:
    """Capitalised words between "on" and "from <score>" are what was scored on: "and on Last Letter from 23.8% to
    84.2%". Their type comes from the sentence (`kg.extract.entity_types`).

    `bits` are the doc's `kg.extract.flags` bits; the numbers are looked for only in a text that has "from" and a
    number after it. A run that a name found already touches is left to it.
    """
    if not FROM_NUMBER.search(text):
        return []  # most abstracts state no "from x% to y%"
    idx, length = flags.offsets(doc)
    numbers = [n for n in numpy.flatnonzero(bits & flags.NUMBER).tolist() if n > 2 and flags.cut(text, idx, length, n - 1, n) == "from"]
    taken = covered(found)
    added = []
    for n in numbers:
        end = n - 1
        if end - 1 in taken:
            continue
        start = end
        while start > 0 and end - start < 3 and doc[start - 1].is_alpha and doc[start - 1].text[:1].isupper() and doc[start - 1].text not in NOT_MODIFIERS:
            start -= 1
        if start == end or start == 0 or doc[start - 1].lower_ not in {"on", "in"} or doc[start].is_sent_start:
            continue
        if not lexicon.is_excluded(doc[start:end].text):
            added.append(Candidate(start, end, "cue"))
            taken.update(range(start, end))
    return added


# "on X" where X is a word with a hyphen or a number inside and a capital or a digit: `NCBI-disease`, `newstest2014`.
# Not an adjective made from a name (`LLM-based`, `GPU-accelerated`), which the tokens after it would need to show.
# What may follow "on": a word shaped like a dataset's name (group 1), or one or two capitalised plain words that the
# sentence's subject follows (group 2: "on Higgs it reaches 73.9%", "On Breast Cancer, our model attains 0.91").
SHAPED = r"(?:the )?([A-Za-z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)+|[a-z]+\d+[a-z0-9]*)(?=[ ,;.])"
# The subject may be a coined name and its verb of scoring: "and on Yoochoose, SGLR improves Recall@20 to 0.731".
NAMED = (
    r"((?:[A-Z][a-z]+|[A-Z]{2,})(?: [A-Z][a-z]+)?)(?:,? (?:it|we|our|they|the model|the method)\b"
    r"|, [A-Z][\w.-]*[A-Z0-9][\w.-]* (?:reaches|achieves|attains|obtains|improves|scores|outperforms|surpasses|lifts)\b)"
)
# Or a score right after it (group 3), a decimal or a percentage: "and on Tmall 38.7", "on ogbn-arxiv 72.9%", "on
# Higgs 73.1% against 76.4%" (not "on Area 5 of X", a part's number).
SCORED = r"((?:[A-Z][a-z]+|[A-Z]{2,}|[a-z]+(?:-[a-z]+)+)(?: [A-Z][a-z]+)?) (?=(?:\d+\.\d+%?|\d+%)[ ,;.])"
# What each of the three starts with: a capital, or a word with a hyphen or a digit (after "the" too). Tested first, it
# turns down most places ("on the", "on a") at once, where trying each branch backtracks over the word (5.2 -> 4.6 ms
# over the hook's 1,086 texts).
ON_WORD = r"(?=[A-Z]|(?:the )?[A-Za-z][A-Za-z0-9]*+-|(?:the )?[a-z]++\d)"
# Two patterns that start with a literal ("on ", "On "): found many times faster than one that starts with "\b[Oo]".
# The space before "on" is looked behind for: the search for a literal prefix stops at each of its first character,
# and a space is a text's commonest (1.23 -> 0.92 ms over the corpus's 362 texts, min of 25, same groups).
ON_NAME = (re.compile(f"on (?<= on ){ON_WORD}(?:{SHAPED}|{NAMED}|{SCORED})"), re.compile(f"On {ON_WORD}(?:{SHAPED}|{NAMED}|{SCORED})"))
NOT_NAME_ENDINGS = ("based", "ed", "ing", "wise", "like", "level", "scale", "style", "free", "aware", "specific", "only")
SCORE = re.compile(r"\d(?:\.\d+)?%|\b\d+\.\d+\b")


def on_scored_shapes(doc: Doc, text: str, found: list[Candidate]) -> list[Candidate]:
    """A word shaped like a dataset's name after "on", in a sentence that reports a score: "on NCBI-disease from 87.8
    to 89.3", "reaches 29.8 BLEU on newstest2014". A token found already, or of an excluded family (a metric, a
    language pair), is left alone."""
    idx = flags.offsets(doc)[0]
    taken = None
    added = []
    for m in (m for pattern in ON_NAME for m in pattern.finditer(text)):
        by_shape = m.group(1) is not None
        group = 1 if by_shape else 2 if m.group(2) else 3
        word = m.group(group)
        start = m.start() - (text[m.start()] == "o")  # " on": the space before it, which the first pattern looks behind for
        if text[start] == "O" and start > 0 and text[start - 1].isalnum():
            continue  # "ExpOn X-1": "On" ends a longer word
        if by_shape and (word.lower().endswith(NOT_NAME_ENDINGS) or not any(ch.isupper() or ch.isdigit() for ch in word)):
            continue  # "on long-horizon tasks", "on LLM-based agents"
        if not by_shape and (word.split()[0] in NOT_MODIFIERS or norm(word) in lexicon.by_name()):
            continue  # "On The ...", and a listed name, found by its list
        stop = text.find(". ", m.end())
        if not SCORE.search(text, max(0, text.rfind(". ", 0, start)), stop if stop > 0 else len(text)):
            continue
        at = m.start(group)
        i = bisect_left(idx, at)
        end = i + 1 + word.count(" ")
        if i >= len(doc) or idx[i] != at or doc[i:end].text != word or lexicon.is_excluded(word):
            continue
        taken = taken if taken is not None else covered(found)
        if not taken.intersection(range(i, end)):
            added.append(Candidate(i, end, "cue"))
    return added
