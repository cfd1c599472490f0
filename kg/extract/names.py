"""`kg_names`: the spaCy component that finds entity names and their types.

It runs the steps in order: candidates from the lexicon, shapes, cues and
the title (`kg.extract.candidates`), the paper's acronym definitions
(`kg.extract.definitions`), one name per token, repeats of cued names,
sizes after names, size lists, then types from context
(`kg.extract.entity_types`). Each entity span gets `id_` = the name it is
grouped under and `_.kg_origin` = where it came from (confidence and roles
read it).
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from kg.extract import candidates, definitions, entity_types, lexicon
from kg.extract.candidates import Candidate
from kg.records import norm

Span.set_extension("kg_origin", default="shape", force=True)


class NameFinder:
    def __init__(self, nlp: Language):
        lower, exact, self.terms = candidates.lexicon_matchers(nlp)
        self.matchers = (lower, exact)
        self.lexicon_names = {norm(n): term for term in lexicon.load() for n in (term.name, *term.aliases)}

    def __call__(self, doc: Doc) -> Doc:
        found = candidates.from_lexicon(doc, self.matchers, self.terms)
        covered = {i for c in found for i in range(c.start, c.end)}
        found += candidates.from_shapes(doc, covered, self.lexicon_names)
        found += candidates.from_cues(doc)
        found += candidates.from_title_lead(doc)
        found = definitions.join(doc, found)
        found = candidates.non_overlapping(found)
        found = candidates.non_overlapping(found + candidates.repeats(doc, found))
        found = candidates.sized(doc, found)
        found += candidates.size_list(doc, found)
        entity_types.assign(doc, found)
        doc.ents = _spans(doc, found)
        return doc


def _spans(doc: Doc, found: list[Candidate]) -> list[Span]:
    spans = []
    for c in sorted(found, key=lambda c: c.start):
        span = Span(doc, c.start, c.end, label=c.label, span_id=c.key or doc[c.start : c.end].text)
        span._.kg_origin = c.origin
        spans.append(span)
    return spans


@Language.factory("kg_names")
def make_name_finder(nlp: Language, name: str) -> NameFinder:
    return NameFinder(nlp)
