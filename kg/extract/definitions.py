"""The paper's own definitions: "Long Form (LF)" joins an acronym to its expansion.

The long form becomes the entity's name and the acronym its alias, and
later mentions of the acronym join the same entity. The expansion also
decides whether the acronym names an entity at all: one whose long form is
a metric or task ("Task Success Rate (TSR)") or an ordinary lower-case
phrase nobody proposes ("interactive digital agents (IDAs)") does not, and
where the phrase names a class or an activity ("Role-Playing Agents
(RPAs)", "High-frequency trading (HFT)"), no other mention of the acronym
does either.
"""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.strings import get_string_id
from spacy.tokens import Doc

from kg.extract import flags, lexicon
from kg.extract.candidates import KNOWN, Candidate, titled_word
from kg.extract.cues import CONNECTORS, HEAD_TYPE, TECHNIQUE_HEADS, USE_CUES
from kg.extract.mentions import norm
from kg.extract.terms import DESCRIPTIVE_WORDS

# Long forms ending in these words name metrics and tasks, not entities ("Task Success Rate (TSR)").
NON_ENTITY_HEADS = set(
    "rate rates score scores accuracy metric metrics error loss navigation tracking detection recognition segmentation "
    "classification answering understanding summarization translation dialogue dialog interaction intelligence "
    "systems theory theories processing".split()
)
# A two-letter acronym ("(KD)", "(GN)") is too short to be a name by its shape: it names an entity only where its
# long form is one the lexicon knows ("knowledge distillation (KD)"), the paper proposes, or a capitalised technique
# ends ("Guided Network (GN)"); "Artificial Intelligence (AI)" and "United States (US)" do not pass.
TWO_LETTERS = re.compile(r"^[A-Z][A-Z0-9]$")
# Plurals and activities that end a technique's long form, not a class's or a task's: "diffusion transformers", "agent modeling".
TECHNIQUE_ENDINGS = TECHNIQUE_HEADS | {"transformers", "networks", "modeling", "modelling", "planning"}
PLURAL_ACRONYM = re.compile(r"^[A-Z][A-Z0-9]+s$")
# Last words of a technique's long form ("Guided Network (GN)", "knowledge distillation (KD)"): a two-letter acronym of
# one is a name, and a long form ending in one is no class or activity.
LONG_FORM_HEADS = {w for w, t in HEAD_TYPE.items() if t in {"Method", "Model"}} | {"network", "networks", "net", "distillation", "learning"}
# The last words of a technique's long form, either kind (a set made once, not a union per long form).
TECHNIQUE_LAST_WORDS = frozenset(LONG_FORM_HEADS | TECHNIQUE_ENDINGS)
# Last words of a plain-word long form that names a technique with its own acronym ("symmetric normalization (SyN)").
PLAIN_TECHNIQUE_HEADS = flags.CUED_HEADS | TECHNIQUE_HEADS

WORD_BREAKS = re.compile(r"[\s\-/]+")
# A sentence, lower-cased up to the acronym, in which the paper names its own proposal.
PROPOSED = re.compile(r"\b(we|our|this (paper|work))\b.*\b(propos|introduc|present|develop|call|name|dub|term)")


@lru_cache(maxsize=1 << 14)
def _letters(short: str) -> str:
    """The letters and digits an acronym spells, lower-cased, without a plural's "s" (`LLMs`)."""
    letters = "".join(ch.lower() for ch in short if ch.isalnum())
    return letters[:-1] if short.endswith("s") and short[:-1].isupper() else letters


def _acronym_long_form(doc: Doc, text: str, paren: int) -> int | None:
    """Start of the long form that `doc[paren+1]`, the acronym in parentheses, abbreviates.

    Words whose initials spell the acronym win ("Proximal Policy
    Optimization (PPO)"); else the shortest span whose letters contain it
    in order from a word start (Schwartz & Hearst, 2003: "Generative
    Pretrained Transformer (GPT)", "Decomposition of thought (DotaMath)").
    The words are read by their hashes (`flags.ids`) and the long forms cut from the doc's `text` at their offsets,
    which costs less than making their tokens.
    """
    idx, length = flags.offsets(doc)
    orth, strings = flags.ids(doc), doc.vocab.strings
    short = strings[orth[paren + 1]]
    letters = _letters(short)
    if len(letters) < 2 or not short[0].isalpha():
        return None
    end_char = idx[paren - 1] + length[paren - 1]
    # The long forms from the shortest, each made only if no shorter one's initials spell the acronym.
    forms = []
    for start in range(paren - 1, max(paren - len(letters) - 4, 0) - 1, -1):
        word = strings[orth[start]]
        if word not in "-/" and not word[:1].isalnum() and flags.is_punct(word):  # a word or a number is no punctuation
            break
        if word.lower() in CONNECTORS:
            continue
        long_form = text[idx[start] : end_char].lower()
        forms.append((start, long_form))
        if _initials_spell(letters, long_form):
            return start
    for start, long_form in forms:
        if _letters_in_order(letters, long_form):
            return start
    return None


