"""Who scored a score, where the words around it decide: the rules `results` applies before its plain "the name before the score".

A name in an opening "With ...", "Against ..." phrase is a tool or a
target, not who scored, nor is one in an opening "For X, " phrase whose
clause has a subject of its own. A parenthesised score belongs to the name
just before the parentheses, past a few plain words that describe it
("surpassing WebRL trained on the same backbone (31.5%)") and past the
scores before it there ("X (48.7 mIoU on A, 81.9 on B)"). Names listed
like the scores pair with them in order ("TD3 and PPO reach 61% and 43%"); a
benchmark that opens a verbless list goes on with the sentence's first
scorers in order ("and on B 73.1% against 76.4%"); and who scored may be
named after the scores, as the object of "puts", "makes" or "by" ("A Dice
of 0.874 on A puts X ahead of Y").
"""

from __future__ import annotations

import re

from kg.extract import folding, result_arenas
from kg.extract.mentions import Mention, Sentence
from kg.extract.result_names import COMPARED_WORDS

SUBJECT_TYPES = {"Model", "Method"}

# Who owns a score, by the words right around it (read by `results`): a name after the score and "for" or "achieved by", before it
# and "at", a colon or a possessive, after "which scores"; or no one the paper names ("for a vision-only policy", "humans reach").
UNNAMED_FOR = re.compile(
    r"\s*(?:\)\s*)?for\s+(?:an?|the)\s+(?:[\w-]+\s+){0,3}?(policy|baseline|model|agent|system|method|approach|variant|network|controller|classifier|detector)\b"
)
# "for" after a score, past a unit or metric ("19.6 dB for X", "3.42 MOS for X", "98.8% image-level AUROC for X"), and an article.
# An adjective may stand before the owner's name: "0.128 for the factorised F-FNO", "21.0% for the single-turn PAIR attack",
# "44.0% for standard RAG"; past the spread of the score: "3.96±0.08 for YourTTS".
# So is a score "achieved by" a name: "compared to 75.4% achieved by GPT-4".
FOR_OWNER = re.compile(r"\s*(?:(?:±|\+/-)\s*[\d.]+%?\s*)?(?:\)\s*)?(?:(?!for\b)[\w@-]{1,12}\s+){0,2}?(?:for|(?:achiev|obtain|reach|attain|scor|record)ed\s+by)\s+(?:an?\s+|the\s+)?"
                       r"(?:(?:[a-z][\w-]*(?:ed|ised|ized|al)|[a-z]+-[a-z]+|standard|vanilla|naive|plain|conventional|regular)\s+)?")
