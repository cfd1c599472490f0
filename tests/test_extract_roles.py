"""Roles read from the sentences that name an entity, on short abstracts written for these tests."""

from conftest import extract_one
from kg.extract import roles
from kg.extract.mentions import Mention, Sentence


def _roles(title: str, abstract: str) -> dict[str, str]:
    return {e.name: e.role for e in extract_one(title, abstract).entities}


def test_our_hyphenated_framework_and_a_new_algorithm_in_parentheses_are_proposed():
    found = _roles(
        "Planning with memory for web agents",
        "Our multi-agent framework ZorbaNet ranks first on WebArena. "
        "We also give a new algorithm (KRILL) that explores with optimism.",
    )
    assert found["ZorbaNet"] == "proposes"
    assert found["KRILL"] == "proposes"


def test_a_derived_variant_is_proposed():
    found = _roles("Memory-light agents", "We derive QUILLO, a memory-efficient variant of proximal policy optimization.")
    assert found["QUILLO"] == "proposes"


def test_every_name_of_a_list_after_outperforming_is_a_baseline():
    found = _roles(
        "Proof search with agents",
        "Our framework reaches 61.2% on MiniF2F, outperforming GPT-4 (22.1%), tree search (Prover-Z, 50.3%), "
        "and whole-proof generation (DeepSeek-Prover-V1.5, 48.0%).",
    )
    assert found["GPT-4"] == "compares_to"
    assert found["DeepSeek-Prover-V1.5"] == "compares_to"


def test_comparable_to_and_comparing_with_are_comparisons():
    found = _roles(
        "Tuning agents",
        "We fine-tune Llama-2-70B with our data. The tuned model is comparable to GPT-3.5-turbo on held-out tasks. "
        "By comparing our approach with the Zero-Shot-CoT technique, we show gains.",
    )
    assert found["GPT-3.5-turbo"] == "compares_to"
    assert found["Zero-Shot-CoT"] == "compares_to"
    assert found["Llama-2-70B"] == "uses"


def test_the_other_side_of_a_contrast_with_our_score_is_a_baseline():
    found = _roles("Web agents", "Our agent succeeds on 42.1% of WebArena tasks, while GPT-4o reaches 34.9%.")
    assert found["GPT-4o"] == "compares_to"


def test_a_model_the_paper_runs_and_contrasts_stays_used():
    """Without the paper's own work in the contrast, "while X achieves" is not a baseline."""
    found = _roles(
        "Telecom language models",
        "We fine-tune BERT and GPT-2 on telecom documents. BERT achieves 84.6% accuracy, while GPT-2 achieves 83%.",
    )
    assert found["GPT-2"] == "uses"


def test_a_cueless_model_mention_yields_to_a_stated_comparison():
    found = _roles(
        "Agents for spreadsheets",
        "We study GPT-4o on spreadsheet tasks with our agent. Our agent outperforms GPT-4o by a wide margin.",
    )
    assert found["GPT-4o"] == "compares_to"


def test_a_model_fine_tuned_by_the_paper_is_used_even_when_compared():
    found = _roles(
        "Agents for spreadsheets",
        "We fine-tune Mistral-7B on our traces. Our agent outperforms Mistral-7B by 12 points.",
    )
    assert found["Mistral-7B"] == "uses"


def _entity_role(monkeypatch, mention_roles: list[str], label: str = "Method", coined: bool = False) -> tuple[str, list[str]]:
    """`roles.entity_role` of an entity whose mentions, one per sentence, get `mention_roles` in turn, and the roles read."""
    given, read = iter(mention_roles), []
    monkeypatch.setattr(roles, "mention_role", lambda *args: read.append(role := next(given)) or role)
    spans = [Mention(2 * i, 2 * i + 1, 10 * i, 10 * i + 4, label, "Xeno", "Xeno", "term") for i in range(len(mention_roles))]
    sents = [Sentence(2 * i, 2 * i + 2, 10 * i, 10 * i + 9) for i in range(len(mention_roles))]
    return roles.entity_role(spans, sents, "Xeno did. " * len(mention_roles), None, coined, roles.Reading()), read


def test_an_entity_takes_its_mentions_strongest_role_in_the_guidelines_precedence(monkeypatch):
    assert _entity_role(monkeypatch, ["mentions", "compares_to", "uses"])[0] == "uses"
    assert _entity_role(monkeypatch, [roles.ASSUMED_USE, "compares_to"])[0] == "compares_to"
    assert _entity_role(monkeypatch, [roles.ASSUMED_USE, "mentions"])[0] == "uses"
    assert _entity_role(monkeypatch, ["evaluates_on", "proposes"], "Benchmark", coined=True)[0] == "proposes"
    # Reading stops at the best role left to find: a known method's later mentions are not read once one is used.
    assert _entity_role(monkeypatch, ["compares_to", "uses", "mentions"]) == ("uses", ["compares_to", "uses"])
    assert roles.ceiling("Benchmark", coined=False) == "evaluates_on" and roles.ceiling("Model", coined=True) == "proposes"