def _head(words: list[str]) -> str:
    """The head noun of a long form of `words`, lower-cased: its last word, or the last before "of" ("Automated Design of Agentic Systems")."""
    lower = [w.lower() for w in words]
    return lower[lower.index("of", 1) - 1] if "of" in lower[1:] else lower[-1]


def _class_or_activity(head: str) -> bool:
    """A plural or an activity ends the long form of a class or a task ("role-playing agents", "high-frequency trading"),
    not of a technique ("model-based reinforcement learning", "diffusion transformers")."""
    return head not in TECHNIQUE_LAST_WORDS and (head.endswith(("s", "ing")) or head in {"theory", "task", "problem"})


@lru_cache(maxsize=1 << 16)
def _initials_spell(letters: str, long_form: str) -> bool:
    """The initials of the lower-cased `long_form`'s words, with or without its connectors, are `letters`.

    Cached: papers define the same acronyms ("large language models (LLMs)"), and every acronym is tried against
    the few long forms before it, one word longer each time.
    """
    words = [w for w in WORD_BREAKS.split(long_form) if w]
    return letters == "".join([w[0] for w in words]) or letters == "".join([w[0] for w in words if w not in CONNECTORS])


@lru_cache(maxsize=1 << 16)
def _letters_in_order(letters: str, long_form: str) -> bool:
    """`letters` occur in the lower-cased `long_form` in order, the first at its start (Schwartz & Hearst)."""
    if long_form[:1] != letters[:1]:
        return False
    i, j = len(letters) - 1, len(long_form) - 1
    while i >= 0 and j >= 0:
        if long_form[j] == letters[i] and (i > 0 or j == 0 or not long_form[j - 1].isalnum()):
            i -= 1
        j -= 1
    return i < 0


@lru_cache(maxsize=1 << 14)
def _redefines(acronym: str, long_form: str) -> bool:
    """The paper spells out an acronym the lexicon lists as something else: "sharpness-aware minimization (SAM)" is
    not the lexicon's `SAM` (Segment Anything). Only where the lexicon gives the acronym's own long form and the
    paper's starts with another word: a paper's definition wins over the list, and an acronym the field uses for
    two things is a term with a standard acronym either way. Cached: papers define the same listed acronyms ("large
    language models (LLMs)")."""
    term = lexicon.by_name().get(norm(acronym))
    if term is None:
        return False
    letters = _letters(acronym)
    spelled = [f.lower() for f in (term.name, *term.aliases) if " " in f and _initials_spell(letters, f.lower())]
    first = WORD_BREAKS.split(long_form.lower(), maxsplit=1)[0]
    # A paraphrase keeps the first word ("outcome-supervised reward model" for "outcome reward model", a misspelt
    # "supervised fune-tuning"); another thing with the same initials starts with another word.
    return bool(spelled) and all(WORD_BREAKS.split(f, maxsplit=1)[0] != first for f in spelled)


def _expansion_after(doc: Doc, c: Candidate) -> tuple[int, int] | None:
    """The capitalised words in parentheses after a coined name that spell it: "ULMFiT (Universal Language Model Fine-tuning)"."""
    if c.end - c.start != 1 or c.end >= len(doc) or doc[c.end].text != "(":
        return None
    close = next((j for j in range(c.end + 2, min(c.end + 10, len(doc))) if doc[j].text == ")"), None)
    if close is None:
        return None
    inner = doc[c.end + 1 : close]
    letters = "".join(ch.lower() for ch in doc[c.start].text if ch.isalpha())
    if len(inner) < 2 or len(letters) < 3 or not all(titled_word(t.text) or t.lower_ in CONNECTORS or t.text in "-/" for t in inner):
        return None
    long_form = inner.text.lower()
    return (inner.start, inner.end) if _initials_spell(letters, long_form) or _letters_in_order(letters, long_form) else None


