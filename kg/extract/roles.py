"""Roles: what the paper does with an entity, read from the sentences that name it.

Each mention gets the role its sentence supports; an entity's role is the
mention role that comes first in the guidelines' precedence
(proposes > evaluates_on > uses > compares_to > mentions).

Only a name the paper coins can be proposed: a well-known entity from the
lexicon in "we propose an RL approach" is used, not proposed, unless it
leads the title. Benchmarks and environments are evaluated on unless the
sentence proposes them or says a component was trained on them or data
drawn from them ("fine-tuned on MNLI", "pairs from MIMIC-CXR": used), and
never compared to ("outperforms X on WebArena" compares to X and evaluates
on WebArena); models and methods are used
unless the words just before them compare against them ("ahead of X", "we compare A, B
and C with ...", "while X obtains 36.2" after a score, "an X baseline"), the sentence gives
them a score of their own with no "we" and no cue of use ("X and Y, prompted zero-shot,
reach 0.44 and 0.43": baselines), set the paper's
work against them ("instead of X", "unlike X": mentioned), or the sentence is background
(no "we"/"our", and a "such as" list, prior work, or a general claim: "X is typically ...",
"X struggles"). A name after a preposition further along than what a sentence
proposes ("We propose X, which adds a channel to QMIX") is not proposed. A use needs a cue ("fine-tune X", a list after one) or, for a method, the
paper's own sentence; a name with neither is only assumed used, and a comparison stated
elsewhere in the paper outranks it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from kg.extract import folding, shapes
from kg.extract.mentions import Mention, Sentence
from kg.extract.result_scores import has_digit
from kg.records import Entity

# The last letters of `WE`'s words in either case, and the two that case-insensitive matching folds onto them (the Kelvin
# sign onto "k", the long s onto "s"): a match of `WE` ends in one.
WE_LAST = frozenset("erskytERSKYT\u212a\u017f")
# No word character before the letter just matched: a word's start, tested after its first letter.
WORD_START = r"(?<!\w.)"

# `\b(we|our|us|this (paper|work|study|report)|here)\b`, with the word's start tested after its first letter
# (`WORD_START`): a pattern that opens with one of five letters lets the search skip in C to the next of them, where
# one that opens with `\b` is tried at every character; the sentence searches take 0.7 of the time.
WE = re.compile(rf"({folding.by_first_letter(('we', 'our', 'us', 'this (paper|work|study|report)', 'here'), WORD_START)})\b", re.I)

PROPOSE_WORDS = (
    "propos", "introduc", "present", "develop", "design", "construct", "build", "built", "creat", "releas", "curat", "contribut", "formulat", "establish",
    "devis", "offer", "deriv",
    "o(?<=we o)pen-sourc", "o(?<=also o)pen-sourc",  # "we open-source X"; not "open-source models such as X"
)
PROPOSE = re.compile(rf"({folding.by_first_letter(PROPOSE_WORDS, WORD_START)})\w*\b", re.I)
NAMING = re.compile(
    r"\b(dubbed|called|named|termed|coined|namely|entitled)\s*(as\s*)?[\"“']?\s*$|\bcall(s|ed)?\s+(it|them|(the|this|our)\s+[\w-]+)\s*$|\bwe\s+call\s*$|\bresult(s|ing)?\s+in\s+(the\s+)?$", re.I
)
# `folding.needs`: the words of which each match of a pattern holds one, for `folding.search` (most windows hold none).
folding.needs(NAMING, ("dubbed", "call", "named", "termed", "coined", "namely", "entitled", "result"))
# A coined name that opens a sentence as the subject of a present-tense verb is the paper's own: "KiloNet rewires edges ...".
SUBJECT_OPENING = re.compile(r"^\s*(\(?\d{1,2}\)|\d{1,2}\.\s|\((i|ii|iii|iv|v)\))?\s*((notably|finally|moreover|furthermore|further|specifically|concretely|overall|thus|then|first|second|in addition),?\s*)?(the\s+)?$", re.I)
PRESENT_VERB = re.compile(r"^(\s*\([^()]{1,30}\))?,\s+an?\s|^(\s*\([^()]{1,30}\))?\s+(also\s+|further\s+|then\s+|first\s+|consistently\s+)?(?!(is|was|has|approaches|methods|agents|systems|frameworks|techniques|algorithms|baselines|variants|policies)\b)[a-z]{3,}(s|es)\b")
# "our multi-agent framework X", "Our method, X", "a new algorithm (X)"; not "our agent on X" (a preposition ends the phrase).
OUR = re.compile(
    r"\bour\s+((?!(?:on|in|at|to|from|for|by|of|across|over|with)\s)[\w-]+\s+){0,2}([\w-]+\s*[,:(]\s*)?[\"“']?$"
    r"|\b(the )?(proposed|new|novel|resulting)\s+([\w-]+\s+){0,2}([\w-]+\s*[,:(]?\s*)?$",
    re.I,
)
folding.needs(OUR, ("our", "proposed", "new", "novel", "resulting"))
# A verb between "our <noun>" and a name makes the name its object, not the paper's own: "our agent uses X", "our agent plays X".
OBJECT_VERB = re.compile(
    r"\b(uses|plays|trains|navigates|employs|leverages|adopts|applies|queries|calls|invokes|prompts|controls|operates|explores|"
    r"learns|solves|completes|enters|follows|imitates|distills|fine-tunes|relies|builds|extends|combines|integrates)\b",
    re.I,
)


COMPARE_WORDS = (
    r"outperform\w*", r"surpass\w*", r"compar(e|es|ing)(?=\s+$)", r"compar(e|ed|es|ing)\b(?!\s+(to|with)\s+(the\s+)?(performance|results?)\b)[^.;]{0,40}?\b(to|with|against)",
    r"comparisons?\s+(to|with)", "than", r"beat\w*", "baselines?", r"exceed\w*", r"rival\w*", r"vs\.?", "versus", "over", "against", "relative to", "superior to",
    "better than", "competitive with", "comparable to", "on par with", "matches", "matching", r"approach(es|ing)?\s+(the\s+)?(performance|results?|scores?)\s+of",
    r"alternatives?\s+to", r"improvements?\s+over", r"improv(e|es|ing)\s+on", r"ahead\s+of", "above", "behind",
)
COMPARE = re.compile(rf"\b({folding.by_first_letter(COMPARE_WORDS)})\b(?:[^.;]|(?<=\d)\.(?=\d)){{0,60}}$", re.I)
# A list continues a comparison: "outperforming GPT-4 (22.95%), tree search (InternLM-Step-Prover, 50.70%), and X".
COMPARE_LIST = re.compile(r"\b(outperform\w*|surpass\w*|compar(e|es|ing)|than|beat\w*|exceed\w*|over|against|versus|vs\.?)\s(?P<gap>(?:[^.;:]|(?<=\d)\.(?=\d)){0,140})$", re.I)
folding.needs(COMPARE_LIST, ("outperform", "surpass", "compar", "than", "beat", "exceed", "over", "against", "versus", "vs"))
LIST_AND = re.compile(r"(,|\band|\bor)\s+$")
LIST_BREAK = re.compile(r"\b(we|our|which|that|who|to|for|on|in|by|while|when|is|are|was|were)\b", re.I)
# "our agent reaches 42.1%, while X reaches 34.9%", "it chains 4.1 instructions, where X chains 3.1": the other side of a
# contrast with the paper's own work, or with a score the sentence states before it when X states one too.
CONTRAST = re.compile(r"\b(while|whereas|where)\s+(the\s+)?([\w-]+\s+)?$", re.I)
folding.needs(CONTRAST, ("while", "where"))
# "X and Y, prompted zero-shot, reach 0.441 and 0.429": a model or method the paper does not coin that its sentence
# gives a score of its own is a baseline the paper compares with (its own work is coined, or the subject of "we").
SCORED_AFTER = re.compile(
    r"(\s*\([^()]{0,30}\))?((\s*,\s*[\w.+-]+(\s+[\w.+-]+)?)*\s*,?\s*(and|or)\s+[\w.+-]+(\s+[\w.+-]+)?)?(,[^.;,]{0,60},)?\s+(also\s+|only\s+)?"
    r"(reach(es)?|achieves?|attains?|obtains?|scores?|gets?|yields?|lags?|trails?)\b[^.;]{0,40}?\d",
    re.I,
)
# "An I3D baseline trained with the same recipe": a name that heads "baseline" is compared to.
BASELINE_AFTER = re.compile(r"\s*(\([^()]*\)\s*)?baselines?\b", re.I)
# Words just before a model or method that say the paper uses it: "fine-tune X", "built on X", "trained with X".
USE_BEFORE_WORDS = (
    r"fine-?tun\w*", r"us(e|es|ed|ing)", r"leverag\w*", r"employ\w*", r"adopt\w*", r"appl(y|ies|ied|ying)", "built", r"build\w*", "based", r"initiali[sz]\w*", r"combin\w*",
    r"fus(e|es|ed|ing)", r"extend(s|ed|ing)?", r"augment(s|ed|ing)?", r"distill?\w*", "powered", "backbones?", "via", "with", "through", r"train\w*", r"tun(e|ed|es|ing)",
    r"integrat\w*", r"incorporat\w*",
)
USE_BEFORE = re.compile(rf"\b({folding.by_first_letter(USE_BEFORE_WORDS)})\b\s+(\w+\s+){{0,2}}(on|from|upon|with|by|to)?\s*(the\s+|a\s+)?$", re.I)
# A list continues a use: "we fine-tune several LLMs including BERT, distilled BERT, RoBERTa and GPT-2".
USE_LIST = re.compile(r"\b(fine-?tun\w*|us(e|es|ed|ing)|leverag\w*|employ\w*|adopt\w*|appl(y|ies|ied|ying))\s(?P<gap>[^.;:]{0,140})$", re.I)
folding.needs(USE_LIST, ("fine", "use", "using", "leverag", "employ", "adopt", "appl"))
# A list the paper's own new things introduce: "across five new benchmarks: A, B and C", "our datasets, namely A and B".
NEW_LIST = re.compile(
    r"\b(new|novel|our)\s+(\w+\s+)?\w+\s*(:|,?\s*(such as|including|namely))\s*([\w.+-]+(\s*,\s*|\s+and\s+|\s*,\s*and\s+))*$", re.I
)
folding.needs(NEW_LIST, ("new", "novel", "our"))
# "We propose X and evaluate it on Y", "we introduce X, built on Y": what follows the proposal is what the sentence does with Y.
TESTED_AFTER = re.compile(
    r"\b(and|then)\s+(we\s+)?(evaluat|test|assess|validat)\w*\b[^.;]*\b(on|in|across)\b[^.;]*$"
    r"|\b(built|build|builds|based|relies|relying|rely|extends|extending)\s+(up)?on\s+(top\s+of\s+)?(the\s+)?$",
    re.I,
)
# "built on", "based upon": a verb of making that names what the work starts from, not what it makes.
UPON = re.compile(r"\s+(up)?on\b")
# A name after a preposition further along than what is proposed is what the proposal works with or on:
# "We propose X, which adds a channel to QMIX", "reads it with DeBERTa", "hard negatives mined with BM25"; not
# "we propose to ..." (no word between the verb and the preposition).
TOOL_AFTER = re.compile(r"\b(to|with|from|into|using|via|by|for|upon|on|against|than|over)\s+(an?\s+|the\s+)?([\w-]+\s+)?$", re.I)
BACKGROUND_WORDS = (r"e\.g\.", "such as", "existing", "prior", "previous(ly)?", "traditional(ly)?", "conventional", "popular", "recent(ly)?", "have been", "has been",
                    "like", "typically", "usually", "commonly", "widely", "often", r"struggl\w*", r"suffer\w*")
BACKGROUND = re.compile(rf"\b({folding.by_first_letter(BACKGROUND_WORDS)})\b", re.I)
folding.needs(BACKGROUND, ("e.g.", "such as", "existing", "prior", "previous", "traditional", "conventional", "popular", "recent", "have been",
                           "has been", "like", "typically", "usually", "commonly", "widely", "often", "struggl", "suffer"))
ARENA_TYPES = {"Benchmark", "Environment"}
# The size letters of a model family's variants: `X-B`, `X-L`, `X-XL`.
SIZE_LETTERS = re.compile(r"[TSMBLHG]|X+L")
# A benchmark or world that a component was trained on or data was drawn from is used ("pretrained on ImageNet", "a
# policy trained with PPO in Isaac Gym", "pairs from MIMIC-CXR", "a GAN trained on the Covertype and Credit datasets"),
# unless the words between say it is also tested there ("trained on A and tested on B": B is evaluated on). The paper's
# own "we train X on A" is not enough: A is most often where it is tested too.
TRAINED_ON = re.compile(
    r"(\b(trained|pre-?train\w*|fine-?tuned|distill?(ed|s)?|mined|sourced|initiali[sz]ed|"
    r"(data|pairs|images|samples|examples|texts|documents|trajectories|demonstrations|replays|collected|crawled|scraped|gathered|harvested)\s+from)\b)"
    r"(?P<gap>(?:(?!\b(test|evaluat|assess|validat|benchmark|report|achiev|reach|obtain|scor|perform|compar|improv|outperform|surpass|transfer|"
    r"generali[sz]|zero-shot|unseen|held-out|deploy|then|while|whereas|where|which|but|to)\w*)[^.;:]){0,70})$",
    re.I,
)
folding.needs(TRAINED_ON, ("train", "fine", "distil", "mined", "sourced", "initiali", "from"))
DATA_PREPOSITION = re.compile(r"\b(on|in|from|upon)\b")
# A world or benchmark after "for", "in" or "on" in the title is where the paper's work is tested, not what it builds.
TITLE_ARENA = re.compile(r"\b(for|in|on)\s+(the\s+)?$", re.I)
# Methods given as examples in parentheses are background, whoever writes them: "existing RL methods (e.g., PPO)".
EXAMPLES = re.compile(r"\((e\.g\.|for example|such as|including)\s*,?\s*([^()]*(,|\bor\b|\band\b)\s*)?$", re.I)
# A contrast drawn without an experiment names what the paper does not do: "instead of X", "unlike X", "rather than X".
SET_AGAINST = r"\b(instead of|rather than|unlike|as opposed to|in (stark )?contrast (to|with))\s+"
INSTEAD = re.compile(SET_AGAINST + r"([\w-]+\s+){0,3}$", re.I)
INSTEAD_LIST = re.compile(SET_AGAINST + r"(?P<gap>[^.;:]{0,80})$", re.I)  # "Unlike A and B, ...": a list the phrase opens
SET_AGAINST_WORDS = ("instead of", "rather than", "unlike", "as opposed to", "contrast")
folding.needs(INSTEAD, SET_AGAINST_WORDS)
folding.needs(INSTEAD_LIST, SET_AGAINST_WORDS)


# A model or method the paper's own sentence names with no cue: used, unless another mention compares to it.
ASSUMED_USE = "uses?"
# The guidelines' precedence, with a cue-less use ranked below a comparison the text states.
PRECEDENCE = ("proposes", "evaluates_on", "uses", "compares_to", ASSUMED_USE, "mentions")
RANK = {role: rank for rank, role in enumerate(PRECEDENCE)}


@dataclass(slots=True)
class Reading:
    """What `mention_role` reads once per sentence of a paper, by the sentence's start (the paper's mentions share their
    sentences): where its first "we"/"our" ends, and whether it is background."""

    we_end: dict[int, int] = field(default_factory=dict)
    background: dict[int, bool] = field(default_factory=dict)


def mention_role(span: Mention, sent: Sentence, text: str, title_lead: bool, coined: bool, reading: Reading) -> str:
    """The role one mention's sentence `sent` of the paper's `text` gives the entity; `reading` holds the paper's."""
    if title_lead:
        return "proposes"
    before = text[sent.start_char : span.start_char]
    # "(e.g., GPT4, DALLE)": an example is never the paper's own; read only where it matters (a regex per mention costs)
    example = (coined or span.label_ == "Method") and "(" in before[-80:] and bool(folding.search(EXAMPLES, before[-80:]))
    if coined and not example:
        ours = folding.search(OUR, before[-40:])
        ours = ours and not folding.search(COMPARE, ours.group()) and not OBJECT_VERB.search(ours.group())  # "our student outperforms X", "our agent uses X"
        if ours or folding.search(NAMING, before[-60:]) or folding.search(NEW_LIST, before[-120:]) or (_we_before(text, sent, span.start_char, reading) and _proposed_before(before)):
            return "proposes"
        if sent.start == 0 and not (span.label_ in ARENA_TYPES and TITLE_ARENA.search(before[-12:])):
            return "proposes"  # a name the paper coins in its own title; "An Agent for Red Dead Redemption II" is where it acts
        if span.label_ not in ARENA_TYPES and SUBJECT_OPENING.match(before) and PRESENT_VERB.match(text[span.end_char : span.end_char + 60]):
            return "proposes"
    if span.label_ in ARENA_TYPES:
        return "uses" if _trained_on(before) else "evaluates_on"  # a baseline is a model or method, never a benchmark
    if _set_against(before) or span.label_ == "Method" and example:
        return "mentions"
    if folding.search(COMPARE, before[-70:]) or _listed_after(COMPARE_LIST, before) or BASELINE_AFTER.match(text, span.end_char, sent.end_char):
        return "compares_to"
    we = _we_before(text, sent, span.start_char, reading)  # read once, for the three tests below; where it holds, no scan for a digit
    # every match of SCORED_AFTER ends at a digit: one scan for one is cheaper
    if not we and has_digit(text, span.end_char, sent.end_char) and SCORED_AFTER.match(text, span.end_char, sent.end_char) and not folding.search(USE_BEFORE, before[-50:]):
        return "compares_to"  # not "X-tuned Y reaches 86.7": what the paper's method tuned is used
    contrast = folding.search(CONTRAST, before[-30:])
    if contrast and ((contrast.group(1).lower() != "where" and we) or (has_digit(text, span.end_char, sent.end_char) and has_digit(before))):
        return "compares_to"
    background = reading.background
    if sent.start_char not in background:
        background[sent.start_char] = not _we_before(text, sent, sent.end_char, reading) and bool(folding.search(BACKGROUND, text[sent.start_char : sent.end_char]))
    if background[sent.start_char]:
        return "mentions"
    # the paper's own sentence first (`we`, read above): two searches saved for 780 of the 2,118 mentions that get here
    if (span.label_ == "Method" and we) or folding.search(USE_BEFORE, before[-50:]) or _listed_after(USE_LIST, before):
        return "uses"  # a technique the paper's own sentence names is one it uses
    return ASSUMED_USE


