"""Typing rules that follow from the guidelines and the field's usage, on short abstracts written for these tests."""

from conftest import types_of


def test_a_backbone_with_a_tiny_or_width_size_is_a_checkpoint():
    found = types_of(
        "Segmenting roads",
        "RoadMixer outperforms Quartz-T with a UperNet head, and uses keypoints from an off-the-shelf Lumen-W48 estimator.",
    )
    assert found["Quartz-T"] == "Model"
    assert found["Lumen-W48"] == "Model"


def test_a_retriever_a_judge_or_what_gives_rewards_is_a_trained_model():
    found = types_of(
        "Answering over long documents",
        "Our pipeline uses Vexa-R2 as the retriever. With SentGuard as the judge, the attack succeeds less often. "
        "Compared with rewards from PixRank, our critic reduces reward hacking.",
    )
    assert found["Vexa-R2"] == "Model"
    assert found["SentGuard"] == "Model"
    assert found["PixRank"] == "Model"


def test_what_a_score_is_reported_on_is_data_even_when_its_name_ends_like_a_network():
    found = types_of(
        "Point clouds",
        "On SolidNet40, PointMixer reaches 93.1% accuracy. It achieves 88.2% overall accuracy on ObjScanNet. "
        "We also run pruning experiments on KestrelNet.",
    )
    assert found["SolidNet40"] == "Benchmark"
    assert found["ObjScanNet"] == "Benchmark"
    assert found["KestrelNet"] == "Model"


def test_a_capitalised_naming_word_inside_a_title_is_title_case_not_a_cue():
    found = types_of(
        "Cross-Lingual Named Entity Recognition with Label Prompts",
        "We propose LabPro, which casts entity tagging as matching spans with label descriptions.",
    )
    assert "Entity Recognition" not in found
    assert found["LabPro"] == "Method"


def test_a_listed_technique_ending_a_titles_descriptive_phrase_is_no_entity_unless_the_abstract_names_it():
    found = types_of(
        "Privileged Teacher Distillation for Lightweight Image Super-Resolution",
        "We present TinySR, a student network that matches its teacher at a tenth of the cost.",
    )
    assert "Distillation" not in found and "Super-Resolution" not in found
    assert found["TinySR"] == "Method"
    kept = types_of(
        "Privileged Teacher Distillation for Quadrupeds",
        "We train the student with distillation from a teacher that sees terrain heights.",
    )
    assert kept.get("distillation", kept.get("Distillation")) == "Method"


def test_a_name_a_word_for_software_follows_is_a_library_and_no_entity():
    found = types_of(
        "Cooperative agents",
        "All agents are trained with the MARLkit3 codebase, and molecules are drawn with the ChemDraw9 library. We propose CoRoV.",
    )
    assert "MARLkit3" not in found and "ChemDraw9" not in found
    assert "CoRoV" in found


def test_a_family_release_named_for_a_purpose_or_enlarged_stays_whole():
    found = types_of(
        "Judging attacks",
        "With Llama Guard 3 as the judge, and Kimi k1.5 and WavLM Base+ as teachers, RedLoop raises the attack success rate. "
        "Llama in Table 3 is weaker.",
    )
    assert {"Llama Guard 3", "Kimi k1.5", "WavLM Base+"} <= set(found)
    assert "Llama Table 3" not in found


def test_a_name_with_a_dotted_release_before_its_variant_is_found_whole():
    found = types_of(
        "Image critics",
        "We fine-tune GLYPH.1-dev and Kestrel1.5-VL with PixCritic rewards. Results in Fig.3-left confirm it.",
    )
    assert {"GLYPH.1-dev", "Kestrel1.5-VL"} <= set(found)
    assert "Fig.3-left" not in found


def test_a_registry_backbone_at_a_size_letter_is_a_checkpoint():
    found = types_of("Segmenting scenes", "MixSeg outperforms Swin-T with an UperNet head on our new split.")
    assert found["Swin-T"] == "Model"


def test_the_head_noun_a_paper_gives_its_name_outranks_a_list_it_stands_beside():
    found = types_of(
        "Red teaming",
        "We introduce RedLoop, an automated red-teaming method. Against GPT-4o and Claude 3.5 Sonnet, RedLoop reaches "
        "a 73% attack success rate.",
    )
    assert found["RedLoop"] == "Method"


def test_a_way_of_learning_or_a_planner_named_after_a_model_is_a_method():
    found = types_of(
        "Web agents",
        "HindWeb raises the success rate, surpassing ShopRL trained on the same backbone and the VLM-Planner baseline.",
    )
    assert found["ShopRL"] == "Method"
    assert found["VLM-Planner"] == "Method"


def test_what_a_method_is_preferred_over_is_a_baseline_not_data():
    found = types_of(
        "Long videos",
        "In a user study with 40 participants, ReelFlow is preferred over StoryGen-V2 in 68% of pairwise comparisons.",
    )
    assert found["StoryGen-V2"] != "Benchmark"


def test_sets_as_a_verb_after_a_name_is_no_head_noun():
    found = types_of("Tagging", "We propose OwlTag, a tagger. OwlTag sets a new state of the art on CoNLL-2003.")
    assert found["OwlTag"] == "Method"


def test_a_share_solved_of_x_and_datasets_from_x_make_x_data():
    found = types_of(
        "Provers",
        "LemmaBot proves 72.1% of PutF2F-test. We also evaluate on the FEMX and Poetry datasets from LEAFY.",
    )
    assert found["PutF2F-test"] == "Benchmark"
    assert found["LEAFY"] == "Benchmark"


def test_the_domains_agents_are_tested_in_are_environments():
    found = types_of(
        "Offline RL",
        "We evaluate CARP on the MuJoCo locomotion tasks as well as the BugMaze navigation domains.",
    )
    assert found["BugMaze"] == "Environment"