def _proposed(text: str, at: int) -> bool:
    """The sentence of `text` up to character `at` names the paper's own proposal ("we propose", "this paper introduces")."""
    return bool(PROPOSED.search(text[max(0, text.rfind(". ", 0, at)) : at].lower()))


def _technique_named(doc: Doc, short: Candidate, start: int, paren: int, last: str, long_text: str) -> bool:
    """The long form `doc[start:paren]` (last word `last`) names a technique with its own acronym, even in lower case."""
    several = paren - start > 1
    # "fully convolutional network (FCN)": an architecture with its own acronym is a named technique.
    if several and short.origin == "shape" and last in {"network", "networks"}:
        return True
    # "trained with distribution matching distillation (DMD)": a technique the paper uses, named with its acronym (no class).
    used = short.origin not in KNOWN and start > 0 and doc[start - 1 - (doc[start - 1].lower_ in {"a", "an", "the"})].lower_ in USE_CUES
    if used and not (last.endswith("s") and last not in TECHNIQUE_LAST_WORDS):
        return True
    # "symmetric normalization (SyN)", "connectionist temporal pooling (CTP)": a technique's plain-word long form with its own acronym.
    return short.origin == "shape" and several and last in PLAIN_TECHNIQUE_HEADS and long_text.split()[0].lower() not in DESCRIPTIVE_WORDS


def join(doc: Doc, text: str, parens: list[int], opens: list[int], found: list[Candidate]) -> list[Candidate]:
    """Join "Long Form (LF)": one entity under its long form, with the acronym as alias.

    `parens` are the positions of "(" two tokens before a ")". An acronym
    whose long form is an ordinary lower-case phrase that no cue proposes
    ("interactive digital agents (IDAs)") is a generic class or a concept,
    so it is dropped. One-word names are compared by their hashes
    (`flags.ids`). `opens` are the positions of all "(": where there are
    none, or no `parens`, the steps that read them are skipped, as in most abstracts.
    """
    orth = flags.ids(doc)
    drop: set[int] = set()
    added = []
    two_letter: list[Candidate] = []
    not_names: set[int] = set()  # acronyms whose definitions make them no names: their other mentions go too ("ToD agents")
    renamed: set[int] = set()  # listed acronyms the paper defines as something else: their other mentions follow it
    if parens:
        _join_parens(doc, orth, text, parens, found, drop, added, two_letter, not_names, renamed)
    opened = set(opens)
    for c in found if opened else ():
        if c.origin == "shape" and c.end in opened and id(c) not in drop and (span := _expansion_after(doc, c)) is not None:
            key = flags.span_text(doc, text, span[0], span[1])
            c.key, c.origin = key, "definition"
            added.append(Candidate(span[0], span[1], "definition", c.label, key))
    # Later mentions of a defined acronym ("HSC learns ...") belong to the same entity; a two-letter one is found by its hash.
    for short in two_letter:
        if id(short) not in drop:
            found += [Candidate(i, i + 1, "shape") for i, h in enumerate(orth) if h == orth[short.start] and i != short.start]
    # A one-word name written as a listed or defined one-word name joins its entity; only the one-word names are looked up.
    defined = {orth[c.start]: c for c in found if c.origin in {"lexicon", "definition"} and c.key and c.end - c.start == 1}
    if renamed:  # the definition, not a later listed mention, stands for the acronym
        defined.update({orth[c.start]: c for c in found if c.origin == "definition" and orth[c.start] in renamed})
    if defined:
        for c in found:
            if c.end - c.start != 1 or not (c.origin in {"shape", "title", "gazetteer"} or c.origin == "lexicon" and orth[c.start] in renamed):
                continue
            twin = defined.get(orth[c.start])
            if twin and (c.origin in {"shape", "title"} or twin.origin == "definition"):
                c.key, c.label, c.origin = twin.key, twin.label, twin.origin
    if not_names:
        drop.update(id(c) for c in found if c.origin == "shape" and c.end - c.start == 1 and orth[c.start] in not_names)
    return ([c for c in found if id(c) not in drop] if drop else found) + added


