"""Which numbers of a sentence are scores: the first step of finding results (`results`).

A score is a percentage as written ("42.4%", "42.4 %"), or a bare number in a
sentence that says something scored it ("UI-TARS achieves 46.6",
"~1732 (PPO)", "lowers RMSE to 0.41", "48.7 mIoU", a table flattened
into "MMMU: X-8B 54.1, Y-8B 49.3", a negative one such as a docking
score "of -7.91", which keeps its sign as written) or that ends a change
("lifts accuracy from 49.8 to 58.3"), or a range after "of"
("an Elo of 1300-1500", but not "of 2009-2019"). Relative gains are not
results ("+12%", "by 40%", "a 40% improvement", "33% fewer", "relative
improvements of 14%, 7% and 9%", "gains 3.1 BLEU", "4.1 chrF++ points above", "46.6% in saved computation"), nor is a ceiling ("below 54%", "less than
10% of the tokens"), nor a score listed after a relative one ("by 12.2% for
ICL and 19.5% for training"), and in "from A to B" only B is.
A share of the data ("with 1% of the labels") is no score, nor is a price ("$0.34 per issue"), a version
("the CARLA Leaderboard 2.0", "HIVE-COTE 2.0") or a threshold ("at tIoU
0.5", "an IoU threshold of 0.7"), a target ("rounds to reach 70%") or the
start of a change ("from 2.48 for the noisy input to 3.29"), unless a named
model owns that start ("from 0.216 for UniCRS to 0.247"). A whole number is
a score only where a metric or "scores" names it ("an RMSE of 312, against
329 for GraphCast", "mean returns of 812 on A and 1,430 on B", "scores
812"), with the whole numbers set against it or listed after it. The share
of a preference test ("X is preferred over Y in 68% of pairs") is a score.
"""

from __future__ import annotations

import re

from kg.extract import folding, result_names
from kg.extract.mentions import Sentence
from kg.extract.result_names import ends_with_word

