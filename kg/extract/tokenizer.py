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
the string alone.
"""

from __future__ import annotations

from collections.abc import Callable
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
ABBREVIATIONS = ("Avg.", "avg.", "Approx.", "approx.", "resp.", "Resp.", "cf.", "Cf.", "w.r.t.", "Eq.", "Fig.", "Tab.", "Sec.")


def customize(nlp: Language) -> None:
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
    nlp.tokenizer.infix_finditer = _per_string(_all(compile_infix_regex(infixes).finditer))
    nlp.tokenizer.suffix_search = _per_string(compile_suffix_regex(suffixes).search)
    nlp.tokenizer.prefix_search = _per_string(nlp.tokenizer.prefix_search)
    nlp.tokenizer.url_match = _per_string(nlp.tokenizer.url_match)
    # Papers write no emoticons, and "(RLID): ..." must end its acronym with ")" and ":", not with the emoticon "):".
    nlp.tokenizer.rules = {text: case for text, case in nlp.tokenizer.rules.items() if "(" not in text and ")" not in text}
    for abbreviation in ABBREVIATIONS:
        nlp.tokenizer.add_special_case(abbreviation, [{ORTH: abbreviation}])


def _per_string(search: Callable[[str], object]) -> Callable[[str], object]:
    return lru_cache(maxsize=AFFIX_CACHE)(search)


def _all(finditer: Callable[[str], object]) -> Callable[[str], tuple[Match, ...]]:
    """`finditer`'s matches as a tuple, which a cache can hand out again (an iterator is used up once read)."""
    return lambda string: tuple(finditer(string))