def _join_parens(doc: Doc, orth: list[int], text: str, parens: list[int], found: list[Candidate], drop: set[int], added: list[Candidate],
                 two_letter: list[Candidate], not_names: set[int], renamed: set[int]) -> None:
    """`join`'s reading of each "Long Form (LF)" at `parens`: what it drops, adds and learns goes into the sets and lists
    `join` passes, which its later steps read. Called only where there are `parens` (most abstracts have none), so the
    tables read here are made only then."""
    by_start = {c.start: c for c in found}
    titles = [(c.start, c.end) for c in found if c.origin == "title"]  # their text is read only when needed
    strings = doc.vocab.strings  # a word's text by its hash: a Token costs more to make than its text to read this way
    title_leads = {strings[orth[start]] for start, end in titles if end - start == 1}
    for paren in parens:
        inside = strings[orth[paren + 1]]
        short = by_start.get(paren + 1)
        if short is None and PLURAL_ACRONYM.match(inside) and not lexicon.is_excluded(inside) and _acronym_long_form(doc, text, paren) is not None:
            not_names.add(get_string_id(inside[:-1]))  # "Role-Playing Agents (RPAs)" is a class, and so is "an RPA"
            continue
        if short is None and inside in title_leads:  # "MVA: ..." and later "Multi-Scale Value Aggregation (MVA)"
            short = Candidate(paren + 1, paren + 2, "title", None, None)
            found.append(short)
        elif short is None and TWO_LETTERS.match(inside) and not lexicon.is_excluded(inside):
            short = Candidate(paren + 1, paren + 2, "shape", None, None)
            found.append(short)
            two_letter.append(short)
        start = _acronym_long_form(doc, text, paren) if short is not None else None
        if start is None:
            if short is not None and short.origin == "shape" and TWO_LETTERS.match(doc[short.start].text):
                drop.add(id(short))
            continue
        words = [strings[h] for h in orth[start:paren]]  # the long form's words, and its text cut once
        long_text = flags.span_text(doc, text, start, paren)
        redefined = short.origin == "lexicon" and _redefines(strings[orth[short.start]], long_text)
        if redefined:
            renamed.add(orth[short.start])
        if short.origin == "gazetteer" or redefined:
            short.origin, short.label, short.key = "shape", None, None  # the paper defines its own acronym
        inner = [c for c in found if c.start >= start and c.end <= paren]
        known = [c for c in inner if c.origin in KNOWN and c.start == start and c.end == paren]
        if known:
            short.label, short.key, short.origin = known[0].label, known[0].key, known[0].origin
            continue
        variant = next((c for c in found if c.origin in KNOWN and c.key is None and c.start < start and c.end == paren), None)
        if variant is not None and short.origin in KNOWN:
            # "offline reinforcement learning (RL)": here the acronym stands for the named variant it closes.
            short.label, short.key = variant.label, flags.span_text(doc, text, variant.start, variant.end)
            continue
        titled = all(titled_word(w) or w.lower() in CONNECTORS or w in "-/" for w in words)
        last = words[-1].lower()
        # The checks below run in order of cost, each only where the ones before leave the answer open: searching the
        # sentence for a proposal costs the most, and most long forms are titled (join replay 22.4 -> 20.8 ms CPU).
        if (
            lexicon.is_excluded(long_text)
            or lexicon.is_excluded(short.key or strings[orth[short.start]])
            or _head(words) in NON_ENTITY_HEADS
        ):
            drop.add(id(short))
            not_names.add(orth[short.start])
        elif any(c is short for c in two_letter) and not (titled and len(words) > 1 and last in LONG_FORM_HEADS or _proposed(text, flags.offsets(doc)[0][paren])):
            drop.add(id(short))
        elif (
            titled
            or redefined
            or _proposed(text, flags.offsets(doc)[0][paren])
            or _technique_named(doc, short, start, paren, last, long_text)
            or norm(long_text) in {norm(flags.span_text(doc, text, a, b)) for a, b in titles}
        ):
            key = long_text
            short.key, short.origin = key, "definition"
            drop.update(id(c) for c in inner)
            added.append(Candidate(start, paren, "definition", short.label, key))
        elif short.origin == "shape":
            drop.add(id(short))
            if _class_or_activity(last):
                not_names.add(orth[short.start])