# Every score starts with a digit, a sign or "~": the lookahead `(?=[-−~\d])` turns down the other characters before the three
# lookbehinds are tried at each, which makes `SCORE.finditer` over a sentence ~0.6 of its cost (1.47 -> 0.85 ms over 381 sentences).
SCORE = re.compile(r"(?=[-−~\d])(?<![\w.+\-±$€£¥@])(?<!\d:)(?<!\d,)(\d{1,3}(?:,\d{3})+(?:\.\d+)?\\?%|\d{1,3}(?:\.\d+)?\+?(?: ?\\?%)|[-−]\d{1,4}\.\d+(?![\d%]|\.\d|:\d)|~?\d{1,4}\.\d+(?![\d%]|\.\d|:\d)|~\d{2,5}(?![\d%.])|(?<=of )\d{2,4}[-–]\d{2,4}(?![\w%.-]))")
# A range is a score only after "of" ("an Elo of 1300-1500"), and years are none ("of 2009-2019").
# Its literal start lets the search skip through a text as fast as `str.find`; `_range` checks the word boundary before it.
RANGE = re.compile(r"of \d{2,4}[-–]\d{2,4}(?![\w%.-])")
YEARS = re.compile(r"^(19|20)\d\d[-–](19|20)\d\d$")
# Every score but a range has one of these within its first six characters: finding them is much faster than `SCORE.search`.
SCORE_ANCHOR = re.compile(r"%|~|\.\d")
DECIMAL_POINT = re.compile(r"\.\d")
OF_DIGIT = re.compile(r"of [-−]?\d")
TO_DIGIT = re.compile(r"to [-−]?\d")
DIGIT = re.compile(r"\d")
# A bare number ("46.6", "~1732") is a score only where the sentence says something scored it.
# In lower case, metric acronyms too, so that `folding` can search the lower-cased text without `re.I`, several times faster.
SCORE_VERBS = re.compile(
    r"\b(achiev\w*|scor\w*|reach\w*|obtain\w*|attain\w*|surpass\w*|outperform\w*|were|was|improv\w*|rais\w*|ris(e|es|ing)|rate[sd]?|lower\w*|reduc\w*|complet\w*|"
    r"yield\w*|record\w*|report\w*|gets?|wins?|picks?|keep\w*|drop\w*|fall\w*|fell|decreas\w*|increas\w*|solv\w*|resolv\w*|prov(?:es|ed)|pass(?:es|ed)|averag(?:es|ed)|mrr|bleu|rouge(?:-\w+)?|f1|mos|auroc|auc|map|ap|wer|spl|ndcg)\b",
    re.I,
)
# "matches GPT-4o on DocVQA (94.1 vs. 94.5)": two scores set against each other, the first of who scored, the second of whom it is compared with.
VS_PAIR = re.compile(r"\(\s*~?(\d+(?:\.\d+)?%?)\s*(?:vs\.?|versus)\s*~?(\d+(?:\.\d+)?%?)\s*\)")
VS_BARE = re.compile(r"~?(\d+(?:\.\d+)?%?)\s*(?:vs\.?|versus)\s*~?(\d+(?:\.\d+)?%?)")
BARE_UNIT = re.compile(r"^\s*(x\b|×|times|(?-i:[BMK])\b|billion|million|seconds?|s\b|hours?|minutes?|days?|ms\b|GB|MB|tokens|fps|Hz)", re.I)
# Other scores of the same list, skipped when looking for the words around a list ("of 14.1%, 7.1%, and 9.4%").
SCORE_LIST_BEFORE = re.compile(r"(\d{1,3}(?:\.\d+)?\\?%(?:,|and|or|/|\s)*)+$")
# The ASCII characters its "(?:,|and|or|/|\s)*" may match, to strip from a window with str.rstrip.
LIST_TAIL = ",/andor" + "".join(c for c in map(chr, range(128)) if re.match(r"\s", c))
SCORE_LINK = re.compile(r"^\s*(?:dB\s*)?(,|and|or|/|, and|, or)\s*$")  # between two scores of one list, past a unit ("27.71 dB and 30.62 dB")
SCORE_LIST_AFTER = re.compile(r"^(\s*(?:,|and|or|/)?\s*(?:,\s*)?(?:and\s+)?\d{1,3}(?:\.\d+)?%)+")
# The word boundary is tested once, before the words: one `\b` per word would make the search try every word at every character.
# A "+" ends a metric's name in "chrF++ of 58.3", where it is no sign of a gain.
RELATIVE_BEFORE = re.compile(
    r"((?<![\w+])\+|\b(?:by|up to|less than|fewer than|below|under|at most|improvements? of|increases? of|gain(s|ed|ing)?( of)?|boosts? of|improves?|reduc\w+|within|margin\b(?!,\s+and\b).*))"
    r"\s*(over|more than|absolute|about|around|nearly|approximately|up to|an?|average|of|~|\s)*$",
    re.I,
)
# Not through "and" to the next metric ("0.247 and Recall@50 to 0.452"), nor a comparison of the next number ("0.766 with fewer
# than 0.01% folding voxels").
RELATIVE_AFTER = re.compile(
    r"^\s*((?!and\b|or\b)[\w+@/-]+\s+){0,2}?(-\s*\d|to\b|relative|absolute|improvements?|increases?|gains?|boost|faster|slower|less|more|fewer|reduction|above|below|"
    r"decrease|higher|lower|longer|shorter|larger|smaller|greater|better|worse|points?|pp\b|margin|speed-?up|saved|savings?)(?!\s+than\s+~?\d)",
    re.I,
)
# "scores 812 points": points a scoring verb governs are a score, not a gain ("3.1 points above X", "by 2 points").
SCORED_BEFORE = re.compile(r"\b(?:scor|reach|achiev|obtain|attain)\w*\s+$")
POINTS_SCORED = re.compile(r"\s*points?\b(?!\s+(?:more|higher|lower|above|below|over|ahead|behind|better|worse|than|less|fewer))")
# A share of something, not a score: "46.6% of its cost", "with 1%, 10% and 100% of the labels".
# So is a share of a score: "retain 78% of the Crafter score", "keeps 95% of the teacher's performance".
# So is a share of people: "above 94% of human competitors"; not a share of its own games ("wins 64% of its games").
RELATIVE_OF = re.compile(r"^\s*of\s+(all|(?:its|their|our)(?!\s+(?:games|matches|tasks|episodes|problems|trials)\b)|\S+'s|the (data|parameters|cost|compute|labels|annotations|training (data|set)|(?:[\w-]+\s+){0,2}?(?:score|performance|accuracy))"
                         r"|(?:the\s+)?(?:[\w-]+\s+)?(?:humans?|participants|competitors|users|annotators|experts|players|people|respondents|contestants))\b", re.I)
