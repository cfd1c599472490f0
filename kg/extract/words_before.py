"""The type the words before one mention of a name give it ("results on X, Y and Z", "agents navigate in X",
"fine-tune X-7B", "questions drawn from X"): `context_type`, which `kg.extract.entity_types` reads where no head
noun beside the name (`kg.extract.contexts.head_type`) types it.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from kg.extract import folding
from kg.extract.arena_clauses import ACTING, AGENTS, SUCCESS_IN, referenced, trained_in_world
from kg.extract.contexts import DATA_NOUNS, closes_opening_phrase, verb_follows
from kg.extract.cues import COMMA, COORDINATION_IDS
from kg.extract.noun_phrases import COMPOUND_STOPS, LIST_LEADS, list_head_type

# A sentence that reports how something scored: "On Cora it reaches 84.1%", "41.3 mAP on DOTA".
EVALUATION_WORDS = re.compile(
    r"\b(datasets?|benchmarks?|experiments?|evaluat\w*|results?|state-of-the-art|outperform\w*|performance|achiev\w*|reach\w*|attain\w*|"
    r"scor\w*|obtain\w*|accuracy|improv\w*|compar\w*)\b|\d%|\d\.\d",
    re.I,
)
# Words just before "on X" that make X what is trained or tested on: "pretrained on X", "accuracy on X", "we measure
# it with the pointing game on X", "losing one point on X".
TRAINED_OR_TESTED = re.compile(
    r"\b((pre-?)?train\w*|fine-?tun\w*|evaluat\w*|test\w*|benchmark\w*|accuracy|performance|results?|scores?|points?|experiments?|validat\w*|assess\w*|measur\w*)\b(?!.*[.;:])",
    re.I,
)
# "experiments in X", "evaluated in X": the guidelines' "experiments in Minecraft" (on a dataset, in a world).
EXPERIMENTS_IN = re.compile(r"\b(experiments?|experimental(ly)?|empirically|evaluat\w*|tested|deployed)\s*(conducted\s*)?$", re.I)
# Words before "over X" that make X a baseline compared with: "improves the CRPS over X", "a 3-point gain over X", "preferred over X".
# A decimal is no sentence's end: "improves Recall@20 to 0.512 and 0.731, over X".
COMPARED_OVER = re.compile(r"\b(improv\w*|gains?|better|outperform\w*|advantages?|superior\w*|margin|preferred)\b(?:[^.;]|\.\d)*$", re.I)
TASKS_IN = re.compile(r"\btasks\s*$", re.I)
INTERACTS = re.compile(r"\binteract\w*\s*$", re.I)
# A sentence about reinforcement-learning rollouts is about acting, agents named or not: "reaches a return of 500 after 40K environment steps".
ROLLOUTS = re.compile(r"\b(episodes?|episodic|environment steps|returns? of|(average|mean|maximum|episode) returns?)\b", re.I)
# Words before a name that make what it names no arena of the sentence: "based on X", "built on X".
NOT_ARENA_BEFORE = {"based", "built", "relies", "rely", "focus", "focuses", "depend", "depends", "conditioned", "runs", "run", "deployed"}
# Endings of adjectives that describe a dataset between its article and its name: "the sparser", "the egocentric",
# "the challenging", "the public", "the original".
ADJECTIVE_ENDINGS = ("er", "est", "ic", "ing", "al", "ous", "ive", "ble")
# Verbs right before "on X" that make X a baseline improved upon, not data scored on: "improving on SchNet and PaiNN".
IMPROVES = {"improve", "improves", "improved", "improving"}
# Nouns before "of X" that make X a collection of tasks or data.
PARTS_OF = {"tasks", "subset", "subsets", "split", "splits", "portion", "partition"}
# Verbs whose object, when it carries a version or size (`Aya-101`), is a model: "distil from Aya-101".
MODEL_VERBS = {
    "fine-tune", "fine-tunes", "fine-tuned", "fine-tuning", "finetune", "finetunes", "finetuned", "distil", "distill", "distils",
    "distills", "distilled", "outperform", "outperforms", "outperforming", "surpass", "surpasses", "surpassing", "initialize", "initialise",
}
# Words before "in X" that make X what a score was measured on.
PERFORMS = re.compile(r"\b(perform\w*|accuracy|results?|scores?|better|worse|effect|gains?|improv\w*)\b(?!.*[.;:])", re.I)
# The words before a name that let the sentence type it.
ARENA_BEFORE = {"with", "in", "on", "across", "over", "play", "plays", "playing", "explore", "explores", "exploring", "navigate", "navigates", "navigating"}

# The words just before a name (or its list) that `context_type` reads: what leads a list, the articles and counts it
# reads past, and the words that type what follows them.
ARTICLES_AND_COUNTS = frozenset({"both", "the", "all", "two", "three", "four", "five", "several"})
WORDS_BEFORE = LIST_LEADS | ARTICLES_AND_COUNTS | MODEL_VERBS | ARENA_BEFORE | {"from", "of"}


def context_type(doc: Doc, orth: list[int], start: int, end: int, starts_by_end: dict[int, int], text: str) -> str | None:
    """The type the words before a coined name give it.

    A name listed after "on"/"across" in a sentence about training or
    evaluation is what was trained or tested on ("results on X, Y and Z",
    "pretrained on X"): a Benchmark, or an Environment where the sentence is
    about agents acting in it; "agents navigate in X" is an Environment; a
    name with a version after "fine-tune"/"distil from"/"outperforms" is a
    Model (`Aya-101`). What the sentence says (agents, acting, evaluation) is
    searched for only on the path that asks it: most names stop at the word before them.
    """
    i = start
    while True:
        j = i
        while j > 0 and orth[j - 1] in COORDINATION_IDS:
            j -= 1
        if j == i or j not in starts_by_end:
            break
        if i - j == 1 and orth[j] == COMMA and (closes_opening_phrase(doc, j) or i == start and verb_follows(doc, orth, end)):
            break  # "On WebArena, X achieves", "Trained on A and B, X reaches": X is the subject after an opening phrase, not one more benchmark
        i = starts_by_end[j]
    if i == 0:
        return None
    strings = doc.vocab.strings  # the words are read by their hashes: a Token costs more to make than the text to read
    word = strings[orth[i - 1]].lower()
    if word not in WORDS_BEFORE and not word.endswith(ADJECTIVE_ENDINGS):
        return None  # most names follow no word that types them, and no adjective ("the sparser X")
    # After a comma none of the readings below applies: most names after one are a list's members (context_type replay
    # over the hook's 2,874 calls 6.98 -> 6.74 ms CPU min, 41 alternating in-process runs).
    if word in LIST_LEADS and ((t := list_head_type(doc, orth, i)) is not None or word == ","):
        return t
    if i > 2 and strings[orth[i - 2]].lower() == "the" and _describes(strings[orth[i - 1]]):
        i -= 1  # "on the sparser X split", "on the egocentric X benchmark": an adjective between the article and the name
        word = "the"
    while i > 1 and word in ARTICLES_AND_COUNTS:
        i -= 1  # "results on both R2R and RxR"
        word = strings[orth[i - 1]].lower()
    verb = strings[orth[i - 2]].lower() if word == "from" and i > 1 else word
    if verb in MODEL_VERBS and any(ch.isdigit() for ch in strings[orth[start]]):
        return "Model"
    if word == "from" and verb in DATA_NOUNS:
        return "Benchmark"  # "real scenes from X", "questions drawn from X": where data come from is a dataset
    if word == "of" and i > 1 and ((two_before := strings[orth[i - 2]]).lower() in PARTS_OF or two_before.endswith("%")):  # "proves 72.1% of X"
        return "Benchmark"  # "the 72 classification tasks of X", "the test split of X" (an Environment in a paper on agents acting)
    if word not in ARENA_BEFORE:
        return None
    at = doc[start].idx
    sent_start, sentence = sentence_at(text, at)
    word_at = doc[i - 1].idx
    before = text[max(sent_start, word_at - 60) : word_at]
    if word == "with":  # "the agent interacts with X", not "users interact with X"
        return "Environment" if INTERACTS.search(before) and (_agents(sentence) or bool(folding.search(ROLLOUTS, sentence))) else None
    if word == "over" and COMPARED_OVER.search(before):
        return None  # "improves the CRPS over X", "gains over X": what is compared with, not scored on
    if word == "in":
        agents = _agents(sentence)
        if ACTING.search(before[-25:]) and agents or EXPERIMENTS_IN.search(before) or TASKS_IN.search(before) or SUCCESS_IN.search(before):
            return "Environment"  # "agents navigate in X", "we show empirically in X", "device control tasks in X": a world
        if trained_in_world(before, agents, sentence):
            return "Environment"  # "the policy is trained in X and reaches a 73% success rate"
        return "Benchmark" if not _acting(sentence, agents) and PERFORMS.search(before) else None  # "performs better in X"
    if word in {"play", "plays", "playing", "explore", "explores", "exploring", "navigate", "navigates", "navigating"}:
        return "Environment" if _agents(sentence) else None  # "agents play NetHack"
    if i > 1 and (doc[i - 2].lower_ in NOT_ARENA_BEFORE or word == "on" and doc[i - 2].lower_ in IMPROVES):
        return None
    if folding.search(EVALUATION_WORDS, sentence) or TRAINED_OR_TESTED.search(before):
        acting = _acting(sentence, _agents(sentence))
        return "Environment" if acting and not referenced(text, word_at, doc[end - 1].idx) else "Benchmark"
    return None


def _agents(sentence: str) -> bool:
    """The sentence speaks of agents, robots, players or policies."""
    return bool(folding.search(AGENTS, sentence))


def _acting(sentence: str, agents: bool) -> bool:
    """The sentence is about acting: agents that act, or rollouts ("40K environment steps"), agents named or not."""
    return agents and bool(folding.search(ACTING, sentence)) or bool(folding.search(ROLLOUTS, sentence))


def sentence_at(text: str, at: int) -> tuple[int, str]:
    """Where the sentence of `text` around character `at` starts, and the sentence, by its full stops (cheap, no parse)."""
    start = max(0, text.rfind(". ", 0, at))
    end = text.find(". ", at)
    return start, text[start : end if end > 0 else None]


def _describes(text: str) -> bool:
    """`text` is a plain adjective ("sparser", "egocentric", "challenging"), not a participle that makes the name the
    paper's ("the proposed X") nor a number or a function word."""
    word = text.lower()
    return text.isalpha() and text.islower() and word not in COMPOUND_STOPS and not word.endswith(("ed", "ly")) and word.endswith(ADJECTIVE_ENDINGS)