# The scores listed after one, bare or not: "1.61 and 2.86 for RAFT" are both RAFT's.
SCORES_LISTED = re.compile(r"^(\s*(?:,|and|or|/)?\s*(?:,\s*)?(?:and\s+)?~?\d{1,4}(?:\.\d+)?%?(?![\w.]))+")
# A parenthesised score after a plain word: "close to recordings (4.38)".
UNNAMED_OWNER = re.compile(r"\b([a-z][\w-]*s)\s*\(\s*(~?[\d.]+%?\s*(,|and)\s*)*$")
folding.needs(UNNAMED_OWNER, ("(",))  # held by 2 of the 85 windows a corpus pass: an `in` test, not the search
# "close to ground-truth recordings at 4.45", "than human raters at 4.5": a score "at" plain words compared with, no one named.
UNNAMED_AT = re.compile(r"\b(?:close to|than|against|versus|vs\.?|compared (?:with|to)|behind|below|above|matching)\s+(?:the\s+)?(?:[a-z][\w-]*\s+){0,2}[a-z][\w-]*s\s+at\s+~?$")
# "ahead of DREEAM at 64.20 F1": a score written after a name and "at" is that name's.
AT_SCORE = re.compile(r"\s+at\s+~?")
# "narrowly beating o1 at 79.2%": a name compared with, its score after "at", scored on what it is compared on.
COMPARED_AT = re.compile(rf"\b(?:{COMPARED_WORDS}|trailing)\s+(?:the\s+)?$", re.I)
# "Agents powered by GPT-4o achieve": plain words for who scored, named for the model they are built on.
CARRIED_BY = re.compile(r"\W*(?:[A-Za-z][a-z-]*\s+){1,3}(?:powered by|based on|built on|driven by)\s+(?:the\s+)?")
# "a 3.3-point gain over X, which scores 37.9": a score a relative clause gives a name is that name's.
WHICH_SCORES = re.compile(r",?\s+(?:which|who|that)\s+(?:\w+ly\s+)?(?:scores|reaches|achieves|obtains|attains|gets|records)\s+(?:only\s+)?~?")
# "human performance of 89.0%", "while humans reach 95.2%": a score of people, not of a model.
HUMAN_SCORE = re.compile(r"\bhumans?(?:\s+(?:performance|accuracy|experts?|annotators?|baseline|level|raters?))?\s+(?:of|at|is|are|reach\w*|achiev\w*|scor\w*|gets?)\s+~?$", re.I)
folding.needs(HUMAN_SCORE, ("human",))  # held by none of the 72 windows a corpus pass
# "0.452 (DLA: 0.431, PBM: 0.418)": a score after a name and a colon is that name's, on the benchmark of the score before.
COLON_SCORE = re.compile(r"\s*[:=]\s*~?")
# "higher than PaLM's 73.9%": a score after a name's possessive is that name's.
POSSESSIVE_SCORE = re.compile(r"['’]s\s+(?:[a-z][\w-]*\s+){0,2}?~?")
# "completes 17 of 20 tasks (85%)": the share restates a count of the one who scored, not an unnamed owner's score.
# Also "92 of 134 ALFWorld tasks (68.7%)", "612 of the 1,200 tasks (51.0%)", "47 of 50 peg-insertion episodes (94%)", "44 times (88%)".
COUNT_BEFORE = re.compile(r"\b\d[\d,]*\s+(?:(?:of|out of)\s+(?:the\s+)?\d[\d,]*\s+(?:[A-Z][\w-]*\s+)?(?:[a-z][\w-]*\s+){0,2}?[a-z][\w-]*|times)\s*\(\s*$")
# "With a ResNet-50 backbone and a Feature Pyramid Network, CQR reaches ...": names in an opening phrase are its tools.
LEAD_PHRASE = re.compile(r"^\W*(with|using|against|relative to|unlike|in contrast to|plugged into|built on|on top of|starting from|given|(when\s+)?[a-z-]+ed\s+(to|into|onto|from|with))\b[^,;]*$", re.I)
LIST_END = re.compile(r"\b(?:and|or)\b|&")
# "with RoBERTa-large these rise to 65.5 F1": a pronoun after the lead phrase is who scored, and "these" are the scores before.
PRONOUN_NEXT = re.compile(r"\s+(?:it|they|these|this|we|its|their|our)\b")
UNNAMED_AFTER_COMMA = re.compile(r",\s+(?:the|an?)\s+[a-z][\w-]*\s+(?!of\b)[a-z]+s\b")
DESCRIBED_PAREN = re.compile(r"((?:\s+(?!and\b|or\b|than\b|vs\b|versus\b)[a-z][\w-]*){1,5})\s*\(")
# The scores before it in the parentheses may name their metric and benchmark: "SegLite-B (48.7 mIoU on ADE20K, 81.9 on Cityscapes)".
PAREN_BEFORE = re.compile(r"^\s*\(\s*(~?[\d.]+%?(\s+[^()\s\d][^()]{0,40}?)?\s*(,|and)\s*)*$")


def for_setting(span: Mention, start: int, scorers: set[int], in_sent: list[Mention], text: str) -> bool:
    """Whether `span`, in an opening "For ..., " phrase, is the setting of the score at `start` and not who scored it: the clause
    after the comma has a subject of its own, named ("For Llama-3-8B, LoRAX raises") or not ("For CTGAN, the attack reaches")."""
    comma = text.find(",", span.end_char, start)
    if comma < 0:
        return False
    return UNNAMED_AFTER_COMMA.match(text, comma, start) is not None or any(id(e) in scorers and comma < e.start_char < start for e in in_sent)


def lead_tools(in_sent: list[Mention], clause_start: int, start: int, text: str) -> set[int]:
    """The names of an opening "With ...", "Against ..." phrase of the clause, all of a list ("Against GPT-4o, Claude 3.5 Sonnet and
    Llama-3.1-70B, EchoChamber reaches 73.6%"): tools or targets, not who scored the score at `start`. The list ends at its "and":
    in "Evaluated with AutoAttack, MCAT reaches" MCAT scored."""
    chain: list[Mention] = []
    tools: list[Mention] = []
    for e in in_sent:
        if not clause_start <= e.start_char < start:
            continue
        if LEAD_PHRASE.match(text[clause_start : e.start_char]):
            chain = [e]  # "With a Swin-T backbone and a Feature Pyramid Network, X reaches": each in the phrase
            tools.append(e)
        elif chain and result_arenas.COORDINATION.match(text[chain[-1].end_char : e.start_char]):
            chain.append(e)
        else:
            break
        if len(chain) > 1 and LIST_END.search(text, chain[-2].end_char, chain[-1].start_char):
            tools += chain[1:]
            chain = [e]
    return {id(e) for e in tools if "," in text[e.end_char : start] or PRONOUN_NEXT.match(text, e.end_char)}