RELATIVE_WORDS_OF = re.compile(r"\b(higher|lower|better|worse|more|less|increase|improvement|gain|reduction)\b(\s+[\w-]+){0,3}\s+of\s*$", re.I)
# What may stand between two scores of one list: "by 12.2% for ICL with Claude-3.5 and 19.5% for ...",
# "by 9.8 (+29.4%) and 5.9": the second is as relative as the first.
LIST_LINK = re.compile(r"^\s*(\([^()]*\)\s*)?((for|on|in|with)\s+(?:(?!\.\s)[^,;%()]){1,60}?)?\s*(,\s*and|,|and)\s*$", re.I)
PLUS_MINUS_BEFORE = re.compile(r"(?:±|\+/-|\+-)\s*$")
MARGIN = re.compile(r"\bby\s+(a|an)?\s*(\w+\s+)?margin\b", re.I)
folding.needs(MARGIN, ("margin",))  # most sentences with a score hold no "margin": an `in` test, not the case-blind search
NEW_CLAUSE = re.compile(r",\s+and\b|;")


# A whole number is a score where a metric names it ("a Z500 RMSE of 312", "mean returns of 2,430", "a docking score of
# -8"), and so are the whole numbers set against it or listed after it ("against 329 for GraphCast and 347 for Pangu-Weather",
# "812 on Breakout and 1430 on Pong", "812, 640 and 1,130"): a bare whole number is too often a count or a year.
_WHOLE = r"[-−]?(?:\d{1,3}(?:,\d{3})+|\d{1,5})(?![\w%-]|[.,]\d)"
WHOLE_OF = re.compile(rf"of ({_WHOLE})")
# "it scores 9,400 where Rainbow scores 0": a whole number that the verb "scores" governs is a score too.
# Its literal start lets the search skip through a text as fast as `str.find`; `_scored` checks the word boundary before it.
WHOLE_SCORED = re.compile(rf"scor(?:es|ed)\s+({_WHOLE})")
# "raises the average in-game score from 1,240 to 2,910": the end of a change of a metric; "solves 14 of the 658 problems in
# B": a count of what was solved, out of a benchmark's total (not where a share restates it: "completes 17 of 20 tasks (85%)").
WHOLE_FROM_TO = re.compile(rf"from {_WHOLE}\s+to ({_WHOLE})")
WHOLE_SOLVED = re.compile(rf"(?:solv|resolv|complet|prov|pass)(?:es|ed)\s+({_WHOLE})\s+(?:out\s+)?of\s+(?:the\s+)?\d[\d,]*\s+[a-z][\w-]*(?!\s*\()(?=\s+(?:in|on|from)\s+(?:the\s+)?[A-Z])")
# "Plover reaches 812 on Gorbag": a whole number a scoring verb governs, measured on a named benchmark.
WHOLE_REACHED = re.compile(rf"\b(?:achiev|reach|obtain|attain)(?:es|ed)\s+({_WHOLE})(?:\s+points)?(?=\s+(?:on|in)\s+(?:the\s+)?[A-Z])")
# Its verbs, which `str.find` finds much faster than the search does.
REACHING = ("achiev", "reach", "obtain", "attain")
# Its " of N" part, whose literal start a search skips to fast: the verb and count before it are read in a short window.
OF_TOTAL = re.compile(r"of\s+(?:the\s+)?\d[\d,]*\s+[a-z]")
SOLVED_BEFORE = re.compile(rf"(?:solv|resolv|complet|prov|pass)(?:es|ed)\s+{_WHOLE}\s+(?:out\s+)?$")
METRIC_ENDS = re.compile(rf"(?:{result_names.METRICS.pattern}|(?<![\w@-])(?i:scores|rewards?|ratings?))\s+$")
WHOLE_COMPARED = re.compile(rf",?\s+(?:against|compared (?:with|to)|versus|vs\.?)\s+({_WHOLE})(?=\s+for\b)")
WHOLE_LISTED = re.compile(rf"\s+(?:for|on|in)\s+[^,;()\d]{{1,40}}?(?:,\s*and|,|\band)\s+({_WHOLE})(?=\s+(?:for|on|in)\b)")
# "an average return of 4,350 on Ant-v4, outperforming SAC (3,980)": the whole number in parentheses after a name compared with.
WHOLE_PAREN_COMPARED = re.compile(rf"[^,;()]{{0,40}}?,?\s+(?:outperforming|surpassing|beating|exceeding|ahead of|above|over|than|versus|vs\.?|against)\s+"
                                  rf"(?:the\s+)?[A-Z][\w.+-]*(?:\s+[\w.+-]+){{0,2}}?\s*\(\s*({_WHOLE})\s*\)")
