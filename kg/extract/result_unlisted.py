"""Benchmarks a score is measured on that entity finding did not name: the results step reads them for itself.

After "on"/"in" a capitalised or coded word is where a score was measured
("reaches 0.41 SPL on Gibson", "and on NCBI-disease from 87.8 to 89.3",
"29.8 BLEU on newstest2014"), and so is one after a part of it and "of" ("on
the hard split of Gorbag"), so the results step takes it as a benchmark of
its own without making it an entity: entities stay the entity steps'
business. A split ("on val2017") or a language pair ("SRPRS EN-FR") is not
part of that name, nor is a part of the paper ("on Table 3"), a metric or
hardware.

A coded name in lower case with a hyphen ("on aqua-bench") is a benchmark
too where it ends its phrase or a head noun follows ("the aqua-bench
dataset", not "the audio-understanding benchmark MMAU", nor a plural one: "on
competition-level benchmarks" names a kind) and its first part is no common prefix of English compounds nor
a split word: "on long-horizon tasks", "in real-world settings" and "on
test-clean" name none.

The names listed after one ("on A, B and C", "on GSM8K, tide-set and
Coraleval", "on A/B/C") are benchmarks as well, where the list closes with
"and", "or" or a slash: a score list in that frame pairs with them in order
(`result_arenas`). So is a name alone in parentheses right after a score
("61.2 (Aquabench), 55.0 (Tidebench)").
"""

from __future__ import annotations

import re

from kg.extract import lexicon
from kg.extract.mentions import Mention, Sentence
from kg.extract.result_names import METRICS

ARENA_LABELS = {"Benchmark", "Environment"}
_WORD = r"(?:[A-Z][\w.'’-]*\w|[a-z]+\d[\w.-]*)"  # "Gibson", "NCBI-disease", "Amazon-Book", "newstest2014"
_PART = r"(?:[A-Z][\w.'’-]*\w|\d{1,4}\b(?![.,%]))"  # "Gen 9 OU", "Amazon Reviews 2018", not the score of "on Higgs 73.1%"
_CODED = r"[a-z][a-z\d]*(?:-[a-z\d]+)+"  # "aqua-bench", "ogbn-arxiv", "hopper-medium-v2"
_NAME = rf"{_WORD}(?:\s+{_PART})*|{_CODED}"
# Words may stand between "the" and the name: "on the sparser SRPRS", "on the revised Re-DocRED", "on the challenging Quill-Hard".
# So is a name after a part of it and "of" ("on the hard split of Gorbag", "nine tasks of the Shearwater benchmark") or after
# "across" ("across 12 Gorbag maps").
# The lookahead of its first letters turns down other characters before the lookbehind and the alternatives are tried:
# the search over a sentence 0.85 of its cost.
UNLISTED = re.compile(rf"(?=[OoIisltpvAa])(?<![\w-])(?:[Oo]n|[Ii]n|(?:splits?|subsets?|levels?|tracks?|portions?|partitions?|tasks?|settings|variants?)\s+of"
                      rf"|[Aa]cross(?:\s+\d+)?)\s+(?:the\s+(?:[a-z][a-z-]*\s+){{0,2}})?({_NAME})")
# A name alone in parentheses right after a score: "61.2 (Aquabench), 55.0 (Tidebench)".
PAREN_NAME = re.compile(rf"\d%?\s*(?:[\w@-]+\s*)?\(\s*((?:{_WORD})(?:\s+{_PART})*)\s*\)")
# The next name of a list: "on A, B and C", "on A and the B", "on A (48.2) and B (51.0)", "on A/B/C".
LIST_NEXT = re.compile(rf"(?:\s*\([^()]*\))?(\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+|/)(?:the\s+)?({_NAME})")
CLOSING_LINK = re.compile(r"\b(?:and|or)\b|/")
# Where a lower-case name ends its phrase: punctuation, the sentence's end or a word that opens a new phrase ("On ogbn-products it").
PHRASE_END = re.compile(r"\s*(?:[,;.:()]|$|(?:and|or|respectively|with|while|whereas|where|when|compared|versus|vs|than|but|it|they|we)\b"
                        r"|(?:benchmark|dataset|suite|corpus|environment|split|test set)\b(?!\s+[A-Z]))")
