import glob
from pathlib import Path

import pytest

from conftest import extract_one
from kg.extract import EXTRACTOR, extract
from kg.records import Paper, paper_id

HERE = Path(__file__).resolve()
# `shared/` beside the main checkout, or two levels up from a worktree.
CORPUS = sorted(glob.glob(str(HERE.parents[2] / "shared" / "corpus" / "*.txt")) or glob.glob(str(HERE.parents[3] / "shared" / "corpus" / "*.txt")))


def _paper(title: str, abstract: str) -> Paper:
    return Paper(id=paper_id(title), title=title, abstract=abstract)


def _entities(title: str, abstract: str) -> dict:
    return {(e.name, e.type): e for e in extract_one(title, abstract).entities}


def test_types_roles_and_evidence_on_a_written_abstract(abstracts):
    paper = _paper(abstracts[0]["title"], abstracts[0]["abstract"])
    (extraction,) = extract([paper])
    found = {(e.name, e.type): e for e in extraction.entities}
    assert found[("Llama-3.1-8B", "Model")].role == "uses"
    assert found[("MiniWoB++", "Environment")].role == "evaluates_on"
    assert found[("GPT-4o", "Model")].role == "compares_to"
    assert found[("Proximal Policy Optimization", "Method")].aliases == ["PPO"]
    assert extraction.extractor == EXTRACTOR
    for entity in extraction.entities:
        assert entity.evidence, entity.name
        for evidence in entity.evidence:
            assert paper.text[evidence.start : evidence.end] == evidence.sentence
            assert entity.name.lower() in evidence.sentence.lower() or any(a.lower() in evidence.sentence.lower() for a in entity.aliases)


def test_acronym_defined_in_text_joins_its_expansion(abstracts):
    found = _entities(abstracts[1]["title"], abstracts[1]["abstract"])
    rlhf = found[("Reinforcement Learning from Human Feedback", "Method")]
    assert "RLHF" in rlhf.aliases
    assert not any(name == "RLHF" for name, _ in found)
    assert found[("GSM8K", "Benchmark")].role == "evaluates_on"
    assert found[("MATH", "Benchmark")].role == "evaluates_on"


def test_case_decides_between_a_benchmark_name_and_a_word():
    found = _entities("Counting with Words", "We study how children learn math and count objects in everyday scenes with simple tools.")
    assert ("MATH", "Benchmark") not in found


def test_results_keep_the_final_score_of_an_improvement(abstracts):
    (extraction,) = extract([_paper(abstracts[0]["title"], abstracts[0]["abstract"])])
    values = [(r.subject, r.value) for r in extraction.results]
    assert ("Llama-3.1-8B", "4.8%") not in values
    assert any(value == "41.0%" for _, value in values)


@pytest.mark.skipif(not CORPUS, reason="the shared corpus is not beside this checkout")
def test_every_evidence_offset_slices_the_original_text_on_the_whole_corpus():
    from kg.sources import read_papers

    papers = read_papers(CORPUS)
    checked = 0
    for extraction in extract(papers):
        text = extraction.paper.text
        for entity in extraction.entities:
            assert entity.evidence, (extraction.paper.title, entity.name)
            for evidence in entity.evidence:
                assert text[evidence.start : evidence.end] == evidence.sentence
                checked += 1
    assert checked > len(papers)


def test_unseen_names_are_found_by_their_shape_and_typed_by_head_nouns():
    found = _entities(
        "TrailMixer: Planning Hikes with Language Agents",
        "We propose TrailMixer, a framework for route planning. "
        "We fine-tune Falconet-13B and Qwen3.5-4B-Instruct and evaluate them on the PathQA benchmark and in the HikeSim environment. "
        "TrailMixer outperforms GraphWalker on PathQA.",
    )
    assert found[("TrailMixer", "Method")].role == "proposes"
    assert found[("Falconet-13B", "Model")].role == "uses"
    assert found[("Qwen3.5-4B-Instruct", "Model")].role == "uses"
    assert found[("PathQA", "Benchmark")].role == "evaluates_on"
    assert found[("HikeSim", "Environment")].role == "evaluates_on"
    assert found[("GraphWalker", "Method")].role == "compares_to"


def test_cues_name_plain_words_and_the_title_lead():
    found = _entities(
        "Lantern: Lighting the Way for Robot Exploration",
        "We present a planning algorithm called Quiet Harbor Search and a new dataset named Tidepool. "
        "Lantern combines both.",
    )
    assert found[("Lantern", "Method")].role == "proposes"
    assert found[("Quiet Harbor Search", "Method")].role == "proposes"
    assert found[("Tidepool", "Benchmark")].role == "proposes"