WHOLE_BARE_LISTED = re.compile(rf"(?:\s*,\s*(?:and\s+)?|\s+and\s+)({_WHOLE})(?=\s*(?:[,;.)]|$)|\s+(?:and|on|in|for|respectively)\b)")
# Every whole-number score above is written after a space (group 1 of each, or WHOLE_SCORED's "scores N"): a sentence with
# no whole number after a space (103 of the 122 with a score a corpus pass) has none, one search in place of nine
# (`numbers` over a corpus pass's 302 calls 1.50 -> 1.40 ms CPU, min of 40).
WHOLE_AFTER_SPACE = re.compile(rf"\s{_WHOLE}")


# "Its Recall@20 on MovieLens-1M is 0.331": a number that a metric named before "is".
METRIC_IS = re.compile(rf"(?:{result_names.METRICS.pattern})[^,;()%]{{0,70}}?\s(?:is|are|stands at|equals)\s+~?$")


def _metric_of(text: str, sentence_start: int, start: int) -> bool:
    """Whether the number at `start` follows "<metric> of" ("with an end-point error of 3.87") or "<metric> ... is" ("its
    Recall@20 on B is 0.331"), which says it is a score."""
    if text.endswith("of ", sentence_start, start):
        return METRIC_ENDS.search(text[max(sentence_start, start - 43) : start - 3]) is not None
    return text.endswith(" ", sentence_start, start) and METRIC_IS.search(text, max(sentence_start, start - 100), start) is not None


def first_whole_score(text: str, end: int) -> re.Match | None:
    """The first whole number of `text[:end]` that a metric or "scores" names ("an RMSE of 312", "scores 812", "a score from
    1,240 to 2,910", "lowers the RMSE to 312"), for an abstract with no other score or before its first other one.

    The rarer shapes (`WHOLE_SOLVED`, `WHOLE_REACHED`) count only in an abstract with another score: each search over a whole
    text costs as much as the rest of the step on most abstracts, which state no score. `text[:end]` holds a digit (the
    caller scans for one: every score holds one).
    """
    if not (OF_DIGIT.search(text, 0, end) or TO_DIGIT.search(text, 0, end) or text.find("scor", 0, end) >= 0):
        return None  # every shape below holds "of N", "to N" or "scor": three scans with a literal start turn down 5 of 6 texts
    firsts = (next((m for m in WHOLE_OF.finditer(text, 0, end) if METRIC_ENDS.search(text[max(0, m.start() - 40) : m.start()])), None),
              next(iter(_scored(text, 0, end, solved=False)), None),
              next((m for m in WHOLE_TO.finditer(text, 0, end) if METRIC_CHANGED.search(text, max(0, m.start() - 80), m.start())), None))
    return min((m for m in firsts if m is not None), key=lambda m: m.start(), default=None)


