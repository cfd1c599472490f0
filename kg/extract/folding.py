"""Case-insensitive patterns run faster: without `re.I`, over lower-cased text.

A case-insensitive search tries every branch of an alternation at every
character with case folding; the same pattern without `re.I`, over the
lower-cased text, finds the same spans several times faster. That holds
for ASCII text, where lower-casing keeps every offset and case-insensitive
matching folds no other letters (the Kelvin sign, the long s) onto ASCII
ones, and for patterns that match such text the same with and without
`re.I` once it is lower-cased (`caseless`). Other text and other patterns
run as they are. A folded match's groups are lower-cased.
"""

from __future__ import annotations

import re

# The characters case-insensitive matching takes for an ASCII letter besides its two cases: the Kelvin sign for "k", the
# long s for "s", the dotted and dotless i for "i".
FOLDS = {"k": "\u212a", "s": "\u017f", "i": "\u0130\u0131"}


def by_first_letter(alternatives: tuple[str, ...], after_letter: str = "", case_blind: bool = False) -> str:
    """The alternation of `alternatives` (each opening with a lower-case letter), those with one first letter grouped
    under it, with `after_letter` after that letter.

    At each character a search tries only the group of the letter there, not every alternative (COMPARE's searches in
    0.65-0.8 of the time); within a letter the order is kept, and no character opens two groups, so a search matches the
    same span as the plain alternation. `after_letter` `WORD_START` (`kg.extract.roles`) tests the word's start after its
    first letter, in place of an opening `\\b`: the search then skips in C to the next of the letters, where `\\b` is
    tried at every character. That pays for PROPOSE's nine letters (its finditer over the words before a name 0.51 ->
    0.27 ms over the hook's corpus pass), not for COMPARE's fourteen (0.93 -> 1.28 ms): the search stops at nearly every
    letter, where `\\b` fails at once inside a word.

    `case_blind` writes each group as `(?i:...)` in a pattern that matches case, its letter as the class of what `re.I`
    takes for it (`[sS\u017f](?i:core)`): an alternative that opens with a class is passed over at once where the
    character is not in it, one that opens with a case-blind letter is entered first (METRICS' finditer over the 362
    corpus texts 64 -> 36 ms).
    """
    groups: dict[str, list[str]] = {}
    for alternative in alternatives:
        if not alternative[:1].islower():
            raise ValueError(f"{alternative!r} does not open with a lower-case letter")
        groups.setdefault(alternative[0], []).append(alternative[1:])
    if case_blind:
        return "|".join(f"[{letter}{letter.upper()}{FOLDS.get(letter, '')}]{after_letter}(?i:{'|'.join(rests)})" for letter, rests in groups.items())
    return "|".join(f"{letter}{after_letter}(?:{'|'.join(rests)})" for letter, rests in groups.items())


# By the pattern's id, with the pattern kept alive (so no other object takes its id): hashing a pattern hashes its
# compiled code on every call. Each entry holds the pattern, its folded form (or None) and its needed words (`needs`).
_FOLDED: dict[int, tuple[re.Pattern, re.Pattern | None, tuple[str, ...]]] = {}
# The words registered by `needs`, by the pattern's id, with the pattern kept alive.
_NEEDED: dict[int, tuple[re.Pattern, tuple[str, ...]]] = {}


def needs(pattern: re.Pattern, words: tuple[str, ...]) -> None:
    """Register `words`, lower-case, of which every match of `pattern` holds one (the words of its alternation), for
    `search` to answer ASCII text that holds none of them without searching it.

    An `in` test per word is several times faster than a search that tries
    every alternative at every character (a few words in 0.2 µs, a search of
    70 characters in 0.8-1.9 µs), and 85-99% of the windows that roles read
    hold none of a pattern's words. The words belong to the pattern, so they are
    registered once beside it, and tests/test_extract_folding.py checks them
    against every registered pattern.
    """
    _NEEDED[id(pattern)] = (pattern, words)
    _FOLDED.pop(id(pattern), None)


def registered() -> list[tuple[re.Pattern, tuple[str, ...]]]:
    """Every pattern given words by `needs`, with its words."""
    return list(_NEEDED.values())


