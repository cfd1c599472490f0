"""Extraction: papers in, typed entities with roles and evidence out.

`extract` runs the spaCy pipeline of `kg.extract.pipeline` over many papers
at once (`nlp.pipe`) and turns each doc into an `Extraction`: mentions of
one entity are grouped under its fullest name, acronyms defined in the text
("Reinforcement Learning from Human Feedback (RLHF)") join their expansion,
every entity keeps the sentences that name it, and the role comes from
`kg.extract.roles`.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.tokens import Doc, Span

from kg import __version__
from kg.extract import pipeline, results, roles
from kg.records import Entity, Evidence, Extraction, Paper, norm

EXTRACTOR = f"kg-rules/{__version__}"


def _evidence(span: Span) -> Evidence:
    sent = span.sent
    text = sent.text
    start = sent.start_char + (len(text) - len(text.lstrip()))
    end = sent.end_char - (len(text) - len(text.rstrip()))
    return Evidence(sentence=sent.doc.text[start:end], start=start, end=end)


def _acronym_of(span: Span) -> str | None:
    """The acronym that follows `span` in parentheses, as in `Direct Preference Optimization (DPO)`."""
    doc = span.doc
    if span.end + 2 < len(doc) and doc[span.end].text == "(" and doc[span.end + 2].text == ")":
        candidate = doc[span.end + 1].text
        if candidate[:1].isupper() and sum(ch.isupper() for ch in candidate) >= 2:
            return candidate
    return None


def _doc_to_extraction(doc: Doc, paper: Paper) -> Extraction:
    title_end = len(paper.title)
    groups: dict[tuple[str, str], dict] = {}
    alias_of: dict[tuple[str, str], tuple[str, str]] = {}
    for span in doc.ents:
        canonical = span.ent_id_ or span.text
        key = (span.label_, norm(canonical))
        key = alias_of.get(key, key)
        group = groups.setdefault(key, {"names": [], "spans": [], "type": span.label_})
        if span.text not in group["names"]:
            group["names"].append(span.text)
        group["spans"].append(span)
        acronym = _acronym_of(span)
        if acronym and acronym not in group["names"]:
            group["names"].append(acronym)
            alias_of[(span.label_, norm(acronym))] = key
    entities = []
    for group in groups.values():
        spans = group["spans"]
        title_lead = any(s.start_char == 0 and s.end_char < title_end and doc.text[s.end_char : s.end_char + 1] == ":" for s in spans)
        role = roles.strongest([roles.mention_role(s, title_lead and s.start_char == 0) for s in spans])
        name = max(group["names"], key=len)
        evidence: list[Evidence] = []
        for span in spans:
            ev = _evidence(span)
            if ev.sentence and ev not in evidence:
                evidence.append(ev)
        entities.append(
            Entity(
                name=name,
                type=group["type"],
                role=role,
                aliases=[n for n in group["names"] if n != name and norm(n) != norm(name)],
                confidence=0.9 if any(s.ent_id_ for s in spans) else 0.6,
                evidence=evidence,
            )
        )
    return Extraction(paper, entities, results.find(doc, entities), EXTRACTOR)


def extract(papers: Iterable[Paper], batch_size: int = 64) -> Iterator[Extraction]:
    """Extractions for `papers`, in order, one per paper."""
    nlp = pipeline.load()
    pairs = ((paper.text, paper) for paper in papers)
    for doc, paper in nlp.pipe(pairs, as_tuples=True, batch_size=batch_size):
        yield _doc_to_extraction(doc, paper)
