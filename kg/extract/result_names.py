"""Names a result needs that entity finding did not give it.

A result ties a score to who scored it and where, and the sentence that
states the score does not always name both as entities:

- the benchmark may be a name that no lexicon, gazetteer or cue made an
  entity (`result_unlisted`), a set named in plain words or as a part of
  another, or a name found as a model (`result_sets`);
- who scored may be named in the sentence before ("... and train ViT-B/16.
  Fine-tuned, the encoder reaches 84.2%", "... and name the result
  RO-Layout. It improves F1 ..."): the last model or method of that
  sentence is the one the pronoun or the definite noun refers back to,
  when it is a name and not a term of art, nor a description of the name
  before it ("PillarAttn-S, a sparse attention network"); a sentence that
  goes on from the one before ("Notably, accuracy on A rises from 53.5% to
  63.8%") gives its scores to the name that sentence says scores;
- who scored a compared score may be a name no entity covers, after "for":
  "compared with 0.96% for ECAPA-TDNN" (by its shape), "18.9 for AdamW and
  18.6 for Sophia" (in a list of compared scores, any capitalised word), or
  before a scoring verb ("where Rainbow scores 0");
- the metric is named as the sentence names it ("41.3 mAP", "an EER of
  0.78%", "84.2% top-1 accuracy", "an image-level AUROC of"), without a
  statistic word ("a mean Dice score" names "Dice score"), or not at all;
- a name written as a metric ("a CLAP score of 0.38", "the mean lDDT
  reaches") or as what a gerund works on ("refining ESMFold predictions
  raises ...", where the gerund phrase is the paper's method at work), a
  tool, a cost, a task, what a score is compared with ("1.4 points above
  X") or the object of "it improves X from" is not who scored; a version
  written after a name ("AudioLDM 2 reaches") is part of it;
- a name found as a benchmark that scores ("DriveCF achieves 62.3") is who
  scored, and a score that goes on with its subject's list of metrics ("...,
  and an ACC of 0.64 for T850") is measured for the variable after "for".
"""

from __future__ import annotations

import re

from kg.extract import folding
from kg.extract.mentions import Mention, Sentence

# Metric words in any case, with the words that make them specific ("top-1 accuracy", "Dice score", "box AP"),
# and metric acronyms in their own case only: "map" and "mae" are words too.
METRIC_MODIFIERS = (r"top-\d+ ", "median ", "box ", "mask ", "clean ", "robust ", "human-normali[sz]ed ", "normali[sz]ed ", "dice ", "end-to-end ", "task ", "test ",
                    "output ")
METRIC_WORDS = (
    "success rates?", "accuracy(?: rate)?", r"pass@\d+(?: accuracy)?", "win rates?", "f1(?: score)?", "exact match(?: accuracy)?", "completion rate", "solve rate",
    "resolve rate", "word error rates?", "character error rates?", "equal error rates?", "mean opinion score", "score", "returns?", "error rates?", "perplexity",
    "precision", "recall", "dice", "end-point error", "click-through rate", "kendall tau", r"recall@\d+", r"ndcg(?:@\d+)?", r"hits@\d+", r"hr@\d+", r"mrr@\d+",
    "roc-auc", "pr-auc", "auroc", "auprc", "elo", "bleu", "rouge-(?:1|2|l)", r"chrf\+*",
)
METRICS = re.compile(
    rf"(?<![\w@-])((?:{folding.by_first_letter(METRIC_MODIFIERS, case_blind=True)})*(?:{folding.by_first_letter(METRIC_WORDS, case_blind=True)}"
    r"|mAPH?|AP(?:50|75)?|mIoU|WER|CER|EER|MOS|RMSE|MAE|MSE|MRR|AUROC|AUC|NDS|SPL|PSNR|SSIM|FID|FVD|MOTA|MOTP|IDF1|HOTA|EM|EPE|MPJPE|PCK|CTR|IoU|LPIPS|ATE))(?![\w@+-])"
)
# The words before a metric that leave it no owner: "where accuracy", "the accuracy", "Notably, accuracy".
UNOWNED = re.compile(r"(^|[,;:]|\b(the|where|its|and|when|with|then))\s*$", re.I)
# "the encoder", "It", "On B the agent": who scored, named before.
REFERS_BACK = re.compile(
    r"(?:^|[,;:]\s*|\b(?:and|then|while)\s+|^\W*(?:On|In|At|Across)\s[^,;]{1,60}?\s)"
    r"(?:[Ii]t|[Tt]he (?:(?!base\b|baseline\b|teacher\b|original\b|vanilla\b|best\b|strongest\b|same\b|other\b)[\w-]+ ){0,2}"
    r"(?:model|encoder|network|detector|classifier|parser|policy|agent|system|method|planner|tracker|retriever|segmenter|recogniser|recognizer))\b"
)