OPEN_LINK = re.compile(r"\s*(?:and|or)\b")
# First parts of common English compounds, which no coded name is: "long-horizon", "real-world", "multi-turn".
COMPOUND_START = {
    "real", "long", "short", "multi", "single", "out", "in", "on", "off", "high", "low", "large", "small", "open", "closed", "fine",
    "coarse", "zero", "few", "one", "two", "three", "many", "self", "cross", "non", "semi", "well", "state", "end", "full", "half",
    "held", "left", "right", "near", "top", "bottom", "pre", "post", "co", "re", "sub", "super", "over", "under", "inter", "intra",
    "hand", "human", "task", "domain", "time", "text", "image", "data", "mid", "first", "third", "second", "next", "fixed", "free",
}
# "on test-clean", "on dev-other": a split of the benchmark named before.
SPLIT_WORDS = {"test", "train", "training", "dev", "val", "valid", "validation", "eval"}
# Capitalised words after "on"/"in" that are not where a score was measured: a part of the paper, hardware, a metric ("62.1 on MOTA").
NOT_ARENA = re.compile(r"(Table|Tab|Section|Sec|Figure|Fig|Appendix|App|Eq|Equation|Chapter|Part|Step|Stage|Phase|Round)\b")
# "on val2017", "on test2015", "on minival": a split of the benchmark named before, where the score was measured on that benchmark.
SPLIT = re.compile(r"(?i:(?:mini)?(?:val|train|test|dev)(?:\d{2,4})?(?:-(?:dev|std|challenge))?)")
HARDWARE = re.compile(r"\b(GPUs?|CPUs?|TPUs?|cores?|boards?|machines?|nodes?|devices?)\b", re.I)
# "SRPRS EN-FR": a language pair after a name is its split (the guidelines), not part of the benchmark's name.
LANGUAGE_PAIR = re.compile(r"\s+[A-Z]{2}-[A-Z]{2}$")


def unlisted_arenas(text: str, sent: Sentence, spans: list[Mention]) -> list[Mention]:
    """Benchmark names after "on"/"in" in `sent`, and the names listed after them, that no entity span covers, as mentions
    for the results step only."""
    found: list[Mention] = []
    covered = [(s.start_char, s.end_char) for s in spans]
    for match in UNLISTED.finditer(text, sent.start_char, sent.end_char):
        if (mention := _mention(text, match.start(1), match.end(1), spans, covered)) is not None and _ends_phrase(mention, text, sent.end_char):
            found.append(mention)
    # every match holds "(": `str.find` spares the search, which tries every digit, in most sentences (99 of 153 a run)
    for match in PAREN_NAME.finditer(text, sent.start_char, sent.end_char) if text.find("(", sent.start_char, sent.end_char) >= 0 else ():
        if (mention := _mention(text, match.start(1), match.end(1), spans, covered)) is not None and not any(f.start_char == mention.start_char for f in found):
            found.append(mention)  # "61.2 (Aquabench), 55.0 (Tidebench)"
    heads = found + [s for s in spans if s.label_ in ARENA_LABELS]
    return found + [m for head in heads for m in _listed_after(head, text, sent.end_char, spans, covered) if not any(f.start_char == m.start_char for f in found)]


def _mention(text: str, start: int, end: int, spans: list[Mention], covered: list[tuple[int, int]]) -> Mention | None:
    """The benchmark named at `text[start:end]`, where it is one no entity covers and the guidelines do not rule out."""
    for a, _ in covered:
        if start < a < end:
            end = text.rfind(" ", start, a)  # "On Higgs XGBoost reaches": the name stops where an entity starts
    name = LANGUAGE_PAIR.sub("", text[start:end].rstrip(".,;:"))
    end = start + len(name)
    if any(s.start_char == end + 1 and s.label_ in ARENA_LABELS for s in spans):
        return None  # "On Split CIFAR-100": the word names the benchmark's variant (`with_variant`), not a benchmark
    if (not name or any(a < end and start < b for a, b in covered) or NOT_ARENA.match(name) or METRICS.fullmatch(name) or SPLIT.fullmatch(name)
            or HARDWARE.search(text, start, end + 12) or lexicon.is_excluded(name)):
        return None  # ... and what the guidelines rule out as a name ("on JA-EN": a language pair is a split)
    if name.islower() and "-" in name and name.split("-")[0] in COMPOUND_START | SPLIT_WORDS:
        return None  # "on long-horizon tasks", "on test-clean"
    return Mention(-1, -1, start, end, "Benchmark", "", name, "result")


def _ends_phrase(mention: Mention, text: str, end: int) -> bool:
    """Whether `mention`, if a lower-case coded name, ends its phrase, as a name does and an adjective does not."""
    return not mention.text.islower() or "-" not in mention.text or PHRASE_END.match(text, mention.end_char, end) is not None


def _listed_after(head: Mention, text: str, end: int, spans: list[Mention], covered: list[tuple[int, int]]) -> list[Mention]:
    """The benchmarks no entity covers in the list that `head` opens ("A, B and C"), where the list closes with "and"/"or"."""
    chain: list[Mention] = []
    position, closed = head.end_char, False
    while (match := LIST_NEXT.match(text, position, end)) is not None:
        entity = next((s for s in spans if s.start_char == match.start(2)), None)
        if entity is not None and entity.label_ not in ARENA_LABELS:
            break  # "On A and Llama-3 ...": no benchmark list goes on through a model
        mention = entity or _mention(text, match.start(2), match.end(2), spans, covered)
        if mention is None or not _ends_phrase(mention, text, end):
            break
        closed = CLOSING_LINK.search(match.group(1)) is not None
        if entity is None:
            chain.append(mention)
        position = mention.end_char
        if closed and match.group(1) != "/":
            break  # "A, B and C" ends at C; "A/B/C" goes on
    if not closed or not chain or OPEN_LINK.match(text, position, end):
        return []  # "on A, Wrenlet reaches": no list; "on real-world and simulated data": no name ends it
    return chain
