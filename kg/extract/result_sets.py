"""Where a score was measured, when the sentence does not name it as a benchmark entity of its own.

- where no benchmark is named, the setting the sentence names in plain words
  ("75.1% accuracy in zero-shot screenshot grounding") is where it scored;
- "on the two benchmarks" refers to the ones named before, in order, and
  "on the former" / "on the latter" to the first / second of the last two;
- "Area 5 of S3DIS" is a part of S3DIS, "the ObjectNav task of HM3D" a task
  of HM3D and "ogbn-arxiv from the OGB" a dataset of that suite, and "On
  Split CIFAR-100" keeps its variant word;
- a name found as a model or method but written as a set scored on ("on
  412 recent CAMEO targets", "88.6 on Hopper-medium-replay", "the 51
  datasets of TabZilla") is the benchmark.
"""

from __future__ import annotations

import re

from kg.extract.mentions import Mention, Sentence, norm

# A setting the sentence names in plain words when it names no benchmark: "75.1% accuracy in zero-shot screenshot
# grounding", "97% in our in-domain test environment", "In real-world booking scenarios, ... 81.7%". The guidelines tie the score to where it was measured, named or not.
_SETTING = r"((?:(?!(?:the|a|an|our|all|most|some|many|both|each|every|average|total|terms|addition|particular|comparison)\b)[a-z][\w-]*\s+){1,3}(?:[a-z][\w-]*(?:s|ing)|environment))"
SETTING_AFTER = re.compile(rf"^\s*(?:[\w@-]+\s+){{0,3}}?in\s+(?:our\s+)?{_SETTING}\s*(?=[,.;]|$|\s(?:with|for|while|surpassing|outperforming|compared)\b)")
SETTING_OPENING = re.compile(rf"^\s*(?:in|on)\s+{_SETTING}\s*,", re.I)


def setting(text: str, sent: Sentence, start: int, end: int) -> str | None:
    """The setting in plain words where the score at `start:end` was measured, when the sentence names no benchmark."""
    found = SETTING_AFTER.match(text[end : sent.end_char]) or SETTING_OPENING.match(text[sent.start_char : start])
    return found.group(1) if found else None


# "63.1 and 61.3 HOTA on the two benchmarks": the benchmarks named before, in order.
THE_BENCHMARKS = re.compile(
    r"\s*(?:[\w@-]+\s+){0,2}?(?:on|across|in)\s+(?:the|both|all|these)\s+(?:same\s+)?(?:(two|three|four|five|both)\s+)?"
    r"(?:benchmarks|datasets|tasks|environments|suites|test sets)\b", re.I)


def benchmarks_referred(arenas: list[Mention], start: int, after: str, count: int) -> list[Mention] | None:
    """The `count` benchmarks named before `start` that "on the two benchmarks" in `after` refers to, in order."""
    if count < 2 or not THE_BENCHMARKS.match(after):
        return None
    distinct = _distinct([a for a in arenas if a.end_char <= start])
    return distinct[-count:] if len(distinct) >= count else None


# "It achieves 82.5 mIoU on the former and 71.0 on the latter": the first or the second of the last two benchmarks named.
FORMER_LATTER = re.compile(r"\s*(?:[\w@-]+\s+){0,2}?(?:on|in|for)\s+the\s+(former|latter)\b", re.I)


def former_or_latter(text: str, end: int, arenas: list[Mention]) -> Mention | None:
    """The benchmark of `arenas` (those named before, in order) that "on the former" or "on the latter" after `end` refers to."""
    said = FORMER_LATTER.match(text, end)
    distinct = _distinct(arenas) if said else []
    if len(distinct) < 2:
        return None
    return distinct[-2] if said.group(1).lower() == "former" else distinct[-1]


def _distinct(arenas: list[Mention]) -> list[Mention]:
    """Each benchmark of `arenas` once, at its last mention, in text order: what "the two benchmarks" or "the latter" counts back over."""
    last = {norm(a.id_ or a.text): a for a in arenas}
    return sorted(last.values(), key=lambda a: a.start_char)


