"""Typing names the lexicon does not know, from the words around them.

A new name's type is read from the head noun beside it ("the X
benchmark", "X, a framework", "on X and Y datasets") or ending the
compound it modifies ("the X planning benchmark"), from the words before
it ("results on X", "agents navigate in X", "fine-tune X-7B", "on 412 X
targets"), read by `kg.extract.contexts` and `kg.extract.words_before`, and last from its own
shape (`...Bench`, `...Gym`, `... Data Bank`); a name nothing types is a Method, unless the words around it
treat it as a trained network ("encoded with X", `kg.extract.trained`), it
carries a release number after a stem that names no technique (`StyleGAN2`
a Model, `FlashAttention-2` a Method), a release tier or a tuned
checkpoint's suffix (`X-Flash`, `X-Instruct`), a prefix before a listed
model's name (`MedCLIP`), or it is listed with a dataset or world ("X and
Y"). A name listed beside a listed model is a Model, as is every member of
a list whose listed members are models, and one with a release number
listed with listed techniques a Method ("PPO, SAC and Vexa-2"); a list one
of whose members is treated as trained ("rewards from X and Y") is of
trained networks. A metric after a name makes it what was
scored ("X accuracy"), and a clause after a name or its list says what was
done with it ("A and B, which are fine-tuned", "trained from scratch",
`kg.extract.trained.clause_type`), which also settles the registry names
typed Model or Method (an architecture registry lists `Mask2Former`, which
papers train themselves). Mentions of one name vote, so one clear
context types them all. Names derived from a known name
(`kg.extract.derived`) are typed before this step.
"""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.strings import get_string_id
from spacy.tokens import Doc

from kg.extract import flags, folding, lexicon
from kg.extract.arena_clauses import evaluation_suite, referenced
from kg.extract.boundaries import BENCHMARK_VARIANT_WORDS
from kg.extract.candidates import Candidate
from kg.extract.contexts import closes_opening_phrase, head_type, listed_clause_type
from kg.extract.cues import ARCHITECTURE, CLOSE, COMMA, COORDINATION_IDS, OPEN, internal_type
from kg.extract.mentions import norm
from kg.extract.metric_names import is_metric
from kg.extract.noun_phrases import coordinated
from kg.extract.shapes import VARIANT_SPLIT, is_release
from kg.extract.trained import trained_system
from kg.extract.words_before import context_type, sentence_at