def test_an_acronym_definition_is_one_entity_under_its_long_form():
    found = _entities(
        "Study of Agents",
        "We introduce Hierarchical Skill Chaining (HSC), which we train with Proximal Policy Optimization (PPO). "
        "HSC learns faster than PPO alone.",
    )
    assert found[("Hierarchical Skill Chaining", "Method")].aliases == ["HSC"]
    assert found[("Hierarchical Skill Chaining", "Method")].role == "proposes"
    assert "PPO" in found[("Proximal Policy Optimization", "Method")].aliases
    assert not any(name in {"HSC", "PPO"} for name, _ in found)


def test_generic_acronyms_and_excluded_kinds_are_not_entities():
    found = _entities(
        "Agents at Work",
        "Large language models (LLMs) and interactive digital agents (IDAs) solve tasks. "
        "We write Python with PyTorch, report FID and pass@1, and model the task as an MDP. "
        "OpenAI and Multi-Agent systems are studied with LLM-Powered tools.",
    )
    names = {name for name, _ in found}
    for generic in ("LLMs", "IDAs", "Python", "PyTorch", "FID", "MDP", "OpenAI", "Multi-Agent", "LLM-Powered"):
        assert generic not in names


def test_coordinations_split_and_size_lists_expand():
    found = _entities(
        "Tuning Agents",
        "We train AgentLM-7B, 13B, and 70B and compare Llama-3.1 and GLM-4 models on GSM8K and MATH datasets.",
    )
    for name in ("AgentLM-7B", "AgentLM-13B", "AgentLM-70B", "Llama-3.1", "GLM-4"):
        assert (name, "Model") in found
    assert ("GSM8K", "Benchmark") in found and ("MATH", "Benchmark") in found


def test_a_size_range_is_not_a_name():
    found = _entities("Critics", "We train critics of 7B-13B parameters with Falconet-13B as the judge.")
    assert ("Falconet-13B", "Model") in found
    assert not any(name == "7B-13B" for name, _ in found)


def test_a_model_family_name_takes_its_version_and_variant_words():
    found = _entities("Cooperation", "Claude 3.5 Sonnet agents score higher than Gemini 1.5 Flash and Llama 3.1 8B.")
    for name in ("Claude 3.5 Sonnet", "Gemini 1.5 Flash", "Llama 3.1 8B"):
        assert (name, "Model") in found


def test_background_mentions_and_known_names_are_not_proposed():
    found = _entities(
        "Routing with Sparse Experts",
        "Prior work such as chain-of-thought has been popular. "
        "We propose a reinforcement learning approach and evaluate it on MMLU.",
    )
    assert found[("chain-of-thought", "Method")].role == "mentions"
    assert found[("reinforcement learning", "Method")].role == "uses"


def test_results_pair_scores_with_subjects_and_benchmarks():
    paper = _paper(
        "HelperBot: Agents That Shop",
        "We propose HelperBot. HelperBot improves Llama-3.1-8B from 4.8% to 42.4% on WebArena-Lite, and from 6.1% to 43% for GLM-4-9B. "
        "It surpasses GPT-4-Turbo (17.6%). HelperBot reaches 77.4% and 89.1% on HumanEval and MBPP, a 12% improvement.",
    )
    (extraction,) = extract([paper])
    got = {(r.subject, r.benchmark, r.value) for r in extraction.results}
    assert ("Llama-3.1-8B", "WebArena-Lite", "42.4%") in got
    assert ("GLM-4-9B", "WebArena-Lite", "43%") in got
    assert ("GPT-4-Turbo", "WebArena-Lite", "17.6%") in got
    assert ("HelperBot", "HumanEval", "77.4%") in got
    assert ("HelperBot", "MBPP", "89.1%") in got
    assert not any(value in {"4.8%", "6.1%", "12%"} for _, _, value in got)


def test_confidence_ranks_lexicon_names_above_bare_shapes():
    found = _entities("Notes", "We compare PPO with ZQRT on a task.")
    assert found[("PPO", "Method")].confidence > found[("ZQRT", "Method")].confidence


def test_bare_numbers_count_only_where_something_scored_them():
    paper = _paper(
        "Clicker: GUI Agents",
        "In AndroidWorld, Clicker achieves 46.6, surpassing GPT-4o (34.5). Clicker runs 2.5 times faster and uses Llama 3.1 8B.",
    )
    (extraction,) = extract([paper])
    got = {(r.subject, r.benchmark, r.value) for r in extraction.results}
    assert ("Clicker", "AndroidWorld", "46.6") in got
    assert ("GPT-4o", "AndroidWorld", "34.5") in got
    assert not any(value in {"2.5", "3.1"} for _, _, value in got)


