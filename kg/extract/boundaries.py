"""Where a name starts and ends, beyond the single tokens shapes find.

Names of the whole field are often several words: a capitalised modifier
before a coined part (`Faster R-CNN`, `Mask R-CNN`), two coined parts
(`PASCAL VOC`), a version after (`OntoNotes v5.0`, `N-Caltech 101`), or a
capitalised word before a known dataset or network (`Split CIFAR-100`,
`Wide ResNet-50`). A run of three or more coined tokens is a flattened
table row, not one name. Capitalised words before a head noun ("the Penn
Treebank dataset") are found by `kg.extract.heads`, names listed with known
ones by `kg.extract.lists`; authors and metrics are dropped by
`kg.extract.non_names`.
"""

from __future__ import annotations

import re
from functools import lru_cache
from operator import attrgetter

from spacy.strings import get_string_id
from spacy.tokens import Doc

from kg.extract import flags, lexicon, shapes
from kg.extract.candidates import Candidate, covered
from kg.extract.cues import ARCHITECTURE, HEAD_TYPE, internal_type
from kg.extract.mentions import norm

# A version or edition after a name: `v5.0`, `AirBench 2024`, `N-Caltech 101` (not a score: no decimal without a `v`).
VERSION_AFTER = re.compile(r"^(?:v\d+(?:\.\d+)*|\d{1,4}|[1-9]\.\d)$")
LISTED_VERSION = re.compile(r"^(?:v\d+(?:\.\d+)*|\d{4}|[1-9](?:\.\d)?)$")  # `v2`, `2018`, `MultiWOZ 2.1` (one digit each side of the point), `AlpacaEval 2`
# Capitalised words that are not part of a name however they are written.
NOT_MODIFIERS = {"We", "Our", "The", "This", "These", "In", "On", "For", "With", "And", "Table", "Figure", "Fig", "Section", "Eq", "It", "Its", "They"}
# Head nouns that only a named dataset or simulator stands before ("game", "world" follow plain words too).
NAME_HEADS = {"dataset": "Benchmark", "datasets": "Benchmark", "benchmark": "Benchmark", "corpus": "Benchmark", "corpora": "Benchmark",
              "treebank": "Benchmark", "database": "Benchmark", "challenge": "Benchmark", "simulator": "Environment", "gym": "Environment"}

# Words after a dataset's or benchmark's name that name its variant: `SWE-bench Verified`, `X-Bench Multilingual`, `MMLU Redux`.
BENCHMARK_VARIANT_WORDS = frozenset("Verified Multilingual Multimodal Lite Pro Hard Redux Live Full Mini Plus Extended Challenge".split())
BENCHMARK_VARIANT_IDS = frozenset(get_string_id(w) for w in BENCHMARK_VARIANT_WORDS)
# A budget of interactions after a world's name names its sample-efficiency benchmark: `Atari 100k` (a size's shape, `flags.SIZE`).
BUDGET = re.compile(r"^\d+[kKM]$")
# A title-case hyphenated pair (`Open-Sora`): a name only with a release number after it, since most such pairs are words.
TITLE_PAIR = re.compile(r"^[A-Z][a-z]+(?:-[A-Z][a-z]+)+$")


def citation_end(doc: Doc, i: int) -> int:
    """The index after a citation "[12]" or "[3, 5]" starting at `i`, else `i`."""
    if i < len(doc) and doc[i].text == "[":
        j = i + 1
        while j < len(doc) and (doc[j].text.isdigit() or doc[j].text in {",", "-", "–"}):
            j += 1
        if j < len(doc) and doc[j].text == "]" and j > i + 1:
            return j + 1
    return i


