"""Terms of art written in plain words: "role-play prompting", "in-weights learning", "knowledge distillation".

The guidelines count established techniques as Methods even in lower case,
and no list holds every one a new paper uses. Their shape is a modifier
and a head noun that names a kind of technique ("... learning",
"... prompting", "... tuning", "... optimization", "... distillation").
A descriptive phrase of the same shape ("effective learning", "standard
prompting") is said once in passing; a technique the paper works with it
names again, in the title and the abstract or twice in the abstract. So a
modifier-and-head pair counts when the paper writes it at least twice
(in any case: "Role-Play Prompting" in the title, "role-play prompting"
after), and its modifier is a content word, not a determiner, an
evaluative adjective or a setting ("few-shot prompting" is a setting).

Some shapes count at once: a kind of layer before "network(s)" or
"units" ("graph attention networks", "gated recurrent units") names an
architecture, capitalised words mid-sentence before a capitalised
technique head ("we add Locality-Sensitive Hashing") name a technique
(not before a word for a part of the system: "the Global Optimization
phase"), and so does a capitalised name before a lower-case one
("Hungarian matching", "the Lanczos algorithm", "Monte Carlo dropout").
A technique said once counts after a cue of use ("by farthest point
sampling", "by self-distillation") or after one in a list ("with cosine
annealing and gradient clipping").
"""

from __future__ import annotations

from collections import defaultdict
from functools import lru_cache

import numpy
from spacy.strings import StringStore, get_string_id
from spacy.tokens import Doc

from kg.extract import flags, lexicon
from kg.extract.candidates import KNOWN, Candidate, extend_variant
from kg.extract.boundaries import NOT_MODIFIERS, unlisted_capital
from kg.extract.cues import NETWORK_WORDS, TECHNIQUE_HEADS, USE_CUES
from kg.extract.noun_phrases import COMPOUND_STOPS

# Modifiers that describe or situate rather than name: "effective learning", "zero-shot prompting", "the tuning".
DESCRIPTIVE_WORDS = frozenset(
    "a an the of and or for with in on to via from by at as into than this that these those such both each all any "
    "our their its his her your my we they it more most less other new novel proposed standard existing different various "
    "during through using use uses used based effective efficient better improved robust traditional conventional current "
    "previous recent further additional joint large-scale human machine zero-shot few-shot one-shot many-shot "
    "model models agent agents data task tasks language "
    "is are was were be been being".split()
)

# Words before a technique head said once that describe how it is done, not which technique: "random sampling".
PLAIN_TECHNIQUE_MODIFIERS = frozenset("random uniform simple naive basic same similar careful extensive further sparse dense full partial".split())
# Words before a technique said once that make it one the paper uses: the cues of use and "selected by / through X".
ONCE_CUES = USE_CUES | {"by", "through"}
# The words that may stand before such a technique: the cues, and the links of a list it follows one in.
NEAR_CUE_IDS = frozenset(get_string_id(w) for w in ONCE_CUES | {"and", "or", ","} for w in (w, w.capitalize()))

# Words for a part of a system, after a name in ordinary capitalised words: "the Global Optimization phase".
PART_WORDS = frozenset("module modules phase phases stage stages step steps component components strategy mechanism block unit engine network head branch".split())

# Kinds of layer that make "... network(s)" an architecture.
LAYER_KINDS = frozenset("neural attention convolutional convolution recurrent residual adversarial capsule graph siamese spiking feedforward feed-forward pointer belief".split())
# Endings of paradigms, before which a capitalised word is a method of the paradigm, not a variant's maker: "Reptile meta-learning".
PARADIGM_ENDINGS = ("learning", "training", "tuning")
# Heads of architectures after "neural" only ("Fourier neural operator"): `flags.UNIT_WORDS`.
OPERATOR_WORDS = frozenset({"operator", "operators"})
# Words before "neural network" that describe one rather than name an architecture: "deep neural networks", "a trained neural network".
PLAIN_NETWORK_MODIFIERS = frozenset("deep artificial trained large largest small simple single multiple shallow standard typical generic general vanilla classical classic modern popular powerful lightweight".split())


