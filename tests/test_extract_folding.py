"""`kg.extract.folding` finds what the case-insensitive patterns find, on text written for this test."""

import re

from kg.extract import folding, roles

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