def test_a_score_compared_with_for_a_named_method_makes_it_a_baseline():
    found = _roles("Household agents", "Our agent reaches 71.0% on ALFWorld, compared with 60.2% for Reflexion.")
    assert found["Reflexion"] == "compares_to"


def test_a_coined_name_opening_a_sentence_as_subject_is_proposed():
    found = _roles(
        "Message passing on curved graphs",
        "Oversquashing limits message passing. KiloGNN rewires edges with negative curvature before each layer. "
        "On Cora it reaches 84.0% accuracy, ahead of GCN.",
    )
    assert found["KiloGNN"] == "proposes"
    assert found["GCN"] == "compares_to"


def test_a_coined_acronym_heading_a_plural_noun_is_not_proposed():
    found = _roles(
        "Cooperative agents",
        "Frameworks like centralised planning with local acting (CPLA) scale poorly. CPLA approaches assume fixed roles.",
    )
    assert found.get("centralised planning with local acting", "mentions") != "proposes"


def test_calling_the_model_x_proposes_x():
    found = _roles("Entity recognition", "We add dictionary features to PubMedBERT and call the model LexiBERT.")
    assert found["LexiBERT"] == "proposes"


def test_numbered_contributions_and_novel_mechanisms_are_proposed():
    found = _roles(
        "Three agents for games",
        "We make three contributions. 1) GlowPlan, an RL algorithm that discovers options. "
        "2) CodeProp, a framework that treats code as policy. Agents use a novel agent reasoning mechanism, InfoWeave, to talk.",
    )
    assert found["GlowPlan"] == "proposes"
    assert found["CodeProp"] == "proposes"
    assert found["InfoWeave"] == "proposes"


def test_our_quoted_technique_and_a_model_resulting_from_tuning_are_proposed():
    found = _roles(
        "Evolving code",
        'Our unique "TELoop" technique helps. We instruction-tune Llama-2, resulting in AgentZed.',
    )
    assert found["TELoop"] == "proposes"
    assert found["AgentZed"] == "proposes"


def test_improving_on_a_method_compares_to_it():
    found = _roles("Offline control", "Our method reaches a score of 88.0 on Hopper and improves on CQL and IQL on average.")
    assert found["CQL"] == "compares_to"
    assert found["IQL"] == "compares_to"



def test_a_method_named_in_a_general_claim_without_we_is_mentioned():
    found = _roles(
        "Sparse rewards for speech agents",
        "Speech systems are typically trained with supervised learning, which struggles when labels are scarce. "
        "We train our agent with proximal policy optimization on 200 hours of calls.",
    )
    assert found["supervised learning"] == "mentions"
    assert found["proximal policy optimization"] == "uses"


def test_a_method_the_paper_does_instead_of_another_leaves_the_other_mentioned():
    found = _roles(
        "Cheap adaptation of tabular models",
        "We adapt the model with knowledge distillation instead of reinforcement learning, halving the cost of training.",
    )
    assert found["reinforcement learning"] == "mentions"
    assert found["knowledge distillation"] == "uses"


def test_a_short_form_in_parentheses_takes_the_role_of_its_long_form():
    found = _roles(
        "Retrieval for legal agents",
        "Our ablations show the superiority of our index over alternative approaches like retrieval-augmented generation (RAG).",
    )
    assert found["retrieval-augmented generation"] == "compares_to"


def test_a_world_after_for_in_the_title_is_evaluated_on_not_proposed():
    found = _roles(
        "Wanderer: A Multimodal Agent for Frontier Saga III",
        "Wanderer plans with a memory of past quests. We deploy it in the game Frontier Saga III, where it completes the main story.",
    )
    assert found["Wanderer"] == "proposes"
    assert found["Frontier Saga III"] == "evaluates_on"


def test_methods_given_as_examples_in_parentheses_are_mentioned():
    found = _roles(
        "Multi-turn training for tutoring agents",
        "We build a multi-turn trainer that keeps the flexibility of single-turn methods (e.g., proximal policy optimization, "
        "beam search) and train our tutor with knowledge distillation.",
    )
    assert found["proximal policy optimization"] == "mentions"
    assert found["knowledge distillation"] == "uses"


