"""A tokenizer that keeps model and benchmark names whole.

spaCy's English tokenizer splits on hyphens, so `Llama-3.1-8B` becomes five
tokens and `70B.` keeps its full stop. Names in this field are hyphenated
compounds, so hyphens inside words stay; a full stop after a capital or
digit is split off, and so are the adjective-making endings (`GPT-4-based`,
`LLaMA-like`) so that the name before them stands alone. Emoticons are
not special cases ("(RLID):" is an acronym, a bracket and a colon). Abbreviations
that spaCy does not know (`Avg.`, `approx.`) keep their full stop, so that
"(Avg. 80.1%)" does not end a sentence.

The affix searches are kept per string. spaCy keeps the tokens of each
whitespace-separated span it has split, except in a doc after the doc's
first special case ("e.g.", "'s"), where it keeps none (spaCy issue #1250).
There every span is split afresh by the prefix, suffix and infix regexes,
each a search through some ninety alternatives, and that was a third of
the tokenizer's time on papers it had seen before. Their answers depend on
the string alone. A string of letters and digits only is answered without
a search: each alternative of the four patterns needs a character that is
neither (punctuation, a symbol, a hyphen, a dot; `needs`), so none matches
a word or a number, and words are most of the new strings a stream of new
papers brings, on which the suffix search (tried at every character) costs
the most.

A string that ends in an ASCII character, almost all the others, is
searched for only the few suffixes whose last character may be that one
(`_by_last_character`): every suffix ends the string, so no other can
match it. Those that may end in a letter or digit are five ("'s" and the
adjective endings), in a comma two, in a full stop five, in a bracket one,
in a "%" none, and a search of a few alternatives takes a tenth of the
time of the ninety (the strings ending in punctuation, two thirds of the
suffix searches of the cold pass, ~15 -> ~3 ms). Likewise the prefix
search goes by a string's first character (`_by_first_character`): a
letter or digit may start only the currencies "US$", "C$" and "A$", so
most strings are answered by a dict lookup, not a search (the ~7,400
new strings the cold pass asks it of, 2.56 -> 0.73 ms).

A word of letters and digits only is spaCy's `token_match` (`str.isalnum`):
the tokenizer tests it before the affix searches and the infix finder, and
a word it takes is one token, as the searches would leave it (none matches
such a word), while the special cases ("Cannot", "10am") are still looked
up first. A test in C instead of two to four calls into Python per new
word: the cold pass over the hook's papers ~162 -> ~137 ms CPU (min of 5
runs each) for words of letters; with digits (`GPT4`, `2024`), 178 more of
the cold pass's spans are one token without a search.

spaCy keeps the tokens of at most 10,000 spans (`max_cache_size`), and the
hook's 362 papers alone hold 12,789 distinct spans: past the first ten
thousand, every new span was split afresh on each pass. kg keeps up to
`SPAN_CACHE` (a few hundred bytes each): a pass over papers seen before
splits 1,717 spans (those after a special case) instead of 3,457, ~22 ->
~19.5 ms.
"""

from __future__ import annotations

import re
import string
from collections.abc import Callable, Iterator
from functools import lru_cache
from re import Match

from spacy.language import Language
from spacy.symbols import ORTH
from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex

try:  # the parser of `re`, which tells what character a prefix may start with, or a suffix may end with
    from re import _constants as sre
    from re import _parser
except ImportError:  # Python 3.10
    import sre_constants as sre  # type: ignore[no-redef]
    import sre_parse as _parser  # type: ignore[no-redef]

HYPHEN_RULES = ("-|–|—", r"[+\-\*^](?=[0-9-])")
ADJECTIVE_ENDINGS = (
    "based|like|driven|powered|style|guided|generated|augmented|enhanced|assisted|specific|centric|"
    "inspired|related|compatible|conditioned|level|scale|sized|size|only|free|aware|agnostic|native|tuned|trained|as-a-judge"
)
# Strings whose affix searches are kept: the spans a stream of papers repeats, and their parts.
AFFIX_CACHE = 1 << 15
# Whitespace-separated spans whose tokens spaCy keeps (its default, 10,000, is fewer than 362 papers hold).
SPAN_CACHE = 1 << 17
Search = Callable[[str], Match | None]
ASCII_ALNUM = frozenset(string.ascii_letters + string.digits)
# What a match may start or end with but holds no character: anchors and lookarounds.
ZERO_WIDTH = {sre.AT, sre.ASSERT, sre.ASSERT_NOT}
REPEATS = {sre.MAX_REPEAT, sre.MIN_REPEAT, getattr(sre, "POSSESSIVE_REPEAT", sre.MAX_REPEAT)}
ABBREVIATIONS = ("Avg.", "avg.", "Approx.", "approx.", "resp.", "Resp.", "cf.", "Cf.", "w.r.t.", "Eq.", "Fig.", "Tab.", "Sec.")