def join_parts(doc: Doc, text: str, found: list[Candidate], title_end: int, closers: set[int], sizes: set[int]) -> list[Candidate]:
    """Grow shape-found names over a modifier before, a coined part beside and a version after.

    `closers`, `sizes`: the positions flagged `flags.CLOSER` (may close a name) and `flags.SIZE`; words read by hash, or by
    the first letter cut from the text (`idx`) before a Token is made: most words beside a name fit no test (replay 21.3 -> 17.3 ms)."""
    orth = flags.ids(doc)
    by_start = {c.start: c for c in found if c.origin == "shape"}
    by_end = {c.end: c for c in found if c.origin == "shape"}
    taken = covered(found)
    dropped: set[int] = set()
    bits = flags.columns(doc)[:, 2]
    strings, idx = doc.vocab.strings, flags.offsets(doc)[0]  # a word's text by its hash (`_camel_word_after`), its start
    for c in sorted(found, key=attrgetter("start")):
        if c.end in closers and _closes(doc, c, doc[c.end], taken):
            c.end, c.key = c.end + 1, None
            taken.add(c.end - 1)
        if c.end < len(doc) and (orth[c.end] in BENCHMARK_VARIANT_IDS or c.end in sizes) and c.end not in taken and _variant_after(doc, c):
            c.end, c.key = c.end + 1, None  # `SWE-bench Multilingual`, `Atari 100k`: a benchmark's variant is a name of its own
            taken.add(c.end - 1)
        if c.origin == "lexicon" and c.label == "Method" and c.start > 0 and flags.may_be_titled(text, idx[c.start - 1]) and _titled_modifier(doc, c.start - 1, taken, title_end):
            c.start, c.key = c.start - 1, None  # "Soft Actor-Critic": a capitalised word before a listed technique written in capitals names a variant
            taken.add(c.start)
        elif c.origin in NAMED_DATA_ORIGINS and c.label == "Benchmark" and c.start > 0 and (maker := _variant_word(doc, c.start - 1, by_end, taken, title_end)):
            if maker is not True:
                dropped.add(id(maker))  # `MPI`, found on its own by its shape: its maker's name, and "Sintel" later is the same dataset
            # `Split CIFAR-100`, `Google Speech Commands`, `MPI Sintel`: a word before a known dataset names its variant or maker
            c.start, c.key = c.start - 1, c.key if maker is not True else None
            taken.add(c.start)
        elif c.label == "Model" and c.start > 0 and ARCHITECTURE.search(doc[c.start].text) and (prev := _network_modifier(doc, c.start - 1, by_end, taken, title_end)):
            if prev is not True:
                dropped.add(id(prev))  # `PreAct`, found on its own by its shape
            c.start, c.key = c.start - 1, None  # `Wide ResNet-50`, `PreAct ResNet-18`: a capitalised word before a network names its variant
            taken.add(c.start)
        if c.origin != "shape" or id(c) in dropped:
            continue
        nxt = by_start.get(c.end)
        if nxt is not None and c.end - c.start == 1 and nxt.end - nxt.start == 1 and nxt.end not in by_start and c.start not in by_end and _part(doc[nxt.start].text):
            c.end, c.label = nxt.end, c.label or nxt.label  # `PASCAL VOC`; three or more in a row are a table
            dropped.add(id(nxt))
        if c.start > 0 and orth[c.start - 1] in BEFORE_EVALUATED and (end := _evaluated_name_end(doc, c.end, taken)) > c.end:
            taken.update(range(c.end, end))
            c.end = end  # "On MVTec AD it reaches", "trained on WMT14 English-German,"
        elif c.end < len(orth) and bits[c.end] & flags.TITLE and c.end - c.start == 1 and c.end not in taken and _camel_word_after(doc, strings, orth, c.start, title_end):
            taken.add(c.end)
            c.end += 1  # `AutoDock Vina`, `MPI Sintel`: a CamelCase name or an acronym and one capitalised word are one name
        prev = c.start - 1
        if prev >= 0 and prev not in taken and flags.may_be_titled(text, idx[prev]):
            word = doc[prev]
            # `Faster R-CNN`, `Q-Network`, `Light-Head R-CNN` (a hyphenated capitalised word too); not "Housing TabRet"
            if (bits[prev] & flags.TITLE or _title_word(word.text)) and word.idx >= title_end and _hyphened(doc[c.start].text) and not word.is_sent_start and word.text not in NOT_MODIFIERS and not lexicon.is_excluded(word.text):
                c.start = prev
                taken.add(prev)
        # Both a version and a release number start with "v" or a digit: most names are followed by neither.
        after = doc[c.end].text if c.end < len(doc) and c.end not in taken and ((first := text[idx[c.end]]) == "v" or first.isdigit()) else ""
        if after:
            follows = doc[c.end + 1] if c.end + 1 < len(doc) else None
            # A release number is part of the name where a head noun follows it: `Dex-Net 2.0 dataset` (a score never has one).
            released = follows is not None and follows.lower_ in HEAD_TYPE and shapes.RELEASE_NUMBER.match(after)
            if (VERSION_AFTER.match(after) or released) and not any(ch.isdigit() for ch in doc[c.end - 1].text):
                # Not a count before its noun ("3 layers", "12 epochs") nor a cell of a table row ("MNLI 84 86").
                counted = follows is not None and (follows.text[:1].isdigit() or follows.is_alpha and follows.is_lower and follows.text.endswith("s") and len(follows) > 3)
                counted = counted and follows.lower_ not in SUBJECT_VERBS  # "AudioLDM 2 reaches 3.13": the name's release, then its verb
                if after.startswith("v") or (follows is not None and follows.lower_ in NAME_HEADS) or not counted:
                    c.end += 1  # `OntoNotes v5.0`, `N-Caltech 101 dataset`
                    taken.add(c.end - 1)
    # A grown name may be of an excluded family as a whole: `GTX 1080` is hardware.
    return [c for c in found if id(c) not in dropped and not (c.origin == "shape" and c.end - c.start > 1 and lexicon.is_excluded(flags.span_text(doc, text, c.start, c.end)))]


