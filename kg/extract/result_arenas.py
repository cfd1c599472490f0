"""Where a score was measured: the benchmark step of finding results (`results`).

The benchmark is one named after "on"/"in" before "from A to B" ("on A from
0.874 to 0.903"), else one named right after the score ("94.2% test accuracy
on CIFAR-10"), else one that opens the score's phrase ("On N-MNIST it attains
99.6%"), else the first benchmark or environment after the score in its
sentence ("64.8% on MATH", not the "Lean4" of "the Lean4 version of
MiniF2F", nor one that opens a later clause: ", and on B it obtains"), else
the previous score's of the sentence where none is named between, else the
last one before it. Scores listed before a list of as many benchmarks pair
with them in order ("77.4% and 89.1% on A and B"), and so do scores after one
("to the CDR and GDA datasets with 78.6 and 86.1 F1") and a parenthesised list
after a compared name ("outperforming DeepFM (0.8087 and 0.7761)") with the
benchmarks of the sentence's earlier scores. An average ("(Avg. 80.1%)", "an
average accuracy of 61%") has no benchmark unless one follows it in its
phrase, one alone opens the sentence or its clause ("On GLUE, X reaches an
average score of 86.1"), or it is an average within one benchmark ("averaged
over five seeds", "over tIoU thresholds").
"""

from __future__ import annotations

import re

from kg.extract import result_sets
from kg.extract.mentions import Mention, norm
from kg.extract.result_scores import LIST_LINK, SCORE_LINK

# An average over the paper's benchmarks has none of its own: "(Avg. 80.1%)", "an average accuracy of 61%".
AVERAGE_BEFORE = re.compile(r"\b(avg|average|averages|averaged)\b\W*([\w-]+\W+){0,3}$", re.I)
AVERAGE_AFTER = re.compile(r"^\W*(on average|in average|averaged|average)\b", re.I)
# "averaged over five seeds", "an average mAP over tIoU thresholds": an average within one benchmark, which keeps it;
# so does "averaged over the locomotion datasets", the datasets of the benchmark the text has named.
WITHIN_BENCHMARK = re.compile(
    r"\b(?:averaged|average)\b[^,;]{0,40}?\b(?:over|across)\s+(?:(?:the\s+|all\s+)?(?:[\w-]+\s+){0,3}?"
    r"(?:seeds|runs|folds|thresholds|trials|repetitions|splits|classes|categories|episodes|frames|subjects|speakers|languages|language pairs|directions)"
    r"|the\s+(?:[a-z][\w-]*\s+){1,2}(?:datasets|tasks))\b", re.I)
# "an average mAP of 69.8% over tIoU thresholds on THUMOS14": the benchmark an average is on, named after it in its phrase.
ON_IN_BEFORE = re.compile(r"\b(?:on|in)\s+(?:the\s+)?$", re.I)
# "on the Tern leaderboard with an Elo rating of 1,342": past the head noun of the benchmark's name too; not through "and"
# ("on A with 1k points and 89.6% on B").
WITH_SCORE = re.compile(r"(?:\s+(?:leaderboard|benchmark|dataset|suite|corpus|environment|split|test set)s?)?\s+with\s+(?:an?\s+|the\s+)?(?:(?!and\b|or\b)[\w@-]+\s+){0,3}?(?:of\s+)?~?")
# "... averaged across the 18 BEIR datasets": across one benchmark's datasets, which keeps it; not "across A, B and C".
# A split named right after a score: a language pair (the guidelines) or a split word ("on val2017", "on test-dev", "on test-other").
SPLIT_NEXT = re.compile(r"\s*(?:[\w@-]+\s+){0,2}?(?:on|in)\s+(?:the\s+)?([A-Z]{2}-[A-Z]{2}|(?:mini)?(?:val|test|dev)(?:\d{2,4})?(?:-[a-z]+)?)\b(?!-)")
NAMED_NEXT = re.compile(r"[^,;]*?\b(?:on|in|at|across|over)\s+(?:the\s+|all\s+)?(?:\d+\s+)?")
# "On A it ...", ", and on the B dataset from ...": a benchmark phrase that opens a clause, not the tail of an earlier score's.
COMPARED_SCORE = re.compile(r"^[^.;]{0,80}\b(compared (with|to)|against|vs\.?|versus)\s*$", re.I)
PAREN_ALIAS = re.compile(r"^\s*\(\s*$")
OPENING = re.compile(r"(^\s*|[,;:(]\s*|\band\s+|\.\s+)(on|in)\s+(the\s+)?([\w-]+\s+)?$", re.I)
# "picks 91% of 40 objects from the YCB object set": "from" names where the score's objects come from.
RIGHT_AFTER = re.compile(r"\s*(?:(?!and\b|or\b)[\w@-]+\s+){0,3}?(?:on|in|from)\s+(?:the\s+)?", re.I)
# ", and 44.0% success weighted by path length (SPL) on HM3D": a score whose own phrase goes on to its benchmark, no owner between.
# So does ", and 62.7% on the visual-matching setting of SimplerEnv": a part of the benchmark named after it.
OWN_PHRASE = re.compile(r"(?:(?!\b(?:for|than|of|from)\b)[^,;\d])*?\b(?:on|in)\s+(?:the\s+)?"
                        r"(?:(?:[\w-]+\s+){0,2}?(?:setting|split|subset|variant|version|track|portion|partition)s?\s+of\s+(?:the\s+)?)?")
