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


def test_a_baseline_named_once_beside_a_compared_score_is_found():
    found = types_of(
        "Memory-light training",
        "Brisklet reaches a perplexity of 18.4, compared with 18.9 for Heronet and 18.6 for Quillon, while using less "
        "memory. On the long split it scores 49.3, above Tessavo (47.5) and Marrowind (42.9).",
    )
    for name in ("Quillon", "Tessavo", "Marrowind"):
        assert found.get(name) == "Method"


def test_a_capitalised_word_beside_a_number_with_no_comparison_is_no_name():
    found = types_of(
        "Memory-light training",
        "We train for 18.6 hours for Quillon County and report 12.5 for Monday. As argued by Tessavo (2020), memory "
        "matters; Marrowind (47.5) wrote it first. Scores exceed 40.1 for Sundays against nothing else.",
    )
    for name in ("Quillon", "Monday", "Tessavo", "Marrowind", "Sundays"):
        assert name not in found


def test_the_last_word_of_a_longer_name_said_again_is_its_short_form():
    from conftest import extract_one

    entities = extract_one(
        "Docking at scale",
        "We refine poses with PoseKit Verna. Our model places 48.6% of ligands, compared with 22.9% for Verna alone.",
    ).entities
    (entity,) = [e for e in entities if "Verna" in e.name]
    assert entity.name == "PoseKit Verna" and "Verna" in entity.aliases


def test_a_camelcase_name_and_one_capitalised_word_are_one_name_but_not_before_a_part_or_a_title():
    found = types_of(
        "Docking at scale",
        "Poses are refined with PoseKit Verna, and scores come from the DockHub Community and the FiqaSet Task 1 split. "
        "We thank the PoseKit Team.",
    )
    assert "PoseKit Verna" in found
    assert "DockHub Community" not in found and "FiqaSet Task" not in found and "PoseKit Team" not in found


def test_a_part_of_the_proposed_system_named_in_ordinary_capitalised_words_is_no_method():
    found = types_of(
        "Agents that browse",
        "We propose Webwise. An Adaptive Hard-case Sampling module picks tasks, the Global Optimization phase plans, and "
        "we add Locality-Sensitive Hashing to its memory.",
    )
    assert "Adaptive Hard-case Sampling" not in found and "Global Optimization" not in found
    assert found.get("Locality-Sensitive Hashing") == "Method"


def test_a_coined_name_after_a_number_and_a_unit_is_a_metric():
    found = types_of("Docking at scale", "Poselet places 48.6% of ligands within 2 Å LRMS and keeps a 3 dB PSNX margin.")
    assert "LRMS" not in found and "PSNX" not in found


def test_a_coined_name_before_loss_or_objective_is_no_entity_there():
    found = types_of("Session graphs", "We train Sesscal with an InfoMax-NCE objective and a ZetaHinge loss.")
    assert "InfoMax-NCE" not in found and "ZetaHinge" not in found
    kept = types_of("Word vectors", "We compare with the original GloVe-X objective. GloVe-X learns vectors from counts.")
    assert "GloVe-X" in kept


def test_a_plain_word_long_form_of_a_technique_before_its_acronym_is_a_method():
    from conftest import extract_one

    entities = extract_one(
        "Registering brains",
        "Our network is faster than curvature normalization (CurN) from a classic toolkit, and CurN needs minutes per scan.",
    ).entities
    (entity,) = [e for e in entities if e.name == "curvature normalization"]
    assert entity.type == "Method" and "CurN" in entity.aliases


def test_a_descriptive_long_form_before_an_acronym_is_no_method():
    found = types_of("Registering brains", "Unlike different sampling (DiS) or large-scale learning (LsL), our method is fast.")
    assert not {"different sampling", "DiS", "large-scale learning", "LsL"} & set(found)


