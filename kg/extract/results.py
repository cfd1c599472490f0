"""Results: scores such as `64.8% on MATH` tied to the model that scored them."""

from __future__ import annotations

import re

from spacy.tokens import Doc

from kg.records import Entity, Result, norm

SCORE = re.compile(r"(?<![\w.+])(\d{1,3}(?:\.\d+)?%)")
SUBJECT_TYPES = {"Model", "Method"}
ARENA_TYPES = {"Benchmark", "Environment"}


def find(doc: Doc, entities: list[Entity]) -> list[Result]:
    """Absolute scores stated in the abstract, each with the nearest subject and benchmark in its sentence.

    A score belongs to the closest benchmark after it ("64.8% on MATH") and to
    the last model or method named before it; "from A to B" keeps B, and
    relative gains ("+12%", "improves by 40%") are skipped.
    """
    canonical = {}
    for entity in entities:
        for name in (entity.name, *entity.aliases):
            canonical[(entity.type, norm(name))] = entity.name
    found: list[Result] = []
    for sent in doc.sents:
        ents = [e for e in doc.ents if e.start >= sent.start and e.end <= sent.end]
        for match in SCORE.finditer(sent.text):
            pos = sent.start_char + match.start()
            before = doc.text[max(sent.start_char, pos - 12) : pos].lower()
            after = doc.text[pos + len(match.group(1)) : pos + len(match.group(1)) + 6].lower()
            if re.search(r"(\+|by|of up to|up to)\s*$", before) or after.strip().startswith("to "):
                continue
            subjects = [e for e in ents if e.label_ in SUBJECT_TYPES and e.end_char <= pos]
            arenas = [e for e in ents if e.label_ in ARENA_TYPES and e.start_char > pos]
            if not subjects:
                continue
            subject = canonical.get((subjects[-1].label_, norm(subjects[-1].ent_id_ or subjects[-1].text)), subjects[-1].text)
            arena = arenas[0] if arenas else None
            benchmark = canonical.get((arena.label_, norm(arena.ent_id_ or arena.text)), arena.text) if arena else None
            result = Result(subject=subject, benchmark=benchmark, metric=None, value=match.group(1))
            if result not in found:
                found.append(result)
    return found
