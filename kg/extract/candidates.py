"""Finding candidate names: the token spans that may name an entity.

Names come from four places, in order of trust: the curated lexicon and
the gazetteer (`kg.extract.listed`), model checkpoints by shape (`Llama-3.1-8B`, extended over
a following version or variant word: `Claude 3.5 Sonnet`), names a cue
introduces ("dubbed X", "we propose X,", the title's lead name "X: ..."),
and coined shapes (`AgentGym`, `GAIA`). A candidate carries its origin
(confidence and roles read it), and its type and grouping key where the
place it came from tells them; `kg.extract.entity_types` types the rest.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from operator import attrgetter

from spacy.tokens import Doc

from kg.extract import flags, lexicon, shapes
from kg.extract.derived import derived_type
from kg.extract.cues import CONNECTORS, COORDINATION, HEAD_TYPE, NAMING_CUES, PROPOSE_VERBS, internal_type
from kg.extract.mentions import norm

TITLE_LEAD_WORDS = {"survey", "review", "position", "tutorial", "overview", "perspective", "towards", "toward", "beyond", "rethinking", "benchmarking"}
VARIANT_MODIFIERS = set(
    "offline online hybrid hierarchical inverse deep conditional automatic interactive decentralized decentralised centralized "
    "centralised distributed federated continual contrastive bayesian cartesian supervised unsupervised semi-supervised "
    "self-supervised multi-agent in-context few-shot model-based model-free off-policy on-policy goal-conditioned "
    "multi-turn single-turn tree-based 1d 2d 3d convolutional bidirectional masked".split()
)
# Words that join two established modifiers into one: "offline-to-online".
VARIANT_LINKS = frozenset({"to", "and"})
ORIGIN_RANK = {"lexicon": 0, "gazetteer": 1, "checkpoint": 2, "variant": 3, "title": 4, "definition": 5, "cue": 6, "term": 7, "shape": 8}
# Words between a naming cue and its name ("called as", "dubbed it"), and after a proposing verb ("introduce the"): skipped.
AFTER_NAMING = frozenset({"as", '"', "“", "'", "‘", "it", "them"})
AFTER_PROPOSING = AFTER_NAMING | {"the"}
# First words of a title's lead that is no name: "Survey: ...", "How ...: ...".
NO_TITLE_LEAD = TITLE_LEAD_WORDS | CONNECTORS | {"is", "are", "can", "do", "does", "how", "what", "why", "when"}
# Origins of names the field already knows: never proposed, grouped under their listed name.
KNOWN = {"lexicon", "gazetteer"}


@dataclass(slots=True)
class Candidate:
    start: int
    end: int
    origin: str
    label: str | None = None
    key: str | None = None


def extend_variant(doc: Doc, start: int) -> int:
    """Start of a named variant of a technique: "offline model-based reinforcement learning", "multi-turn RL".

    The guidelines count a paradigm's named variants as entities of their
    own; the established modifiers below make one, and so do hyphenated
    compounds of them ("offline-to-online"); ordinary adjectives
    ("adaptive", "efficient", "cross-domain") do not.
    """
    while start > 0 and _variant_modifier(doc[start - 1].lower_):
        start -= 1
    return start


@lru_cache(maxsize=1 << 12)
def _variant_modifier(lower: str) -> bool:
    """An established modifier of a paradigm, or a hyphenated compound of them: "offline", "offline-to-online"."""
    return lower in VARIANT_MODIFIERS or "-" in lower and all(part in VARIANT_MODIFIERS or part in VARIANT_LINKS for part in lower.split("-"))


def titled_word(text: str) -> bool:
    """A capitalised or coined word, which may be part of a name."""
    return text[:1].isupper() or shapes.is_coined(text)


def titled_run(doc: Doc, start: int, limit: int = 6) -> int:
    """End of the run of capitalised words from `start` ("Meta Agent Search"), connectors allowed inside; the words are
    read by their hashes from the vocab's strings (`flags.ids`), not as Tokens (measured with from_cues, which calls it: 5.9 ->
    4.8 ms CPU, min of 41 alternating with base4's)."""
    orth, strings = flags.ids(doc), doc.vocab.strings
    end = start
    i = start
    while i < len(orth) and i - start < limit:
        word = strings[orth[i]]
        if titled_word(word) and not flags.is_punct(word):
            end = i + 1
        elif word.lower() not in CONNECTORS or i == start:
            break
        i += 1
    return end


