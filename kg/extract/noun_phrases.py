"""A name inside its noun phrase: the head noun a compound ends in, a counted set, the list it stands in.

English compounds end in their head: "the nuScenes lidar segmentation
benchmark" is a benchmark and "the ESM-2 protein language model" a model,
so the name that modifies them is of that kind. A name between a count
after "on" and a plural noun is the set scored on ("on 412 recent CAMEO
targets"). The members of one list joined by "and" or "or" are of one
kind, so a name nothing else types takes the type of a dataset or world it
is listed with, and the head noun that introduces a list types its members
("datasets such as X and Y"; "web benchmarks: X, Y" are worlds agents act
in). `kg.extract.entity_types` reads these beside its other cues.
"""

from __future__ import annotations

from spacy.strings import get_string_id
from spacy.tokens import Doc

from kg.extract import flags
from kg.extract.candidates import Candidate
from kg.extract.cues import CLOSE, COORDINATION_IDS, HEAD_TYPE, OPEN, WORLD_MODIFIERS
from kg.extract.mentions import norm

ARTICLES = {get_string_id(w) for w in ("the", "a", "an", "The", "A", "An")}
# The words between a list's head noun and its first member: "datasets such as X", "benchmarks: X", "benchmarks (X, ...)".
LIST_INTRO = ({"such", "as"}, {"including"}, {"like"}, {":"}, {"("}, {"namely"}, {"e.g."}, {"e.g.", ","})
# The words of those, one of which stands just before a list's first member, and each without its commas.
LIST_LEADS = frozenset().union(*LIST_INTRO) | {","}
LIST_INTRO_WORDS = [w - {","} for w in LIST_INTRO]
# What agents operate, before a head noun of data: "web benchmarks such as X" name worlds (the guidelines' app environments).
APP_MODIFIERS = {"web", "mobile", "gui", "android", "os"}
# The words before a head noun of data that make the list after it of worlds.
LIST_WORLD_MODIFIERS = WORLD_MODIFIERS | APP_MODIFIERS
SCORED_ON = {get_string_id(w) for w in ("on", "across", "over", "On", "Across", "Over")}
# Words that end a noun compound: verbs, prepositions and conjunctions read before any head noun.
COMPOUND_STOPS = {"and", "or", "of", "to", "with", "for", "on", "in", "is", "are", "was", "were", "that", "which", "by", "as", "at", "from",
                  "has", "have", "can", "will", "using", "than", "achieves", "reaches", "obtains", "outperforms", "uses", "shows"}


def last_head(doc: Doc, orth: list[int], k: int) -> str:
    """The type of the last of the head nouns from `k` on: English compounds end in their head ("a GUI agent model" is a model).

    "platform" is no such head: "an AI agent platform" is software for agents, not a world they act in.
    """
    n, strings = len(orth), doc.vocab.strings  # the words by their hashes (`orth`), without Tokens
    word = strings[orth[k]].lower()
    while k + 1 < n and (following := strings[orth[k + 1]].lower()) in HEAD_TYPE and following not in {"platform", "platforms"}:
        k += 1
        word = following
    return HEAD_TYPE[word]


def compound_head(doc: Doc, orth: list[int], i: int, start: int) -> str | None:
    """The head noun that ends a compound the name modifies: "the nuScenes lidar segmentation benchmark",
    "the ESM-2 protein language model". Read only after an article before the name (a noun phrase, not a
    clause: "X training improves benchmark scores"), over at most three lower-case nouns from `doc[i]`, a
    lower-case word; a participle or a function word ends the compound ("the X generated dataset" is data made with X).
    """
    if ARTICLES.isdisjoint(orth[max(0, start - 3) : start]):
        return None
    for k in range(i + 1, min(i + 4, len(doc))):
        word = doc[k]
        if HEAD_TYPE.get(word.lower_):
            return last_head(doc, orth, k)
        if not (word.is_lower and word.is_alpha) or word.lower_ in COMPOUND_STOPS or word.lower_.endswith("ed"):
            return None
    return None