def _reached(text: str, start: int, end: int) -> list[re.Match]:
    """The matches of `WHOLE_REACHED` in `text[start:end]` ("reaches 812 on Gorbag"), tried only where one of its verbs is."""
    found = []
    for verb in REACHING:
        at = text.find(verb, start, end)
        while at >= 0:
            if match := WHOLE_REACHED.match(text, at, end):
                found.append(match)
            at = text.find(verb, at + 1, end)
    return sorted(found, key=lambda m: m.start()) if len(found) > 1 else found


def _scored(text: str, start: int, end: int, solved: bool = True) -> list[re.Match]:
    """The matches of `WHOLE_SCORED`, `WHOLE_SOLVED` (if `solved`) and, after a metric, `WHOLE_FROM_TO` in `text[start:end]`,
    each at the start of a word.

    `str.find` of "scor" and "from ", at under half the cost of a search, spares the searches of `WHOLE_SCORED` and
    `WHOLE_FROM_TO`, which hold them, in most texts (of the 459 sentences with a digit a run, 435 hold no "scor", 426 no "from ").
    """
    found = list(WHOLE_SCORED.finditer(text, start, end)) if text.find("scor", start, end) >= 0 else []
    for total in OF_TOTAL.finditer(text, start, end) if solved else ():
        low = max(start, total.start() - 40)
        if (before := SOLVED_BEFORE.search(text[low : total.start()])) and (solved := WHOLE_SOLVED.match(text, low + before.start(), end)):
            found.append(solved)
    found = [m for m in found if m.start() == 0 or not text[m.start() - 1].isalnum() and text[m.start() - 1] != "_"]
    if text.find("from ", start, end) >= 0:
        found += [m for m in WHOLE_FROM_TO.finditer(text, start, end) if METRIC_ENDS.search(text[max(start, m.start() - 40) : m.start()])]
    return sorted(found, key=lambda m: m.start()) if len(found) > 1 else found


# "lowers the 5-day Z500 RMSE on B to 312": the whole number a change of a named metric ends at.
WHOLE_TO = re.compile(rf"to ({_WHOLE})")
METRIC_CHANGED = re.compile(rf"\b(?:lower|reduc|cut|bring|brought|rais|lift|improv|push|increas|decreas|drop)\w*\s[^,;.]{{0,40}}?(?:{result_names.METRICS.pattern})[^,;.]{{0,30}}?\s$")


def whole_scores(text: str, sent: Sentence) -> list[tuple[int, str]]:
    """The whole-number scores of `sent` that a metric or "scores" names, with the ones set against or listed after them, as (start, value)."""
    if not WHOLE_AFTER_SPACE.search(text, sent.start_char, sent.end_char):
        return []
    found: dict[int, str] = {}
    heads = _scored(text, sent.start_char, sent.end_char) + _reached(text, sent.start_char, sent.end_char)
    heads += [m for m in WHOLE_OF.finditer(text, sent.start_char, sent.end_char) if METRIC_ENDS.search(text[max(sent.start_char, m.start() - 40) : m.start()])]
    heads += [m for m in WHOLE_TO.finditer(text, sent.start_char, sent.end_char) if METRIC_CHANGED.search(text, max(sent.start_char, m.start() - 80), m.start())]
    for match in heads:
        following: re.Match | None = match
        while following:
            found[following.start(1)] = following.group(1)
            end = following.end(1)
            following = (WHOLE_COMPARED.match(text, end, sent.end_char) or WHOLE_LISTED.match(text, end, sent.end_char) or WHOLE_BARE_LISTED.match(text, end, sent.end_char)
                         or WHOLE_PAREN_COMPARED.match(text, end, sent.end_char))
    return list(found.items())


# "steadier than those of MusicLM in 71% of pairs", "preferred over X in 64% of cases": the share of a preference test, a
# score of the one preferred, on a benchmark only where the sentence names one ("raters on PartiPrompts prefer X in 58% of pairs").
PREFERENCE_BEFORE = re.compile(r"\b(than|over|preferred|prefer)\b[^,;.]*\bin\s*$", re.I)
# What it is preferred to: "over SkyReels-V2", "than those of MusicLM".
PREFERRED_TO = re.compile(r"\b(?:than|over)\s+(?:(?:those|that)\s+of\s+)?(?:the\s+)?$", re.I)