# "on A is 86.0": a benchmark right before the verb that gives the score.
IS_SCORE = re.compile(r"\s+(?:is|are|was|were|stands at|equals)\s+~?")
ARENA_NEXT = re.compile(r"^\s*(on|in|at)\s+(the\s+)?$", re.I)
# Not a second change joined by "and": "from 41.2% to 55.9% on A and from 60.3% to 71.8% on B" is on B.
FROM_TO = re.compile(r"^\s*(\([^()]*\)\s*)?((?!and\b)[\w@-]+\s+){0,3}?(from\s+~?[\d.,]+%?\s+)?to\s*$")
PAREN_NAMED = re.compile(r"%?\s*(?:[\w@-]+\s*)?\(\s*")
# Past a head noun of what was counted: "completes 92 of 134 ALFWorld tasks (68.7%)".
PAREN_OPENED = re.compile(r"(?:\s+(?:tasks|problems|questions|episodes|games|levels|instances|issues|puzzles|queries|test set|split|benchmark|dataset))?"
                          r"\s*\(\s*(?:[A-Za-z][\w@-]*\s*[:=]?\s+)?(?:~?[\d.]+%?\s*(?:,|and|vs\.?|versus)\s*)*$")  # "on ZINC (MAE 0.059)", "on A (82.1 vs. 76.5)" too
COORDINATION = re.compile(r"^\s*(,|and|or|, and|, or|&|/)?\s*$")
# ", and on the B benchmark it obtains": a benchmark phrase that opens a clause of its own.
# So does ", while on B it reaches": the B of a clause of contrast.
CLAUSE_OPENING = re.compile(r"[,;]\s*(?:and\s+|while\s+|whereas\s+|but\s+)?(?:on|in)\s+(?:the\s+)?(?:[\w-]+\s+)?$", re.I)


def coordinated(spans: list[Mention], text: str) -> list[Mention]:
    """The spans joined to the last one by "and" / "," ("BERT and RoBERTa"), last one included."""
    chain = [spans[-1]]
    for span in reversed(spans[:-1]):
        if not COORDINATION.match(text[span.end_char : chain[0].start_char]):
            break
        chain.insert(0, span)
    return chain