# A title about agents acting in the world: what its papers' unnamed-kind names are tested on is where the agent acts.
EMBODIED_TITLE = re.compile(r"\b(navigat\w*|embodied|robots?|robotic|manipulation|locomotion|legged|humanoids?)\b", re.I)
# A paper on reinforcement learning or exploration, about agents, policies or episodes, trains agents that act: what it
# tests them on is where they act (`MiniHack`, "the X suite"), unless it says data. A paper on language models
# (LLM agents, preference tuning) is not such a paper: its benchmarks are mostly scored against references.
# The case-insensitive patterns searched over whole sentences and texts are written in lower case, so that
# `kg.extract.folding` runs them without `re.I` over the lower-cased text, about twice as fast ("rl" is "RL").
RL_PAPER = re.compile(r"\b(reinforcement learning|rl|marl|drl|exploration|episodic|curriculum learning)\b", re.I)
RL_ACTING = re.compile(r"\b(episodes?|episodic|exploration|environments?|environment steps|sample[- ]efficien\w*|policies|policy|agents?|rewards?)\b", re.I)
LANGUAGE_MODELS = re.compile(r"\b(human feedback|rlhf|preferences?|llms?|language models?)\b", re.I)
# A name ending in a word for a store of data names a dataset: `Protein Data Bank`, `Free Music Archive`.
DATA_STORE_WORDS = "Bank|Archive|Database|Repository"
NAMED_DATA = re.compile(rf"\b(Dataset|Benchmark|Corpus|Treebank|{DATA_STORE_WORDS})s?$")
DATA_STORE = re.compile(rf"\s({DATA_STORE_WORDS})$")
# Heads of contests and suites, which name data or a world agents act in, as the paper's subject decides (not `Dataset`).
CONTEST_HEAD = re.compile(r"\b(Challenge|Suite|Benchmark)$")
# A score or a vision task just before "on X": "94.1% accuracy on X", "few-shot classification on X", "on X" opening a
# sentence that reports a score. What is scored on is data, even when its name ends like a network's (`...Net40`).
SCORED_ON = re.compile(r"(\d%?|accuracy|mIoU|AP|F1|classification|segmentation|detection|recognition)\b[^.;,]{0,40}\bon\s*$|(?:^|\n)\W*on\s*$", re.I)
# A benchmark whose tasks an agent works through interactively is an Environment (the guidelines' line): "a benchmark of multi-app mobile tasks".
BENCHMARK_WORD = re.compile(r"\b(benchmarks?|suites?|testbeds?)\b", re.I)
TASKS = re.compile(r"\btasks?\b", re.I)
DATA_WORD = re.compile(r"\b(datasets?|corpus|corpora|annotations?|dialogues|scenes|scans)\b", re.I)
INTERACTIVE = re.compile(
    r"\b(interactive|interactions?|interact\w*|embodied|websites?|simulat\w*|apps)\b|\bmobile (tasks|apps?|devices?)\b|\bmulti-app\b"
    r"|\b(android|desktop|web|mobile|ios) (apps?|applications)\b|\boperat\w+ (an? |the )?(computer|phone|device|desktop|browser|smartphone)s?\b",
    re.I,
)
VERSION_END = re.compile(r"[\s-]+v?\d+(?:\.\d+)*$")
# A variant word or a budget after a name (`QuillBench Multilingual`, `Atari 100k`): the name's kind is its stem's.
VARIANT_END = re.compile(rf"\s(?:{'|'.join(sorted(BENCHMARK_VARIANT_WORDS))}|\d+[kKM])$")
# Origins of names typed Model before context typing: listed models and checkpoints by their shape (`Vidgen-5B`).
MODEL_ANCHORS = {"lexicon", "gazetteer", "checkpoint", "shape"}
# The possessive after an owner before a name: "Alibaba's QwQ".
POSSESSIVE = frozenset(get_string_id(w) for w in ("'s", "’s"))
# Origins of names typed Method before context typing: the curated and registry lists.
METHOD_ANCHORS = {"lexicon", "gazetteer"}
# Suffixes of a checkpoint tuned from a base (`X-Instruct`, `X-SFT`, `X-Zero`; not `X-DPO`, a variant of DPO as often): a model, or the data it was tuned on
# where the words around it say data ("on X-Instruct"), never a technique.
TUNED_END = re.compile(r"-(Instruct|SFT|Zero)$")
# The tiers a model family releases its checkpoints in: `X-Flash`, `X-mini`, `X Pro` (not `-Lite`, a benchmark's subset as often).
MODEL_TIER = re.compile(r"[- ](Pro|Ultra|Flash|[Mm]ini|Turbo|Max|Plus|Nano)$")
# A coined stem that ends in a kind of technique names a technique, whatever release number follows it: `FlashAttention-2`,
# `RandAugment 2`, `GroupNorm-3` are versions of an operation, not released networks.
TECHNIQUE_STEM = re.compile(r"[a-z](Attention|Augment|Norm|Search|Sampling|Sampler|Decoding|Prompting|Tuning|Learning|Pooling|Dropout|Merging|Loss)[- ]?v?\d")
# A coined name that ends in a listed model's name is built from that model (`MedCLIP`, `VideoLLaMA`): a prefix word, then the model.
ENDS_IN_NAME = re.compile(r"^(?:[A-Z][a-z]+|[a-z]+)([A-Z][A-Za-z0-9]{2,})$")
# Head nouns right after a name that call it data: "the X leaderboard", "the X corpus" (`...Arena` names data there).
DATA_HEADS = frozenset("dataset datasets corpus corpora leaderboard leaderboards split splits subset subsets treebank".split())
# Words after a name that make it what a score was measured on: "ValTrix accuracy", "BrimLo F1" (with the registries' metrics).
SCORE_WORDS = {"accuracy", "top-1", "top-5", "f1", "f1-score"}
# Plural nouns of data after a name that make it where the data come from: "3DPW videos", "ValTrix scans".
DATA_AFTER = {"images", "videos", "scans", "recordings", "utterances", "sentences", "questions", "documents", "clips", "dialogues",
              "transcripts", "captions", "articles", "volumes", "slides", "frames", "reviews", "tweets", "problems"}
# Origins whose names are typed from their context even where their finder gave a type.
RETYPED = {"title", "definition", "cue"}
# The head-noun types of a name no head noun typed (shared, not a new empty set per name).
NO_TYPES: frozenset[str] = frozenset()


