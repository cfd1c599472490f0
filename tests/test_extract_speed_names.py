"""The shortcuts kg_names' steps take for speed give what the plain computation gives."""

from operator import attrgetter

from hypothesis import given, settings
from hypothesis import strategies as st

from kg.extract.candidates import ORIGIN_RANK, Candidate, non_overlapping

CANDIDATES = st.lists(
    st.builds(lambda start, width, origin: Candidate(start, start + width, origin), st.integers(0, 30), st.integers(0, 4), st.sampled_from(sorted(ORIGIN_RANK))),
    max_size=12,
)


def _ranked(found: list[Candidate]) -> list[Candidate]:
    """Every name ranked against every other: the longest first, then the more trusted origin."""
    taken: set[int] = set()
    kept = []
    for c in sorted(found, key=lambda c: (c.start - c.end, ORIGIN_RANK[c.origin], c.start)):
        if taken.isdisjoint(range(c.start, c.end)):
            kept.append(c)
            taken.update(range(c.start, c.end))
    return sorted(kept, key=attrgetter("start"))


@settings(max_examples=1000, deadline=None)
@given(CANDIDATES)
def test_non_overlapping_ranks_runs_of_overlapping_names_as_it_ranks_all(found):
    assert [id(c) for c in non_overlapping(found)] == [id(c) for c in _ranked(found)]


@settings(max_examples=2000, deadline=None)
@given(st.lists(st.sampled_from(["on ", " on ", "On ", "the ", "Higgs", "Last Letter", "NCBI-disease", "news2014", " ", ",", ".", " it ", "73.9%", " 8", "-", "a", "SGLR improves"]), max_size=14).map("".join))
def test_on_name_looking_behind_for_the_space_matches_as_the_pattern_that_starts_with_it(text):
    import re

    from kg.extract.scored_names import NAMED, ON_NAME, ON_WORD, SCORED, SHAPED

    spaced = re.compile(f" on {ON_WORD}(?:{SHAPED}|{NAMED}|{SCORED})")
    assert [(m.start() - 1, m.end(), m.groups()) for m in ON_NAME[0].finditer(text)] == [(m.start(), m.end(), m.groups()) for m in spaced.finditer(text)]
