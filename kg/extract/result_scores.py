"""Which numbers of a sentence are scores: the first step of finding results (`results`).

A score is a percentage as written ("42.4%"), or a bare number in a
sentence that says something scored it ("UI-TARS achieves 46.6",
"~1732 (PPO)", "lowers RMSE to 0.41"), or a range after "of" ("an Elo of
1300-1500", but not "of 2009-2019"). Relative gains are not
results ("+12%", "by 40%", "a 40% improvement", "33% fewer", "relative
improvements of 14%, 7% and 9%", "gains 3.1 BLEU", "4.1 chrF++ points above", "46.6% in saved computation"), nor is a ceiling ("below 54%", "less than
10% of the tokens"), nor a score listed after a relative one ("by 12.2% for
ICL and 19.5% for training"), and in "from A to B" only B is.
A share of the data ("with 1% of the labels") is no score, nor is a version or a threshold
(`result_names`).
"""

from __future__ import annotations

import re

from kg.extract import folding, result_names
from kg.extract.mentions import Sentence

SCORE = re.compile(r"(?<![\w.+\-±])(?<!\d:)(\d{1,3}(?:\.\d+)?\+?\\?%|~?\d{1,4}\.\d+(?![\d%]|\.\d|:\d)|~\d{2,5}(?![\d%.])|(?<=of )\d{2,4}[-–]\d{2,4}(?![\w%.-]))")
# A range is a score only after "of" ("an Elo of 1300-1500"), and years are none ("of 2009-2019").
# Its literal start lets the search skip through a text as fast as `str.find`; `_range` checks the word boundary before it.
RANGE = re.compile(r"of \d{2,4}[-–]\d{2,4}(?![\w%.-])")
YEARS = re.compile(r"^(19|20)\d\d[-–](19|20)\d\d$")
# Every score but a range has one of these within its first six characters: finding them is much faster than `SCORE.search`.
SCORE_ANCHOR = re.compile(r"%|~|\.\d")
DECIMAL_POINT = re.compile(r"\.\d")
# A bare number ("46.6", "~1732") is a score only where the sentence says something scored it.
SCORE_VERBS = re.compile(
    r"\b(achiev\w*|scor\w*|reach\w*|obtain\w*|attain\w*|surpass\w*|outperform\w*|were|was|improv\w*|rais\w*|ris(e|es|ing)|rate[sd]?|lower\w*|reduc\w*|complet\w*|"
    r"yield\w*|record\w*|report\w*|gets?|wins?|picks?|drop\w*|fall\w*|fell|decreas\w*|increas\w*|MRR|BLEU|F1|MOS|AUROC|AUC|mAP|AP|WER|SPL|NDCG|nDCG)\b",
    re.I,
)
BARE_UNIT = re.compile(r"^\s*(x\b|×|times|[BMK]\b|billion|million|seconds?|s\b|hours?|minutes?|days?|ms\b|GB|MB|tokens|fps|Hz)", re.I)
# Other scores of the same list, skipped when looking for the words around a list ("of 14.1%, 7.1%, and 9.4%").
SCORE_LIST_BEFORE = re.compile(r"(\d{1,3}(?:\.\d+)?\\?%(?:,|and|or|/|\s)*)+$")
SCORE_LINK = re.compile(r"^\s*(,|and|or|/|, and|, or)\s*$")  # between two scores of one list
SCORE_LIST_AFTER = re.compile(r"^(\s*(?:,|and|or|/)?\s*(?:,\s*)?(?:and\s+)?\d{1,3}(?:\.\d+)?%)+")
# The word boundary is tested once, before the words: one `\b` per word would make the search try every word at every character.
RELATIVE_BEFORE = re.compile(
    r"(\+|\b(?:by|up to|less than|fewer than|below|under|at most|improvements? of|increases? of|gain(s|ed|ing)?( of)?|boosts? of|improves?|reduc\w+|within|margin\b.*))"
    r"\s*(over|more than|absolute|about|around|nearly|approximately|up to|an?|average|of|~|\s)*$",
    re.I,
)
RELATIVE_AFTER = re.compile(
    r"^\s*([\w+@/-]+\s+){0,2}?(-\s*\d|to\b|relative|absolute|improvements?|increases?|gains?|boost|faster|slower|less|more|fewer|reduction|above|below|"
    r"decrease|higher|lower|longer|shorter|larger|smaller|greater|better|worse|points?|pp\b|margin|speed-?up|saved|savings?)",
    re.I,
)
# A share of something, not a score: "46.6% of its cost", "with 1%, 10% and 100% of the labels".
RELATIVE_OF = re.compile(r"^\s*of\s+(all|its|their|our|\S+'s|the (data|parameters|cost|compute|labels|annotations|training (data|set)))\b", re.I)
RELATIVE_WORDS_OF = re.compile(r"\b(higher|lower|better|worse|more|less|increase|improvement|gain|reduction)\b(\s+[\w-]+){0,3}\s+of\s*$", re.I)
# What may stand between two scores of one list: "by 12.2% for ICL with Claude-3.5 and 19.5% for ...",
# "by 9.8 (+29.4%) and 5.9": the second is as relative as the first.
LIST_LINK = re.compile(r"^\s*(\([^()]*\)\s*)?((for|on|in|with)\s+(?:(?!\.\s)[^,;%()]){1,60}?)?\s*(,\s*and|,|and)\s*$", re.I)
# An average over the paper's benchmarks has none of its own: "(Avg. 80.1%)", "an average accuracy of 61%".
AVERAGE_BEFORE = re.compile(r"\b(avg|average|averaged)\b\W*([\w-]+\W+){0,2}$", re.I)
MARGIN = re.compile(r"\bby\s+(a|an)?\s*(\w+\s+)?margin\b", re.I)


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