def _we_before(text: str, sent: Sentence, end: int, reading: Reading) -> bool:
    """`WE` is found in `text[sent.start_char:end]`, the part of sentence `sent` before `end`.

    The sentence is searched once (not once or more per mention), for its
    first match, and a part holds a match where that one ends within it: the matches are whole words, so the
    first to start is the first to end. A match the part's end cuts off
    ("our" of "ourX") is no match in the sentence, so where a word goes on
    past `end` the part itself is searched, if it ends in the last letter
    of one of `WE`'s words: any other match of the part is one of the
    sentence. A name mostly follows a space or a mark: this skips all the
    1,227 searches of parts over the hook's 1,086 papers (some 2 ms).
    """
    ends = reading.we_end
    if sent.start_char not in ends:
        found = folding.search(WE, text[sent.start_char : sent.end_char])
        ends[sent.start_char] = sent.start_char + found.end() if found else sent.end_char + 1
    if ends[sent.start_char] <= end:
        return True
    if end < sent.end_char and (text[end].isalnum() or text[end] == "_") and text[end - 1 : end] in WE_LAST:
        return bool(folding.search(WE, text[sent.start_char : end]))
    return False


def _set_against(before: str) -> bool:
    """The name is what the paper's work is set against: "unlike X", "instead of relying on X", or a later name of
    the list such a phrase opens ("Unlike Tree of Thoughts and Self-Refine, ...")."""
    window = before[-100:]
    if not folding.may_match(INSTEAD_LIST, window):
        return False  # nor INSTEAD, of the same words, in the last 60 characters: one test for both, and most names stop here
    if folding.search(INSTEAD, before[-60:]):
        return True
    m = folding.search(INSTEAD_LIST, window)
    return bool(m) and bool(LIST_AND.search(m.group("gap"))) and not LIST_BREAK.search(m.group("gap"))