# An owner that entity finding left unnamed, when it ends the phrase: by its shape (a hyphen, a digit or two capitals),
# or, in a list of compared scores, any capitalised word.
# It may be followed by a participle phrase that describes it: "6.0% for Zipformer trained with the same recipe".
_OWNER_END = r"(?=\s*(?:[,.;)]|\band\b|\bor\b|$)|\s+(?:trained|fine-tuned|tuned|evaluated|run|tested|prompted|used|with|under|using)\b)"
NAME_AFTER_FOR = re.compile(r"((?=[\w-]*(?:-|\d|[A-Z][\w-]*[A-Z]))[A-Za-z][\w-]*\w)" + _OWNER_END)
CAPITALISED_OWNER = re.compile(r"([A-Z][\w-]*\w)" + _OWNER_END)
def owner_after_for(text: str, start: int, end: int, compared: bool) -> re.Match | None:
    """The name after "for" at `start` that owns the score before it, when no entity is there; group 1 is the name."""
    return NAME_AFTER_FOR.match(text, start, end) or (CAPITALISED_OWNER.match(text, start, end) if compared else None)


# A sentence that goes on from the one before, and what that sentence says its subject did to score.
CONTINUES = re.compile(r"^\s*(notably|specifically|in particular|for example|for instance|concretely|e\.g\.)", re.I)
SCORING_VERB = re.compile(r"^\s*(\w+ly\s+)?(sets\s+(?:a\s+new|the\s+state)|surpass|outperform|achiev|improv|beat|exceed|reach|attain|obtain|boost|complet|solv|scor)\w*\b", re.I)
# "X, a sparse attention network": the lower-case words describe X.
DESCRIBES = re.compile(r"\w,\s+(a|an)\s+$")


def describes_before(span: Mention, text: str) -> bool:
    """Whether `span` is a plain-word description of the name before it ("PillarAttn-S, a sparse attention network")."""
    return span.text.islower() and DESCRIBES.search(text[max(0, span.start_char - 40) : span.start_char]) is not None


def continued_subject(sentence: str, candidates: list[Mention], text: str) -> Mention | None:
    """The first of `candidates` (the models and methods of the sentence before) that it says scores, where `sentence` goes on from it."""
    if not CONTINUES.match(sentence):
        return None
    return next((e for e in candidates if SCORING_VERB.match(text[e.end_char : e.end_char + 40])), None)


def referred_subject(clause: str, candidates: list[Mention]) -> Mention | None:
    """The last of `candidates` (the models and methods of the sentence before), where `clause` refers back to one ("It improves", "the encoder reaches")."""
    if not candidates or not REFERS_BACK.search(clause):
        return None
    # A term of art ("sim-to-real transfer") is how an unnamed model was made, not the model "the policy" refers to.
    return None if candidates[-1].text.islower() else candidates[-1]


PARENTHETICAL = re.compile(r"^\([^()]{0,20}\)\s*")
LISTED_AFTER = re.compile(r"(?:\s*(?:,\s*and|,|and|or|/)\s*~?\d+(?:\.\d+)?%?(?![\w.]))+")