# Verbs that follow a name as its subject, which a count's plural noun never is ("3 layers", but "AudioLDM 2 reaches").
SUBJECT_VERBS = frozenset(
    "reaches achieves obtains attains scores gets outperforms surpasses beats trails lags matches improves performs yields "
    "produces generates uses requires takes runs fails remains shows".split()
)
# The hashes of the words before a name that may grow over what closes it ("On MVTec AD it").
BEFORE_EVALUATED = frozenset(get_string_id(w) for w in ("on", "in", "On", "In"))


def _hyphened(text: str) -> bool:
    """A hyphen or a digit in `text`: a coined part a capitalised word may modify (`R-CNN`, `Q-Network`)."""
    return "-" in text or any(ch.isdigit() for ch in text)


# Capitalised words after a name that number a part of the paper or name an organisation, never a part of the name:
# "FooQA Task 1", "the ModelHub Community".
NOT_NAME_PARTS = shapes.NOT_RELEASE_WORDS | frozenset("Community Team Group Project Hub Research Labs Inc Foundation University Institute".split())


def _camel_word_after(doc: Doc, strings, orth: list[int], i: int, title_end: int) -> bool:
    """`doc[i]`, a CamelCase name or an acronym, and the capitalised plain word after it (`flags.TITLE`) make one name
    (`AutoDock Vina`, `MPI Sintel`), unless a capitalised word follows (a title's words or a list). Read by hash from
    `strings`: the tokens are made only where the two may make a name."""
    if not _closes_camel(strings[orth[i]], strings[orth[i + 1]]) or not unlisted_capital(doc[i + 1], title_end):
        return False
    return i + 2 >= len(orth) or not strings[orth[i + 2]][:1].isupper()


@lru_cache(maxsize=1 << 14)
def _closes_camel(name: str, word: str) -> bool:
    """`word` may close `name`, a CamelCase name or an acronym: not a plural, a participle, a head noun ("AgentGym
    Tasks", "DPO Training", "MuJoCo Environment") or one of `NOT_NAME_PARTS`."""
    if word.endswith(("s", "ing", "ed")) or word.lower() in HEAD_TYPE or word in NOT_NAME_PARTS:
        return False
    return bool(shapes.CAMEL.search(name)) or name.isupper() and name.isalpha()