def described_owner(in_sent: list[Mention], start: int, text: str) -> Mention | None:
    """The model or method that a few plain words describe before the parenthesised score at `start`: "surpassing WebRL trained
    on the same backbone (31.5%)", "exceeding GPT-4o image generation (0.84)"."""
    before = [e for e in in_sent if e.end_char <= start]
    if before and before[-1].label_ in SUBJECT_TYPES and (described := DESCRIBED_PAREN.match(text, before[-1].end_char, start)):
        return before[-1] if PAREN_BEFORE.match(text[described.end(1) : start]) else None
    return None


def respectively(chain: list[Mention], scores: list[tuple[int, int, str]], index: int, text: str) -> list[Mention]:
    """The one name of `chain` that score `index` pairs with, where the sentence lists as many scores as names
    ("TD3 and PPO reach 61% and 43%"), else all of them ("BERT and RoBERTa reach 84.6%")."""
    if len(chain) < 2:
        return chain
    first, last = result_arenas.listed(scores, index, text)
    return [chain[index - first]] if last - first + 1 == len(chain) else chain


def elliptic(scores: list[tuple[int, int, str]], index: int, arenas: list[Mention], in_sent: list[Mention], text: str, said: dict[int, list[str]]) -> list[str] | None:
    """Who scored a score that a benchmark opens with no verb, as in the sentence's first scores, in the same order.

    "On A X reaches 86.0% against 87.3% for Y, and on B 73.1% against 76.4%": 73.1% is X's and 76.4% Y's; "...; on B, 51% and 40%" too.
    """
    start = scores[index][0]
    opened = [a for a in arenas if a.end_char <= start]
    if not opened or not result_arenas.OPENING.search(text[max(0, opened[-1].start_char - 30) : opened[-1].start_char]):
        return None
    first = next(i for i, s in enumerate(scores) if s[0] >= opened[-1].end_char)
    if text[opened[-1].end_char : scores[first][0]].strip(" ,") or any(opened[-1].end_char <= e.start_char < start and e.label_ in SUBJECT_TYPES for e in in_sent):
        return None
    earlier = [said[i] for i in sorted(said) if scores[i][1] <= opened[-1].start_char]
    return earlier[index - first] if index - first < len(earlier) else None


# Who scored, named after the scores: "A Dice of 0.891 on A puts X ahead of Y", "... is reached by X"; not "Using 10% of the
# labels, X reaches", where the score is a share of the data.
PUTS_BEFORE = re.compile(r"\b(?:puts?|places?|makes?|lets?|ranks?|by)\s+(?:the\s+)?$")
LATER_CLAUSE = re.compile(r"[;:]|\b(?:while|whereas|but|than|ahead of|over|against|compared)\b")


def scorer_after(scores: list[tuple[int, int, str]], index: int, in_sent: list[Mention], text: str) -> Mention | None:
    """The model or method named after the list of score `index` that the sentence says scored it, where none is named before
    it: the object of "puts"/"makes"/"by", with no comparison or new clause between."""
    end = scores[result_arenas.listed(scores, index, text)[1]][1]
    later = next((e for e in in_sent if e.start_char >= end and e.label_ in SUBJECT_TYPES), None)
    if later is None or LATER_CLAUSE.search(text, end, later.start_char):
        return None
    return later if PUTS_BEFORE.search(text, max(end, later.start_char - 12), later.start_char) else None


def opening_subject(sent: Sentence, subjects: list[Mention], text: str) -> Mention | None:
    """The model or method of `subjects` that opens `sent` as its subject ("GlanceVL-7B is initialised from X."): what "It" at the
    start of the next sentence refers to, where it is a name the paper proposes, rather than the paper's first-named proposal."""
    opening = next((e for e in subjects if sent.start_char <= e.start_char < sent.end_char), None)
    return opening if opening is not None and not text[sent.start_char : opening.start_char].strip(" \"'(") else None


# "ahead of X and Y, which are fine-tuned with the same labels and reach 0.861 and 0.858": a relative clause gives the names before
# it the scores its verb reaches, in order.
WHICH_CLAUSE = re.compile(r",\s+(?:which|who)\s+[^,;()]*?\b(?:reach|achiev|obtain|attain|scor|get)\w*\s+(?:only\s+)?~?$")


def which_owners(scores: list[tuple[int, int, str]], index: int, in_sent: list[Mention], text: str) -> list[Mention]:
    """The models or methods that a relative clause after them says scored the list of score `index`, the one it pairs with first."""
    first = result_arenas.listed(scores, index, text)[0]
    low = max(0, scores[first][0] - 120)
    if text.find(" which ", low, scores[first][0]) < 0 and text.find(" who ", low, scores[first][0]) < 0:
        return []  # most scores have no relative clause before them, which `str.find` tells faster than the search
    clause = WHICH_CLAUSE.search(text, low, scores[first][0])
    if clause is None:
        return []
    before = [e for e in in_sent if e.end_char <= clause.start()]
    if not before or before[-1].end_char != clause.start() or before[-1].label_ not in SUBJECT_TYPES:
        return []
    return respectively(result_arenas.coordinated(before, text), scores, index, text)