def metric(text: str, sent: Sentence, start: int, end: int) -> str | None:
    """The metric the sentence names for the score at `start:end`, with the words of its noun phrase that make it specific:
    "84.6% accuracy", "72.4% average mAP", "an image-level AUROC of 99.3%", "improves the success rate of X from 4.8% to 42.4%"."""
    listed = LISTED_AFTER.match(text, end, min(sent.end_char, end + 60))  # "48.1 and 46.5 mIoU": the list's metric
    rest = PARENTHETICAL.sub("", text[listed.end() if listed else end : end + 60].lstrip(), count=1)  # "91.3% (±0.4) accuracy"
    after = METRIC_AFTER.match(rest)
    if after:
        return after.group(1) + after.group(2)
    before = list(METRICS.finditer(text, sent.start_char, start))
    if not before:
        return None
    modifiers = MODIFIERS_BEFORE.search(text, max(sent.start_char, before[-1].start() - 40), before[-1].start())
    return (modifiers.group(1) if modifiers else "") + before[-1].group(1)


# The words of a metric's noun phrase before it: "72.4% average mAP", "an image-level AUROC of"; not "accuracy on", "the".
_MODIFIER = r"(?:(?!(?:on|in|of|at|for|with|the|a|an|and|or|to|from|by|over|than|while|when|compared|versus|across|its|their|our|new|best|mean|average|maximum|estimated)\b)[a-z][\w-]*\s+)"
METRIC_AFTER = re.compile(rf"({_MODIFIER}{{0,2}})" + METRICS.pattern)
MODIFIERS_BEFORE = re.compile(rf"\b(?:a|an|the|its|their)\s+({_MODIFIER}{{1,2}})$")


def unowned_metric(clause: str) -> bool:
    """Whether `clause` names a metric of no one ("where accuracy moves", "the accuracy rises"), not "human accuracy is"."""
    return any(UNOWNED.search(clause, 0, m.start()) for m in METRICS.finditer(clause))


# A name used as the metric, not as who scored: "a CLAP score of 0.38", "the mean GDT-TS from 61.2 to 64.8",
# "the mean lDDT reaches 83.5", "a 5-day Z500 RMSE of 312". Without an article before it, "improves Llama-3 from
# 4.8% to 42.4%" names who scored.
# "a normalised CTR of 1.71", "a pixel-level PRO of 94.8%"
_ARTICLE = r"(?:\b(?:a|an|the|its|their)\s+(?:(?:[a-z][\w-]*(?:ed|ised|ized|al)|[a-z]+-[a-z]+)\s+)?)"
_STATISTIC = r"(?:\b(?:mean|median|average)\s+)"
_HORIZON = r"(?:\d+-(?:day|hour|step|shot|frame)\s+)"
METRIC_NAME_BEFORE = re.compile(rf"(?:{_ARTICLE}{_STATISTIC}?|{_STATISTIC}){_HORIZON}?$", re.I)
STATISTIC_BEFORE = re.compile(rf"{_STATISTIC}{_HORIZON}?$", re.I)
METRIC_NAME_AFTER = re.compile(r"\s*(?:score\s+)?(?:of|from|to|=)\s+~?\d")  # "lowers the RMSD to 0.041"


# Every match holds a word of `_STATISTIC`: `folding.search` turns down the ASCII windows before names that hold none (all
# 189 a run) by three `in` tests, not the search's 30 tries.
folding.needs(STATISTIC_BEFORE, ("mean", "median", "average"))


def ends_with_word(tail: str, words: str | tuple[str, ...]) -> bool:
    """Whether `tail`, the words before a number or a name stripped of their trailing space, ends with one of the
    lower-case `words` in any case. A pattern that ends with such a word and spaces ("\\bfrom\\s*$") can match only
    there: the test turns down nearly every window before a search tries each of its starts."""
    return tail.lower().endswith(words)


