"""Extraction: papers in, typed entities with roles, evidence and results out.

`extract` runs the spaCy pipeline of `kg.extract.pipeline` over many papers
at once (`nlp.pipe`) and turns each doc into an `Extraction`. Mentions of
one entity share the span id `kg_names` gave them (a lexicon entry, an
acronym's long form, an expanded size-list name), so "Reinforcement
Learning from Human Feedback (RLHF)" is one entity named by its fullest
form with the other forms as aliases. Every entity keeps the sentences
that name it, its role comes from `kg.extract.roles`, and its confidence
from how it was found (`ORIGIN_CONFIDENCE`).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache
from itertools import islice

from spacy.language import Language
from spacy.tokens import Doc

from kg import __version__
from kg.collector import fewer_collections
from kg.extract import names, pipeline, results, roles, sentences
from kg.extract.candidates import KNOWN
from kg.extract.mentions import MENTIONS_KEY, Mention, Sentence, norm
from kg.records import Entity, Evidence, Extraction, Paper

EXTRACTOR = f"kg-rules/{__version__}"
# How far each way of finding a name is trusted; `scripts/confidence_report.py`
# prints the precision each level reaches on the gold set.
ORIGIN_CONFIDENCE = {"lexicon": 0.9, "gazetteer": 0.85, "checkpoint": 0.9, "variant": 0.8, "definition": 0.8, "cue": 0.75, "title": 0.75, "term": 0.6, "shape": 0.55}
COINED = {"title", "cue", "definition", "shape"}
# Papers annotated together: a batch's docs are held at once, and each step runs over the batch (`pipeline.annotator`).
BATCH = 128


def _evidence(sent: Sentence, doc_text: str) -> Evidence:
    """The evidence of sentence `sent`, its blank ends cut off. Evidence and Entity are made with positional arguments: a
    dataclass's `__init__` called with keywords costs about twice as much (Evidence ~0.48 -> ~0.22 µs, Entity ~0.72 ->
    ~0.32 µs; some 5,000 and 3,900 of them over the hook's 1,086 papers)."""
    text = doc_text[sent.start_char : sent.end_char]
    stripped = text.strip()
    if len(stripped) == len(text):  # most sentences: no second cut
        return Evidence(text, sent.start_char, sent.end_char)
    start = sent.start_char + (len(text) - len(text.lstrip()))
    end = sent.end_char - (len(text) - len(text.rstrip()))
    return Evidence(doc_text[start:end], start, end)


@lru_cache(maxsize=1024)
def _confidence(base: float, sentence_count: int) -> float:
    """The best origin's trust `base`, raised by 0.05 per sentence past the first for a name the paper repeats in
    `sentence_count` sentences, at most 0.99, rounded; kept per pair: the same few pairs come again and again, and
    `round` and `min` cost three times the lookup."""
    return round(min(0.99, base + 0.05 * (sentence_count - 1)), 2)


def _sentence_evidence(sents: list[Sentence], text: str, evidences: dict[int, Evidence]) -> tuple[list[Evidence], int]:
    """The evidence of each distinct sentence of `sents`, in order (made once per paper in `evidences`, by the sentence's
    start), leaving out a blank one, and how many distinct sentences there are.

    `kg_names` gives the mentions sorted by start (`names._mentions`), so an entity's sentences come in order and a
    sentence repeats only right after itself: comparing its start with the one before dedupes, with no dict of the
    entity's sentences.
    """
    evidence = []
    count = 0
    previous = -1
    for sent in sents:
        if sent.start != previous:
            previous = sent.start
            count += 1
            if (found := evidences.get(sent.start)) is None:
                found = evidences[sent.start] = _evidence(sent, text)
            if found.sentence:
                evidence.append(found)
    return evidence, count