def _listed_after(opening: re.Pattern[str], before: str) -> bool:
    """The name ends a list that `opening` opens: a comparison ("surpasses A (40.1%), B and C") or a use."""
    window = before[-160:]
    if "," not in window:
        return False  # the list's commas are in it: a test in C spares the search (or its gate) for 45% of the names asked
    m = folding.search(opening, window)
    return bool(m) and "," in m.group("gap") and not LIST_BREAK.search(m.group("gap"))


def _trained_on(before: str) -> bool:
    """Training or data-source words before the name, with "on"/"in"/"from" and no test between them and it."""
    m = folding.search(TRAINED_ON, before[-110:])
    return bool(m) and (m.group(2).lower().endswith("from") or bool(DATA_PREPOSITION.search(m.group("gap"))))


def _proposed_before(before: str) -> bool:
    """A proposing verb before the name, with no test between it and the name."""
    verbs = [v for v in folding.finditer(PROPOSE, before) if not UPON.match(before, v.end())]
    if not verbs:
        return False
    tail = before[verbs[-1].end() :]
    window = tail[-60:]
    tool = folding.search(TOOL_AFTER, window)
    tool = tool and (len(tail) > len(window) or window[: tool.start()].strip())  # a word between the verb and it
    return not folding.search(TESTED_AFTER, tail) and not tool  # "built on" is no proposal


