"""`kg_names`: the spaCy component that finds entity names and their types.

It runs the steps in order: candidates from the lexicon, the gazetteer
(`kg.extract.gazetteer`), shapes, cues and the title
(`kg.extract.candidates`), the paper's acronym definitions
(`kg.extract.definitions`), names listed with known ones
(`kg.extract.lists`), one name per token, repeats of cued names,
sizes after names, size lists, authors and metrics dropped
(`kg.extract.non_names`), then types from context
(`kg.extract.entity_types`). The finds are left as `doc._.kg_mentions`,
plain `Mention`s in text order: `id_` = the name each is grouped under,
`origin` = where it came from (confidence and roles read it). They are not
set as `doc.ents`: building and reading back entity spans costs more than
finding the names.

Only tokens that the per-string bits of `kg.extract.flags` or the
PhraseMatchers of the lexicon and the gazetteer pick out are looked at one
by one, so the cost of a doc grows with the names in it, not with its
length.
"""

from __future__ import annotations

from operator import attrgetter

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from kg.extract import boundaries, candidates, definitions, entity_types, flags, gazetteer, heads, lexicon, listed, lists, non_names, said_once, scored_names, shapes, terms, websites
from kg.extract.candidates import Candidate
from kg.extract.mentions import MENTIONS_KEY, Mention
from kg.extract.tokenizer import customize

Doc.set_extension("kg_mentions", default=None, force=True)
# Where `kg.extract.extract` leaves the text a doc was made from: `Doc.text` rebuilds it token by token.
TEXT = "kg_text"


class NameFinder:
    def __init__(self, nlp: Language, gazetteer_path: str | None = None):
        patterns = spacy.blank("en")
        customize(patterns)
        self.gazetteer = gazetteer.load(gazetteer_path)
        self.matchers = listed.phrase_matchers(patterns, {"lexicon": lexicon.load(), "gazetteer": self.gazetteer.terms})
        self.common = {self.gazetteer.terms[i].name for i in self.gazetteer.common}
        flags.register(nlp.vocab)

    def __call__(self, doc: Doc) -> Doc:
        text = doc.user_data.get(TEXT) or doc.text
        bits = flags.columns(doc)[:, 2]
        shaped, cues, techniques, arena_heads, closers, opens, closes, links, sizes, ets = flags.positions(
            bits, flags.SHAPE, flags.CUE, flags.TECHNIQUE, flags.ARENA_HEAD, flags.CLOSER, flags.OPEN, flags.CLOSE, flags.LINK, flags.SIZE, flags.ET
        )
        sizes, ets = set(sizes), set(ets)  # looked up per name: a set lookup costs a fifth of reading an array's item
        by_list = listed.from_terms(doc, self.matchers)
        found = by_list["lexicon"]
        covered = candidates.covered(found)
        gazetteer_names = self._from_gazetteer(doc, text, by_list["gazetteer"], found, covered)
        found += gazetteer_names
        covered |= candidates.covered(gazetteer_names)
        found += candidates.from_shapes(doc, shaped, covered)
        found += candidates.from_cues(doc, text, cues)
        found += candidates.from_title_lead(doc, text)
        title_end = max(0, text.find("\n"))
        found += terms.from_repeats(doc, text, techniques, title_end, found)
        found = boundaries.join_parts(doc, text, found, title_end, set(closers), sizes)
        terms.eponym_variants(doc, bits, by_list["lexicon"], found, title_end)
        found += boundaries.released_pairs(doc, closers, found)
        found += lists.list_members(doc, text, found)
        found += heads.from_heads(doc, text, arena_heads, title_end)
        found += websites.from_websites(doc, text, found)
        found += scored_names.scored_on(doc, text, bits, found)
        found += scored_names.on_scored_shapes(doc, text, found)
        found += said_once.said_once(doc, bits, links, opens, found, title_end)
        closed = set(closes)
        parens = [i for i in opens if i + 2 in closed]  # "(" two tokens before ")"
        found = definitions.join(doc, text, parens, opens, found)
        found = candidates.non_overlapping(found)
        if repeated := candidates.repeats(doc, found):  # a paper that repeats no cued name needs no second pass
            found = candidates.non_overlapping(found + repeated)
        found = candidates.sized(sizes, found)
        if sizes:  # a size list's sizes are flagged `flags.SIZE`: most docs have none
            found += candidates.size_list(doc, found)
        found = non_names.drop(doc, text, bits, ets, found)
        entity_types.assign(doc, text, found)
        doc.user_data[MENTIONS_KEY] = _mentions(text, *flags.offsets(doc), found)
        return doc

    def _from_gazetteer(self, doc: Doc, text: str, listed: list[Candidate], lexicon_names: list[Candidate], covered: set[int]) -> list[Candidate]:
        """The gazetteer's names where the lexicon found none, or found only a part of one (`CNN` of `CNN/DailyMail`).

        A common word, and any name written as a plain word (`Inception`,
        `Locomotion`), counts only where the words around it show it is a
        name; a coined shape (`CIFAR-10`, `HalfCheetah`) counts as it is.
        `covered` are the tokens of the `lexicon_names`.
        """
        title_end = max(0, text.find("\n"))
        found = []
        for c in listed:
            if covered.intersection(range(c.start, c.end)) and any(o.start < c.end and c.start < o.end and not _grows(doc, o, c) for o in lexicon_names):
                continue  # the lexicon's name wins where it is as long or reaches past the gazetteer's
            words = flags.span_text(doc, text, c.start, c.end)  # cut from the text: a Span makes it anew (1.5 µs)
            plain = not any(ch.isdigit() or ch.isupper() for ch in words[1:]) and not shapes.is_coined(words)
            if (c.key in self.common or plain) and not (words[:1].isupper() and gazetteer.has_evidence(doc, text, c.start, c.end, title_end)):
                continue
            found.append(c)
        return found


def _grows(doc: Doc, inner: Candidate, outer: Candidate) -> bool:
    """`outer` holds `inner` and more, and what it adds is no organisation: `CNN/DailyMail` grows `CNN`, `OpenAI GPT` does not grow `GPT`."""
    if not (outer.start <= inner.start and inner.end <= outer.end and inner.end - inner.start < outer.end - outer.start):
        return False
    return not any(lexicon.is_excluded(doc[i].text) for i in (*range(outer.start, inner.start), *range(inner.end, outer.end)) if doc[i].is_alpha)


def _mentions(text: str, idx: list[int], length: list[int], found: list[Candidate]) -> list[Mention]:
    mentions = []
    for c in sorted(found, key=attrgetter("start")):
        start_char, end_char = idx[c.start], idx[c.end - 1] + length[c.end - 1]
        name = text[start_char:end_char]
        mentions.append(Mention(c.start, c.end, start_char, end_char, c.label, c.key or name, name, c.origin))
    return mentions


@Language.factory("kg_names", default_config={"gazetteer": None})
def make_name_finder(nlp: Language, name: str, gazetteer: str | None) -> NameFinder:
    """`gazetteer`: the path of a gazetteer file to use instead of the package's own."""
    return NameFinder(nlp, gazetteer)