def arena_for(scores: list[tuple[int, int, str]], index: int, arenas: list[Mention], text: str) -> Mention | None:
    """The benchmark of score `index` among `arenas` (`result_sets.scored_on`); scores sharing their next benchmark list pair with it in order.

    A benchmark that opens the score's phrase comes first: "On N-MNIST it attains 99.6%, on DVS128 98.1%",
    and "On A, B and C it reaches 84.1%, 73.0% and 80.2%" pairs in order.
    """
    end = scores[index][1]
    if named := next((a for a in arenas if PAREN_OPENED.match(text, a.end_char, scores[index][0]) or PAREN_NAMED.fullmatch(text, end, a.start_char)), None):
        return named  # "on A (48.2 nDCG@10) and B (51.0 nDCG@10)", "61.2 (A), 55.0 (B)": the benchmark and its score side by side
    first, last = listed(scores, index, text)
    if referred := result_sets.benchmarks_referred(arenas, scores[first][0], text[scores[last][1] : scores[last][1] + 60], last - first + 1):
        return referred[index - first]  # "ByteTrack reaches 63.1 and 61.3 HOTA on the two benchmarks"
    compared = compared_with(scores, index, text)
    if compared is not None and not any(compared[1] <= a.start_char < scores[index][0] for a in arenas):
        # "it wins 81% on A, compared with 60% for B": both on A; so are the scores listed after B's ("and 0.105 for C")
        if not any(ARENA_NEXT.match(text[end : a.start_char]) or OWN_PHRASE.fullmatch(text, end, a.start_char) for a in arenas if a.start_char >= end):
            return arena_for(scores, paired_earlier(scores, index, compared[0], text), result_sets.scored_on(arenas, text), text)  # sifted again
    before = [a for a in arenas if a.end_char <= scores[index][0]]
    if before and FROM_TO.match(text[before[-1].end_char : scores[index][0]]):
        return before[-1]  # "on A from 0.874 to 0.903 and on B from ...": on A
    if before and IS_SCORE.fullmatch(text, before[-1].end_char, scores[index][0]):
        return before[-1]  # "its accuracy on A is 86.0 and on B is 76.2": on A
    if before and WITH_SCORE.fullmatch(text, before[-1].end_char, scores[index][0]) and ON_IN_BEFORE.search(text, max(0, before[-1].start_char - 12), before[-1].start_char):
        return before[-1]  # "on CoNLL-2003 with an F1 of 94.6 and reaches 91.2 on B": on CoNLL-2003
    opening = opening_arenas(scores, index, arenas, text)
    following = [a for a in arenas if a.start_char > end]
    if opening and following and RIGHT_AFTER.fullmatch(text, end, following[0].start_char):
        opening = []  # "On NAS-Bench-201, X finds nets with 94.2% test accuracy on CIFAR-10": the benchmark named right after the score
    if opening:
        group = [i for i, s in enumerate(scores) if s[0] > opening[-1].end_char and not any(a.start_char > opening[-1].end_char and a.end_char <= s[0] for a in arenas)]
        if len(opening) == len(group) and index in group:
            return opening[group.index(index)]
        first, last = listed(scores, index, text)
        if len(opening) == last - first + 1 and first in group:
            return opening[index - first]  # "On A and B it obtains 71.8 and 49.6, ahead of X (64.2 and 41.5), and on C 79.4"
        return opening[-1] if len(opening) == 1 else None
    # Not "...; on the B tasks it matches", nor ", and on B it obtains 0.652": a benchmark that opens a later score's clause.
    after = [a for a in arenas if a.start_char > end and ";" not in text[end : a.start_char] and not opens_later(a, scores, index, text)
             and not claimed_later(a, scores, index, text)]
    if not after or SPLIT_NEXT.match(text, end):  # "85.1% on JA-EN": on a split of the benchmark named before
        before = [a for a in arenas if a.end_char <= scores[index][0]]
        if index and not any(scores[index - 1][1] <= a.start_char < scores[index][0] for a in arenas) and not SCORE_LINK.match(text[scores[index - 1][1] : scores[index][0]]):
            return arena_for(scores, index - 1, arenas, text)  # "0.824 on A, compared with 0.817 for B, and a HD95 of 1.61": on A too
        chain = coordinated(before, text) if before else []
        first, last = listed(scores, index, text)
        if len(chain) > 1 and len(chain) == last - first + 1:
            return chain[index - first]  # "to the CDR and GDA datasets with 78.6 and 86.1 F1"
        return before[-1] if before else None
    group = [i for i, s in enumerate(scores) if s[1] <= after[0].start_char and not any(a.start_char > s[1] and a.start_char < after[0].start_char for a in arenas)]
    chain = coordinated_forward(after, text)
    if len(group) > 1 and len(chain) >= len(group) and index in group:
        return chain[group.index(index)]
    return after[0]


def paired_earlier(scores: list[tuple[int, int, str]], index: int, compared: int, text: str) -> int:
    """The earlier score that score `index` is compared with: a list compared with as long a list pairs in order ("46.7% on AIME
    and 83.2% on MATH500, compared with 40.0% and 80.6% for X": 40.0% with 46.7%), else the score just before "compared with"."""
    first, last = listed(scores, index, text)
    earliest = compared
    while earliest > 0 and LIST_LINK.match(text[scores[earliest - 1][1] : scores[earliest][0]]):
        earliest -= 1
    return earliest + index - first if last - first == compared - earliest > 0 else compared