def names_metric(span: Mention, text: str) -> bool:
    """Whether `span` is written as the metric of a score, not as who scored it."""
    before = text[max(0, span.start_char - 30) : span.start_char]
    if folding.search(STATISTIC_BEFORE, before):
        return True
    if not METRIC_NAME_BEFORE.search(before):
        return False
    return bool(METRIC_NAME_AFTER.match(text, span.end_char) or METRICS.match(text[span.end_char : span.end_char + 40].lstrip()))


# "AudioLDM 2 reaches", "Point Transformer V3 obtains", "Whisper large-v3 yields", "(Whisper large-v3)": the version written after a name is part of who scored.
VERSION_AFTER = re.compile(r" ([Vv]\d{1,2}(?:\.\d)?|\d{1,2}|[a-z]+-v\d{1,2}(?:\.\d)?)(?= [a-z]|\))")


def written_name(span: Mention, text: str) -> str | None:
    """The name of `span` with the version written right after it, where entity finding left it out."""
    version = VERSION_AFTER.match(text, span.end_char)
    return span.text + version.group(0) if version else None


# "..., refining ESMFold predictions raises the mean GDT-TS": a name after a gerund that opens a clause is what the
# paper's method works on, and the gerund phrase is the paper's method at work.
# So is every name of a gerund phrase that opens the sentence, up to the verb: "Replacing I3D with VideoMAE features lifts ...".
GERUND_BEFORE = re.compile(r"(?:^|[,;])\s*[a-z]+ing\s+(?:the\s+|an?\s+)?$|^\W*[A-Z][a-z]+ing\s+[^,;]*$")
GERUND_VERB = re.compile(r"\b(?:rais|lift|improv|boost|increas|reduc|lower|push|cut|bring|yield|giv|reach|achiev|attain|obtain)(?:e|es|s|ed|ing)?\b")
GERUND_CLAUSE = re.compile(r"\W*(?:(?:On|In|For|At)\b[^,;]{0,80},\s*)?(?:[A-Z][a-z]+|[a-z]+)ing\s")


def gerund_object(span: Mention, text: str, start: int) -> bool:
    """Whether `span` is the object of a gerund that opens a clause of the sentence starting at `start`."""
    # both alternatives hold "ing": `str.find` turns down most sentences (111 of 189 a run) before the slice and the search
    return text.find("ing", start, span.start_char) >= 0 and GERUND_BEFORE.search(text[start : span.start_char]) is not None


def gerund_clause(text: str, sentence_start: int, clause_start: int, start: int) -> bool:
    """Whether the clause at `clause_start` ("On A, refining X predictions raises ...", "...: adding 1M images raises ...",
    "Transferring X to B raises the score from") has a gerund phrase for its subject, whose verb comes before the score at `start`;
    not a clause after "while" or "but" ("while deciding what to say improved"), nor a score inside the phrase ("Using only 10% of
    the labels, X reaches")."""
    opens = clause_start == sentence_start or text[max(0, clause_start - 3) : clause_start].rstrip().endswith((":", ";"))
    return opens and GERUND_CLAUSE.match(text, clause_start) is not None and GERUND_VERB.search(text, clause_start, start) is not None


# "at a third of the FLOPs of TimeSformer": a model named for its cost, not for a score.
COST_OF = re.compile(r"\b(flops|cost|costs|parameters|params|size|memory|latency|compute|runtime)\s+of\s+$", re.I)
# "Plugged into a 3D U-Net, it ...", "built on a pretrained X", "under X"; not "On MovieLens-1M X reaches": the word between is no name.
BACKBONE = re.compile(r"\b(by|with|using|under|on|from|via|into|(incorporation|addition|use|help) of)\s*(an?\s+|the\s+)?((?-i:[a-z\d][\w-]*)\s+){0,2}$", re.I)
# "the success rate for the 'ObtainDiamond' task": a name followed by "task" names a task, not who scored.
TASK_AFTER = re.compile(r"^[\"'”’]?\s*(tasks?|benchmarks?|datasets?|environments?|settings?|splits?)\b", re.I)
# "The larger Swin-L variant pushes DOTA to 82.1": a name before "variant" or "version" says which variant of the paper's work scored.
VARIANT_AFTER = re.compile(r"\s+(?:variant|version)\b(?!\s+of\b)")