def extend_model(doc: Doc, end: int) -> int:
    """`Claude 3.5 Sonnet`, `Llama 3.1 8B`, `GPT-4 Turbo`: the family's name with what follows.

    One release number, and only after a name without one: `ResNet-50 37.9`
    is a name and then a score. A family names its releases for a purpose
    with a capitalised word and a number (`Llama Guard 3`), some with a
    letter before the number (`Kimi k1.5`); a "+" marks an enlarged variant
    (`WavLM Base+`).
    """
    last = end - 1
    numbered = None  # whether the name carries a release number, read only when one may follow
    while end < len(doc):
        word = doc[end].text
        if word in shapes.VARIANT_WORDS or word[:-1] in shapes.VARIANT_WORDS and word[-1] == "+" or shapes.BARE_SIZE.match(word):
            end += 1
            continue
        if numbered is None:
            numbered = _has_digit(doc[last].text)
        if numbered:
            break
        if shapes.RELEASE_NUMBER.match(word) or shapes.LETTER_RELEASE.match(word):
            numbered = True
            end += 1
        elif end + 1 < len(doc) and word.istitle() and word.isalpha() and word not in shapes.NOT_RELEASE_WORDS and shapes.RELEASE_NUMBER.match(doc[end + 1].text):
            numbered = True
            end += 2  # "Llama Guard 3"
        else:
            break
    return end



@lru_cache(maxsize=1 << 14)
def _has_digit(text: str) -> bool:
    """A digit in `text` by `str.isdigit` ("²" counts, as `shapes` counts it; `result_scores.has_digit` asks `\\d` of a
    score's text, which "²" is not); cached, as the same names recur and a generator over a string's characters costs 1 µs."""
    return any(ch.isdigit() for ch in text)


def from_shapes(doc: Doc, positions: list[int], covered: set[int]) -> list[Candidate]:
    """Names by their shape alone, at the `positions` whose strings `flags.may_be_shaped_name` flagged."""
    found = []
    for i in positions:
        if i in covered:
            continue
        text = doc[i].text
        checkpoint, inner_digit, reading = _shape_reading(text)
        if checkpoint:  # `ROUGE-L` has a checkpoint's shape
            found.append(Candidate(i, extend_model(doc, i + 1), checkpoint, "Model"))
        elif inner_digit and i + 1 < len(doc) and shapes.RELEASE.match(doc[i + 1].text):
            found.append(Candidate(i, i + 2, "shape", "Model"))  # `wav2vec 2.0`
        elif reading == "coined":
            found.append(Candidate(i, i + 1, "shape"))
        elif reading == "coined model":
            end = extend_model(doc, i + 1)
            found.append(Candidate(i, end, "shape", "Model" if end > i + 1 else None))
        elif reading:
            found.append(Candidate(i, i + 1, *reading))
    return found


@lru_cache(maxsize=1 << 16)
def _shape_reading(text: str) -> tuple[str | None, bool, tuple[str, str] | str | None]:
    """What `from_shapes` makes of one string, whatever its neighbours: the same names recur paper after paper.

    The origin of a checkpoint's name (`Llama-3.1-8B`), else whether a release number may follow it (`wav2vec 2.0`) and
    what it is otherwise: a variant of a listed name (its origin and type), "coined", "coined model" (a coined name
    that a version or variant word may extend), or None.
    """
    if shapes.is_model_checkpoint(text) and not lexicon.is_excluded(text):
        return "checkpoint" if shapes.known_family(text) else "shape", False, None
    derived = derived_type(text)
    reading: tuple[str, str] | str | None = None
    base = lexicon.by_name().get(norm(derived[1])) if derived else None
    if base and base.type == "Model" and derived[2].split("-")[0].lower() in shapes.LOWER_VARIANT_WORDS:
        reading = ("checkpoint", "Model")  # `o3-mini-high`: a release of a model the lexicon knows
    elif derived:
        reading = ("variant", derived[0])  # `WebArena-Lite`, `CIFAR-10-LT`, `ESM-2`, `YOLOX-X`: a name derived from a known one
    elif shapes.is_coined(text) and not lexicon.is_excluded(text):
        reading = "coined model" if internal_type(text) == "Model" else "coined"
    return None, bool(shapes.INNER_DIGIT.match(text)), reading