def _listed_with_known(doc: Doc, orth: list[int], c: Candidate, by_start: dict[int, Candidate], by_end: dict[int, Candidate]) -> str | None:
    """A name listed beside a model the lists know is a model: "DeepSeek-V3, and Alibaba's QwQ", "QwQ and GPT-4o",
    and past a score in parentheses: "above Vidgen-5B (81.6) and Hollow (83.2)"; one with a release number listed
    beside a technique they know is a technique: "compared with PPO, SAC and Vexa-2".
    Read by the tokens' hashes (`orth`), and only where list punctuation stands beside the name."""
    n = len(orth)
    i = c.start - 2 if c.start >= 2 and orth[c.start - 1] in POSSESSIVE else c.start  # an owner: "Alibaba's QwQ"
    j = i
    while j > 0 and orth[j - 1] in COORDINATION_IDS:
        j -= 1
    if j < i and j > 2 and orth[j - 1] == CLOSE and orth[j - 3] == OPEN:
        j -= 3  # "X (81.6) and Y": past the score after X
    k = c.end
    if k + 2 < n and orth[k] == OPEN and orth[k + 2] == CLOSE:
        k += 3  # "Y (83.2), and X"
    while k < n and orth[k] in COORDINATION_IDS:
        k += 1
    for other in (by_end.get(j) if j < i else None, by_start.get(k) if k > c.end else None):
        if other is None:
            continue
        if _opening_comma(doc, orth, other.end, c.start):
            continue  # "On ZorvikQA, GPT-4o wins": the comma closes the phrase the sentence opens with
        if other.label == "Model" and other.origin in MODEL_ANCHORS:
            return "Model"
        if other.label == "Method" and other.origin in METHOD_ANCHORS and is_release(doc[c.start : c.end].text):
            return "Method"  # "compared with PPO, SAC and Vexa-2": a baseline listed with listed techniques is one, release number or not
    return None


def _run_kind(name: str, kind: str | None) -> str | None:
    """The type a list's kind gives a member: a model's list any member, a technique's only one with a release number
    ("PPO, SAC and Vexa-2"), which would otherwise be taken for a released network."""
    return kind if kind == "Model" or kind == "Method" and is_release(name) else None


def _kinds(doc: Doc, orth: list[int], found: list[Candidate], memo: list[dict[int, str]]) -> dict[int, str]:
    """`_list_kinds` of the paper, kept in `memo` for its other names."""
    if not memo:
        memo.append(_list_kinds(doc, orth, found) if len(found) > 2 else {})
    return memo[0]


def _list_kinds(doc: Doc, orth: list[int], found: list[Candidate]) -> dict[int, str]:
    """The kind of each list of three names or more ("GPT-4o, X, Y and Z"), by the start of each member: the one type
    its members from the lists have, where that is Model or Method. The members of one list are of one kind, so a name
    listed three places after a known model is a model too (`_listed_with_known` reads neighbours)."""
    kinds: dict[int, str] = {}
    for run in _lists(doc, orth, found):
        known = {m.label for m in run if m.origin in MODEL_ANCHORS and m.label == "Model" or m.origin in METHOD_ANCHORS}
        if len(run) > 2 and len(known) == 1 and (kind := next(iter(known))) in {"Model", "Method"}:
            kinds.update((m.start, kind) for m in run)
    return kinds


def _lists(doc: Doc, orth: list[int], found: list[Candidate]) -> list[list[Candidate]]:
    """The lists of names joined by commas and "and"/"or" ("X and Y", "A, B, and C"), each in text order. The words
    between are read by their hashes from the vocab's strings, not as Tokens."""
    strings = doc.vocab.strings
    names = sorted(found, key=lambda c: c.start)
    runs = []
    run = names[:1]
    for c in [*names[1:], None]:
        if c is not None and _joined(doc, orth, run[-1].end, c.start):
            run.append(c)
            continue
        if len(run) > 1 and any(strings[h].lower() in {"and", "or"} for h in orth[run[0].end : run[-1].start]):
            runs.append(run)
        run = [c]
    return runs


def _trained_lists(doc: Doc, orth: list[int], found: list[Candidate], trained: set[str], votes: dict) -> None:
    """A list one of whose members the words around treat as a trained network is of trained networks: "rewards from
    HPSv2 and X", "we fine-tune X and Y" (`trained` holds the names so read). Not a member something else typed."""
    for run in _lists(doc, orth, found):
        keys = [norm(c.key or doc[c.start : c.end].text) for c in run]
        if trained.intersection(keys):
            trained.update(k for c, k in zip(run, keys) if c.label is None and k not in votes)