def preference_share(text: str, sentence_start: int, start: int, end: int) -> bool:
    """Whether the score at `start:end` is the share of a preference test ("X is preferred over Y in 68% of comparisons")."""
    return text.startswith(" of ", end) and PREFERENCE_BEFORE.search(text, max(sentence_start, start - 80), start) is not None
# "from 2.48 for the noisy input to 3.29": the start of a change, however long the words between.
FROM_BEFORE = re.compile(r"\bfrom\s*$")
# "reaches 38.2%, up from 4.8%": the start of a change written after its end.
UP_FROM_BEFORE = re.compile(r"\b(?:up|down|rising|climbing|improving|increasing)\s+from\s*$")
# "from 0.216 for UniCRS to 0.247": a start that a named model owns is that model's score, compared with the end.
NAMED_START = re.compile(r"\s*for\s+(?:the\s+)?[A-Z][\w.+-]*")
TO_AFTER = re.compile(r"[^,;.%\d]{0,40}?\bto\s+~?\d")


# "lifts accuracy on MATH from 49.8 to 58.3": the end of a change is a score, whatever verb makes it.
CHANGE_END = re.compile(r"\bfrom\s+[-−~]?\d[\d,]*(?:\.\d+)?%?\s+to\s+~?$")


# "needs 3.1 times fewer rounds than FedAvg to reach 70% accuracy": a target that a cost is counted to, not a score.
TARGET_BEFORE = re.compile(r"\b(rounds|steps|epochs|iterations|samples|episodes|updates|queries|tokens|hours|time)\b[^,;.%]{0,40}"
                           r"\bto (reach|achieve|attain|hit)\s+$", re.I)
TARGET_VERBS = ("reach", "achieve", "attain", "hit")  # the words TARGET_BEFORE ends with, for `result_names.ends_with_word`


def not_a_score(before: str, tail: str, after: str) -> bool:
    """Whether the number between `before` (`tail` stripped of its trailing space) and `after` is a target ("rounds to
    reach 70%") or the start of a "from A to B" change ("..., up from 4.8%"), unless a named model owns that start.

    Each pattern ends with its last word and spaces: a test of the words' end turns down nearly every number (258 and 264 of 264
    a run) before the searches of every start of `before` (the case-blind one only in ASCII, where its case is `lower`'s).
    """
    if (ends_with_word(tail, TARGET_VERBS) or not before.isascii()) and TARGET_BEFORE.search(before):
        return True
    if not ends_with_word(tail, "from"):
        return False  # neither FROM_BEFORE nor UP_FROM_BEFORE
    return bool((FROM_BEFORE.search(before) and TO_AFTER.match(after) or UP_FROM_BEFORE.search(before)) and not named_start(before, after))


def named_start(before: str, after: str) -> bool:
    """Whether the number between `before` and `after` starts a change and a named model owns it ("from 0.216 for UniCRS to
    0.247"); FROM_BEFORE ends with "from", which callers test first where few windows do."""
    return bool(FROM_BEFORE.search(before) and NAMED_START.match(after))


# "the CARLA Leaderboard 2.0": a bare number right after a name of two capitalised words is its version, not a score;
# not after one named after "on"/"in", as in an elliptic list ("and on Amazon Book 0.046").
VERSION_BEFORE = re.compile(r"(?<![Oo]n )(?<![Ii]n )(?<!\S)[A-Z][\w-]* [A-Z][a-z]+ $")
# "HIVE-COTE 2.0", "SQuAD 2.0": a one-digit "N.N" right after a coded name is its version too, but not in an elliptic
# list ("and RAFT 1.6") nor after "on"/"in".
CODED_VERSION_BEFORE = re.compile(r"(?<![Oo]n )(?<![Ii]n )(?<!and )(?<!, )(?<!\S)[A-Z][\w-]*[A-Z][\w-]* $")
ONE_DIGIT_VERSION = re.compile(r"\d\.\d")
# "on OntoNotes 5.0": after "on"/"in" too, a whole-numbered "N.0" after a name is its version.
WHOLE_VERSION = re.compile(r"\d\.0")
NAME_BEFORE = re.compile(r"(?<!\S)[A-Z][\w-]*[A-Z\d][\w-]* $")


