"""`kg_sentences`: sentence starts from token attribute arrays.

The rule is spaCy's `Sentencizer` (a sentence starts at the first word
after a sentence-ending character), plus one: the title is its own
sentence, ending at its line break, so that its lead name can be read as
the paper's proposal. The sentencizer walks the Doc token by token in
Python; the same rule over `Doc.to_array` columns costs a few array
operations per doc.
"""

from __future__ import annotations

import numpy
from spacy.attrs import IS_PUNCT, SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from kg.extract import flags


class SentenceSplitter:
    def __init__(self, nlp: Language):
        self.flags = flags.add_sentence_flags(nlp.vocab)

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        columns = doc.to_array([IS_PUNCT, self.flags.end, self.flags.newline]).astype(bool)
        punct, end, newline = columns[:, 0], columns[:, 1], columns[:, 2]
        # A word starts a sentence when a sentence-ending character stands between it and the word before.
        words = numpy.flatnonzero(~(punct | end))
        ends_seen = numpy.cumsum(end)[words]
        starts = numpy.full(len(doc), -1, dtype="int64")
        starts[words[ends_seen > numpy.concatenate(([0], ends_seen[:-1]))]] = 1
        starts[0] = 1
        breaks = numpy.flatnonzero(newline[:-1])
        if len(breaks):
            starts[breaks[0] + 1] = 1  # the word after the title's line break
        doc.from_array([SENT_START], starts.reshape(-1, 1).astype("uint64"))
        return doc


@Language.factory("kg_sentences")
def make_sentence_splitter(nlp: Language, name: str) -> SentenceSplitter:
    return SentenceSplitter(nlp)