def _title_word(text: str) -> bool:
    """A capitalised hyphenated word (`Light-Head`), which may start a name as a capitalised plain word (`flags.TITLE`) may."""
    return text[:1].isupper() and "-" in text and text.istitle() and text.replace("-", "").isalpha()


def _part(text: str) -> bool:
    """`text` may close the name before it (`PASCAL VOC`, `MVTec AD`); a CamelCase word is a name of its own ("On MovieLens-1M PropRec reaches")."""
    return not (shapes.CAMEL.search(text) and not text.isupper())


def _titled_modifier(doc: Doc, i: int, taken: set[int], title_end: int) -> bool:
    """`doc[i]`, before a listed technique written in capitals ("Actor-Critic"), is a capitalised word of the same name."""
    first = doc[i + 1].text
    if not first[:1].isupper() or first.isupper() or i in taken:
        return False  # most listed techniques are written in lower case or as acronyms
    word = doc[i]
    if word.idx < title_end or word.is_sent_start or not (word.is_alpha and word.text.istitle()) or word.text in NOT_MODIFIERS:
        return False
    return not lexicon.is_excluded(word.text)


# Origins of datasets the field knows, by a list or as a variant of a listed one (`CIFAR-10-LT`).
NAMED_DATA_ORIGINS = {"lexicon", "gazetteer", "variant"}


def unlisted_capital(word, title_end: int) -> bool:
    """`word` is a capitalised plain word mid-sentence, past the title, that is no name of its own: neither listed nor
    ruled out by the guidelines, nor one of `NOT_MODIFIERS`. Such a word before a name or a head is part of a longer name."""
    if word.idx < title_end or word.is_sent_start or not (word.is_alpha and word.text.istitle()) or word.text in NOT_MODIFIERS:
        return False
    return not lexicon.is_excluded(word.text) and norm(word.text) not in lexicon.by_name()


def _variant_word(doc: Doc, i: int, by_end: dict[int, Candidate], taken: set[int], title_end: int) -> Candidate | bool:
    """`doc[i]`, a capitalised plain word mid-sentence before a known dataset, names its variant or its maker ("Split",
    "Google"): True; so does an acronym found on its own ("MPI" of `MPI Sintel`): that candidate; else False."""
    if i not in taken:
        return unlisted_capital(doc[i], title_end)
    alone = by_end.get(i + 1)
    word = doc[i]
    maker = alone is not None and alone.start == i and alone.label is None and word.text.isupper() and word.is_alpha
    return alone if maker and word.idx >= title_end and not word.is_sent_start else False


def _network_modifier(doc: Doc, i: int, by_end: dict[int, Candidate], taken: set[int], title_end: int) -> Candidate | bool:
    """`doc[i]`, before a trained network (`ResNet-18`), is a word of its name: a capitalised plain word (True) or
    a CamelCase word found on its own (that candidate); else False."""
    word = doc[i]
    if word.idx < title_end or word.is_sent_start or word.text in NOT_MODIFIERS or lexicon.is_excluded(word.text) or norm(word.text) in lexicon.by_name():
        return False
    if i not in taken:
        return word.is_alpha and word.text.istitle()
    alone = by_end.get(i + 1)
    return alone if alone is not None and alone.start == i and alone.label is None and bool(shapes.CAMEL.search(word.text)) else False