def version_before(text: str, sentence_start: int, start: int, value: str) -> bool:
    """Whether the number `value` at `start` is the version of the name written just before it ("the CARLA Leaderboard 2.0", "HIVE-COTE 2.0")."""
    low = max(sentence_start, start - 20)
    return bool(VERSION_BEFORE.search(text, low, start) or (ONE_DIGIT_VERSION.fullmatch(value) and CODED_VERSION_BEFORE.search(text, low, start))
                or (WHOLE_VERSION.fullmatch(value) and NAME_BEFORE.search(text, low, start)))

# "at tIoU 0.5", "at a threshold of 0.7", "@ IoU=0.5", "an IoU threshold of 0.7", "over tIoU thresholds from 0.3 to 0.7":
# the setting a score is read at, not a score. A threshold is one wherever it is named; an IoU is one only after "at".
THRESHOLD_BEFORE = re.compile(
    r"(?:(?:\bat|@)\s+(?:an?\s+)?(?:\w*IoU|(?i:confidence|temperature))|(?i:\bthresholds?))\s*(?:(?:of|=|from|between)\s*)?(?:[\d.]+\s*(?:to|and)\s+)?$")


def first(text: str) -> re.Match | None:
    """`SCORE.search(text)`, trying only the starts near a `SCORE_ANCHOR` (most of a text has none).

    The anchors are looked for from the first one, which `str.find` and a
    search with a literal prefix find much faster than the alternation does;
    most abstracts have none.
    """
    firsts = [i for i in (text.find("%"), text.find("~")) if i >= 0]
    if decimal := DECIMAL_POINT.search(text):
        firsts.append(decimal.start())
    if not firsts:
        return _range(text)  # "an Elo of 1300-1500", the one score with neither a point nor a percent sign
    checked = 0
    for anchor in SCORE_ANCHOR.finditer(text, min(firsts)):
        for start in range(max(checked, anchor.start() - 5), anchor.start() + 1):
            if match := SCORE.match(text, start):
                return match
        checked = anchor.start() + 1
    return _range(text)


def _range(text: str) -> re.Match | None:
    """The first range after a word "of" in `text`."""
    for match in RANGE.finditer(text):
        if match.start() == 0 or not text[match.start() - 1].isalnum():
            return match
    return None


def has_digit(text: str, start: int = 0, end: int | None = None) -> bool:
    """Whether `text[start:end]` holds a digit (`\\d`, not `str.isdigit`'s "²"), which every score does.

    In ASCII text a `str.find` per digit is faster than the search, which
    tests every character's category: a tenth of the cost of the searches
    for a score over an abstract that has no digit (over a third have none).
    """
    end = len(text) if end is None else end
    if text.isascii():
        for digit in "0123456789":  # a loop, not `any` over a generator: 0.55-0.7 of the cost (2,670 calls a run)
            if text.find(digit, start, end) >= 0:
                return True
        return False
    return DIGIT.search(text, start, end) is not None


def numbers(text: str, sent: Sentence) -> list[tuple[int, str]]:
    """The numbers of `sent` that may be scores, as (start, value), in order."""
    start, end = sent.start_char, sent.end_char
    if not has_digit(text, start, end):
        return []  # every number has a digit: half the sentences after a score have none, and one scan for it skips nine
    if not (text.find("%", start, end) >= 0 or text.find("~", start, end) >= 0 or DECIMAL_POINT.search(text, start, end)
            or OF_DIGIT.search(text, start, end) or WHOLE_AFTER_SPACE.search(text, start, end)):
        return []  # every number `SCORE` finds has one of the first four (a range "of N"), every one `whole_scores` finds the last
    sent_text = text[sent.start_char : sent.end_char]
    return sorted([(sent.start_char + m.start(1), m.group(1)) for m in SCORE.finditer(sent_text)] + whole_scores(text, sent))