def _entity(
    spans: list[Mention], sents: list[Sentence], text: str, title_lead: Mention | None, reading: roles.Reading, evidences: dict[int, Evidence]
) -> Entity:
    first = spans[0]
    forms: dict[str, str] = {}  # each form, in order, with its key: one `norm` per form, not three
    canonical = None  # the first listed name
    coined = True
    trust = 0.0  # the best origin's (`ORIGIN_CONFIDENCE`), read in the same loop
    for s in spans:  # one loop over the mentions for all they tell, not a generator for each
        form = s.id_ if s.origin == "checkpoint" and s.id_ and norm(s.id_) != norm(s.text) else s.text
        if form not in forms:
            forms[form] = norm(form)
        if canonical is None and s.origin in KNOWN and s.id_:
            canonical = s.id_
        coined = coined and s.origin in COINED
        if ORIGIN_CONFIDENCE[s.origin] > trust:
            trust = ORIGIN_CONFIDENCE[s.origin]
    normed = set(forms.values())
    if first.id_ and first.origin not in KNOWN and (key := norm(first.id_)) not in normed:
        forms[first.id_] = key
        normed.add(key)
    if len(forms) > 1:
        name = max(forms, key=len)
        named = forms[name]
        aliases = [f for f, key in forms.items() if key != named]
    else:  # about three entities in four have one form: the name, with no alias to look for
        [name] = forms
        aliases = []
    if canonical and norm(canonical) not in normed:
        aliases.append(canonical)  # the listed name joins this entity to the same node across papers
    role = roles.entity_role(spans, sents, text, title_lead, coined, reading)
    evidence, sentence_count = _sentence_evidence(sents, text, evidences)
    return Entity(name, first.label_, role, aliases, _confidence(trust, sentence_count), evidence)


def _doc_to_extraction(doc: Doc, paper: Paper) -> Extraction:
    text = doc.user_data[names.TEXT]  # kept by `pipeline.annotator`: `Paper.text` joins title and abstract anew
    sents = sentences.sentences(doc)
    ents = doc.user_data[MENTIONS_KEY]  # `doc._.kg_mentions`, read where spaCy keeps it
    # Each entity's mentions and the sentence of each. `kg_names` gives the mentions sorted by start (`names._mentions`),
    # so one walk along the sentences finds every mention's, not a bisection per mention and a list per entity (the
    # grouping over the hook's 1,086 papers 4.31 -> 3.97 ms CPU, min of 31).
    groups: dict[tuple[str, str], tuple[list[Mention], list[Sentence]]] = {}
    last = len(sents) - 1
    number = 0
    for span in ents:
        while number < last and sents[number + 1].start <= span.start:
            number += 1
        key = (span.label_, norm(span.id_ or span.text))
        if (group := groups.get(key)) is None:
            group = groups[key] = ([], [])
        group[0].append(span)
        group[1].append(sents[number])
    first = ents[0] if ents else None
    # The title's lead name ("DotaMath: ..."), which the paper proposes.
    title_lead = first if first and first.start == 0 and first.end_char < len(paper.title) and first.end < len(doc) and doc[first.end].text in {":", "--", "—"} else None
    entities = []
    reading = roles.Reading()
    evidences: dict[int, Evidence] = {}  # by sentence start: the paper's names share their sentences
    for spans, in_sents in groups.values():
        entities.append(_entity(spans, in_sents, text, title_lead, reading, evidences))
    roles.own_variants(entities)
    return Extraction(paper, entities, results.find(text, sents, ents, entities), EXTRACTOR)


def extract(papers: Iterable[Paper], nlp: Language | None = None) -> Iterator[Extraction]:
    """Extractions for `papers`, in order, one per paper, by `nlp` (default: `pipeline.load()`).

    A batch is extracted with the collector's thresholds raised
    (`kg.collector`), and only then handed on: the caller's code between
    two extractions runs with its own thresholds.
    """
    annotate = pipeline.annotator(nlp or pipeline.load())
    papers = iter(papers)
    while batch := list(islice(papers, BATCH)):
        with fewer_collections():
            done = [_doc_to_extraction(doc, paper) for doc, paper in zip(annotate([paper.text for paper in batch]), batch)]
        yield from done