def numbers(text: str, sent: Sentence) -> list[tuple[int, str]]:
    """The numbers of `sent` that may be scores, as (start, value), in order."""
    sent_text = text[sent.start_char : sent.end_char]
    return sorted([(sent.start_char + m.start(1), m.group(1)) for m in SCORE.finditer(sent_text)] + result_names.whole_scores(text, sent))


def scores_in(text: str, sent: Sentence, found: list[tuple[int, str]], spans_at: list[tuple[int, int]], on_benchmark: bool) -> list[tuple[int, int, str]]:
    """The scores among the `found` numbers of `sent`, as (start, end, value): not inside a name (`spans_at`), not relative.

    `on_benchmark` says whether the sentence names a benchmark, which a preference share needs to be a score.
    """
    sent_text = text[sent.start_char : sent.end_char]
    scores = []
    # Whether the sentence says something scored, which a bare number needs: a slow case-insensitive search, made once.
    says_scored = any(not value.endswith("%") for _, value in found) and bool(SCORE_VERBS.search(sent_text))

    def value_ok(value: str, start: int, end: int) -> bool:
        if any(a <= start < b for a, b in spans_at):
            return False  # a version inside a name (`Claude 3.5`)
        if value.endswith("%"):
            return True
        if (YEARS.match(value) or result_names.version_before(text, sent.start_char, start, value)
                or result_names.THRESHOLD_BEFORE.search(text, max(sent.start_char, start - 30), start)):
            return False  # "of 2009-2019", "the CARLA Leaderboard 2.0", "73.1% mAP at tIoU 0.5"
        return says_scored and not BARE_UNIT.match(text[end : end + 12])

    relative_end = None  # where the last relative gain of the sentence ended
    for start, number_text in found:
        end = start + len(number_text)
        if not value_ok(number_text, start, end):
            continue
        if relative_end is not None and LIST_LINK.match(text[relative_end:start]):
            relative_end = end
            continue
        before = SCORE_LIST_BEFORE.sub("", text[max(sent.start_char, start - 80) : start])[-40:]
        after = text[end : end + 80]
        after = after[SCORE_LIST_AFTER.match(after).end() if SCORE_LIST_AFTER.match(after) else 0 :]
        relative_after = folding.match(RELATIVE_AFTER, after[:30]) and not result_names.named_start(before, after)
        if (folding.search(RELATIVE_BEFORE, before) or folding.search(RELATIVE_WORDS_OF, before) or relative_after or RELATIVE_OF.match(after)
                or result_names.not_a_score(before, after, on_benchmark)):
            relative_end = end
            continue
        if MARGIN.search(text[sent.start_char : start]):
            continue  # "outperforms X by a large margin (e.g., ~20% on A)"
        scores.append((start, end, number_text.replace("\\%", "%")))
    return scores