def from_repeats(doc: Doc, text: str, heads: list[int], title_end: int, known: list[Candidate]) -> list[Candidate]:
    """Modifier-and-head pairs the paper writes twice or more, as Methods, at every place it writes them.

    `heads` are the tokens flagged as technique heads, `text` the doc's text:
    words are read by their hashes (`flags.ids`) from the vocab's strings, and
    their first letters from the text at their offsets, which costs less than
    making tokens (a word's text 37 ns, a Token 100-150 ns). A listed name over the same words
    (`reinforcement learning`) or more wins in `candidates.non_overlapping`; one inside them
    ("distillation" of "layer-wise distillation") loses. A technique said once may follow one of the `known`
    names in a list: "with beam search and shallow fusion". Cues are read by their hashes (`flags.ids`).
    """
    idx, length = flags.offsets(doc)
    orth, strings = flags.ids(doc), doc.vocab.strings
    places: dict[tuple[str, str], list[tuple[int, int]]] = defaultdict(list)
    found = []
    cued_ends: set[int] = set()  # where a technique a cue of use introduced ends: another may follow it in a list
    for i in heads:
        if i == 0:
            continue
        word, architecture, reach, eponym, lower = _HEADS.get(orth[i]) or _head(strings, orth[i])
        if architecture:
            found += _architecture(doc, i)
            continue
        # A cue of use stands at most two words before a hyphenated word, four before a head: it is looked for by its
        # hash, and only the few places near one are read as tokens.
        if reach and _cue_near(orth, i, reach) and (cued := _cued(doc, orth, i, cued_ends, known)) is not None:
            found.append(cued)  # "training uses negative sampling", "trained by self-distillation"
            cued_ends.add(cued.end)
        if eponym:
            if text[idx[i - 1]].isupper() or text[idx[i - 1]] in "'’":  # "Lanczos algorithm", "Kessling's estimator"
                found += _eponym(doc, i, title_end)
            continue
        if word[:1].isupper() and idx[i] >= title_end and text[idx[i - 1]].isupper() and (c := _titled(doc, text, orth, i)) is not None:
            found.append(c)
        if lower is None:
            continue
        start = i - 1
        modifier = strings[orth[start]]
        if modifier.startswith("-") and start > 0 and idx[start - 1] + length[start - 1] == idx[start] and text[idx[start - 1] : idx[start]].isalpha():
            start -= 1  # "rubric-guided prompting": the tokenizer splits "-guided" off its word
            modifier = strings[orth[start]] + modifier
        if _modifier(modifier):
            places[(modifier.lower(), lower)].append((start, i + 1))
    for (modifier, head), spans in places.items():
        if len(spans) > 1 and not lexicon.is_excluded(f"{modifier} {head}"):
            found += [Candidate(extend_variant(doc, start), end, "term", "Method") for start, end in spans]  # "online prototype learning"
    return found


# What `from_repeats` reads of each head word, by its hash (`_head`, `flags.kept`).
_HEADS: dict[int, tuple[str, bool, int, bool, str | None]] = {}


def _head(strings: StringStore, key: int) -> tuple[str, bool, int, bool, str | None]:
    """What `from_repeats` asks of a head word, answered once per distinct string: the word, whether it heads an
    architecture ("networks"), how far back a cue of use may stand (2 before a hyphenated term, 4 before a cued head,
    else 0), whether a name before it names the technique ("Hungarian matching"), and its lower case where it heads
    a technique's name (else None). The 5,025 heads of the hook's run are 425 distinct words: a lookup by hash replaces
    a string read from the vocab and seven tests (from_repeats replay 14.0 -> 12.9 ms CPU, min of 31 alternating)."""
    word = strings[key]
    lower = word.lower()
    head = (
        word,
        word in NETWORK_WORDS or word in flags.UNIT_WORDS,
        2 if "-" in word and _hyphenated_term(word) else 4 if word in flags.CUED_HEADS else 0,
        word in flags.EPONYM_HEADS or word in flags.NAMED_BY_HEADS,
        lower if lower in TECHNIQUE_HEADS else None,
    )
    return flags.kept(_HEADS, key, head)