# "1.4 points above Cylinder3D, and ... it achieves 81.0": what a score is compared with; "it improves DNSMOS OVRL
# from": the object of the pronoun's verb.
# So is one in apposition to a compared noun: "6.2 points over the strongest baseline, IRCoT, reaching 58.4".
COMPARED_BEFORE = re.compile(r"\b(above|below|than|ahead of|behind|(?:improv\w*|gains?|\d%?)\s+(?:[^,;]{0,40}\s)?over)\s+(the\s+)?"
                             r"(?:(?:[a-z][\w-]*\s+){0,3}?(?:baseline|model|method|system|approach|competitor|agent)s?,\s+)?$", re.I)
PRONOUN_VERB_BEFORE = re.compile(r"\b(it|they)\s+(\w+ly\s+)?[a-z]+s?\s+(the\s+)?$")


# "exceeds its Rank-1 on Market-1501": what a possessive owns is a metric or a part of who scored, not who scored.
POSSESSED = re.compile(r"\b(?:its|their)\s+$")


# "..., with X reaching 61.0% on A": the name of a "with" phrase whose gerund scores is who scored, not a tool.
WITH_SCORING = re.compile(r"\s+(?:\w+ly\s+)?(?:reaching|achieving|attaining|obtaining|scoring|surpassing|outperforming)\b")


# "improves Recall@20 over LightGCN, SimGCL and XSimGCL": the names listed before one, each compared with as the first is.
NAMES_LISTED_BEFORE = re.compile(r"(?:[A-Z][\w.+/-]*(?:\s+[\w.+/-]+){0,2}?(?:\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+))+$")


def compared_before(span: Mention, sent: Sentence, text: str) -> bool:
    """Whether `span` is what a score is compared with ("above X", "6.2 points over the strongest baseline, X"), or is listed after it."""
    if COMPARED_BEFORE.search(text, max(sent.start_char, span.start_char - 30), span.start_char):
        return True
    low = max(sent.start_char, span.start_char - 70)
    if not text[low : span.start_char].rstrip().endswith((",", " and", " or")):
        return False  # no apposition or list before it: the searches below are slow, and this test is not
    if COMPARED_BEFORE.search(text, low, span.start_char):
        return True
    listed = NAMES_LISTED_BEFORE.search(text, low, span.start_char)
    return listed is not None and COMPARED_BEFORE.search(text, max(sent.start_char, listed.start() - 70), listed.start()) is not None


# "an mAP(07) of 90.6": a metric with its setting in parentheses names what was measured, whatever entity finding made of it.
METRIC_SETTING = re.compile(METRICS.pattern + r"\(")


def may_score(span: Mention, sent: Sentence, text: str) -> bool:
    """Whether `span` may be who scored, by the words around it: not a tool ("built on X", "refining X"; but "with X
    reaching"), a cost ("the FLOPs of X"), a task ("the X task"), a metric ("a CLAP score of"), what is compared with
    ("above X") or the object of "it improves X"."""
    before = text[max(sent.start_char, span.start_char - 30) : span.start_char]
    # COST_OF and POSSESSED end with "of", "its" or "their" and spaces, METRIC_SETTING holds "(": tests of the words' ends and an
    # `in` test turn down nearly every name (180 of 189 a run, 189 and 189) before those searches of every start of the window
    tail = before.rstrip()
    return (not (BACKBONE.search(before) and not WITH_SCORING.match(text, span.end_char))
            and not (ends_with_word(tail, "of") and COST_OF.search(before))
            and not TASK_AFTER.match(text[span.end_char : span.end_char + 16])
            and not VARIANT_AFTER.match(text, span.end_char)
            and not compared_before(span, sent, text) and not PRONOUN_VERB_BEFORE.search(before)
            and not (ends_with_word(tail, ("its", "their")) and POSSESSED.search(before))
            and not names_metric(span, text) and not gerund_object(span, text, sent.start_char)
            and not ("(" in span.text and METRIC_SETTING.match(span.text)))