def ceiling(label: str, coined: bool) -> str:
    """The strongest role `mention_role` can give a mention of an entity that the title does not lead.

    Only a coined name is proposed, and only a benchmark or environment is
    evaluated on; reading an entity's mentions can stop once one reaches it.
    """
    return "proposes" if coined else "evaluates_on" if label in ARENA_TYPES else "uses"


def entity_role(spans: list[Mention], sents: list[Sentence], text: str, title_lead: Mention | None, coined: bool, reading: Reading) -> str:
    """The role of the entity named by `spans` (each in its sentence of `sents`): of its mentions' roles, the first in the
    guidelines' precedence; reads no further once one is "proposes" or the best the entity can reach (`ceiling`).

    A short form in parentheses right after its long form ("conventional retrieval-augmented generation (RAG)") stands
    in the long form's place: the words before the long form decide its role, not the long form itself. A plain loop,
    not a generator of roles: 2 ms less over the hook's 3,855 entities.
    """
    best_possible = ceiling(spans[0].label_, coined)
    best = "mentions"
    previous = None
    for span, sent in zip(spans, sents):
        if previous is None or text[previous.end_char : span.start_char] not in {" (", "("}:
            role = mention_role(span, sent, text, span is title_lead, coined, reading)
            if role == "proposes":
                return role
            if RANK[role] < RANK[best]:
                best = role
            if role == best_possible:
                break
        previous = span
    return "uses" if best == ASSUMED_USE else best