def counted_set(doc: Doc, orth: list[int], start: int, word: str) -> str | None:
    """A name between a count after "on" and a plural noun, `word`, names the set scored on: "on 412 recent CAMEO targets"."""
    if not (word.endswith("s") and len(word) > 3):
        return None
    for j in range(max(1, start - 3), start):
        if orth[j - 1] in SCORED_ON and doc[j].like_num:
            return "Benchmark"
    return None


def coordinated(doc: Doc, text: str, found: list[Candidate], defaulted: list[Candidate]) -> None:
    """A name nothing typed, joined by "and"/"or" to a dataset or a world, is one at every mention: "to
    2WikiMultiHopQA (64.0 F1) and MuSiQue (41.7 F1)". The members of one list are of one kind; a score in
    parentheses after a member stays inside the list. A comma alone links nothing: "On XSum, EntailDec improves".
    The words between are read by their hashes (`flags.ids`), the names cut from the doc's `text`, without Tokens.
    """
    arenas = [c for c in found if c.label in {"Benchmark", "Environment"}]
    if not arenas:
        return  # most papers list no untyped name with a dataset
    orth, strings = flags.ids(doc), doc.vocab.strings
    by_start = {c.start: c for c in arenas}
    by_end = {c.end: c for c in arenas}
    listed: dict[str, str] = {}
    for c in defaulted:
        j = c.start
        while j > 0 and orth[j - 1] in COORDINATION_IDS:
            j -= 1
        if j < c.start and j > 0 and orth[j - 1] == CLOSE:  # "X (64.0 F1) and Y": past the score after X
            j = next((k for k in range(j - 2, max(0, j - 8), -1) if orth[k] == OPEN), j)
        k = c.end
        while k < len(orth) and orth[k] in COORDINATION_IDS:
            k += 1
        for other, first, last in ((by_end.get(j), j, c.start), (by_start.get(k), c.end, k)):
            if other is not None and any(strings[orth[i]].lower() in {"and", "or", "&"} for i in range(first, last)):
                listed[norm(flags.span_text(doc, text, c.start, c.end))] = other.label
                break
    if listed:
        for c in defaulted:
            c.label = listed.get(norm(flags.span_text(doc, text, c.start, c.end)), c.label)


def list_head_type(doc: Doc, orth: list[int], i: int) -> str | None:
    """The type of the head noun that introduces a list: "datasets such as X and Y", "five new benchmarks: A, B", "six benchmarks (A, B and C)".
    The words before the name and the head noun are read by their hashes (`orth`) from the vocab's strings, without a
    Span and its Tokens: most are a list's commas."""
    strings = doc.vocab.strings
    j = i
    words = set()
    while j > 0 and (word := strings[orth[j - 1]].lower()) in LIST_LEADS:
        words.add(word)
        j -= 1
    if j == i or words - {","} not in LIST_INTRO_WORDS:
        return None
    if orth[j] == OPEN and not (j > 0 and strings[orth[j - 1]].islower()):
        return None  # "Hindsight Simulation (RLHS)": a short form of the name before it, not a list under a head noun
    for k in range(j - 1, max(0, j - 3) - 1, -1):  # the three words before the list's lead, read back, by hash
        text = strings[orth[k]]
        lower = text.lower()
        if t := HEAD_TYPE.get(lower) or ("Benchmark" if lower in {"tasks", "task"} else None):
            if t == "Benchmark" and k > 0 and strings[orth[k - 1]].lower() in LIST_WORLD_MODIFIERS:
                return "Environment"  # "three mobile benchmarks: A, B and C": worlds agents act in (the guidelines' app environments)
            return t  # "classification tasks like X": a named task is its dataset; "LLMs such as X": models; "TTS systems such as X": methods
        if flags.is_punct(text):
            break
    return None