def eponym_variants(doc: Doc, bits: numpy.ndarray, listed: list[Candidate], found: list[Candidate], title_end: int) -> None:
    """Grow each listed technique written in lower case over one or two capitalised plain words mid-sentence before it,
    a person's or place's name that names its variant: "Monte Carlo dropout", "Nesterov momentum". Not before a
    paradigm, where the word names a method of it ("Reptile meta-learning"), nor where the words end a longer
    capitalised name or are `-ing` words ("Training dropout"). `listed` are the lexicon's names among `found`, `bits` the
    doc's `kg.extract.flags` bits."""
    taken = None
    for c in listed:
        if c.label != "Method" or c.start == 0 or not bits[c.start - 1] & flags.TITLE:
            continue  # most listed techniques follow no capitalised word
        if not doc[c.start].is_lower or doc[c.end - 1].lower_.endswith(PARADIGM_ENDINGS):
            continue
        taken = taken if taken is not None else {i for o in found for i in range(o.start, o.end)}
        first = c.start
        while first > 0 and c.start - first < 2 and first - 1 not in taken and unlisted_capital(doc[first - 1], title_end) and not doc[first - 1].lower_.endswith("ing"):
            first -= 1
        if first < c.start and not (first > 0 and doc[first - 1].text[:1].isupper() and not doc[first - 1].is_sent_start):
            taken.update(range(first, c.start))
            c.start, c.key = first, None


def _cue_near(orth: list[int], i: int, reach: int) -> bool:
    """One of the `reach` words before `i` is a cue of use or a list's link, read by their hashes (`orth`)."""
    return not NEAR_CUE_IDS.isdisjoint(orth[max(0, i - reach) : i])


def _cued(doc: Doc, orth: list[int], head: int, cued_ends: set[int], known: list[Candidate]) -> Candidate | None:
    """A technique said once in lower case after a cue of use: "uses negative sampling", "by farthest point sampling",
    "compatible with secure aggregation", or after one such in a list ("with cosine annealing and gradient clipping").
    One or two content words before the head (none before a hyphenated word of its own: "by self-distillation"), a cue
    word before them (an article between allowed), and no noun after the head that would make it a modifier ("sampling
    rate", "with high-quality data"). `known` are the names found before: a listed technique may open the list.
    The words up to the head are read by their hashes (`orth`) from the vocab's strings, not as Tokens."""
    strings = doc.vocab.strings
    start = head
    word = strings[orth[head]]
    hyphenated = "-" in word
    while not hyphenated and start > 0 and head - start < 2 and _plain_modifier(strings[orth[start - 1]]):
        start -= 1
    if start == head and not (hyphenated and _hyphenated_term(word)):
        return None
    cue = start - 1 - (start > 1 and strings[orth[start - 1]].lower() in {"a", "an", "the"})
    cue_word = strings[orth[cue]].lower() if cue >= 0 else ""
    # "with X and Y": Y is used too, after a technique said with a cue, a listed one ("with beam search and shallow
    # fusion") or a name a cue of use introduces ("uses SpecAugment and speed perturbation")
    listed = cue > 0 and cue_word in {"and", "or", ","} and (cue in cued_ends or any(c.end == cue and _opens_list(doc, c) for c in known))
    if cue < 0 or cue_word not in ONCE_CUES and not listed:
        return None
    after = doc[head + 1] if head + 1 < len(doc) else None
    if after is not None and (after.is_lower or hyphenated and not after.is_punct) and after.lower_ not in COMPOUND_STOPS:
        return None  # "with negative sampling rates", "using attention heads", "with cutting-edge LLMs": the head modifies a noun
    if lexicon.is_excluded(doc[start : head + 1].text):
        return None
    return Candidate(start, head + 1, "term", "Method")


def _opens_list(doc: Doc, c: Candidate) -> bool:
    """`c` is a technique a list of techniques may start with: a listed one, or a name right after a cue of use."""
    return c.label == "Method" and c.origin in KNOWN or c.start > 0 and doc[c.start - 1].lower_ in ONCE_CUES


@lru_cache(maxsize=1 << 14)
def _hyphenated_term(text: str) -> bool:
    """A hyphenated lower-case word that may name a technique ("back-translation", "self-distillation", "label-smoothing",
    `flags.may_be_hyphenated_term`), not a setting or a description ("zero-shot", "few-shot")."""
    return flags.may_be_hyphenated_term(text) and text not in DESCRIPTIVE_WORDS and not (text.count("-") == 1 and text.split("-")[0] in DESCRIPTIVE_WORDS)


def _plain_modifier(text: str) -> bool:
    """A lower-case content word that may name which technique a head is: not a participle ("exploring scaling")
    nor a word for how it is done ("random sampling")."""
    return text.islower() and _modifier(text) and not text.endswith("ing") and text not in PLAIN_TECHNIQUE_MODIFIERS


