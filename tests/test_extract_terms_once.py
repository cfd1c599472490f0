"""Techniques a paper names once, and the phrases that only look like them (issue 12), on short abstracts written
for these tests; the names of the proposed systems are invented."""

from conftest import types_of


def test_a_hyphenated_technique_after_a_cue_of_use_is_a_method():
    found = types_of(
        "Small taggers",
        "We train Zentag by self-distillation on its own outputs and enlarge the data with back-translation, then prune it.",
    )
    assert found.get("self-distillation") == "Method"
    assert found.get("back-translation") == "Method"


def test_hyphenated_adjectives_and_ordinary_words_after_a_cue_are_no_methods():
    found = types_of(
        "Large taggers",
        "We pair Zentag with cutting-edge LLMs, with task-specific heads and with human-annotated, noisy labels. "
        "Spans are ranked by co-occurrence, refined through post-processing and checked against ground-truth. "
        "We also evaluate it in a white-box setting and through role-playing.",
    )
    for phrase in ("cutting-edge", "task-specific", "human-annotated", "co-occurrence", "post-processing", "ground-truth", "white-box", "role-playing"):
        assert phrase not in found


def test_a_technique_listed_after_one_said_with_a_cue_is_used_too():
    found = types_of(
        "Quiet optimisers",
        "We pretrain Brisklet with cosine annealing and gradient clipping, and decode with beam search and shallow fusion.",
    )
    assert found.get("cosine annealing") == "Method"
    assert found.get("gradient clipping") == "Method"
    assert found.get("shallow fusion") == "Method"


def test_a_list_with_no_cue_before_it_names_no_technique():
    found = types_of("Quiet optimisers", "Memory and gradient clipping matter less than data and speed perturbation.")
    assert "gradient clipping" not in found and "speed perturbation" not in found


def test_a_persons_name_before_algorithm_or_estimator_names_the_technique_with_its_head():
    found = types_of(
        "Curvature at scale",
        "We compute the spectrum with the Orlov algorithm and the diagonal with Kessling's estimator every ten steps.",
    )
    assert found.get("Orlov algorithm") == "Method"
    assert found.get("Kessling's estimator") == "Method"


def test_a_capitalised_word_before_optimizer_or_attack_is_the_name_alone():
    found = types_of(
        "Memory-light training",
        "Our method uses less memory than the Heron optimizer and resists the Tollgate attack better than prior defenses.",
    )
    assert found.get("Heron") == "Method" and found.get("Tollgate") == "Method"
    assert "Heron optimizer" not in found and "Tollgate attack" not in found


def test_a_sentences_first_word_or_a_listed_name_before_a_head_is_no_eponym():
    found = types_of(
        "Memory-light training",
        "Standard optimizer states take memory. Our schedule works with the Adam optimizer and a simple algorithm.",
    )
    assert "Standard" not in found and "Standard optimizer" not in found
    assert "Adam optimizer" not in found
