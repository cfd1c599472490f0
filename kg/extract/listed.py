"""Finding the names the curated lists know: the lexicon's and the gazetteer's terms in a doc.

One PhraseMatcher holds every list's terms, case-insensitive where a term is
lower-case or several words and exact for a cased single name (`MATH` the
benchmark is not "math"). A match becomes a `Candidate` of its list's origin,
grown over a model's version or a technique's variant words
(`kg.extract.candidates.extend_model`, `extend_variant`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from kg.extract import flags, lexicon, shapes
from kg.extract.candidates import Candidate, extend_model, extend_variant

SPELLINGS = (("fine-tun", "finetun"), ("pre-train", "pretrain"), ("behavior", "behaviour"), ("optimization", "optimisation"), ("modeling", "modelling"))


@dataclass
class Matchers:
    """One PhraseMatcher over lower-cased words for some lists of terms, and each term under its list, kind and pattern's words.

    A list's case-insensitive patterns and its cased ones ("exact") have a match key each (the hash of the list's
    name and kind); a match of a cased pattern counts where the doc's words are written as the pattern's.
    """

    matcher: PhraseMatcher
    terms: dict[tuple[str, str, str], lexicon.Term]
    origins: dict[int, tuple[str, str]]  # a match key -> the list's name and the kind of its patterns


def phrase_matchers(nlp: Language, make_doc: Callable[[str], Doc], lists: dict[str, tuple[lexicon.Term, ...]]) -> Matchers:
    """Case-insensitive patterns for lower-case and multi-word terms, exact ones for cased single names.

    `MATH` the benchmark must not match "math"; `reinforcement learning`
    must match "Reinforcement Learning" in a title. `make_doc` tokenizes the
    patterns as `nlp` would, but into a vocab of its own, and the matcher
    has one match key per list and kind (the list's name is the origin of
    its finds): a PhraseMatcher compares string hashes, and the pattern
    words and keys of thousands of terms in `nlp`'s vocab would fill it past
    the size where spaCy stops keeping new words (10,000), so that every new
    word of every text would be looked up afresh. A match's key and words
    find its term. The cased patterns are matched in lower case too, and
    their matches checked word for word: a doc is walked once, not once per
    list or kind, and a cased name's lower-case twin ("math") is rare.
    """
    keys = {(origin, kind): origin if kind == "lower" else f"{origin} {kind}" for origin in lists for kind in ("lower", "exact")}
    matchers = Matchers(PhraseMatcher(nlp.vocab, attr="LOWER"), {}, {nlp.vocab.strings.add(key): named for named, key in keys.items()})
    for origin, terms in lists.items():
        _add_terms(matchers, make_doc, origin, terms, keys)
    return matchers


def _add_terms(matchers: Matchers, make_doc: Callable[[str], Doc], origin: str, terms: tuple[lexicon.Term, ...], keys: dict[tuple[str, str], str]) -> None:
    for term in terms:
        for name in dict.fromkeys(v for n in (term.name, *term.aliases) for v in _spellings(n)):
            words = name.split()
            titled = len(words) > 1 and all(w[:1].isupper() or not w[:1].isalpha() for w in words)
            titled = titled and not any(shapes.CAMEL.search(w) or w.isupper() for w in words)  # `StarCraft II` matches "Starcraft II"
            marked = len(words) == 1 and any(ch.isdigit() or ch == "-" for ch in name)
            # A CamelCase name is no English word in any case: "Webshop", "Alfworld" are `WebShop`, `ALFWorld`.
            marked = marked or (len(words) == 1 and len(name) >= 6 and bool(shapes.CAMEL.search(name)) and not name[1:].isupper())
            if name == name.lower() or (len(words) > 1 and not titled) or marked:
                for form in dict.fromkeys((name.lower(), name)):
                    pattern = make_doc(form)
                    matchers.matcher.add(keys[origin, "lower"], [pattern])
                    matchers.terms.setdefault((origin, "lower", " ".join(t.lower_ for t in pattern)), term)
            else:
                pattern = make_doc(name)
                matchers.matcher.add(keys[origin, "exact"], [pattern])
                matchers.terms.setdefault((origin, "exact", " ".join(t.text for t in pattern)), term)


def _spellings(name: str) -> list[str]:
    """`name` and its common other spellings: "fine-tuning"/"finetuning", "behavior"/"behaviour"."""
    forms = [name]
    for a, b in SPELLINGS:
        forms += [f.replace(a, b) for f in forms if a in f] + [f.replace(b, a) for f in forms if b in f]
    return forms


def from_terms(doc: Doc, text: str, matchers: Matchers) -> dict[str, list[Candidate]]:
    """The names of listed terms in `doc`, by the list (the lexicon, the gazetteer) that names them.

    Each list's case-insensitive matches come first, then its cased ones: where both name the same words, the
    first is the one `non_overlapping` keeps. A match's words are cut from the doc's `text` at their offsets,
    which costs less than making their tokens.
    """
    idx, length = flags.offsets(doc)
    found: dict[str, list[Candidate]] = {origin: [] for origin, _ in matchers.origins.values()}
    cased = []
    for key, start, end in matchers.matcher(doc):
        origin, kind = matchers.origins[key]
        if kind == "lower":
            words = flags.cut(text, idx, length, start, end).lower() if end - start == 1 else _words(text, idx, length, start, end, True)
            _add_match(doc, found[origin], matchers.terms[origin, kind, words], origin, start, end)
        else:
            cased.append((origin, start, end))
    for origin, start, end in cased:
        words = flags.cut(text, idx, length, start, end) if end - start == 1 else _words(text, idx, length, start, end, False)
        if (term := matchers.terms.get((origin, "exact", words))) is not None:
            _add_match(doc, found[origin], term, origin, start, end)
    return found


def _words(text: str, idx: list[int], length: list[int], start: int, end: int, lower: bool) -> str:
    """The words of a match of several tokens as its pattern's words are keyed: joined by spaces, lower-cased for the
    case-insensitive matcher (each word as spaCy lower-cases a string: `str.lower`)."""
    words = [flags.cut(text, idx, length, i, i + 1) for i in range(start, end)]
    return " ".join([w.lower() for w in words] if lower else words)


def _add_match(doc: Doc, found: list[Candidate], term: lexicon.Term, origin: str, start: int, end: int) -> None:
    """The candidate of a match of `term`, grown over a model's version or a technique's variant words."""
    type_ = term.type
    extended = extend_model(doc, end) if type_ == "Model" else end
    first = extend_variant(doc, start) if type_ == "Method" else start
    if type_ == "Environment" and start > 0 and doc[start - 1].lower_ == "multi-agent":
        first = start - 1  # `Multi-agent MuJoCo`: the multi-agent version of a simulator is its own
    # An extended name (`Claude 3.5 Sonnet`, `multi-turn RL`) is its own entity, not the list's.
    found.append(Candidate(first, extended, origin, type_, term.name if first == start and extended == end else None))
