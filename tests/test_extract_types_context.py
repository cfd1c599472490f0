"""Typing and boundary rules that hold in any field, on short abstracts written for these tests (names invented)."""

from conftest import types_of


def test_a_papers_own_definition_of_an_acronym_wins_over_the_lexicon():
    found = types_of(
        "Flat minima for small networks",
        "We train the classifier with sharpness-aware minimization (SAM). SAM flattens the loss surface of the network.",
    )
    assert found.get("sharpness-aware minimization") == "Method"
    assert "Segment Anything" not in found and "SAM" not in found


def test_a_paraphrase_of_a_listed_long_form_stays_the_listed_entity():
    from conftest import extract_one

    (entity,) = extract_one(
        "Rewarding answers",
        "We score final answers with an outcome-supervised reward model (ORM) and compare it with step-level critics.",
    ).entities
    assert "ORM" in [entity.name, *entity.aliases]
    assert "outcome reward model" in [entity.name, *entity.aliases]  # the listed name joins it to the same node across papers


def test_a_game_that_scores_grounding_on_a_dataset_makes_no_environment():
    found = types_of(
        "Grounding phrases in chest radiographs",
        "We evaluate phrase grounding with the pointing game on QX-CXR and report gains over prior work.",
    )
    assert found.get("QX-CXR") != "Environment"
    kept = types_of("Social deduction", "Our agents play a game based on Moon Traitors and win more often than humans.")
    assert kept.get("Moon Traitors") == "Environment"


def test_a_benchmarks_variant_word_or_budget_stays_in_its_name():
    found = types_of(
        "Agents that fix code",
        "We test on QuillBench Multilingual and on Kiln-Bench Verified. In Atari 100k the agent reaches a high score "
        "after 100k steps.",
    )
    assert found.get("QuillBench Multilingual") == "Benchmark"
    assert found.get("Kiln-Bench Verified") == "Benchmark"
    assert found.get("Atari 100k") == "Environment"
    assert "100k steps" not in " ".join(found)


def test_a_title_case_pair_with_a_release_number_is_a_released_model_and_the_number_no_score():
    from conftest import extract_one

    extraction = extract_one(
        "Faster video synthesis",
        "Our generator is preferred over Open-Vista 1.2 by raters. Multi-Stage 2 layers add little.",
    )
    found = {e.name: e.type for e in extraction.entities}
    assert found.get("Open-Vista 1.2") == "Model"
    assert not any(name.startswith("Multi-Stage") for name in found)
    assert all(r.value not in {"1.2", "2"} for r in extraction.results)


def test_a_title_case_pair_is_a_name_only_with_a_names_ending():
    found = types_of("Planning", "We evaluate on Harbor-Bench. Long-Term planning is hard for Multi-Agent teams.")
    assert found.get("Harbor-Bench") == "Benchmark"
    assert "Long-Term" not in found and "Multi-Agent" not in found


def test_websites_an_agent_operates_are_environments_even_when_named_like_organisations():
    found = types_of(
        "Web agents",
        "Agents trained in our simulator transfer when evaluated on shopnow.com and bidly.com. On VoyageBench, which "
        "requires operating live sites such as Amazon and Redmine, our agent completes half of the tasks. It also books "
        "flights on the Skyfare website.",
    )
    for name in ("shopnow.com", "bidly.com", "Amazon", "Redmine", "Skyfare"):
        assert found.get(name) == "Environment", name


def test_a_domain_inside_a_url_or_outside_a_sentence_about_agents_is_no_website():
    found = types_of(
        "Summaries of threads",
        "We collect threads from forumly.com and release them at https://forumly.com/data for summarisation research.",
    )
    assert "forumly.com" not in found


def test_a_lower_case_technique_defined_with_its_acronym_after_a_cue_of_use_is_a_method():
    found = types_of(
        "Fast samplers",
        "The student is distilled into a 4-step sampler with trajectory moment matching (TMM). "
        "Our critics were written by human annotators (HAs).",
    )
    assert found.get("trajectory moment matching") == "Method"
    assert "human annotators" not in found and "HAs" not in found


def test_a_lower_case_technique_said_once_counts_after_a_cue_of_use():
    found = types_of(
        "Sparse tokens",
        "Training uses contrastive hashing. We pick anchors by furthest voxel sampling, and the server is compatible "
        "with masked aggregation.",
    )
    for name in ("contrastive hashing", "furthest voxel sampling", "masked aggregation"):
        assert found.get(name) == "Method", name


