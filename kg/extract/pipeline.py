"""The spaCy pipeline: a blank English pipeline and the project's own components.

Nothing is downloaded: the pipeline is built from code and the data that
ship in the package, so any process (a worker of a parallel build too) can
build it with `load()`. `kg_sentences` (`kg.extract.sentences`) splits
sentences and makes the title its own; `kg_names` (`kg.extract.names`)
finds the entity names and their types.
"""

from __future__ import annotations

import gc
import re
import sys
from collections.abc import Callable
from functools import lru_cache

import spacy
from spacy.attrs import ID, IS_ALPHA, IS_DIGIT, IS_LOWER, IS_PUNCT, IS_SPACE, IS_TITLE, LIKE_NUM, LOWER
from spacy.language import Language
from spacy.tokens import Doc

from kg.extract import flags, folding
from kg.extract import names, sentences  # noqa: F401  (register the components' factories)
from kg.extract.known import known_type
from kg.extract.metric_names import is_metric
from kg.extract.shapes import known_family
from kg.extract.tokenizer import customize

# The lexeme attributes the rules read (`Token.lower_`, `is_alpha`, `is_digit`, `is_lower`, `is_punct`,
# `is_space`, `is_title`, `like_num`) and the bits of `kg.extract.flags` (ID); spaCy's others go unread.
READ_ATTRS = frozenset({LOWER, IS_ALPHA, IS_DIGIT, IS_LOWER, IS_PUNCT, IS_SPACE, IS_TITLE, LIKE_NUM, ID})


@lru_cache(maxsize=2)
def load(gazetteer: str | None = None) -> Language:
    """The extraction pipeline, built once per process.

    `gazetteer` is the path of a gazetteer file to use instead of the
    package's own (tests and leave-one-out scoring use it).

    A string the vocab has not seen costs a call of every lexeme attribute
    getter, and most strings of a new paper are new to it, so only the
    attributes the rules read (`READ_ATTRS`) are computed: spaCy's shape,
    prefix, suffix, norm, URL, e-mail and stop-word getters took a tenth of
    the time of a pass over unseen papers.

    The tables the rules build on first use are built here too
    (`_build_tables`), so that they are the process's setup and not the
    first papers' work.
    """
    nlp = spacy.blank("en")
    customize(nlp)
    nlp.add_pipe("kg_sentences")
    nlp.add_pipe("kg_names", config={"gazetteer": gazetteer})
    getters = nlp.vocab.lex_attr_getters
    for attr in [attr for attr in getters if attr not in READ_ATTRS]:
        del getters[attr]
    # spaCy's getters are Python functions that call these string methods; the methods themselves skip a call each
    # (some 4 ms of the 45 that 7,544 new strings cost).
    getters.update({LOWER: str.lower, IS_ALPHA: str.isalpha, IS_DIGIT: str.isdigit, IS_LOWER: str.islower, IS_SPACE: str.isspace,
                    IS_TITLE: str.istitle, IS_PUNCT: flags.is_punct, LIKE_NUM: flags.like_num})
    _build_tables()
    return nlp


def _build_tables() -> None:
    """Build the tables that the rules build on their first call: the gazetteer's types, the registries' metric names,
    the pattern of the lexicon's model families, and the case-insensitive patterns of the modules that search through
    `kg.extract.folding`, folded. They are per-process setup (some 25 ms, mostly the gazetteer's parse and the
    patterns' compiling), which the first batch of papers paid for.

    The modules are every one of `kg.extract` loaded by now (`kg.extract` imports roles and results, the components
    the other rules) that imports `folding` as a module, with the patterns it imports: a hand-kept list of them went
    stale as modules took to folding. Modules that do not fold are left out, their patterns' folded forms unused (a
    third of the compiling)."""
    known_type("")
    is_metric("")
    known_family("")
    for name, module in list(sys.modules.items()):
        if name.startswith("kg.extract.") and vars(module).get("folding") is folding:
            for value in vars(module).values():
                if isinstance(value, re.Pattern) and value.flags & re.I:
                    folding.search(value, "")


def load_frozen() -> None:
    """Build the pipeline in a process kg owns, then freeze what is alive.

    The objects alive once it is built (spaCy's and the pipeline's modules,
    registries and tables, some 115,000) live as long as the process, so
    they are moved out of the collector's reach (`gc.freeze`): each full
    collection walked them all (50-150 ms), some 5-10% of extraction's CPU.
    kg's pool workers, which do the extraction of `kg extract` and
    `kg build`, start with this, and so does `scripts/bench_extract.py`,
    which measures them. A user's process calls `load`, which must not make
    the user's objects uncollectable.
    """
    load()
    gc.freeze()


def annotator(nlp: Language) -> Callable[[list[str]], list[Doc]]:
    """`nlp` over a batch of texts, each doc keeping the text it was made from.

    Components read the text from `doc.user_data` rather than `Doc.text`,
    which rebuilds it token by token. Each step runs over the whole batch
    before the next starts, as `nlp.pipe` does, so that its code and tables
    stay in the processor's caches: tokenizing one text between the
    components of another costs half as much again. The components are
    listed once: `Language.pipeline` builds a new list on every read.
    """
    make_doc = nlp.make_doc
    components = [component for _, component in nlp.pipeline]

    def annotate(texts: list[str]) -> list[Doc]:
        docs = [make_doc(text) for text in texts]
        for doc, text in zip(docs, texts):
            doc.user_data[names.TEXT] = text
        for component in components:
            docs = [component(doc) for doc in docs]
        return docs

    return annotate
