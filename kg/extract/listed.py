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
    """One PhraseMatcher over lower-cased words for some lists of terms, with a match key per pattern's words.

    A key finds the list, the term and, for a cased pattern ("exact"), the ORTH hashes of the words a doc must have
    (None for a case-insensitive one): a match is read by one lookup, not by cutting and joining its words.
    """

    matcher: PhraseMatcher
    keys: dict[int, tuple[str, lexicon.Term, list[int] | None]]
    origins: tuple[str, ...]  # the lists' names, in the order their terms were added


def phrase_matchers(patterns: Language, lists: dict[str, tuple[lexicon.Term, ...]]) -> Matchers:
    """Case-insensitive patterns for lower-case and multi-word terms, exact ones for cased single names.

    `MATH` the benchmark must not match "math"; `reinforcement learning`
    must match "Reinforcement Learning" in a title. `patterns` tokenizes the
    patterns as the pipeline would, but into a vocab of its own, which holds
    the matcher's keys too: a PhraseMatcher compares string hashes, and the
    pattern words and keys of thousands of terms in the pipeline's vocab
    would fill it past the size where spaCy stops keeping new words (10,000),
    so that every new word of every text would be looked up afresh. Each
    pattern's words (lower-cased, or as written for a cased pattern) have a
    key of their own under their list, which finds the term of a match
    directly. The cased patterns are matched in lower case too, and their
    matches checked word for word: a doc is walked once, not once per list
    or kind, and a cased name's lower-case twin ("math") is rare.
    """
    matchers = Matchers(PhraseMatcher(patterns.vocab, attr="LOWER"), {}, tuple(lists))
    for origin, terms in lists.items():
        for term in terms:
            _add_term(matchers, patterns.make_doc, origin, term)
    return matchers


def _add_term(matchers: Matchers, make_doc: Callable[[str], Doc], origin: str, term: lexicon.Term) -> None:
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
                _add_pattern(matchers, f"{origin}\tlower\t{' '.join(t.lower_ for t in pattern)}", pattern, (origin, term, None))
        else:
            pattern = make_doc(name)
            _add_pattern(matchers, f"{origin}\texact\t{' '.join(t.text for t in pattern)}", pattern, (origin, term, [t.orth for t in pattern]))


def _add_pattern(matchers: Matchers, key: str, pattern: Doc, found: tuple[str, lexicon.Term, list[int] | None]) -> None:
    """`pattern` under `key`; where words have a key already, the term first added keeps it."""
    matchers.matcher.add(key, [pattern])
    matchers.keys.setdefault(pattern.vocab.strings[key], found)


def _spellings(name: str) -> list[str]:
    """`name` and its common other spellings: "fine-tuning"/"finetuning", "behavior"/"behaviour"."""
    forms = [name]
    for a, b in SPELLINGS:
        forms += [f.replace(a, b) for f in forms if a in f] + [f.replace(b, a) for f in forms if b in f]
    return forms


def from_terms(doc: Doc, matchers: Matchers) -> dict[str, list[Candidate]]:
    """The names of listed terms in `doc`, by the list (the lexicon, the gazetteer) that names them.

    Each list's case-insensitive matches come first, then its cased ones: where both name the same words, the
    first is the one `non_overlapping` keeps. A cased match counts where the doc's words (`flags.ids`) are the
    pattern's.
    """
    ids = flags.ids(doc)
    found: dict[str, list[Candidate]] = {origin: [] for origin in matchers.origins}
    cased = []
    for key, start, end in matchers.matcher(doc):
        origin, term, words = matchers.keys[key]
        if words is None:
            _add_match(doc, found[origin], term, origin, start, end)
        elif ids[start:end] == words:
            cased.append((origin, term, start, end))
    for origin, term, start, end in cased:
        _add_match(doc, found[origin], term, origin, start, end)
    return found


def _add_match(doc: Doc, found: list[Candidate], term: lexicon.Term, origin: str, start: int, end: int) -> None:
    """The candidate of a match of `term`, grown over a model's version or a technique's variant words."""
    type_ = term.type
    extended = extend_model(doc, end) if type_ == "Model" else end
    first = extend_variant(doc, start) if type_ == "Method" else start
    if type_ == "Environment" and start > 0 and doc[start - 1].lower_ == "multi-agent":
        first = start - 1  # `Multi-agent MuJoCo`: the multi-agent version of a simulator is its own
    # An extended name (`Claude 3.5 Sonnet`, `multi-turn RL`) is its own entity, not the list's.
    found.append(Candidate(first, extended, origin, type_, term.name if first == start and extended == end else None))