def _results(title: str, abstract: str) -> set:
    return {(r.subject, r.benchmark, r.value) for r in extract_one(title, abstract).results}


def test_an_average_has_no_benchmark_and_an_abbreviation_does_not_end_the_sentence():
    got = _results(
        "Abacus: Arithmetic Agents",
        "We propose Abacus. Abacus-7B scores 61.2% on GSM8K and stays strong on held-out benchmarks (Avg. 55.4%). "
        "Abacus-13B reaches an average accuracy of 58.9%.",
    )
    assert ("Abacus-7B", "GSM8K", "61.2%") in got
    assert ("Abacus-7B", None, "55.4%") in got
    assert ("Abacus-13B", None, "58.9%") in got


def test_a_list_of_relative_gains_stays_relative_through_its_prepositions():
    got = _results(
        "Relay: Data for Agents",
        "We propose Relay and test it on WebArena. Baselines improve by up to 12.2% for ICL with Claude-3.5 and 19.5% for training with Codestral-22B. "
        "Relay beats prior work by 9.8 (+29.4%) and 5.9 (+15.8%) points, and raises the state of the art by 13.65% in average FID and 2.83% in average similarity.",
    )
    assert not any(value in {"12.2%", "19.5%", "9.8", "5.9", "13.65%", "2.83%"} for _, _, value in got)


def test_a_ceiling_is_not_a_score():
    got = _results("Commons: Shared Fisheries", "We propose Commons and test agents in the FishSim environment. Commons keeps survival below 54% and uses less than 10% tokens, with 61.5% accuracy.")
    assert ("Commons", "FishSim", "61.5%") in got
    assert not any(value in {"54%", "10%"} for _, _, value in got)


def test_a_score_in_parentheses_keeps_the_name_written_before_it():
    got = _results(
        "Sprinter: Meta-Learning for Platform Games",
        "We propose Sprinter and compare it with Proximal Policy Optimization (PPO) in the Super Mario Bros environment. "
        "The best distances were ~1732 (PPO) and ~2300 (Sprinter).",
    )
    assert ("PPO", "Super Mario Bros", "~1732") in got
    assert ("Sprinter", "Super Mario Bros", "~2300") in got


def test_the_benchmark_of_a_score_without_one_is_the_first_the_paper_evaluates_on():
    got = _results(
        "Kite: Flying Agents",
        "We propose Kite and evaluate it on AirBench and in the SkyGym environment. Kite achieves 71.5% success.",
    )
    assert got == {("Kite", "AirBench", "71.5%")}


def test_a_version_of_a_benchmark_gives_the_score_to_the_benchmark():
    got = _results(
        "Prover: Theorems by Agents",
        "We propose Prover. Prover achieves 54.5% on the Lean4 version of the MiniF2F-Test dataset.",
    )
    assert ("Prover", "MiniF2F-Test", "54.5%") in got


def test_a_name_tested_after_the_proposal_is_evaluated_on_not_proposed():
    found = _entities("Kite: Flying Agents", "We propose Kite and evaluate it on AirBench. We also introduce and benchmark SkyGym, a new environment.")
    assert found[("Kite", "Method")].role == "proposes"
    assert found[("AirBench", "Benchmark")].role == "evaluates_on"
    assert found[("SkyGym", "Environment")].role == "proposes"


def test_metric_families_are_excluded_by_pattern_as_well_as_by_list():
    found = _entities(
        "Scorer: Better Summaries",
        "We propose Scorer and report ROUGE-L, ROUGE-2, BLEU-4, ROC-AUC, Macro-F1, Top-1, Hits@10, nDCG@10, mAP@50, chrF++, pass@10, WER and exact match. "
        "Scorer beats MAP-Elites.",
    )
    names = {name for name, _ in found}
    assert names & {"ROUGE-L", "ROUGE-2", "BLEU-4", "ROC-AUC", "Macro-F1", "Top-1", "Hits@10", "nDCG@10", "mAP@50", "chrF++", "pass@10", "WER"} == set()
    assert ("Scorer", "Method") in found and ("MAP-Elites", "Method") in found


