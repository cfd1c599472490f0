"""`kg_sentences`: sentence starts from token attribute arrays.

The rule is spaCy's `Sentencizer` (a sentence starts at the first word
after a sentence-ending character), plus one: the title is its own
sentence, ending at its line break, so that its lead name can be read as
the paper's proposal. The sentencizer walks the Doc token by token in
Python; here the lexeme bits of `kg.extract.flags` give the
sentence-ending characters, and only the tokens just after them are looked
at. The starts are also kept in `doc.user_data` (`STARTS`), from which
`sentences(doc)` makes plain `Sentence`s without the Spans of `Doc.sents`.
"""

from __future__ import annotations

from bisect import insort

import numpy
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from kg.extract import flags
from kg.extract.mentions import Sentence

# Where the splitter leaves the token index of each sentence's first token.
STARTS = "kg_sentence_starts"
# What no sentence starts at: punctuation, and the characters that end sentences.
SKIPPED = flags.PUNCT | flags.END
# The tokens a sentence's start is looked for after: the characters that end sentences and the line breaks.
ENDS = numpy.uint64(flags.END | flags.NEWLINE)
NOT_START = 2**64 - 1  # SENT_START's -1, as the uint64 `Doc.from_array` reads


class SentenceSplitter:
    def __init__(self, nlp: Language):
        flags.register(nlp.vocab)

    def __call__(self, doc: Doc) -> Doc:
        n = len(doc)
        if not n:
            doc.user_data[STARTS] = []
            return doc
        bits = flags.columns(doc)[:, 2]
        # A sentence starts at the first word after each sentence-ending character; punctuation never starts one. An
        # array's `item` hands back a Python int, where indexing makes a numpy scalar whose `&` is a ufunc's call. The
        # ends and the line breaks are found by one mask, not by `flags.positions`, which sorts its tokens into a list
        # per bit: kg_sentences after the columns 4.05 -> 3.62 ms a corpus pass (min of 15 x 20, in-process, alternating).
        item = bits.item
        starts = [0]
        title = 0
        for end in (bits & ENDS).nonzero()[0].tolist():
            i = end + 1
            if item(end) & flags.NEWLINE:
                title = title or i  # the word after the title's line break
                continue
            while i < n and item(i) & SKIPPED:
                i += 1
            if i < n and i > starts[-1]:
                starts.append(i)
        if 0 < title < n and title not in starts:
            insort(starts, title)  # the starts stay sorted, each once
        values = numpy.empty((n, 1), dtype=numpy.uint64)
        values.fill(NOT_START)  # `numpy.full` is a Python function around these two: ~1.0 -> ~0.4 µs a doc
        values.put(starts, 1)  # by flat index (one column): empty, fill and mark ~1.7 -> ~1.0 µs a doc, against indexing by a list
        doc.from_array([SENT_START], values)
        doc.user_data[STARTS] = starts
        return doc


def sentences(doc: Doc) -> list[Sentence]:
    """The doc's sentences, as `Doc.sents` gives them, from the starts the splitter left."""
    starts = doc.user_data[STARTS]
    idx, length = flags.offsets(doc)
    ends = starts[1:] + [len(doc)]
    return [Sentence(start, end, idx[start], idx[end - 1] + length[end - 1]) for start, end in zip(starts, ends)]


@Language.factory("kg_sentences")
def make_sentence_splitter(nlp: Language, name: str) -> SentenceSplitter:
    return SentenceSplitter(nlp)