def searches(nlp: Language) -> tuple[Search, Search, Callable[[str], Iterator[Match]], Search]:
    """The prefix and suffix searches, the infix finder and the URL match that kg tokenizes with, each uncached:
    `nlp`'s (spaCy's English) with the hyphen, unit and colon rules of the module's docstring."""
    infixes = [p for p in nlp.Defaults.infixes if not any(h in p for h in HYPHEN_RULES)]
    infixes.append(r"(?<=[0-9])[+*^](?=[0-9])")
    infixes.append(r"(?<=[A-Za-z0-9])(?:--|—|–)(?=[A-Za-z])")
    infixes.append(r"(?<=[A-Za-z0-9])~(?=[A-Za-z])")  # LaTeX's tie before a citation key: "DyVal~zhu2023dyval"
    # Units after digits stay: `574K`, `300K` and `GSM8K` are one token each.
    suffixes = [p for p in nlp.Defaults.suffixes if not p.startswith("(?<=[0-9])(?:km")] + [
        r"(?<=[A-Z0-9+])\.",
        r"(?<=[A-Za-z0-9])[:;]",
        rf"(?<=[A-Za-z0-9+])-(?:{ADJECTIVE_ENDINGS})$",
    ]
    return _by_first_character(nlp.Defaults.prefixes), _by_last_character(suffixes), compile_infix_regex(infixes).finditer, nlp.tokenizer.url_match


def _by_first_character(prefixes: list[str]) -> Search:
    """The search of `compile_prefix_regex(prefixes)` (spaCy's), by a smaller pattern for a string that starts with an
    ASCII character, and none for one that no prefix may start with.

    Every prefix starts the string, so only those whose first character may
    be the string's can match it, in their order. A letter or a digit starts
    only the currencies "US$", "C$" and "A$", and most strings the prefix
    search is asked of start with one (`model,`, `GPT-4.`): the cold pass over
    the hook's papers asks it of ~7,400 new strings, each a try of some ninety
    alternatives (~0.33 µs) where a dict lookup answers most.
    """
    search = compile_prefix_regex(prefixes).search
    parsed = [(piece, _parser.parse(piece)) for piece in prefixes if piece.strip()]
    by_first: dict[str, Search] = {}
    for character in string.ascii_letters + string.digits + string.punctuation:
        starting = [piece for piece, items in parsed if _may_hold_at(items, frozenset(character), 0)]
        by_first[character] = compile_prefix_regex(starting).search if starting else _no_match
    return _by_character(by_first, slice(0, 1), search)


def _by_last_character(suffixes: list[str]) -> Search:
    """The search of `compile_suffix_regex(suffixes)`, by a smaller pattern for a string that ends in an ASCII character.

    The smaller pattern holds the suffixes, in their order, whose last
    character may be the string's (one pattern for the letters and digits,
    one per punctuation mark); the others cannot match such a string (each
    ends at the string's end), so at each start the same suffix matches first.
    """
    search = compile_suffix_regex(suffixes).search
    parsed = [(piece, _parser.parse(piece)) for piece in suffixes if piece.strip()]
    by_last: dict[str, Search] = {}
    for characters in (ASCII_ALNUM, *map(frozenset, string.punctuation)):
        ending = [piece for piece, items in parsed if _may_hold_at(items, characters, -1)]
        by_last.update(dict.fromkeys(characters, compile_suffix_regex(ending).search if ending else _no_match))
    return _by_character(by_last, slice(-1, None), search)


def _by_character(searches: dict[str, Search], at: slice, search: Search) -> Search:
    """The search of `searches` for the character of a string `at` its start or end, else `search`; None at once for a word of
    letters and digits only, which no prefix or suffix matches (`needs`). The test is made here, not by `_per_string`,
    where it took a call more per new string: the cold pass's prefix and suffix searches ~0.4 ms less each (min of 10)."""
    return lambda text: None if text.isalnum() else searches.get(text[at], search)(text)


def _no_match(text: str) -> None:
    """The search of a string that no prefix may start, or no suffix may end."""
    return None


def _may_hold_at(items: list, characters: frozenset[str], at: int) -> bool:
    """Whether the first (`at` 0) or last (-1) character of a match of the parsed pattern `items` may be one of
    `characters` (True where unsure, and for a pattern that ignores case)."""
    if isinstance(items, _parser.SubPattern) and items.state.flags & re.IGNORECASE:
        return True
    items = [item for item in items if item[0] not in ZERO_WIDTH]
    if not items:
        return True
    op, arg = items[at]
    if op is sre.LITERAL:
        return chr(arg) in characters
    if op is sre.IN and (held := _class(arg)) is not None:
        return not held.isdisjoint(characters)
    if op is sre.BRANCH:
        return any(_may_hold_at(branch, characters, at) for branch in arg[1])
    if op is sre.SUBPATTERN:
        return bool(arg[1] & re.IGNORECASE) or _may_hold_at(arg[-1], characters, at)
    if op in REPEATS and arg[0] > 0:
        return _may_hold_at(arg[2], characters, at)
    return True


