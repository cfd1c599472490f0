"""Markup cleaning: what each source's markup becomes, and what plain text keeps."""

import pytest

from kg.sources.markup import clean

CASES = [
    ("LaTeX commands, math, accents, dashes", r"We present \emph{Caf\'e}, $\alpha$-tuned, from $31.2\%$ to $58\%$ --- na\"ive \textbf{X}--Y",
     "We present Café, α-tuned, from 31.2% to 58% — naïve X–Y"),
    ("citations go, links keep their words", r"as in \cite{a} (see \href{http://x}{our site}, \url{http://y.z})", "as in (see our site, http://y.z)"),
    ("abbreviation macros", r"images, \eg, a \vs b", "images, e.g., a vs. b"),
    ("plain text keeps %, & and money", "R&D up 5% (costs $5 and $10)", "R&D up 5% (costs $5 and $10)"),
    ("LaTeX text keeps ~ and bare %", r"\emph{X} is ~5% better", "X is ~5% better"),
    ("plain double dashes stay", "A -- B", "A -- B"),
    ("JATS and HTML tags, entities", "<jats:title>A</jats:title><jats:p>B<sup>2</sup> &amp; <i>C</i>&#233;</jats:p>", "A B2 & Cé"),
    ("prose with angle brackets stays", "if a <b and c> d", "if a <b and c> d"),
    ("OAI hard line breaks", "  line one\n  line two\n", "line one line two"),
    ("lone surrogates and controls repaired", "x\ud800y\x00z", "x\ufffdy z"),
]


@pytest.mark.parametrize("raw, cleaned", [case[1:] for case in CASES], ids=[case[0] for case in CASES])
def test_clean(raw, cleaned):
    assert clean(raw) == cleaned
    assert clean(cleaned) == cleaned