def named_subjects(sent: Sentence, ents: list[Mention], text: str) -> list[Mention]:
    """The models and methods (`ents`) of `sent` that may have scored, for "It" or "the encoder" in the next sentence to refer to."""
    return [e for e in ents if sent.start_char <= e.start_char and e.end_char <= sent.end_char
            and may_score(e, sent, text) and not describes_before(e, text)]


# "the Longest6 benchmark DriveCF achieves": a name found as a benchmark that does the scoring is who scored.
ON_BEFORE = re.compile(r"\b(on|in|of|from|to|and|or|across|than)\s+(the\s+)?$", re.I)


# "FlukeQA's accuracy on StrategyQA is 78.4%": a name whose metric the sentence gives scored too.
POSSESSIVE_METRIC = re.compile(r"['’]s\s+(?:[a-z][\w-]*\s+){0,2}?" + METRICS.pattern)


# "ahead of GraphMVP (72.6%) and GEM (74.1%)": a name compared with, its score in parentheses, is who scored it.
# So is each name of a list of them: "ahead of A (72.6%) and B (74.1%)", not "on A (94.4%), B (93.7%)".
# The words before a name compared with.
COMPARED_WORDS = r"above|below|than|ahead of|behind|over|outperforming|surpassing|exceeding|beating|against|versus|vs\.?"
COMPARED_OWNER_BEFORE = re.compile(rf"\b(?:{COMPARED_WORDS})\s+"
                                   r"(?:the\s+)?(?:[^()]{1,40}?\(\s*~?[\d.]+%?\s*\)\s*(?:,\s*and|,|and)\s+)*$", re.I)
PAREN_SCORE = re.compile(r"\s*\(\s*~?\d")


# "X with InternVL3-8B achieves": a short "with"/"using" phrase may stand between who scored and the verb.
WITH_PHRASE = re.compile(r"\s+(?:with|using)\s+(?:[\w.-]+\s+){1,3}?(?=\w)")


def scores_next(span: Mention, text: str) -> bool:
    """Whether a scoring verb follows `span`, past a short "with" phrase ("X with Y achieves", "X reaches")."""
    after = WITH_PHRASE.match(text, span.end_char)
    start = after.end() if after else span.end_char
    return SCORING_VERB.match(text[start : start + 40]) is not None


def acting(arenas: list[Mention], text: str) -> list[Mention]:
    """The names of `arenas` that the sentence says score ("X achieves", "X reaches"), not ones scored on ("on X"), and the
    ones compared with, their score in parentheses ("ahead of X (72.6%)"); not a benchmark written as the metric's name ("keeps an
    MT-Bench score of 8.12")."""
    return [a for a in arenas if ((scores_next(a, text) or POSSESSIVE_METRIC.match(text, a.end_char))
                                  and not ON_BEFORE.search(text[max(0, a.start_char - 12) : a.start_char]) and not names_metric(a, text))
            or (PAREN_SCORE.match(text, a.end_char) and compared_owner(a, text))]


def compared_owner(span: Mention, text: str) -> bool:
    """Whether `span` is a name compared with, or one of a list of them, before its score in parentheses ("ahead of X (72.6%)")."""
    return COMPARED_OWNER_BEFORE.search(text[max(0, span.start_char - 150) : span.start_char]) is not None


# "X attains an RMSE of 312, ..., and an anomaly correlation of 0.64 for T850": a score that goes on with its subject's
# list of metrics is measured for the variable after "for", not scored by it.
MEASURED_FOR = re.compile(r"(?:,\s*and|,)\s+(?:a|an)\s+[^,;()]{0,60}?\bof\s*$")