def test_a_model_given_as_an_example_in_parentheses_is_not_proposed():
    found = _roles(
        "Transferring scene memory",
        "In this study, we develop an agent that transfers knowledge from foundation models (e.g. GPT4, PixMuse) to new scenes.",
    )
    assert found["PixMuse"] != "proposes"


def test_a_comparison_stated_later_outranks_a_method_named_with_no_cue():
    """A method the background names with no cue is only assumed used: "ahead of PPO" later makes it a baseline."""
    found = _roles(
        "Trust regions for control",
        "PPO clips the policy ratio of each update. We propose KLamp, which bounds the divergence of every update. "
        "On HalfCheetah KLamp reaches a return of 5120, ahead of PPO.",
    )
    assert found["PPO"] == "compares_to"


def test_a_method_the_papers_own_sentence_names_with_no_cue_is_used():
    found = _roles(
        "Agents that learn from context",
        "We study in-context learning for tool agents. Retrieval of demonstrations improves baseline results by 9% for in-context learning.",
    )
    assert found["in-context learning"] == "uses"


def test_the_other_side_of_a_contrast_with_a_score_stated_before_is_a_baseline():
    found = _roles(
        "Refined queries for small objects",
        "We propose QRefine, a detection head. QRefine reaches 41.3 mAP on COCO, while RetinaNet trained with the same "
        "schedule obtains 36.2 AP. On a real pendulum it succeeds after 6 trials, where SAC needs more than 200.",
    )
    assert found["RetinaNet"] == "compares_to"
    assert found["SAC"] == "compares_to"


def test_where_without_scores_is_no_contrast():
    found = _roles("Scheming in evaluations", "We observe cases where GPT-4o strategically underperforms in evaluations.")
    assert found["GPT-4o"] != "compares_to"


def test_a_name_heading_baseline_is_compared_to():
    found = _roles(
        "Factorised video tokens",
        "We propose FacTok, a video transformer. FacTok reaches 81.6% top-1 on Kinetics-400. "
        "An I3D baseline trained with the same recipe reaches 74.3%.",
    )
    assert found["I3D"] == "compares_to"


def test_every_name_listed_after_we_compare_is_compared_to():
    found = _roles(
        "Trees or deep models for tables",
        "We compare XGBoost, LightGBM and CatBoost with TabNet on 72 classification tasks. "
        "XGBoost reaches 87.3% accuracy on Adult.",
    )
    assert {found[n] for n in ("XGBoost", "LightGBM", "CatBoost", "TabNet")} == {"compares_to"}


def test_every_name_of_a_list_the_paper_fine_tunes_is_used():
    found = _roles(
        "Telecom language",
        "We fine-tune several models including BERT, RoBERTa and GPT-2 on telecom documents. "
        "RoBERTa reaches 84.6% accuracy, while GPT-2 reaches 83%.",
    )
    assert found["GPT-2"] == "uses"


def test_a_benchmark_a_component_was_trained_on_or_data_came_from_is_used():
    found = _roles(
        "Entailment-reranked summaries",
        "We present RerankSum, which reranks beam candidates with a classifier fine-tuned on MNLI and adds pairs from "
        "SNLI. Trained on VoxCeleb2 and tested on VoxCeleb1, our speaker encoder keeps its error low. "
        "On XSum RerankSum reaches 36.9 ROUGE-1.",
    )
    assert found["MNLI"] == "uses"
    assert found["SNLI"] == "uses"
    assert found["VoxCeleb2"] == "uses"
    assert found["VoxCeleb1"] == "evaluates_on"
    assert found["XSum"] == "evaluates_on"


def test_the_papers_own_training_set_is_still_evaluated_on():
    """"We train X on A" most often means A is where X is tested too."""
    found = _roles("Robust training", "We train WideResNet-34-10 on CIFAR-10 and SVHN with a margin loss.")
    assert found["CIFAR-10"] == "evaluates_on"
    assert found["SVHN"] == "evaluates_on"


def test_a_name_after_a_preposition_past_the_proposal_is_used():
    found = _roles(
        "Talking agents",
        "We propose LinkMix, which adds a learned message channel to QMIX and reads messages with DeBERTa-v3-large.",
    )
    assert found["LinkMix"] == "proposes"
    assert found["QMIX"] == "uses"
    assert found["DeBERTa-v3-large"] == "uses"


def test_what_the_paper_proposes_to_do_keeps_its_name_proposed():
    found = _roles("Concepts for agents", "We introduce the concept of an Agentic Web Interface (AWI) for web agents.")
    assert found["Agentic Web Interface"] == "proposes"


