"""`kg.extract.folding` finds what the case-insensitive patterns find, on text written for this test and on the
outside passages."""

import json
import re
from pathlib import Path

from kg.extract import folding, pipeline, roles  # noqa: F401  (pipeline: every module that registers words)

PASSAGES = Path(__file__).parent / "data" / "outside_passages.jsonl"
# Windows that hold a match of each pattern that registers needed words, and windows that hold a word but no match.
GATED_TEXTS = [
    "We propose a new method, dubbed ",
    "a scheme we call ",
    "which results in the ",
    "Our multi-agent framework, ",
    "the resulting ",
    "OUTPERFORMING GPT-4 (22.1%), tree search (Prover-Z, 50.3%), and ",
    "it is compared with A, B and ",
    "our agent reaches 42.1%, while ",
    "whereas the baseline ",
    "we fine-tune several LLMs including BERT, RoBERTa and ",
    "Applying A, B and ",
    "across five new benchmarks: A, B and ",
    "our datasets, namely A and ",
    "a policy pre-trained on ",
    "image pairs from the ",
    "Distilled on ",
    "Unlike A and ",
    "as opposed to relying on ",
    "In stark contrast with ",
    "rather than ",
    "close to recordings ( ",
    "far below human performance of ",
    "the usual use of ",  # a word, no match
    "",
]
# The windows roles read before a name (`before[-N:]`), and the whole of it.
WINDOWS = (30, 40, 60, 100, 110, 120, 160, None)

TEXTS = [
    "Compared With the strongest Baselines, ",
    "OUTPERFORMING GPT-4 (22.1%), tree search (Prover-Z, 50.3%), and ",
    "We Propose a new method, dubbed ",
    "In this work, we fine-tune the ",
    "it SURPASSES the \u212aelvin baseline and ",  # the Kelvin sign folds onto "k" only under re.I
    "the model is \u017fuperior to ",  # so does the long s onto "s"
    "previous work such as ",
    "",
]


def test_folded_search_match_and_finditer_give_the_same_spans():
    patterns = [getattr(roles, name) for name in dir(roles) if isinstance(getattr(roles, name), re.Pattern)]
    assert len(patterns) > 10
    for pattern in patterns:
        for text in TEXTS:
            for ours, theirs in ((folding.search, pattern.search), (folding.match, pattern.match)):
                expected, found = theirs(text), ours(pattern, text)
                assert (expected and expected.span()) == (found and found.span()), (pattern.pattern, text)
            assert [m.span() for m in folding.finditer(pattern, text)] == [m.span() for m in pattern.finditer(text)]


def test_patterns_that_folding_would_change_run_as_they_are():
    upper = re.compile(r"[A-Z]\w+Net", re.I)  # a class of capitals: lower-casing the text would not do
    long_s = re.compile("\u017fuperior", re.I)  # matches "superior" under re.I only
    assert folding.search(upper, "the resnet") is not None
    assert folding.search(long_s, "superior to").span() == (0, 8)
    case_sensitive = re.compile(r"GPT")
    assert folding.search(case_sensitive, "gpt and GPT").span() == (8, 11)


def _sentences() -> list[str]:
    """The sentences of the outside passages (split at a stop and a space), and the texts written here."""
    texts = []
    for line in PASSAGES.read_text().splitlines():
        passage = json.loads(line)
        texts += re.split(r"(?<=[.!?])\s+", passage["title"] + "\n" + passage["abstract"])
    return texts + GATED_TEXTS


def test_every_match_of_a_pattern_holds_one_of_its_needed_words():
    """`folding.search` answers a window that holds none of a pattern's needed words without searching it: every
    window before a word of every sentence (as roles cut them) finds the same with the gate as without it, and every
    match holds one of the words. The words are checked here rather than kept by hand beside each call."""
    registered = folding.registered()
    assert len(registered) >= 9
    sentences = _sentences()
    for pattern, words in registered:
        assert words and all(word == word.lower() for word in words), pattern.pattern
        found = 0
        for sentence in sentences:
            for end in [m.start() for m in re.finditer(r"(?<!\S)\S", sentence)] + [len(sentence)]:
                before = sentence[:end]
                for window in {before[-n:] if n else before for n in WINDOWS}:
                    expected = pattern.search(window)
                    gated = folding.search(pattern, window)
                    assert (expected and expected.span()) == (gated and gated.span()), (pattern.pattern, window)
                    if expected:
                        found += 1
                        assert any(word in expected.group().lower() for word in words), (pattern.pattern, expected.group())
        assert found, pattern.pattern  # each pattern is tried on windows that it matches


def test_a_pattern_that_reads_case_somewhere_is_searched_as_it_is():
    """A scoped flag turning re.I off, or a range that holds the capitals without writing one, reads case that lower-cased
    text has lost: such a pattern is searched as it is, not folded."""
    scoped = re.compile(r"\bby (?-i:[a-z]+)", re.I)
    ranged = re.compile(r"\bx[0-_]", re.I)
    assert folding.search(scoped, "trained by Adam") is None and scoped.search("trained by Adam") is None
    assert folding.search(scoped, "trained by adam").group() == "by adam"
    assert folding.search(ranged, "the xa term").group() == ranged.search("the xa term").group() == "xa"