def test_checkpoint_shapes_outside_the_family_list_are_models():
    found = _entities(
        "Tiny Tutors: Distilling Speech and Text Models",
        "We fine-tune BLOOMZ-7B1 and mT5-XL, and distil from Aya-101. Our student outperforms Whisper-large-v3 and wav2vec 2.0.",
    )
    for name in ("BLOOMZ-7B1", "mT5-XL", "Aya-101", "Whisper-large-v3", "wav2vec 2.0"):
        assert (name, "Model") in found, name
    assert found[("Whisper-large-v3", "Model")].role == "compares_to"


def test_a_coined_name_trained_or_tested_on_is_a_benchmark_or_where_agents_act_an_environment():
    found = _entities(
        "Grounded Learners",
        "We fine-tune our tagger on XNLI-Pro and TyDiHard. The tagger is pretrained on TextPile and reaches high accuracy on QuizBowlPlus. "
        "Our agents navigate in GridTown and are evaluated on HomeNavX, where they act.",
    )
    for name in ("XNLI-Pro", "TyDiHard", "TextPile", "QuizBowlPlus"):
        assert (name, "Benchmark") in found, name
    assert ("GridTown", "Environment") in found
    assert ("HomeNavX", "Environment") in found


def test_a_list_introduced_by_a_head_noun_takes_its_type_and_new_ones_are_proposed():
    found = _entities(
        "Carver: Sculpting 3D Shapes",
        "We propose Carver. Experimental results on widely used datasets, such as ShapeQ3 and DL5DV, show it works. "
        "Carver also leads across four new benchmarks: SculptPC, ClayPC and StonePC. "
        "We release MarbleSet, a multi-domain, multi-view sculpture dataset.",
    )
    assert found[("ShapeQ3", "Benchmark")].role == "evaluates_on"
    assert found[("DL5DV", "Benchmark")].role == "evaluates_on"
    for name in ("SculptPC", "ClayPC", "StonePC", "MarbleSet"):
        assert found[(name, "Benchmark")].role == "proposes", name


def test_a_camel_case_lexicon_name_matches_in_any_case():
    found = _entities("Shopping Agents", "We run experiments on Webshop and Alfworld with GPT-4.")
    assert found[("Webshop", "Environment")].role == "evaluates_on"
    assert found[("Alfworld", "Environment")].role == "evaluates_on"


def test_what_a_proposal_is_built_on_is_used_and_what_agents_play_is_an_environment():
    found = _entities(
        "Helix: Faster Protein Agents",
        "We introduce Helix, built on ProtoFormer and based on GraphWalker. Our agents trained with PPO play CrafterPlus.",
    )
    assert found[("Helix", "Method")].role == "proposes"
    assert found[("ProtoFormer", "Method")].role == "uses"
    assert found[("GraphWalker", "Method")].role == "uses"
    assert ("CrafterPlus", "Environment") in found


def test_the_title_lead_takes_an_arena_head_from_its_subtitle_and_a_model_head_when_one_model_heads_it():
    found = _entities("MarlBox: Multi-Agent RL Environments in JAX", "MarlBox runs thousands of games at once.")
    assert found[("MarlBox", "Environment")].role == "proposes"
    found = _entities("ShowOff: One Vision-Language Model for GUI Agents", "ShowOff clicks buttons.")
    assert ("ShowOff", "Model") in found  # the guidelines: a system the text calls a model is a Model
    found = _entities("ShowOff: A Vision-Language Model Agent for GUIs", "ShowOff clicks buttons.")
    assert ("ShowOff", "Method") in found  # the model modifies the agent, the phrase's head


def test_an_acronym_defined_as_a_class_or_an_activity_is_no_name_anywhere_in_the_paper():
    x = extract_one(
        "Keeping tutoring bots in character",
        "Tutoring Conversational Agents (TCAs) help students. Low-latency grading (LLG) matters too. We show that a TCA "
        "drifts, and that LLG pipelines lag. Our Model-based reinforcement learning (MBRL) variant fixes both; MBRL is cheap.",
    )
    names = {n for e in x.entities for n in (e.name, *e.aliases)}
    assert {"TCA", "TCAs", "LLG"}.isdisjoint(names)
    assert "MBRL" in names


def test_an_acronym_of_a_class_of_systems_a_theory_or_a_field_is_no_name_and_a_design_of_systems_is():
    x = extract_one(
        "Tutors that remember",
        "Adaptive Tutoring Systems (ATS) and Cognitive Load Theory (CLT) guide us. We propose Automated Design of Tutor "
        "Systems (ADTS), which writes new tutors; ADTS beats ATS baselines.",
    )
    names = {n for e in x.entities for n in (e.name, *e.aliases)}
    assert {"ATS", "CLT", "Adaptive Tutoring Systems", "Cognitive Load Theory"}.isdisjoint(names)
    assert "ADTS" in names
