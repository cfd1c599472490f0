"""Typing and boundary rules that hold in any field, on short abstracts written for these tests (names invented)."""

from conftest import types_of


def test_a_papers_own_definition_of_an_acronym_wins_over_the_lexicon():
    found = types_of(
        "Flat minima for small networks",
        "We train the classifier with sharpness-aware minimization (SAM). SAM flattens the loss surface of the network.",
    )
    assert found.get("sharpness-aware minimization") == "Method"
    assert "Segment Anything" not in found and "SAM" not in found


def test_a_paraphrase_of_a_listed_long_form_keeps_the_listed_entity():
    found = types_of(
        "Rewarding answers",
        "We score final answers with an outcome-supervised reward model (ORM) and compare it with step-level critics.",
    )
    assert "outcome-supervised reward model" not in found


def test_a_game_that_scores_grounding_on_a_dataset_makes_no_environment():
    found = types_of(
        "Grounding phrases in chest radiographs",
        "We evaluate phrase grounding with the pointing game on QX-CXR and report gains over prior work.",
    )
    assert found.get("QX-CXR") != "Environment"
    kept = types_of("Social deduction", "Our agents play a game based on Moon Traitors and win more often than humans.")
    assert kept.get("Moon Traitors") == "Environment"