def _titled(doc: Doc, text: str, orth: list[int], head: int) -> Candidate | None:
    """Capitalised words mid-sentence before a capitalised technique head name a technique, said once or more:
    "we introduce Locality-Sensitive Hashing into TiM", "ILF can be viewed as Bayesian Inference". Not before a word
    for a part of a system: "an Adaptive Hard-case Sampling module", "the Global Optimization phase" name a part of the
    proposed system in ordinary words, which the guidelines count as no entity.
    The words are read by their hashes (`orth`) from the vocab's strings, and a Token made only to ask whether a
    capitalised word starts its sentence; the name is cut from the `text`."""
    strings = doc.vocab.strings
    if head + 1 < len(orth) and strings[orth[head + 1]].lower() in PART_WORDS:
        return None
    start = head
    while start > 0 and head - start < 4:
        word = strings[orth[start - 1]]
        if not word.isalpha() and "-" not in word or not word[:1].isupper() or word in NOT_MODIFIERS or doc[start - 1].is_sent_start:
            break
        if not word.replace("-", "").isalpha() or word.isupper():
            break  # `DPO Training`: an acronym before the head is a name of its own
        start -= 1
    if start == head or lexicon.is_excluded(flags.span_text(doc, text, start, head + 1)):
        return None
    return Candidate(start, head + 1, "cue", "Method")


def _eponym(doc: Doc, head: int, title_end: int) -> list[Candidate]:
    """A capitalised word mid-sentence before a lower-case technique head is a person's or place's name that names
    a technique, said once or more: "before Hungarian matching", "with Viterbi decoding", "the Lanczos algorithm",
    "Hutchinson's estimator" (not a listed name's: "BERT decoding"). Before "optimizer" or "attack" the word alone is
    the name: "the Lion optimizer" is Lion."""
    owner = head > 2 and doc[head - 1].text in {"'s", "’s"}  # "Hutchinson's estimator", "Dijkstra's algorithm"
    first = head - 1 - owner
    if not unlisted_capital(doc[first], title_end):
        return []
    if first > 0 and (doc[first - 1].text[:1].isupper() or doc[first - 1].text in {"'s", "’s"}):
        return []  # "Goodhart's Law dynamics", "Model Predictive Control sampling": the word ends a longer name
    if doc[head].text in flags.NAMED_BY_HEADS:
        return [] if owner or lexicon.is_excluded(doc[first].text) else [Candidate(first, first + 1, "cue", "Method")]
    return [Candidate(first, head + 1, "term", "Method")]


def _architecture(doc: Doc, head: int) -> list[Candidate]:
    """A kind of layer before "network(s)" names an architecture, said once or more: "graph attention networks",
    "fully convolutional network", "recurrent networks", "Fourier neural operator"; "neural networks" alone is the
    generic class the guidelines exclude, so "neural" needs a modifier of its own ("graph neural network", not "deep
    neural networks"), and a kind of graph network one more ("gated graph neural network")."""
    kind = doc[head - 1].lower_
    if kind not in LAYER_KINDS or kind != "neural" and doc[head].lower_ in OPERATOR_WORDS:
        return []  # "the convolution operator" is an operation, "a Fourier neural operator" an architecture
    start = head - 1
    if start > 0 and _network_modifier(doc[start - 1]):
        start -= 1
        if start > 0 and doc[start].lower_ in LAYER_KINDS and "-" not in doc[start - 1].text and _network_modifier(doc[start - 1]):
            start -= 1  # "gated graph neural network", "relational graph convolutional network": a kind of graph network
    if kind == "neural" and start == head - 1:
        return []
    return [Candidate(start, head + 1, "term", "Method")]


def _network_modifier(token) -> bool:
    return _modifier(token.text) and token.lower_ not in PLAIN_NETWORK_MODIFIERS


@lru_cache(maxsize=1 << 16)
def _modifier(text: str) -> bool:
    """A word that may name a technique's kind: letters and inner hyphens, lower-case or capitalised once.

    Cached: the words before "learning" and "prompting" recur paper after paper.
    """
    if len(text) < 3 or text.lower() in DESCRIPTIVE_WORDS or not text[0].isalpha() or not text.replace("-", "").isalpha():
        return False
    return text[1:] == text[1:].lower() or "-" in text and text.title() == text  # "Role-Play", not `DPO` or `AgentTuning`