def opens_later(arena: Mention, scores: list[tuple[int, int, str]], index: int, text: str) -> bool:
    """Whether `arena`, after score `index`, opens a clause of its own with a later score of the sentence in it."""
    return any(s[0] > arena.end_char for s in scores[index + 1 :]) and CLAUSE_OPENING.search(text, max(0, arena.start_char - 40), arena.start_char) is not None


def claimed_later(arena: Mention, scores: list[tuple[int, int, str]], index: int, text: str) -> bool:
    """Whether `arena` is named right after a later score of the sentence, outside the list of score `index` and past a comma:
    that score's ("78.4 averaged over the locomotion datasets, ..., and reaches 71.5 on A": A is 71.5's; not "72.4% Rank-1 and
    63.0% mAP on A")."""
    last = listed(scores, index, text)[1]
    return any(s[1] <= arena.start_char and RIGHT_AFTER.fullmatch(text, s[1], arena.start_char) and "," in text[scores[index][1] : s[0]]
               for s in scores[last + 1 :])


def split_owner(text: str, end: int, arenas: list[Mention]) -> Mention | None:
    """The benchmark that the split named right after the score ending at `end` was written with before ("DBP15K ZH-EN", then "73.1% on ZH-EN"),
    else the last one named before it: "on test-clean" is a split of the dataset the text has just named, not of the paper's first benchmark."""
    split = SPLIT_NEXT.match(text, end)
    if split is None:
        return None
    name = split.group(1)
    before = [a for a in arenas if a.end_char < end]
    return next((a for a in reversed(before) if text.startswith(" " + name, a.end_char)), before[-1] if before else None)


def named_next(arena: Mention, scores: list[tuple[int, int, str]], index: int, arenas: list[Mention], text: str) -> bool:
    """Whether `arena` alone is named after "on"/"in"/"across" in the phrase of score `index`, with no other score between them."""
    end = scores[index][1]
    return (NAMED_NEXT.fullmatch(text, end, arena.start_char) is not None and not any(end < s[0] < arena.start_char for s in scores)
            and len(coordinated_forward([a for a in arenas if a.start_char >= arena.start_char], text)) == 1)


# "On the 45 datasets from the OpenML-CC18 suite, X reaches an average rank of 2.9": the suite an average is over.
SUITE_BEFORE = re.compile(r"\b(?:on|in|from|of)\s+(?:the\s+)?$", re.I)
# "lifts THUMOS14 performance to 72.4% average mAP": a benchmark named as what the score measures.
ARENA_MODIFIES = re.compile(r"\s+(?:performance|results?|accuracy|scores?)\b")


def alone_before(arena: Mention, arenas: list[Mention], scores: list[tuple[int, int, str]], clause_start: int, start: int, text: str) -> bool:
    """Whether `arena` is the one benchmark of the clause, named after "on"/"in"/"from"/"of" or as what is measured ("lifts B
    performance to") before the score at `start`, with none after it
    and no other score between ("With TSP features on ActivityNet-1.3 it obtains an average mAP of 37.6%"; not "61.2% on A and
    (Avg. 55.4%)")."""
    in_clause = [a for a in arenas if clause_start <= a.start_char and (a.end_char <= start or a.start_char > start)]
    return (in_clause == [arena] and arena.end_char <= start and not any(clause_start <= s[0] < start for s in scores)
            and (SUITE_BEFORE.search(text, max(0, arena.start_char - 12), arena.start_char) is not None or ARENA_MODIFIES.match(text, arena.end_char) is not None))


def paired_with_earlier(scores: list[tuple[int, int, str]], index: int, arenas_said: dict[int, Mention | None], text: str) -> Mention | None:
    """The benchmark of score `index` in a parenthesised list after a name, paired in order with the benchmarks of the
    sentence's earlier scores: "0.8112 on A, and on B 0.7795, outperforming DeepFM (0.8087 and 0.7761)"."""
    first, last = listed(scores, index, text)
    if first == last:
        return None
    distinct: list[Mention] = []
    for i in sorted(arenas_said):
        arena = arenas_said[i]
        if i < first and arena is not None and all(norm(arena.text) != norm(d.text) for d in distinct):
            distinct.append(arena)
    return distinct[index - first] if len(distinct) == last - first + 1 else None


