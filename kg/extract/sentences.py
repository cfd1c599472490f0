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
        ends, breaks = flags.positions(bits, flags.END, flags.NEWLINE)
        starts = [0]
        # A sentence starts at the first word after each sentence-ending character; punctuation never starts one. An
        # array's `item` hands back a Python int, where indexing makes a numpy scalar whose `&` is a ufunc's call.
        item = bits.item
        for end in ends:
            i = end + 1
            while i < n and item(i) & SKIPPED:
                i += 1
            if i < n and i > starts[-1]:
                starts.append(i)
        if breaks and (title := breaks[0] + 1) < n and title not in starts:
            insort(starts, title)  # the word after the title's line break; the starts stay sorted, each once
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