def _metric_named_after(text: str, found: list[tuple[int, str]]) -> bool:
    """Whether a metric is written right after one of the bare `found` numbers ("SegLite-B (48.7 mIoU on ADE20K, 81.9 on
    Cityscapes)"), which says, as a scoring verb does, that the sentence's bare numbers are scores; not after a percentage
    ("94.2% test accuracy ... after 0.3 GPU-hours")."""
    return any(result_names.METRICS.match(text, start + len(value) + 1) for start, value in found
               if not value.endswith("%") and text.startswith(" ", start + len(value)))


def scores_in(text: str, sent: Sentence, found: list[tuple[int, str]], spans_at: list[tuple[int, int]]) -> list[tuple[int, int, str]]:
    """The scores among the `found` numbers of `sent`, as (start, end, value): not inside a name (`spans_at`), not relative."""
    sent_text = text[sent.start_char : sent.end_char]
    scores = []
    said: list[bool] = []  # whether the sentence says something scored, which a bare number needs: a slow search, made once if at all

    def says_scored() -> bool:
        if not said:
            said.append(bool(folding.search(SCORE_VERBS, sent_text) or VS_PAIR.search(sent_text) or _metric_named_after(text, found)
                             or sum(any(b == start - 1 for _, b in spans_at) for start, _ in found) > 1))
        return said[0]

    def value_ok(value: str, start: int, end: int) -> bool:
        if any(a <= start < b for a, b in spans_at):
            return False  # a version inside a name (`Claude 3.5`)
        if PLUS_MINUS_BEFORE.search(text, max(sent.start_char, start - 5), start):
            return False  # the spread of a score: "4.21 ± 0.05"
        if value.endswith("%"):
            return True
        if (YEARS.match(value) or version_before(text, sent.start_char, start, value)
                or THRESHOLD_BEFORE.search(text, max(sent.start_char, start - 30), start)):
            return False  # "of 2009-2019", "the CARLA Leaderboard 2.0", "73.1% mAP at tIoU 0.5"
        return (says_scored() or _metric_of(text, sent.start_char, start) or CHANGE_END.search(text, max(sent.start_char, start - 30), start) is not None
                ) and not BARE_UNIT.match(text[end : end + 12])

    relative_end = None  # where the last relative gain of the sentence ended
    is_ascii = text.isascii()  # where LIST_TAIL holds every character SCORE_LIST_BEFORE's tail may match
    for start, number_text in found:
        end = start + len(number_text)
        if not value_ok(number_text, start, end):
            continue
        if relative_end is not None and LIST_LINK.match(text[relative_end:start]):
            relative_end = end
            continue
        before = text[max(sent.start_char, start - 80) : start]
        # a list of scores has a "%", and in ASCII ends with one once what may follow each score is stripped (30 of 186 a run)
        listed_before = "%" in before and (not is_ascii or before.rstrip(LIST_TAIL).endswith("%"))
        before = (SCORE_LIST_BEFORE.sub("", before) if listed_before else before)[-40:]
        after = text[end : end + 80]
        after = after[listed.end() if (listed := SCORE_LIST_AFTER.match(after)) else 0 :]
        tail = before.rstrip()
        relative_after = folding.match(RELATIVE_AFTER, after[:30]) and not (ends_with_word(tail, "from") and named_start(before, after)) and not (
            SCORED_BEFORE.search(before) and POINTS_SCORED.match(after))
        if (relative_after or folding.search(RELATIVE_BEFORE, before) or (ends_with_word(tail, "of") and folding.search(RELATIVE_WORDS_OF, before))
                or RELATIVE_OF.match(after) or not_a_score(before, tail, after)):  # `relative_after`, read already, first: it spares the searches
            relative_end = end
            continue
        if folding.may_match(MARGIN, text[sent.start_char : start]) and (margin := MARGIN.search(text, sent.start_char, start)) and (
                not NEW_CLAUSE.search(text, margin.end(), start) or text.count("(", margin.end(), start) > text.count(")", margin.end(), start)):
            continue  # "outperforms X by a large margin (e.g., ~20% on A, and ~3% on B)"; not "... by a wide margin, and keeps a score of 8.12"
        scores.append((start, end, number_text.replace("\\%", "%")))
    return scores
