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
the string alone. A string of letters only is answered without a search:
each alternative of the four patterns needs a character that is no letter
(punctuation, a digit, a symbol, a hyphen, a dot), so none matches a word,
and words are most of the new strings a stream of new papers brings, on
which the suffix search (tried at every character) costs the most.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import lru_cache
from re import Match

from spacy.language import Language
from spacy.symbols import ORTH
from spacy.util import compile_infix_regex, compile_suffix_regex

HYPHEN_RULES = ("-|–|—", r"[+\-\*^](?=[0-9-])")
ADJECTIVE_ENDINGS = (
    "based|like|driven|powered|style|guided|generated|augmented|enhanced|assisted|specific|centric|"
    "inspired|related|compatible|conditioned|level|scale|sized|size|only|free|aware|agnostic|native|tuned|trained|as-a-judge"
)
# Strings whose affix searches are kept: the spans a stream of papers repeats, and their parts.
AFFIX_CACHE = 1 << 15
Search = Callable[[str], Match | None]
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
    return nlp.tokenizer.prefix_search, compile_suffix_regex(suffixes).search, compile_infix_regex(infixes).finditer, nlp.tokenizer.url_match


def customize(nlp: Language) -> None:
    prefix_search, suffix_search, infix_finditer, url_match = searches(nlp)
    nlp.tokenizer.infix_finditer = _per_string(_all(infix_finditer), ())
    nlp.tokenizer.suffix_search = _per_string(suffix_search, None)
    nlp.tokenizer.prefix_search = _per_string(prefix_search, None)
    nlp.tokenizer.url_match = _per_string(url_match, None)
    # Papers write no emoticons, and "(RLID): ..." must end its acronym with ")" and ":", not with the emoticon "):".
    nlp.tokenizer.rules = {text: case for text, case in nlp.tokenizer.rules.items() if "(" not in text and ")" not in text}
    for abbreviation in ABBREVIATIONS:
        nlp.tokenizer.add_special_case(abbreviation, [{ORTH: abbreviation}])


def _per_string(search: Callable[[str], object], none: object) -> Callable[[str], object]:
    """`search`, kept per string; `none`, its answer where nothing matches, for a word of letters only."""
    return lru_cache(maxsize=AFFIX_CACHE)(lambda string: none if string.isalpha() else search(string))


def _all(finditer: Callable[[str], object]) -> Callable[[str], tuple[Match, ...]]:
    """`finditer`'s matches as a tuple, which a cache can hand out again (an iterator is used up once read)."""
    return lambda string: tuple(finditer(string))