def test_a_plain_or_descriptive_phrase_after_a_cue_is_no_technique():
    found = types_of(
        "Sparse tokens",
        "We train with random sampling, using a negative sampling rate of five, and search via online optimization. "
        "Exploring scaling helps.",
    )
    assert not found


def test_what_a_score_is_measured_on_is_data():
    found = types_of(
        "Grounding phrases",
        "Attention maps overlap lesions more closely, which we measure with the pointing game on QX-Lesion. "
        "The compressed tagger loses less than one point on Tagset-9.",
    )
    assert found.get("QX-Lesion") == "Benchmark"
    assert found.get("Tagset-9") == "Benchmark"


def test_a_name_listed_with_a_sized_checkpoint_past_its_score_is_a_model():
    found = types_of(
        "Long videos",
        "On VidScore, FlowReel obtains a total score of 84.6, above Vidgen-5B (81.6) and HollowCast (83.2).",
    )
    assert found.get("HollowCast") == "Model"


def test_a_dataset_shaped_word_after_on_in_a_sentence_with_a_score_is_a_benchmark():
    found = types_of(
        "Tagging diseases",
        "On QRX-disease it improves F1 from 87.8 to 89.3. It reaches 29.8 BLEU on newstest2031, and on Kiosk-Book it "
        "reaches 0.046. It also works on LLM-based agents with 5% gains and on long-horizon tasks.",
    )
    for name in ("QRX-disease", "newstest2031", "Kiosk-Book"):
        assert found.get(name) == "Benchmark", name
    assert not any("based" in name or "horizon" in name for name in found)


def test_a_dataset_shaped_word_after_on_without_a_score_is_no_name():
    found = types_of("Tagging diseases", "We focus on QRX-disease mentions in clinical notes.")
    assert "QRX-disease" not in found


def test_a_benchmark_of_tasks_done_by_operating_apps_is_an_environment_the_paper_evaluates_on():
    from conftest import extract_one

    found = {
        e.name: (e.type, e.role)
        for e in extract_one(
            "App agents",
            "We evaluate our agent on PhoneBench, a benchmark of 120 tasks that agents complete by operating Android apps.",
        ).entities
    }
    assert found["PhoneBench"] == ("Environment", "evaluates_on")


def test_a_website_an_agent_navigates_is_an_environment_and_a_person_navigating_names_none():
    found = types_of("Web agents", "Our agent navigates Redmine and Gitea to file issues. Tourists navigate Lisbon on foot.")
    assert found.get("Redmine") == "Environment" and found.get("Gitea") == "Environment"
    assert "Lisbon" not in found


def test_what_generates_images_or_video_is_a_trained_model_and_what_generates_plans_is_not():
    found = types_of(
        "Video synthesis",
        "Raters prefer our clips to videos generated by CineWarp. StoryPaint synthesizes images in seconds. "
        "Trajectories generated by PlanLoop are long.",
    )
    assert found.get("CineWarp") == "Model"
    assert found.get("StoryPaint") == "Model"
    assert found.get("PlanLoop") == "Method"


def test_capitalised_words_after_on_that_the_subject_follows_in_a_sentence_with_a_score_name_a_benchmark():
    found = types_of(
        "Tabular learning",
        "On Lindgren it attains an RMSE of 0.391, and on Pell Grants our model achieves 73.9% accuracy. "
        "On Monday we met the reviewers.",
    )
    assert found.get("Lindgren") == "Benchmark"
    assert found.get("Pell Grants") == "Benchmark"
    assert "Monday" not in found


def test_a_bench_of_interactive_tasks_across_apps_is_an_environment_and_one_of_collected_behaviours_is_not():
    found = types_of(
        "Phone agents",
        "We further introduce SwapApp-Bench, 150 interactive tasks that require moving information between two apps. "
        "Our suite holds harmful behaviours sourced from HarmKit-Bench across real websites.",
    )
    assert found.get("SwapApp-Bench") == "Environment"
    assert found.get("HarmKit-Bench") == "Benchmark"


def test_a_bare_the_model_set_off_by_commas_types_its_name_after_an_opening_phrase():
    found = types_of(
        "Translation for low-resource languages",
        "On FLORES-200 devtest the model, TamsinMT, scores 4.1 chrF++ points above the pivot system.",
    )
    assert found.get("TamsinMT") == "Model"
    opening = types_of(
        "Solving flows",
        "On the Navier-Stokes dataset, FluxWarp reduces the error by 12%. In the simulator, RoboKel, our agent, reaches the goal.",
    )
    assert opening.get("FluxWarp") != "Benchmark"  # the comma closes the opening phrase
    assert opening.get("RoboKel") != "Environment"  # "In the simulator," is a place, not an apposition