def _joined(doc: Doc, orth: list[int], end: int, start: int) -> bool:
    """Only list punctuation, "and"/"or" and a score in parentheses stand between two names: "X (81.6), Y and Z".
    Read by the tokens' hashes (`orth`): most names are far apart or have words between them."""
    if start <= end or start - end > 5:
        return False
    words = orth[end:start]
    if len(words) > 2 and words[0] == OPEN and CLOSE in words:
        words = words[words.index(CLOSE) + 1 :]
    return bool(words) and all(w in COORDINATION_IDS for w in words) and not _opening_comma(doc, orth, end, start)


def _opening_comma(doc: Doc, orth: list[int], end: int, start: int) -> bool:
    """A lone comma between two names closes the phrase their sentence opens with ("On X, Y wins"): no list."""
    return start - end == 1 and orth[end] == COMMA and closes_opening_phrase(doc, end)


def _scored_by(doc: Doc, orth: list[int], end: int) -> bool:
    """A metric or a noun of data follows the name: "ValTrix accuracy", "BrimLo F1", "KesTrel mAP" name the data
    scored on, "3DPW videos" where data come from. The word is read by its hash from the vocab's strings, not as a Token."""
    if end >= len(orth):
        return False
    word = doc.vocab.strings[orth[end]]
    if not word[:1].isalnum():
        return False
    return word.lower() in SCORE_WORDS or word in DATA_AFTER or not word.islower() and is_metric(word)  # not "is", the Inception Score's `IS`


def _retype_registered(doc: Doc, text: str, orth: list[int], found: list[Candidate], ends: dict[int, int]) -> None:
    """A registry name typed Model or Method takes the type a clause after it gives (`listed_clause_type`), in all its
    mentions: the registries list architectures (`Mask2Former`) that a paper trains itself as often as checkpoints."""
    said: dict[str, set[str]] = {}
    for c in found:
        if c.origin == "gazetteer" and c.label in {"Model", "Method"} and (t := listed_clause_type(doc, orth, c.end, ends)):
            said.setdefault(norm(c.key or flags.span_text(doc, text, c.start, c.end)), set()).add(t)
    if said:
        for c in found:
            if c.origin == "gazetteer" and c.label in {"Model", "Method"}:
                types = said.get(norm(c.key or flags.span_text(doc, text, c.start, c.end)), ())
                if len(types) == 1:
                    c.label = next(iter(types))


def _interactive_benchmark(sentence: str) -> bool:
    """A sentence that calls the name a benchmark (not a dataset: data stays a Benchmark) of interactive tasks."""
    return bool(folding.search(BENCHMARK_WORD, sentence)) and _interactive(sentence)


def _interactive(sentence: str) -> bool:
    """A sentence about interaction (apps, websites, simulation) that speaks of no data."""
    return bool(folding.search(INTERACTIVE, sentence) and not folding.search(DATA_WORD, sentence))


def _interactive_tasks(sentence: str) -> bool:
    """A sentence about tasks done interactively ("150 interactive tasks across apps"), which a name ending in
    `...Bench` holds: an agent benchmark built around a world."""
    return bool(folding.search(TASKS, sentence)) and _interactive(sentence)


@lru_cache(maxsize=1 << 16)
def _model_shape(name: str) -> bool:
    """A name nothing else types that the field writes as a released network's: a release number after a coined stem
    that is no technique's (`StyleGAN2`, not `FlashAttention-2`), a release tier (`X-Flash`), or a prefix before a listed
    model's name (`MedCLIP`, built from CLIP)."""
    if is_release(name):
        return not TECHNIQUE_STEM.search(name)
    if MODEL_TIER.search(name) or TUNED_END.search(name):
        return True
    m = ENDS_IN_NAME.match(name)
    return bool(m) and (term := lexicon.by_name().get(norm(m[1]))) is not None and term.type == "Model"


@lru_cache(maxsize=1 << 16)
def _internal_type(name: str) -> str | None:
    """The type a name's own ending gives it, with any version after it dropped: `AirBench 2024` is a ...Bench,
    `Protein Data Bank` a store of data, `QuillBench Multilingual` a variant of a ...Bench."""
    stem = VARIANT_END.sub("", VERSION_END.sub("", name))
    return internal_type(name) or internal_type(stem) or ("Benchmark" if DATA_STORE.search(name) else None)