def from_cues(doc: Doc, text: str, positions: list[int]) -> list[Candidate]:
    """Names after "named", "called", "dubbed (as)", and after "we propose/introduce" when capitalised.

    `positions` are the tokens flagged as cues or proposing verbs; the words around them are read by their hashes from
    the vocab's strings (`flags.ids`), not as Tokens (some 8 a cue), and a name's words are cut from the doc's `text`:
    replay 5.9 -> 4.8 ms CPU (min of 41, alternating in one process with base4's).
    """
    found = []
    orth, strings = flags.ids(doc), doc.vocab.strings
    n = len(orth)
    for position in positions:
        word = strings[orth[position]]
        lower = word.lower()
        # a capitalised cue after a capitalised word is title case, not a cue: "Low-Resource Named Entity Recognition"
        cue = lower in NAMING_CUES and not (position > 0 and word.istitle() and strings[orth[position - 1]][:1].isupper())
        propose = lower in PROPOSE_VERBS and position > 0 and strings[orth[position - 1]].lower() in {"we", "paper", "work", "study"}
        if not (cue or propose):
            continue
        skipped = AFTER_PROPOSING if propose else AFTER_NAMING
        i = position + 1
        while i < n and strings[orth[i]].lower() in skipped:
            i += 1
        if i >= n:
            continue
        first = strings[orth[i]]
        if not titled_word(first) or first.lower() in {"a", "an", "we", "our", "this", "it"}:
            continue
        end = titled_run(doc, i, limit=6)
        quoted = strings[orth[i - 1]] in {'"', "“", "'", "‘"}
        follows = strings[orth[end]] if end < n else "."
        if propose and not quoted and not (follows in {",", "(", ":", ".", ";"} or follows.lower() in HEAD_TYPE):
            continue
        if not lexicon.is_excluded(flags.span_text(doc, text, i, end)):
            found.append(Candidate(i, end, "cue"))
    return found


def from_title_lead(doc: Doc, text: str) -> list[Candidate]:
    """The name before the title's colon, as in "DotaMath: Decomposition of Thought ..."."""
    first_line = text.partition("\n")[0]
    if ":" not in first_line and "--" not in first_line and "—" not in first_line:
        return []  # most titles have no lead name: their tokens need not be looked at
    idx, length = flags.offsets(doc)
    for i in range(min(8, len(idx))):  # the words are cut from the text: a Span and its tokens cost more
        word = flags.cut(text, idx, length, i, i + 1)
        if word in {":", "--", "—"} and i > 0:
            return _lead(doc, text, 0, i)
        if "\n" in word:  # a token's trailing whitespace is one space at most: a line break is a token of its own
            break
    return []


def _lead(doc: Doc, text: str, start: int, end: int, article: bool = False) -> list[Candidate]:
    """A lead of one name (`doc[start:end]`), or of two or three capitalised words that are not a phrase about a class.

    "Generative Agents: ..." and "Motion Avatar: ..." name what the paper
    builds; "Large Action Models: ...", "From Persona to Personalization: ..."
    and "Towards General Computer Control: ..." do not. After "The" (`article`), a head noun may end the name:
    "The Entity-Deduction Arena: ..." names one arena. The words are cut from the doc's `text`: a Span makes its
    text anew at each read.
    """
    idx, length = flags.offsets(doc)
    words = [word for k in range(start, end) if not (word := flags.cut(text, idx, length, k, k + 1)).isspace()]
    name = flags.cut(text, idx, length, start, end)
    if len(words) > 2 and words[0] == "The" and titled_word(words[1]):
        # "The AI Scientist: ...": the name without its article, the article kept as the name's fuller form
        found = _lead(doc, text, start + 1, end, article=True)
        return [Candidate(c.start, c.end, c.origin, None, name) for c in found]
    if not words or "\n" in name or words[0].lower() in NO_TITLE_LEAD:
        return []
    named = article or shapes.is_coined(words[0])  # "The X Arena", "LMRL Gym": a head noun after a name is part of it
    if len(words) == 1:
        ok = titled_word(words[0])
    else:
        ok = len(words) <= 3 and all(titled_word(word) or word.lower() in CONNECTORS for word in words)
        ok = ok and (named or words[-1].lower() not in HEAD_TYPE) and not words[-1].endswith(("ing", "ed"))
    if not ok or lexicon.is_excluded(name) or any(word != "-" and flags.is_punct(word) for word in words):
        return []
    headed = named and words[-1].lower() in HEAD_TYPE  # "The X Arena", "LMRL Gym" name one thing of its kind
    if len(words) > 1 and not headed and name.lower() not in text[idx[start] + len(name) :].lower():
        return []  # a phrase of plain words is a name only if the abstract uses it again
    return [Candidate(start, end, "title")]