# "the Lean4 version of MiniF2F-Test", "the hardest PB_T50_RS variant of ScanObjectNN": the score is on the second name.
# So is "the ObjectNav task of HM3D" on HM3D; not "the 57 Atari 2600 games of the ALE", where the games have a name of their own.
_PART = r"(?:version|variant|split|subset|portion|part|track|setting|level|partition|configuration|task)"
PART_OF = re.compile(rf"^\s*{_PART}\s+of\b", re.I)
# "of" before a name, which a part is of, or whose score a compared score is ("compared to 65.1% of GPT-4o": `results`).
PART_NEXT = re.compile(r"\s+of\s+(?:the\s+)?")
# "on the PB_T50_RS variant of ScanObjectNN": a name after a part of it is a set scored on, whatever its type.
# "the 51 classification datasets of TabZilla": TabZilla, whatever type it was found as.
PART_BEFORE = re.compile(rf"\b(?:{_PART}|datasets|tasks|games|environments|problems)\s+of\s+(?:the\s+)?$", re.I)
FROM_SUITE = re.compile(r"\s+(?:from|in)\s+(?:the\s+)?")


def scored_on(arenas: list[Mention], text: str) -> list[Mention]:
    """`arenas` without the ones named as a part of the next ("the Lean4 version of MiniF2F", "Area 5 of S3DIS") and the suites
    that the one before is taken from ("ogbn-arxiv from the Open Graph Benchmark"): the score is on the dataset, not on its split or suite."""
    arenas = [a for a in arenas if not PART_OF.match(text[a.end_char : a.end_char + 20])]
    pairs = list(zip(arenas, arenas[1:]))
    parts = {id(a) for a, b in pairs if PART_NEXT.fullmatch(text, a.end_char, b.start_char)}
    suites = {id(b) for a, b in pairs if FROM_SUITE.fullmatch(text, a.end_char, b.start_char)}
    return [a for a in arenas if id(a) not in parts and id(a) not in suites]


# "On Split CIFAR-100", "on Permuted MNIST": a capitalised word between "on" and a benchmark names its variant.
VARIANT_BEFORE = re.compile(r"\b[Oo]n\s+([A-Z][a-z]+)\s+$")


def with_variant(arena: Mention, text: str, name: str) -> str:
    """`name` of `arena` with the variant word written before it after "on", where entity finding left it out."""
    variant = VARIANT_BEFORE.search(text[max(0, arena.start_char - 20) : arena.start_char])
    return f"{variant.group(1)} {name}" if variant and arena.text == name else name


# "on 412 recent CAMEO targets", "on the XSum test set": a name found as a model or method that a score is measured on.
SET_BEFORE = re.compile(r"\b(?:on|in)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}$", re.I)
SET_AFTER = re.compile(r"\s+(?:targets|test set|validation set|test split|benchmark|dataset|corpus)\b")


# "solves 14 of the 658 problems in X": the name the problems come from is where they were solved.
PROBLEMS_IN = re.compile(r"\d\s+(?:[a-z-]+\s+)?(?:problems|tasks|questions|instances|issues|puzzles|theorems)\s+(?:in|from|of)\s+(?:the\s+)?$")
# "a normalised score of 88.6 on Hopper-medium-replay": a coded name right after a score and "on" is where it was measured.
SCORE_ON_BEFORE = re.compile(r"\d%?\s+(?:[A-Za-z@-]+\s+){0,2}?on\s+(?:the\s+(?:[a-z]+(?:er|est|ed)\s+)?)?$")
CODED = re.compile(r"[A-Za-z][\w.]*-[\w.-]+|[A-Z]{3,}\d*|[A-Z][a-z]+[A-Z]\w*")  # "Hopper-medium-replay", "MUTAG", "RewardBench"


def named_sets(spans: list[Mention], text: str) -> list[Mention]:
    """The model- or method-typed names of `spans` written as a set scored on ("on the X test set", "88.6 on Hopper-medium-replay",
    "14 of the 658 problems in X", "the hard variant of X"), as benchmarks."""
    return [s for s in spans if s.label_ not in {"Benchmark", "Environment"}
            and ((SET_AFTER.match(text, s.end_char) and SET_BEFORE.search(text[max(0, s.start_char - 30) : s.start_char]))
                 or (CODED.fullmatch(s.text) and SCORE_ON_BEFORE.search(text[max(0, s.start_char - 30) : s.start_char]))
                 or PROBLEMS_IN.search(text[max(0, s.start_char - 40) : s.start_char]) or PART_BEFORE.search(text, max(0, s.start_char - 30), s.start_char))]
