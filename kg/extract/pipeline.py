"""The spaCy pipeline: a blank English pipeline and the project's own components.

Nothing is downloaded: the pipeline is built from code and the data that
ship in the package. `kg_sections` makes the title its own sentence so that
its lead name can be read as the paper's proposal; `kg_names`
(`kg.extract.names`) finds the entity names and their types.
"""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from kg.extract import names  # noqa: F401  (registers the kg_names factory)
from kg.extract.tokenizer import customize


@Language.component("kg_sections")
def kg_sections(doc: Doc) -> Doc:
    """Start a sentence after the blank line that ends the title."""
    for token in doc[1:]:
        if "\n" in doc[token.i - 1].text_with_ws:
            token.is_sent_start = True
            break
    return doc


@lru_cache(maxsize=1)
def load() -> Language:
    """The extraction pipeline, built once per process."""
    nlp = spacy.blank("en")
    customize(nlp)
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("kg_sections")
    nlp.add_pipe("kg_names")
    return nlp