def repeats(doc: Doc, found: list[Candidate]) -> list[Candidate]:
    """Other mentions of a name a cue introduced: "Clicker: ..." in the title, then "Clicker achieves 46.6".

    A name's words are compared by their hashes: its first word's places are found in the doc's ORTH column by numpy,
    the rest read from its list (`flags.ids`).
    """
    orth, ids = flags.columns(doc)[:, 0], flags.ids(doc)
    cued = {}
    for c in found:
        if c.origin in {"title", "cue", "definition"}:
            cued.setdefault(tuple(ids[c.start : c.end]), c)
    added = []
    for words, c in cued.items():
        n = len(words)
        for i in (orth == words[0]).nonzero()[0].tolist():  # not `numpy.flatnonzero`, whose Python wrapper costs 1.5 µs a call
            if i != c.start and (n == 1 or tuple(ids[i : i + n]) == words):
                added.append(Candidate(i, i + n, c.origin, c.label, c.key))
    return added


def sized(sizes: set[int], found: list[Candidate]) -> list[Candidate]:
    """A name followed by a parameter count is a checkpoint: "Mistral 7B", "Lingma SWE-GPT 72B".

    `sizes` are the positions of the tokens flagged `flags.SIZE`: a set lookup, where most docs have none.
    """
    if not sizes:
        return found
    starts = {c.start for c in found}
    for c in found:
        if c.end in sizes and c.end not in starts and c.label in {None, "Model", "Method"}:
            c.end, c.label, c.key = c.end + 1, "Model", None
    return found


def size_list(doc: Doc, found: list[Candidate]) -> list[Candidate]:
    """"AgentLM-7B, 13B, and 70B" gives AgentLM-13B and AgentLM-70B too."""
    added = []
    for c in found:
        if c.label != "Model" or c.end - c.start != 1:
            continue
        stem, _, size = doc[c.start].text.rpartition("-")
        if not stem or not shapes.BARE_SIZE.match(size):
            continue
        i = c.end
        while i + 1 < len(doc) and doc[i].text in COORDINATION | {"and"}:
            while i < len(doc) and doc[i].text in COORDINATION:
                i += 1
            if i < len(doc) and shapes.BARE_SIZE.match(doc[i].text):
                added.append(Candidate(i, i + 1, "checkpoint", "Model", f"{stem}-{doc[i].text}"))
                i += 1
            else:
                break
    return added


def covered(found: list[Candidate]) -> set[int]:
    """The positions of the tokens the `found` names cover."""
    return {k for c in found for k in range(c.start, c.end)}


def non_overlapping(found: list[Candidate]) -> list[Candidate]:
    """Longest names first, then the more trusted origin; a token belongs to one name.

    Only names that overlap (or share a start) compete. In order of start, the names fall into runs that overlap; a
    name alone in its run (10,098 of the 17,694 names of the hook's 1,734 calls) is kept without the ranking's key,
    and a run of two (3,327 of 3,633 runs) keeps the better of its names without sorting a list or marking positions:
    replay of the 1,734 calls 8.4 -> 4.5 ms CPU (min of 21, alternating with the old in one process).
    """
    ordered = sorted(found, key=attrgetter("start"))
    kept = []
    first, end, start = 0, -1, -1
    for i, c in enumerate(ordered):
        if c.start >= end and c.start != start:  # a new run: the one before it is settled, inline (a call per run: +0.6 ms)
            if i - first == 1:
                kept.append(ordered[first])
            elif i > first:
                kept += _by_rank(ordered[first:i])
            first = i
        start = c.start
        if c.end > end:
            end = c.end
    if len(ordered) - first == 1:
        kept.append(ordered[first])
    elif len(ordered) > first:
        kept += _by_rank(ordered[first:])
    return kept


def _by_rank(found: list[Candidate]) -> list[Candidate]:
    """`non_overlapping` of names that overlap: the longest first, then the more trusted origin, in order of start."""
    if len(found) == 2 and (a := found[0]).start < a.end and (b := found[1]).start < b.end:  # most runs: two names, one kept
        return [a if (a.start - a.end, ORIGIN_RANK[a.origin], a.start) <= (b.start - b.end, ORIGIN_RANK[b.origin], b.start) else b]
    taken: set[int] = set()  # a set of positions: 1.3 µs a call less than marking a bytearray
    kept = []
    for c in sorted(found, key=lambda c: (c.start - c.end, ORIGIN_RANK[c.origin], c.start)):
        span = range(c.start, c.end)
        if taken.isdisjoint(span):
            kept.append(c)
            taken.update(span)
    kept.sort(key=attrgetter("start"))
    return kept
