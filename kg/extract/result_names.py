"""Names a result needs that entity finding did not give it.

A result ties a score to who scored it and where, and the sentence that
states the score does not always name both as entities:

- the benchmark may be a name that no lexicon, gazetteer or cue made an
  entity ("reaches 0.41 SPL on Gibson", "and on NCBI-disease from 87.8 to
  89.3", "29.8 BLEU on newstest2014"). After "on"/"in" a capitalised or
  coded word is where the score was measured, so the results step reads it
  there as a benchmark of its own, without making it an entity: entities
  stay the entity steps' business;
- who scored may be named in the sentence before ("... and train ViT-B/16.
  Fine-tuned, the encoder reaches 84.2%", "... and name the result
  RO-Layout. It improves F1 ..."): the last model or method of that
  sentence is the one the pronoun or the definite noun refers back to,
  when it is a name and not a term of art.
"""

from __future__ import annotations

import re

from kg.extract.mentions import Mention, Sentence

_WORD = r"(?:[A-Z][\w.'’-]*\w|[a-z]+\d[\w.-]*)"  # "Gibson", "NCBI-disease", "Amazon-Book", "newstest2014"
_PART = r"(?:[A-Z][\w.'’-]*\w|\d{1,4}\b(?![.,%]))"  # "Gen 9 OU", "Amazon Reviews 2018", not the score of "on Higgs 73.1%"
UNLISTED = re.compile(rf"(?<![\w-])(?:[Oo]n|[Ii]n)\s+(?:the\s+)?({_WORD}(?:\s+{_PART})*)")
# Capitalised words after "on"/"in" that are not where a score was measured: a part of the paper, hardware.
NOT_ARENA = re.compile(r"(Table|Tab|Section|Sec|Figure|Fig|Appendix|App|Eq|Equation|Chapter|Part|Step|Stage|Phase|Round)\b")
HARDWARE = re.compile(r"\b(GPUs?|CPUs?|TPUs?|cores?|boards?|machines?|nodes?|devices?)\b", re.I)
# "the encoder", "It": who scored, named before.
REFERS_BACK = re.compile(
    r"(?:^|[,;:]\s*|\b(?:and|then|while)\s+)(?:[Ii]t|[Tt]he (?:resulting |fine-tuned |final )?(?:model|encoder|network|detector|classifier|parser|policy|agent|system|method))\b"
)


def unlisted_arenas(text: str, sent: Sentence, spans: list[Mention]) -> list[Mention]:
    """Benchmark names after "on"/"in" in `sent` that no entity span covers, as mentions for the results step only."""
    found = []
    covered = [(s.start_char, s.end_char) for s in spans]
    for match in UNLISTED.finditer(text, sent.start_char, sent.end_char):
        start, end = match.span(1)
        for a, _ in covered:
            if start < a < end:
                end = text.rfind(" ", start, a)  # "On Higgs XGBoost reaches": the name stops where an entity starts
        name = text[start:end].rstrip(".,;:")
        end = start + len(name)
        if not name or any(a < end and start < b for a, b in covered) or NOT_ARENA.match(name) or HARDWARE.search(text, start, end + 12):
            continue
        found.append(Mention(-1, -1, start, end, "Benchmark", "", name, "result"))
    return found


def referred_subject(clause: str, candidates: list[Mention]) -> Mention | None:
    """The last of `candidates` (the models and methods of the sentence before), where `clause` refers back to one ("It improves", "the encoder reaches")."""
    if not candidates or not REFERS_BACK.search(clause):
        return None
    # A term of art ("sim-to-real transfer") is how an unnamed model was made, not the model "the policy" refers to.
    return None if candidates[-1].text.islower() else candidates[-1]