def test_capitalised_words_before_a_listed_lower_case_technique_name_its_variant():
    found = types_of("Ocean forecasts", "Forecast spread comes from Monte Carlo dropout, and updates use Nesterov momentum.")
    assert found.get("Monte Carlo dropout") == "Method"
    assert "dropout" not in found


def test_a_method_before_a_listed_paradigm_is_no_variant_of_it():
    found = types_of("Fast adaptation", "We train the agent with Quokka meta-learning and compare it with Training dropout.")
    assert "Quokka meta-learning" not in found and "Training dropout" not in found


def test_an_acronym_and_one_capitalised_word_are_one_name_but_not_before_a_participle_or_a_head():
    found = types_of(
        "Optical flow",
        "We fine-tune on a mixture of QRT Vantor and other data; results use DPO Training, the ZQX Benchmark and KLM Tasks.",
    )
    assert "QRT Vantor" in found
    assert not {"DPO Training", "KLM Tasks"} & set(found)


def test_capitalised_words_before_a_capitalised_technique_head_name_a_technique():
    found = types_of("Segmenting scenes", "The decoder applies Cascaded Spectral Pooling, which widens the context of each pixel.")
    assert found.get("Cascaded Spectral Pooling") == "Method"
    part = types_of("Segmenting scenes", "It fuses features with a Pyramid Fusion network and a Spectral Pooling module.")
    assert "Pyramid Fusion" not in part and "Spectral Pooling" not in part


def test_a_hyphenated_capitalised_word_before_a_coined_hyphenated_name_is_part_of_it():
    found = types_of("Detecting objects", "We compare with Thin-Neck Z-Det, which reduces the cost of the heads.")
    assert "Thin-Neck Z-Det" in found and "Z-Det" not in found


def test_a_capitalised_word_a_cue_of_use_introduces_at_a_clauses_end_is_a_name():
    found = types_of(
        "Protein refinement",
        "Unpromising runs are stopped early by Quenchband, and structures are relaxed with Rosemont. "
        "Code environments come with Bash and SQL, layers are built using Fourier series, and we work with the Team.",
    )
    assert found.get("Quenchband") == "Method" and found.get("Rosemont") == "Method"
    assert not {"Bash", "Fourier", "Team"} & set(found)


def test_a_technique_listed_after_a_name_a_cue_of_use_introduces_is_used_too():
    found = types_of("Streaming recognition", "Training uses WarpAug and speed perturbation, then decoding starts.")
    assert found.get("speed perturbation") == "Method"


def test_a_hyphenated_compound_of_established_modifiers_makes_a_named_variant():
    found = types_of("Fine-tuning value functions", "We study offline-to-online reinforcement learning with Gatekeep, a new critic.")
    assert found.get("offline-to-online reinforcement learning") == "Method"
    assert "reinforcement learning" not in found


def test_a_kind_of_graph_network_and_a_neural_operator_are_architectures():
    found = types_of(
        "Graph surrogates",
        "We train Oceanix, a Fourier neural operator, and compare it with a gated graph neural network, a relational graph "
        "convolutional network and a general graph neural network. Plain neural operators and the convolution operator "
        "are no names, nor is a two-layer graph convolutional network.",
    )
    assert found.get("Fourier neural operator") == "Method"
    assert found.get("gated graph neural network") == "Method"
    assert found.get("relational graph convolutional network") == "Method"
    assert not {"general graph neural network", "neural operators", "convolution operator", "two-layer graph convolutional network"} & set(found)


def test_an_acronym_before_a_listed_dataset_names_its_maker_and_the_dataset_stays_one():
    from conftest import extract_one

    entities = extract_one("Optical flow", "We fine-tune on ZKR Sintel and KITTI 2015. On the Sintel test set the error drops.").entities
    (sintel,) = [e for e in entities if "Sintel" in e.name]
    assert sintel.name == "ZKR Sintel" and "Sintel" in sintel.aliases
    assert not [e for e in entities if e.name == "ZKR"]