def _closes(doc: Doc, c: Candidate, after, taken: set[int]) -> bool:
    """`after`, the token after name `c`, is part of it: `VGG Net`, "Transformer distillation" (a Method),
    a listed dataset's version or edition (`Speech Commands v2`, `iNaturalist 2018`, `Atari 2600`), any name's capital-V version
    (`Point Transformer V3`), a successor's plus (`DeepLabv3+`)."""
    text = after.text
    if text == "distillation" and c.label != "Benchmark" and doc[c.start].text[:1].isupper():
        c.label = "Method"  # distillation made for that network
        return True
    if c.end in taken:
        return False
    if text[:1] == "V":
        return True  # `Point Transformer V3`, `YOLO V5`: a capital V and a number are a version, never a score
    if text == "Net":
        return c.origin in {"shape", "gazetteer"}
    if text in {"+", "++"}:
        return not doc[c.end - 1].whitespace_
    return c.origin in {"lexicon", "gazetteer"} and c.label in {"Benchmark", "Environment"} and _listed_version(doc, c.end)


def _variant_after(doc: Doc, c: Candidate) -> bool:
    """The word after name `c`, a dataset, benchmark or world by its list or its ending (`QuillBench`), names a variant
    of it: a variant word (`Verified`, `Multilingual`) or a budget (`100k`) that no plural noun follows ("100k steps").
    Read only where the word's hash or bits say it may be one."""
    text = doc[c.end].text
    if not (text in BENCHMARK_VARIANT_WORDS or BUDGET.match(text)):
        return False  # most names are followed by neither: the name's kind is read only when one is
    kind = c.label or internal_type(doc[c.start : c.end].text)
    if kind not in {"Benchmark", "Environment"}:
        return False
    follows = doc[c.end + 1] if c.end + 1 < len(doc) else None
    return text[0].isupper() or not (follows is not None and follows.is_alpha and follows.is_lower and follows.text.endswith("s"))


def released_pairs(doc: Doc, closers: list[int], found: list[Candidate]) -> list[Candidate]:
    """Title-case hyphenated pairs with a release number after them: `Open-Sora 1.2`, a released system.

    `closers` are the positions flagged `flags.CLOSER` (release numbers among them). The number is part of the
    name, so it is never read as a score; a count before its noun ("Multi-Stage 2 layers") makes no name.
    """
    taken = None  # the names' tokens, gathered only once a pair is found: most docs have none
    added = []
    for i in closers:
        if i == 0 or not TITLE_PAIR.match(doc[i - 1].text) or not shapes.RELEASE_NUMBER.match(doc[i].text):
            continue
        taken = taken if taken is not None else covered(found)
        if i - 1 in taken or i in taken:
            continue
        follows = doc[i + 1] if i + 1 < len(doc) else None
        if follows is not None and (follows.text[:1].isdigit() or follows.is_alpha and follows.is_lower and follows.text.endswith("s") and follows.lower_ not in SUBJECT_VERBS):
            continue
        if not lexicon.is_excluded(doc[i - 1].text):
            added.append(Candidate(i - 1, i + 1, "shape"))
    return added


def _listed_version(doc: Doc, i: int) -> bool:
    """`doc[i]` is a version or edition (`v2`, `2018`), not a count before its noun ("2000 images")."""
    if not LISTED_VERSION.match(doc[i].text):
        return False
    follows = doc[i + 1] if i + 1 < len(doc) else None
    return not (follows is not None and follows.is_alpha and follows.is_lower and follows.text.endswith("s") and follows.lower_ not in HEAD_TYPE)


def _evaluated_name_end(doc: Doc, end: int, taken: set[int]) -> int:
    """The end of a coined name after "on"/"in" grown over one or two capitalised words that close it:
    "MVTec AD", "DVS128 Gesture", "WMT14 English-German"; not when more capitalised words follow (a list or a sentence)."""
    grown = end
    while grown < len(doc) and grown - end < 2 and grown not in taken and doc[grown].text[:1].isupper() and doc[grown].text not in NOT_MODIFIERS and _part(doc[grown].text):
        if doc[grown].is_punct or not (doc[grown].is_alpha or "-" in doc[grown].text) or lexicon.is_excluded(doc[grown].text):
            break
        grown += 1
    if grown < len(doc) and doc[grown].text[:1].isupper() and not doc[grown].is_punct:
        return end
    return grown
