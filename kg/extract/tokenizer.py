"""A tokenizer that keeps model and benchmark names whole.

spaCy's English tokenizer splits on hyphens, so `Llama-3.1-8B` becomes five
tokens and `70B.` keeps its full stop. Names in this field are hyphenated
compounds, so hyphens inside words stay and a full stop after a capital or
digit is split off.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.util import compile_infix_regex, compile_suffix_regex

HYPHEN_RULES = ("-|–|—", r"[+\-\*^](?=[0-9-])")


def customize(nlp: Language) -> None:
    infixes = [p for p in nlp.Defaults.infixes if not any(h in p for h in HYPHEN_RULES)]
    infixes.append(r"(?<=[0-9])[+*^](?=[0-9])")
    suffixes = list(nlp.Defaults.suffixes) + [r"(?<=[A-Z0-9+])\.", r"(?<=[A-Za-z0-9])[:;]"]
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
    nlp.tokenizer.suffix_search = compile_suffix_regex(suffixes).search
