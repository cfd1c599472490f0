"""Result rules for scores whose owner or count the sentence gives by reference, on abstracts written for these tests."""

from conftest import extract_one


def _results(abstract: str, title: str = "A method") -> set[tuple]:
    return {(r.subject, r.benchmark, r.value) for r in extract_one(title, abstract).results}


def test_a_share_after_a_count_of_the_total_is_the_solvers_score():
    found = _results("We introduce Marrow, an agent framework, and TileSet, a benchmark of 800 puzzles. "
                     "On TileSet, Marrow solves 402 of the 800 puzzles (50.3%).")
    assert ("Marrow", "TileSet", "50.3%") in found
    found = _results("We present GripFix, a grasping policy. In Robosuite, GripFix completes 41 of 50 drawer-opening episodes (82%).")
    assert ("GripFix", "Robosuite", "82%") in found