def compared_with(scores: list[tuple[int, int, str]], index: int, text: str) -> tuple[int, int] | None:
    """The score that score `index` is compared with ("0.081 on A, compared with 0.163 for B and 0.105 for C"), and where "compared with" ends."""
    while index > 0:
        between_start = scores[index - 1][1]
        between = text[between_start : scores[index][0]]
        if found := COMPARED_SCORE.search(between):
            return index - 1, between_start + found.end(1)
        if not LIST_LINK.match(between):
            return None
        index -= 1
    return None


def opening_arenas(scores: list[tuple[int, int, str]], index: int, arenas: list[Mention], text: str) -> list[Mention]:
    """The benchmarks after an "on"/"in" before score `index`, with no score between them and it ("On A and B it reaches").

    The scores of one list share them ("On A, B and C it reaches 84.1%, 73.0% and 80.2%"), and the
    phrase may name more after them ("On the 57 Atari 2600 games of the Arcade Learning Environment (ALE) it reaches").
    """
    first, _ = listed(scores, index, text)
    start = scores[first][0]
    previous_end = scores[first - 1][1] if first else 0
    before = [a for a in arenas if previous_end <= a.start_char and a.end_char <= start]
    for last in range(len(before), 0, -1):
        chain = coordinated(before[:last], text)
        alias_of = [a for a in before[:last] if PAREN_ALIAS.match(text[a.end_char : chain[0].start_char])]
        if alias_of:
            chain[0] = alias_of[-1]  # "On the StarCraft Multi-Agent Challenge (SMAC) it wins 86%"
        if OPENING.search(text[max(0, chain[0].start_char - 30) : chain[0].start_char]):
            return [] if re.search(r"[;]|\bwhile\b|\bwhereas\b|\bthan\b", text[chain[-1].end_char : start]) else chain
    return []


def coordinated_forward(spans: list[Mention], text: str) -> list[Mention]:
    chain = [spans[0]]
    for span in spans[1:]:
        if not COORDINATION.match(text[chain[-1].end_char : span.start_char]):
            break
        chain.append(span)
    return chain


def listed(scores: list[tuple[int, int, str]], index: int, text: str) -> tuple[int, int]:
    """The first and last score of the list ("61% and 43%") that score `index` is in."""
    first = last = index
    while first > 0 and SCORE_LINK.match(text[scores[first - 1][1] : scores[first][0]]):
        first -= 1
    while last + 1 < len(scores) and SCORE_LINK.match(text[scores[last][1] : scores[last + 1][0]]):
        last += 1
    return first, last


def averaged_away(scores: list[tuple[int, int, str]], index: int, arena: Mention | None, arenas: list[Mention], text: str, clause_start: int, sentence_end: int) -> bool:
    """Whether score `index` is an average over benchmarks, which has no benchmark of its own."""
    start, end = scores[index][0], scores[index][1]
    if not (AVERAGE_BEFORE.search(text[max(clause_start, start - 30) : start]) or AVERAGE_AFTER.match(text[end : end + 20])):
        return False
    if WITHIN_BENCHMARK.search(text, max(clause_start, start - 40), min(sentence_end, end + 60)):
        return False
    return arena is None or not ((arena.start_char > end and named_next(arena, scores, index, arenas, text)) or opening_arenas(scores, index, arenas, text) == [arena]
                                 or alone_before(arena, arenas, scores, clause_start, start, text))


# "We evaluate on COCO and LVIS. X achieves 55.8 AP and 47.3 AP, respectively.": a list of scores "respectively" with no benchmark in
# its sentence pairs with the list of benchmarks the sentence before ends with.
RESPECTIVELY = re.compile(r"\s*(?:[\w@-]+\s*){0,2}?,?\s*respectively\b")
UNIT_LINK = re.compile(r"\s*(?:[\w@%-]+\s*)?(?:,\s*and|,|and)\s*$")


def respectively_before(scores: list[tuple[int, int, str]], index: int, text: str, before: list[Mention]) -> Mention | None:
    """The benchmark of `before` (those of the sentence before, in order) that score `index` pairs with, where its list ends "respectively"."""
    first = last = index  # the list may repeat its metric: "55.8 AP and 47.3 AP"
    while first > 0 and UNIT_LINK.match(text, scores[first - 1][1], scores[first][0]):
        first -= 1
    while last + 1 < len(scores) and UNIT_LINK.match(text, scores[last][1], scores[last + 1][0]):
        last += 1
    if last == first or not before or not RESPECTIVELY.match(text, scores[last][1]):
        return None
    chain = coordinated(before, text)
    return chain[index - first] if len(chain) == last - first + 1 else None