def measured_for(text: str, clause_start: int, start: int) -> bool:
    """Whether the score at `start` continues its clause's list of "a <metric> of N" (so "for X" after it names no owner)."""
    return MEASURED_FOR.search(text[max(clause_start, start - 80) : start]) is not None


# "above Contriever (47.5) and BM25 (42.9)": a compared name that no entity covers owns the score in parentheses after it.
ARENA_LISTED_BEFORE = re.compile(r"\b(?:on|in)\s+(?:the\s+)?[\w.+-]+\s*\([^()]*\)\s*(?:,\s*and|,|and)\s+$")
# The name may have a few capitalised words or a version ("over Depth Anything V2 (0.056 and 0.078)"), and scores before in the parentheses.
COMPARED_PAREN = re.compile(r"\b(?:above|below|than|over|ahead of|behind|against|vs\.?|versus|and|,)\s+([A-Z][\w.+-]*\w(?:\s+(?:[A-Z][\w.+-]*\w|[A-Z\d]\w*)){0,3})"
                            r"\s*\(\s*(?:~?[\d.]+%?\s*(?:,|and)\s*)*$")


# "where Rainbow scores 0": a capitalised name that no entity covers, right before a scoring verb and its score, scored it.
# So does one whose score moves to it: "whereas Self-Forcing drops to 89.7%".
NAME_SCORES = re.compile(r"(?<=[\s,;(])([A-Z][\w.+-]*\w)\s+(?:scores|scored|reaches|reached|achieves|achieved|obtains|obtained|attains|attained|gets"
                         r"|(?:drops|dropped|falls|fell|rises|rose|climbs|climbed)\s+to)\s+(?:only\s+)?~?$")
OBJECT_OF = re.compile(r"\b(?:from|of|with|by|in|on|to|for|than|over|via|using)\s+(?:the\s+)?$", re.I)
# Pronouns and sentence adverbs, capitalised at a sentence's start, are no names: "Ours reaches" is the paper's own work.
NOT_SUBJECT_WORDS = {"It", "This", "That", "These", "Those", "They", "We", "Our", "Ours", "The", "Its", "Which", "Both", "All", "Each",
                     "Overall", "Here", "There", "Then", "Finally", "Moreover", "Notably", "Together", "Altogether"}


def name_before_verb(text: str, sentence_start: int, start: int, covered: list[tuple[int, int]]) -> re.Match | None:
    """The name no entity (`covered`) covers that scores the score at `start` ("where Rainbow scores 0"); group 1 is the name."""
    low = max(sentence_start, start - 40)
    found = NAME_SCORES.search(text, low, start)
    if found is None or found.group(1) in NOT_SUBJECT_WORDS or METRICS.fullmatch(found.group(1)) or any(a <= found.start(1) < b for a, b in covered):
        return None
    if OBJECT_OF.search(text, max(sentence_start, found.start(1) - 12), found.start(1)):
        return None  # "(SyN) from ANTs obtains 0.639": the object of a preposition is not who scored
    return found


def compared_in_parentheses(text: str, sentence_start: int, start: int, covered: list[tuple[int, int]]) -> str | None:
    """The compared name just before the parenthesised score at `start`, where no entity (`covered`) is that name."""
    low = max(sentence_start, start - 50)
    if text.rfind("(", low, start) < 0:
        return None  # no parentheses: most scores, told faster than by the search
    found = COMPARED_PAREN.search(text[low:start])
    if found is None:
        return None
    name_end = low + found.end(1)
    if ARENA_LISTED_BEFORE.search(text, max(sentence_start, low + found.start(1) - 80), low + found.start(1)):
        return None  # "on A (48.2) and B (51.0)": B is the second benchmark of the list, not a name compared with
    return None if any(a < name_end <= b for a, b in covered) else found.group(1)
