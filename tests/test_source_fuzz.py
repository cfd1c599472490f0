"""Property-based tests: readers on any bytes raise nothing but InputError; cleaned text keeps evidence exact."""

from __future__ import annotations

import bz2
import gzip
import json
import lzma
import os
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg.errors import InputError, raise_error
from kg.extract import extract
from kg.sources import READERS, iter_papers
from kg.sources.fields import make_paper
from kg.sources.markup import clean

DATA = Path(__file__).parent / "data" / "sources"
FIXTURES = sorted(path.read_bytes() for path in DATA.iterdir())
FUZZ = settings(max_examples=int(os.environ.get("KG_FUZZ_EXAMPLES", 150)), deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Pieces of the markup sources really write, to be strung together at random.
MARKUP = [
    "$", "$x^2$", "$\\alpha$", "\\emph{", "}", "{", "\\'e", '\\"o', "\\textbf{GPT-4}", "\\cite{a}", "--", "---", "~", "%", "&",
    "&amp;", "&lt;", "&#233;", "<i>", "</i>", "<jats:p>", "</jats:p>", "<sup>2</sup>", "\\", "\\\\", "\n", "  ", "\ud800",
    "\x00", "é", "GPT-4o", "MMLU", " We fine-tune Llama-3.1-8B with PPO on WebArena. ", "It beats BERT. ", "(RLHF)",
]
markup_text = st.lists(st.one_of(st.sampled_from(MARKUP), st.text(max_size=8)), max_size=40).map("".join)


@st.composite
def mutated_fixture(draw) -> bytes:
    """A real fixture with bytes replaced, inserted or cut: close enough to a format to get past detection."""
    data = bytearray(draw(st.sampled_from(FIXTURES)))
    for _ in range(draw(st.integers(1, 6))):
        at = draw(st.integers(0, len(data)))
        piece = draw(st.one_of(st.binary(max_size=8), st.sampled_from(MARKUP).map(lambda s: s.encode("utf-8", "surrogatepass"))))
        cut = draw(st.integers(0, 40))
        data[at : at + cut] = piece
    return bytes(data)


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | markup_text,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.sampled_from(["title", "abstract", "id", "authors", "paper", "data", "results", "externalIds", "abstract_inverted_index", "versions", "authorships", "name", "doi"]), inner, max_size=5),
    max_leaves=20,
)
inputs = st.one_of(
    st.binary(max_size=400),
    markup_text.map(lambda s: s.encode("utf-8", "surrogatepass")),
    json_values.map(lambda v: json.dumps(v).encode()),
    st.lists(json_values, max_size=4).map(lambda vs: "".join(json.dumps(v) + "\n" for v in vs).encode()),
    mutated_fixture(),
    st.tuples(st.sampled_from([b"[", b'{"a":', b"{", b'[{"title":']), st.integers(1, 50_000)).map(lambda t: t[0] * t[1]),  # deep nesting
    st.tuples(mutated_fixture(), st.sampled_from([gzip.compress, bz2.compress, lzma.compress]), st.integers(0, 2000)).map(
        lambda t: t[1](t[0])[: t[2] or None]  # compressed, sometimes cut short
    ),
)


@FUZZ
@given(data=inputs, fmt=st.sampled_from([None, *READERS]))
def test_any_input_gives_papers_or_input_errors_only(data, fmt):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "input"
        path.write_bytes(data)
        skipped: list[InputError] = []
        for paper in iter_papers([path], fmt, skipped.append):
            assert paper.title and paper.abstract
            paper.text.encode("utf-8")  # no lone surrogates reach the store
        try:
            list(iter_papers([path], fmt, raise_error))
        except InputError as error:
            assert str(error).startswith(str(path)) and "\n" not in str(error)


@FUZZ
@given(text=markup_text)
def test_clean_gives_single_spaced_encodable_text(text):
    cleaned = clean(text)
    assert cleaned == " ".join(cleaned.split())
    cleaned.encode("utf-8")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(title=markup_text, abstract=markup_text)
def test_evidence_offsets_slice_the_cleaned_text_exactly(title, abstract):
    try:
        paper = make_paper("Bench " + title, "We study GPT-4 on MMLU. " + abstract)
    except ValueError:
        return  # nothing left after cleaning: a bad record, not a paper
    for extraction in extract([paper]):
        for entity in extraction.entities:
            for evidence in entity.evidence:
                assert paper.text[evidence.start : evidence.end] == evidence.sentence
