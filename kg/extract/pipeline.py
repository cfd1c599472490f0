"""The spaCy pipeline: a blank English pipeline and the project's own components.

Nothing is downloaded: the pipeline is built from code and the lexicon that
ship in the package. Entities are found by the lexicon (phrase patterns) and
by the shapes names take (token patterns); `kg_sections` makes the title its
own sentence so that its lead name can be read as the paper's proposal.
"""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from kg.extract import lexicon
from kg.extract.tokenizer import customize

# A model name: a capitalised stem with a version number, optionally a size
# and a variant suffix: GPT-4, Llama-3.1-8B, Qwen2.5-7B-Instruct, GLM-4-9B.
MODEL_SHAPE = r"^[A-Z][A-Za-z]*[a-z][A-Za-z]*-?\d+(\.\d+)?[a-z]?(-\d+(\.\d+)?[BMbm])?(-[A-Z][A-Za-z]+)*$"
MODEL_SIZE = r"^[A-Z][\w.]*-\d+(\.\d+)?[BM](-[A-Za-z]+)*$"


def _patterns() -> list[dict]:
    patterns = []
    for term in lexicon.load():
        for name in (term.name, *term.aliases):
            attr = "LOWER" if name == name.lower() else "ORTH"
            text = name.lower() if attr == "LOWER" else name
            patterns.append({"label": term.type, "pattern": text, "id": term.name, "_attr": attr})
    for shape in (MODEL_SHAPE, MODEL_SIZE):
        patterns.append({"label": "Model", "pattern": [{"TEXT": {"REGEX": shape}}]})
    return patterns


@Language.component("kg_sections")
def kg_sections(doc: Doc) -> Doc:
    """Start a sentence after the blank line that ends the title."""
    for token in doc[1:]:
        if "\n\n" in doc[token.i - 1].whitespace_ + token.text or "\n" in doc[token.i - 1].text:
            token.is_sent_start = True
    return doc


@lru_cache(maxsize=1)
def load() -> Language:
    """The extraction pipeline, built once per process."""
    nlp = spacy.blank("en")
    customize(nlp)
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("kg_sections")
    by_attr: dict[str, list[dict]] = {"LOWER": [], "ORTH": []}
    for pattern in _patterns():
        by_attr[pattern.pop("_attr", "ORTH")].append(pattern)
    lower = nlp.add_pipe("entity_ruler", name="kg_lexicon_lower", config={"phrase_matcher_attr": "LOWER"})
    lower.add_patterns(by_attr["LOWER"])
    exact = nlp.add_pipe("entity_ruler", name="kg_lexicon", config={"overwrite_ents": False})
    exact.add_patterns(by_attr["ORTH"])
    return nlp
