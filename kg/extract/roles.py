"""Roles: what the paper does with an entity, read from the sentence it sits in.

Each mention gets the role its sentence supports; an entity's role is the
mention role that comes first in the guidelines' precedence
(proposes > evaluates_on > uses > compares_to > mentions).
"""

from __future__ import annotations

import re

from spacy.tokens import Span

from kg.records import ROLES

PROPOSE = re.compile(
    r"\b(we|this (paper|work)|our)\b[^.]*\b(propose|introduce|present|develop|design|construct|build|create|release|curate)s?d?\b"
    r"|\b(dubbed|called|named|termed)\s*$",
    re.I,
)
EVALUATE = re.compile(r"\b(on|in|across|using)\s*(the\s*)?$|\b(evaluat|experiment|test|benchmark|results?)\w*\b", re.I)
USE = re.compile(
    r"\b(fine-?tun\w*|train\w*|built (up)?on|based on|using|use[sd]?|employ\w*|leverag\w*|adopt\w*|appl(y|ies|ied)|with|via|backbone|initiali[sz]ed)\b",
    re.I,
)
COMPARE = re.compile(r"\b(outperform\w*|surpass\w*|compared? (to|with)|than|beat\w*|baselines?|exceed\w*|rival\w*|vs\.?)\b", re.I)
ARENA_TYPES = {"Benchmark", "Environment"}
COORDINATION = re.compile(r"^\s*(,|and|or|as well as|, and|, or)?\s*$")


def _chain_start(span: Span) -> int:
    """Where the coordination holding `span` starts: `on GSM8K and MATH` gives MATH the cue of GSM8K."""
    start = span.start_char
    text = span.doc.text
    for previous in reversed([e for e in span.doc.ents if e.end_char <= start and e.start_char >= span.sent.start_char]):
        if not COORDINATION.match(text[previous.end_char : start]):
            break
        start = previous.start_char
    return start


def mention_role(span: Span, is_title_lead: bool) -> str:
    """The role one mention's sentence gives the entity."""
    if is_title_lead:
        return "proposes"
    sent = span.sent
    before = sent.doc.text[sent.start_char : _chain_start(span)]
    whole = sent.text
    if PROPOSE.search(before) and not COMPARE.search(before[-40:]):
        return "proposes"
    if span.label_ in ARENA_TYPES and EVALUATE.search(before[-60:] if before else whole):
        return "evaluates_on"
    if COMPARE.search(before[-50:]):
        return "compares_to"
    if USE.search(before):
        return "uses"
    if span.label_ in ARENA_TYPES and EVALUATE.search(whole):
        return "evaluates_on"
    return "mentions"


def strongest(roles: list[str]) -> str:
    return min(roles, key=ROLES.index)