def _before(text: str, at: int) -> str:
    """The words of the sentence of `text` before character `at`, at most 60 characters of them."""
    return text[max(0, text.rfind(". ", 0, at) + 1, at - 60) : at]


def _acting(text: str, memo: list[bool]) -> bool:
    """The paper is about agents acting: its title is about navigation or robots, or it is on RL with episodes or policies.

    `memo` keeps the answer for the rest of the paper: the three searches over the whole text cost as much as typing
    all its names, and most papers have no name that needs them.
    """
    if not memo:
        embodied = folding.search(EMBODIED_TITLE, text[: max(0, text.find("\n"))])
        memo.append(bool(embodied or _rl_paper(text)))
    return memo[0]


def _rl_paper(text: str) -> bool:
    """The paper is on reinforcement learning with episodes, policies or agents, and not on language models."""
    return bool(folding.search(RL_PAPER, text) and folding.search(RL_ACTING, text) and not folding.search(LANGUAGE_MODELS, text))


def assign(doc: Doc, text: str, found: list[Candidate]) -> None:
    """Give each untyped name the type its mentions' head nouns vote for, else its shape's, else Method.

    The checks after a name ("X trained on") read the doc's hashes from `flags.ids`, a list: a list's item is read
    and hashed several times faster than a numpy array's (assign replay 57.4 -> 54.7 ms CPU)."""
    orth = flags.ids(doc)
    idx, length = flags.offsets(doc)  # the names' characters, cut from the text without a Span or a Token
    pending = []  # the names to type, with their text and grouping key
    # What the names the lists typed are, read in the same pass over the names (not an any() over them per question):
    # assign replay over the hook's 1,086 docs 54.31 -> 52.11 ms CPU min (21 alternating in-process runs).
    known_model = known_method = registered = False
    for c in found:
        if c.label is None or c.origin in RETYPED:
            name = c.key or flags.cut(text, idx, length, c.start, c.end)
            pending.append((c, name, norm(name)))
        elif c.origin == "gazetteer" and c.label in {"Model", "Method"}:
            registered = True  # a Model or a Method, which the clause after it may change (`_retype_registered`)
        elif c.label == "Model":
            known_model = known_model or c.origin in MODEL_ANCHORS
        elif c.label == "Method":
            known_method = known_method or c.origin in METHOD_ANCHORS
    ends = {c.start: c.end for c in found}
    if registered:
        _retype_registered(doc, text, orth, found, ends)
        # A registry's Model or Method anchors as a list's would, with the type the clause after it left it.
        retyped = {c.label for c in found if c.origin == "gazetteer"}
        known_model = known_model or "Model" in retyped
        known_method = known_method or "Method" in retyped
    if not pending:
        return  # every name is of a list that types it
    starts_by_end = {c.end: c.start for c in found}
    known_listed = known_model or known_method
    by_start, by_end = ({c.start: c for c in found}, {c.end: c for c in found}) if known_listed else ({}, {})
    kinds: list[dict[int, str]] = []  # the kinds of the paper's lists (`_list_kinds`), read once and only if a name needs them
    votes: dict[str, dict[str, int]] = {}
    headed: dict[str, set[str]] = {}  # the types head nouns gave, which outrank a name's shape
    data: set[str] = set()  # names a head noun calls a benchmark in a sentence about data
    called_data: set[str] = set()  # names a word for data right after calls data ("the X corpus", "the X leaderboard")
    trained: set[str] = set()  # names a sentence treats as a trained network (`kg.extract.trained`)
    scored: set[str] = set()  # names a sentence reports a score on
    for c, name, key in pending:
        at = idx[c.start]
        t = head_type(doc, orth, c.start, c.end, ends)
        if t == "Method" and evaluation_suite(doc, orth, c.end):
            t = "Benchmark"  # "X, the first dynamic evaluation framework for persona agents", "the X evaluation toolkit"
        if t == "Benchmark" and _interactive_benchmark(sentence_at(text, at)[1]):
            t = "Environment"  # "X, a benchmark of long-horizon, multi-app interactions"
        if t:
            headed.setdefault(key, set()).add(t)
            if t == "Benchmark" and folding.search(DATA_WORD, sentence_at(text, at)[1]):
                data.add(key)  # "the X dataset", "X, a corpus of dialogues": data, whatever the paper is about
            if t == "Benchmark" and c.end < len(orth) and doc.vocab.strings[orth[c.end]].lower() in DATA_HEADS:
                called_data.add(key)  # "the TabArena-Lite leaderboard": data, whatever its name ends in
        if not t and (t := context_type(doc, orth, c.start, c.end, starts_by_end, text)) == "Benchmark" and SCORED_ON.search(_before(text, at)):
            scored.add(key)
        if t == "Benchmark" and referenced(text, at, idx[c.end - 1]):
            data.add(key)  # "accuracy on X", "X, 1,500 questions with reference answers": scored against references, agents or not
        if not t and known_listed and (known_model or is_release(name)):  # a list's kind, only a technique's for a release number
            t = _listed_with_known(doc, orth, c, by_start, by_end) or _run_kind(name, _kinds(doc, orth, found, kinds).get(c.start))
        t = t or (c.origin == "shape" and _scored_by(doc, orth, c.end) and "Benchmark")
        if t:
            votes.setdefault(key, {}).setdefault(t, 0)
            votes[key][t] += 1
        elif trained_system(doc, orth, c.start, c.end):
            trained.add(key)  # "encoded with X", "X as the backbone": a trained network, where nothing else types X
    if trained and len(found) > 1:
        _trained_lists(doc, orth, found, trained, votes)
    variants: list[tuple[Candidate, str]] = []  # names nothing typed (Method by default) with a variant's suffix, and their stems
    defaulted: list[Candidate] = []  # names typed Method only because nothing else typed them
    acting: list[bool] = []  # whether the paper is about agents acting, read once and only if a name needs it
    for c, name, key in pending:
        counts = votes.get(key)
        head_types = headed.get(key, NO_TYPES)
        internal = _internal_type(name)
        if internal == "Environment" and key not in called_data and not (head_types == {"Benchmark"} and key in data):
            c.label = internal  # an agent benchmark built around a world (`BoxingGym`) is an Environment
        elif counts and internal == "Benchmark" and NAMED_DATA.search(name):
            c.label = internal  # `Computational Reproducibility Agent Benchmark` says what it is
        elif counts:
            c.label = max(counts, key=lambda t: (counts[t], t)) if len(counts) > 1 else next(iter(counts))  # most names get one type
            if len(head_types) == 1 and c.label not in head_types:
                c.label = next(iter(head_types))  # "X, an automated red-teaming method" outranks "Against GPT-4o, ..., X reaches"
            if c.label in {"Benchmark", "Environment"} and c.label not in head_types and ARCHITECTURE.search(name) and key not in scored:
                c.label = "Model"  # "pruning experiments on AlexNet" test a network, not a dataset
            elif c.label == "Benchmark" and internal is None and key not in data and head_types <= {"Benchmark"} and _acting(text, acting):
                c.label = "Environment"  # "results on R2R" in a paper on navigation, "the MiniHack suite" in one on RL: where the agent acts
        elif c.label == "Benchmark" and c.origin == "cue" and CONTEST_HEAD.search(name) and _acting(text, acting):
            c.label = "Environment"  # "the StarCraft Multi-Agent Challenge" in a paper on RL: a contest agents act in
        elif c.label is None:
            c.label = internal or ("Model" if key in trained or _model_shape(name) else "Method")
            if internal == "Benchmark" and not NAMED_DATA.search(name) and _interactive_tasks(sentence_at(text, idx[c.start])[1]):
                c.label = "Environment"  # "X-Bench, 150 interactive tasks across apps": an agent benchmark around a world
            if c.label == "Method":
                defaulted.append(c)
                if ("-" in name or "'" in name) and (stem := VARIANT_SPLIT.split(name, maxsplit=1)[0]) != name:  # most names hold neither
                    variants.append((c, stem))
    if defaulted:
        coordinated(doc, text, found, defaulted)
    # `RoleMRC-mix` after `RoleMRC`, the paper's benchmark: a variant of a name of the paper is of its kind.
    if variants:
        labels = {norm(flags.cut(text, idx, length, c.start, c.end)): c.label for c in found if c.label in {"Benchmark", "Environment"}}
        for c, stem in variants:
            if (t := labels.get(norm(stem))) and norm(stem) != norm(flags.cut(text, idx, length, c.start, c.end)):
                c.label = t