def _class(arg: list) -> frozenset[str] | None:
    """The characters of a parsed class of literals and ranges (`[a-z.]`); None for a negated class or one by category."""
    if not all(o in {sre.LITERAL, sre.RANGE} for o, _ in arg):
        return None
    return frozenset(c for o, a in arg for c in ((chr(a),) if o is sre.LITERAL else map(chr, range(a[0], a[1] + 1))))


def customize(nlp: Language) -> None:
    prefix_search, suffix_search, infix_finditer, url_match = searches(nlp)
    nlp.tokenizer.infix_finditer = _per_string(_all(infix_finditer), (), needs(infix_finditer.__self__))
    nlp.tokenizer.suffix_search = _per_string(suffix_search)
    nlp.tokenizer.prefix_search = _per_string(prefix_search)
    nlp.tokenizer.url_match = _per_string(url_match, None, needs(url_match.__self__))
    nlp.tokenizer.token_match = str.isalnum
    nlp.tokenizer.max_cache_size = SPAN_CACHE
    # Papers write no emoticons, and "(RLID): ..." must end its acronym with ")" and ":", not with the emoticon "):".
    nlp.tokenizer.rules = {text: case for text, case in nlp.tokenizer.rules.items() if "(" not in text and ")" not in text}
    for abbreviation in ABBREVIATIONS:
        nlp.tokenizer.add_special_case(abbreviation, [{ORTH: abbreviation}])


def _per_string(search: Callable[[str], object], none: object = None, needed: frozenset[str] | None = None) -> Callable[[str], object]:
    """`search`, kept per string; `none`, its answer where nothing matches: given `needed`, for a word of letters and digits
    only, and for a string that holds none of the `needed` strings, one of which each match holds (`needs`). The prefix
    and suffix searches make the first test themselves (`_by_character`)."""
    if needed is None:
        return lru_cache(maxsize=AFFIX_CACHE)(search)
    characters = frozenset(n for n in needed if len(n) == 1)
    # the longer strings ("--" of the infixes; none of the URL's) as one search in C: a generator over them took ~0.25 µs
    # a new string, as long as the URL match's own check
    longer = re.compile("|".join(map(re.escape, sorted(n for n in needed if len(n) > 1))) or "(?!)").search

    def kept(string: str) -> object:
        if string.isalnum() or characters.isdisjoint(string) and not longer(string):
            return none
        return search(string)

    return lru_cache(maxsize=AFFIX_CACHE)(kept)


def needs(pattern: re.Pattern) -> frozenset[str] | None:
    """Strings one of which every match of `pattern` holds (None where unsure, or for a pattern that ignores case).

    A URL holds a ".", and each infix a "." or "," or ":<>=/+*^~", a dash,
    "--" or a symbol: most strings the URL match and the infix finder are
    asked of hold none (`multi-agent`, `Llama-3`, `(GRF)`, `[12]`), and a set's
    `isdisjoint` answers them in C, where the URL match took ~3 µs a string
    and the infix search ~4 µs: the hook's cold pass skips 1,273 of the one
    and 1,199 of the 1,420 of the other (~8 ms).
    """
    parsed = _parser.parse(pattern.pattern, pattern.flags)
    return None if parsed.state.flags & re.IGNORECASE else _needs(list(parsed))


def _needs(items: list) -> frozenset[str] | None:
    """`needs` of the parsed sequence `items`: the fewest strings that one of its items needs, a run of literals
    needing itself; anchors, lookarounds and classes by category need nothing known."""
    options: list[frozenset[str]] = []
    run = ""
    for op, arg in items:
        if op is sre.LITERAL:
            run += chr(arg)
            continue
        if run:
            options.append(frozenset([run]))
            run = ""
        found = None
        if op is sre.IN:
            found = _class(arg)
        elif op is sre.BRANCH:
            branches = [_needs(branch) for branch in arg[1]]
            found = None if None in branches else frozenset().union(*branches)
        elif op is sre.SUBPATTERN and not arg[1] & re.IGNORECASE:
            found = _needs(arg[-1])
        elif op in REPEATS and arg[0] > 0:
            found = _needs(arg[2])
        if found:
            options.append(found)
    if run:
        options.append(frozenset([run]))
    return min(options, key=len, default=None)


def _all(finditer: Callable[[str], object]) -> Callable[[str], tuple[Match, ...]]:
    """`finditer`'s matches as a tuple, which a cache can hand out again (an iterator is used up once read)."""
    return lambda string: tuple(finditer(string))