def test_what_we_call_a_name_and_the_resulting_model_are_proposed():
    found = _roles(
        "Propagation for recommendation",
        "We precompute propagated embeddings, which we call PropNet. The resulting model, SubGINet, counts substructures.",
    )
    assert found["PropNet"] == "proposes"
    assert found["SubGINet"] == "proposes"


def test_a_method_an_objective_fuses_or_extends_is_used_even_when_compared_later():
    found = _roles(
        "Regularised preference optimisation",
        "This objective fuses the direct preference optimization (DPO) loss with a supervised loss. "
        "Experiments show gains compared with DPO baselines.",
    )
    assert found["direct preference optimization"] == "uses"


def test_the_papers_own_checkpoints_of_what_it_proposes_are_proposed():
    found = _roles(
        "Quillmark: verified trajectories for software agents",
        "We introduce Quillmark, a pipeline that collects verified repair trajectories. Fine-tuning Qwen2.5-Coder-32B on them "
        "yields Quillmark-32B, ahead of SWE-Gym-32B. We also train Quillmark-7B-Instruct on the same data and test on SWE-bench Verified.",
    )
    assert found["Quillmark-32B"] == found["Quillmark-7B-Instruct"] == "proposes"
    assert found["Qwen2.5-Coder-32B"] == "uses"
    assert found["SWE-bench Verified"] == "evaluates_on"


def test_a_longer_name_that_is_no_variant_of_a_proposed_one_keeps_its_role():
    assert not roles._variant_tail("-bench Verified")
    assert roles._variant_tail(" 72B") and roles._variant_tail("-mini") and roles._variant_tail("-v2")


def test_a_name_after_a_verb_of_our_system_is_its_object_not_our_own():
    found = _roles("Planning agents", "Our agent uses ZetaNet for planning. Our framework, KorbaPlan, replans on failure.")
    assert found["ZetaNet"] == "uses"
    assert found["KorbaPlan"] == "proposes"


def test_a_benchmark_after_a_gain_is_evaluated_on_even_after_training_words():
    found = _roles("Dense retrieval", "Our retriever, trained with InfoNCE on MS MARCO, improves nDCG@10 on BEIR by 2.1 points.")
    assert found["MS MARCO"] == "uses"
    assert found["BEIR"] == "evaluates_on"


def test_a_source_data_is_collected_or_crawled_from_is_used():
    found = _roles("Biomedical questions", "We curate ZetaQA, a dataset of 12K questions collected from PubMed, and pages crawled from Wikipedia.")
    assert found["ZetaQA"] == "proposes"
    assert found["PubMed"] == "uses"


def test_what_we_open_source_is_proposed_but_open_source_models_are_not():
    found = _roles("Code models", "We open-source ZetaCoder-7B and ZetaCoder-33B. We compare against open-source models such as KappaLM.")
    assert found["ZetaCoder-7B"] == found["ZetaCoder-33B"] == "proposes"
    assert found["KappaLM"] == "compares_to"


def test_every_name_of_a_list_the_paper_sets_itself_against_is_mentioned():
    found = _roles(
        "Search without verifiers",
        "Unlike Tree of Thoughts and Self-Refine, our search needs no verifier. Unlike Reflexion, it keeps no memory, "
        "and unlike CodeT it ranks nothing. We train it with ZetaOpt.",
    )
    for name in ("Tree of Thoughts", "Self-Refine", "Reflexion", "CodeT"):
        assert found[name] == "mentions", name
    assert found["ZetaOpt"] != "mentions"


def test_a_name_the_paper_does_not_own_that_its_sentence_scores_is_a_baseline():
    found = _roles(
        "Speech synthesis",
        "We propose FluVox. FluVox reaches 2.1% WER on LibriSpeech. "
        "ZynTra and DarVox, prompted with the same 3-second reference, reach 2.4% and 2.6%.",
    )
    assert found["ZynTra"] == found["DarVox"] == "compares_to"
    assert found["FluVox"] == "proposes"


def test_a_part_before_the_subject_or_a_network_the_method_tuned_is_used_not_compared():
    found = _roles(
        "Detection",
        "We propose QuelDet. With a ZorNet backbone and a KelPyr neck, QuelDet reaches 41.3 mAP. "
        "QuelDet-tuned VexAra-7B reaches 86.7 on BrimLo.",
    )
    assert found["KelPyr"] != "compares_to"
    assert found["VexAra-7B"] == "uses"


def test_a_size_letter_after_a_proposed_name_is_its_variant():
    found = _roles("BoundMix: token mixing", "We present BoundMix. On ADE20K, BoundMix-B reaches 49.6 mIoU and BoundMix-XL 51.0.")
    assert found["BoundMix-B"] == "proposes"