def _known(pattern: re.Pattern) -> tuple[re.Pattern, re.Pattern | None, tuple[str, ...]]:
    """The entry of `_FOLDED` for `pattern`: its folded form, None where folding would change what it matches, and its
    needed words."""
    known = _FOLDED.get(id(pattern))
    if known is None:
        words = re.sub(r"\(\?P[<=]\w+>?", "(", pattern.pattern)  # a named group's `?P` is no letter to match
        foldable = pattern.flags & re.I and caseless(words)
        folded = re.compile(pattern.pattern, pattern.flags & ~re.I) if foldable else None
        needed = _NEEDED.get(id(pattern))
        known = _FOLDED[id(pattern)] = (pattern, folded, needed[1] if needed else ())
    return known


def _folded(pattern: re.Pattern) -> re.Pattern | None:
    """`pattern` without `re.I`, or None where folding would change what it matches."""
    return _known(pattern)[1]


def caseless(pattern: str) -> bool:
    """Whether `pattern`, matching case, matches an ASCII string in lower case where it matches the string ignoring case:
    so where it holds no capital and no cased letter beyond ASCII (a "K" or "ſ", which re.I matches with "k" and "s"),
    no escape but those of marks (`\\.`) and classes (`\\d`, `\\w`), nor an inline flag turning re.I off (`(?-i:[a-z])`
    takes no capital), and no range in a class but one of lower-case letters or one of digits (`[0-_]` holds the
    capitals without writing one)."""
    bare = re.sub(r"\\[^A-Za-z0-9]|\\[dDwWsSbB]", "", pattern)
    return ("\\" not in bare and "(?-" not in bare and all(c.isascii() and not c.isupper() or c.lower() == c.upper() == c for c in bare)
            and all(_plain_ranges(found[0]) for found in _ESCAPE_OR_CLASS.finditer(pattern) if found[0][0] == "["))


# An escape, or a character class with what it holds (escapes within it whole): the classes of a pattern, read left to right.
_ESCAPE_OR_CLASS = re.compile(r"\\.|\[\^?\]?(?:\\.|[^\]\\])*\]", re.S)
_PLAIN_ENDS = {a + b for span in ("abcdefghijklmnopqrstuvwxyz", "0123456789") for a in span for b in span}


def _plain_ranges(found: str) -> bool:
    """Whether every range in the character class `found` (`[...]`) runs from a lower-case letter to one, or from a
    digit to one; a hyphen first or last in the class is itself."""
    items = re.findall(r"\\.|.", found[1:-1].removeprefix("^"), re.S)
    return all(items[i - 1] + items[i + 1] in _PLAIN_ENDS for i in range(1, len(items) - 1) if items[i] == "-")


def search(pattern: re.Pattern, text: str) -> re.Match | None:
    """`pattern.search(text)`: the same span.

    ASCII text that holds none of the pattern's needed words (`needs`) is
    answered without the search. (Other text is searched: case folding
    there may match other letters, the long s for an "s".)

    The known pattern is looked up here rather than through `_known`: roles search a dozen times per name. The lookup
    before the gate costs some 30 ns per gated-out call (0.5 ms over the hook's 15,840 of them).
    """
    if text.isascii():
        try:
            known = _FOLDED[id(pattern)]
        except KeyError:  # a subscript costs less than `get`; a pattern misses once
            known = _known(pattern)
        lower = text.lower()
        for word in known[2]:  # a loop, not `any` over a generator: half the cost of a test
            if word in lower:
                break
        else:
            if known[2]:
                return None
        if known[1]:
            return known[1].search(lower)
    return pattern.search(text)


def may_match(pattern: re.Pattern, text: str) -> bool:
    """Whether `search` searches `text` for `pattern` rather than answer None unsearched: False only for ASCII text that
    holds none of the pattern's needed words (`needs`), and then for every part of `text` too, one test for several windows."""
    if not text.isascii():
        return True
    words = _known(pattern)[2]
    lower = text.lower()
    for word in words:
        if word in lower:
            return True
    return not words


def match(pattern: re.Pattern, text: str) -> re.Match | None:
    """`pattern.match(text)`: the same span."""
    folded = _folded(pattern) if text.isascii() else None
    return folded.match(text.lower()) if folded else pattern.match(text)


def fullmatch(pattern: re.Pattern, text: str) -> re.Match | None:
    """`pattern.fullmatch(text)`: the same span."""
    folded = _folded(pattern) if text.isascii() else None
    return folded.fullmatch(text.lower()) if folded else pattern.fullmatch(text)


def finditer(pattern: re.Pattern, text: str) -> list[re.Match]:
    """`pattern.finditer(text)`: the same spans."""
    folded = _folded(pattern) if text.isascii() else None
    return list(folded.finditer(text.lower()) if folded else pattern.finditer(text))