def own_variants(entities: list[Entity]) -> None:
    """Give `proposes` to the paper's own checkpoints and variants of what it proposes.

    "We introduce Quillmark ... yields Quillmark-32B": a name that extends a proposed
    name by a size, a version or a variant word (`AgentLM-7B` after `AgentLM`,
    `Lingma SWE-GPT 72B`, `X-Instruct`) is introduced with it, whatever its own
    sentence does with it (the guidelines' "the paper introduces it"). A longer
    name of another kind (`SWE-bench` after `SWE`) is not a variant.
    """
    proposed = [e.name for e in entities if e.role == "proposes" and len(e.name) > 2]
    if not proposed:
        return
    prefixes = tuple(proposed)  # one `startswith` in C answers most names, before a generator over the proposed ones
    for e in entities:
        if e.role != "proposes" and e.name.startswith(prefixes) and any(_variant_tail(e.name[len(name) :]) for name in proposed if e.name.startswith(name)):
            e.role = "proposes"


def _variant_tail(tail: str) -> bool:
    """`tail`, after a name, names a checkpoint or variant of it: a separator, then parts with a digit or variant words."""
    if tail[:1] not in {"-", " "}:
        return False
    parts = re.split(r"[-\s]", tail[1:])
    return all(part and (any(ch.isdigit() for ch in part) or part in shapes.VARIANT_WORDS or part in shapes.LOWER_VARIANT_WORDS or SIZE_LETTERS.fullmatch(part)) for part in parts)
