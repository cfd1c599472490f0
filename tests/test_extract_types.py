"""Typing names the lexicon does not know, from their context, on short abstracts written for these tests."""

from conftest import types_of
from kg.extract import extract
from kg.records import Paper


def test_a_benchmark_of_interactive_tasks_is_an_environment():
    found = types_of(
        "Agents on phones",
        "We introduce Phonetrek-Eval, a new benchmark featuring long-horizon, multi-app interactions on mobile devices.",
    )
    assert found["Phonetrek-Eval"] == "Environment"


def test_a_dataset_of_interaction_logs_stays_a_benchmark():
    found = types_of(
        "Dialogue data",
        "We release ChatLogz, a dataset of 12,000 interaction dialogues collected from volunteers, to benchmark dialogue models.",
    )
    assert found["ChatLogz"] == "Benchmark"


def test_a_simulation_system_called_x_is_an_environment():
    found = types_of("Courtroom agents", "We present a simulation system called LawSimmo that replays trials with agents.")
    assert found["LawSimmo"] == "Environment"


def test_a_name_ending_in_simulation_or_environment_is_an_environment_and_one_ending_in_model_a_model():
    found = types_of(
        "Shared fisheries",
        "We introduce the Fishery Commons Simulation (FiCoS). Our Harbor Learning Environment (HLE) extends it. "
        "We also train the Ocean Knowledge Model.",
    )
    assert found["Fishery Commons Simulation"] == "Environment"
    assert found["Harbor Learning Environment"] == "Environment"
    assert found.get("Ocean Knowledge Model", "Model") == "Model"


def test_both_names_of_the_x_and_the_y_environments_are_environments():
    found = types_of(
        "Shared layers for many agents",
        "We run experiments in two settings: the Zorg Tactics Arena (ZTA) and the Pixel Soccer League (PSL) environments.",
    )
    assert found["Pixel Soccer League"] == "Environment"
    assert found["Zorg Tactics Arena"] == "Environment"


def test_a_task_scored_by_returns_over_episodes_is_an_environment():
    found = types_of(
        "Stable value learning",
        "On PoleBalance-v2 our variant reaches the maximum return of 500 after 40K environment steps.",
    )
    assert found["PoleBalance-v2"] == "Environment"


def test_a_method_learning_from_a_simulation_is_no_environment():
    found = types_of("Hindsight", "We propose Reward Learning from Replayed Simulation (RLRS), a training method for assistants.")
    assert found["Reward Learning from Replayed Simulation"] == "Method"


def test_the_subject_after_an_opening_on_phrase_is_no_benchmark():
    found = types_of(
        "Value aggregation for agents",
        "We propose Stacked Value Voting (SVV), a planning method. On WebArena, SVV achieves a 41.2% success rate.",
    )
    assert found["Stacked Value Voting"] == "Method"
    assert found["WebArena"] == "Environment"


def test_what_experiments_run_in_is_an_environment():
    found = types_of(
        "Fast and slow teams",
        "We show empirically in Berry Gathering Grid (BGG) that our method needs fewer expensive calls.",
    )
    assert found["Berry Gathering Grid"] == "Environment"


def test_a_split_or_scene_set_is_a_benchmark_and_a_vocoder_a_model():
    found = types_of(
        "Registration and speech",
        "On the low-overlap LoMatch3D split it reaches 77.0%. Waveforms are rendered with a WaveGlide-V2 vocoder.",
    )
    assert found["LoMatch3D"] == "Benchmark"
    assert found["WaveGlide-V2"] == "Model"


def test_a_title_lead_acronym_joins_its_expansion_in_the_abstract():
    (extraction,) = extract([Paper(id="t", title="MSVA: Multi-Scale Value Aggregation for Web Agents",
                                   abstract="We propose Multi-Scale Value Aggregation (MSVA), a planning method. MSVA scores 41.0% on WebArena.")])
    found = {e.name: e for e in extraction.entities}
    assert found["Multi-Scale Value Aggregation"].aliases == ["MSVA"]
    assert found["Multi-Scale Value Aggregation"].role == "proposes"
    assert "MSVA" not in found


def test_a_three_part_name_ending_in_a_participle_is_found_whole_and_a_two_part_adjective_is_not():
    found = types_of("Proofs", "We evaluate on KTE-Bench-Verified and on KTE-Bench, using UI-Guided search.")
    assert found["KTE-Bench-Verified"] == "Benchmark"
    assert found["KTE-Bench"] == "Benchmark"
    assert "UI-Guided" not in found


def test_a_named_task_in_a_list_after_tasks_is_a_benchmark():
    found = types_of("Contextual embeddings", "For text classification tasks like SNT-7, it achieved the best accuracy.")
    assert found["SNT-7"] == "Benchmark"


def test_a_robot_platform_named_with_its_head_is_an_environment():
    found = types_of("Stair climbing", "We transfer the policy to the Zebra-Q7 robot and to a KR-300 manipulator without fine-tuning.")
    assert found["Zebra-Q7"] == "Environment"
    assert found["KR-300"] == "Environment"


def test_games_named_beside_the_word_game_are_environments():
    found = types_of(
        "Bluffing Agents",
        "Agents for party games such as Mafiosi and Secret Tyrant must lie well. We test on the Marketeer game and in a "
        "strategy game, Age of Rivers, against human players. Markov games give the theory.",
    )
    for name in ("Mafiosi", "Secret Tyrant", "Marketeer", "Age of Rivers"):
        assert found.get(name) == "Environment", (name, found)
    assert not any(name.startswith("Markov") for name in found)


def test_a_name_given_to_a_rule_or_layer_is_a_method_even_beside_a_dataset():
    found = types_of(
        "Adaptive Thresholds",
        "Our matching rule, termed FlexMatchQ, replaces a fixed threshold. Table 2 (mAP, VOC) Faster R-CNN 76.4 FlexMatchQ 79.1. "
        "Table 3 (box AP on COCO, FlexMatchQ with each backbone) ResNet-50 37.9.",
    )
    assert found.get("FlexMatchQ") == "Method"


def test_what_the_paper_says_a_name_is_types_it():
    found = types_of(
        "Stories in a Box",
        "We propose TaleRoomZ, which is a simulation sandbox for character agents. QuizPackZ is a benchmark of trivia questions.",
    )
    assert found.get("TaleRoomZ") == "Environment" and found.get("QuizPackZ") == "Benchmark"


def test_a_compound_head_types_by_its_last_noun():
    found = types_of(
        "Screens as Input",
        "This paper introduces PixAgentQ, a native GUI agent model that reads screenshots. "
        "HelpHubQ is an AI agent platform for finance.",
    )
    assert found.get("PixAgentQ") == "Model" and found.get("HelpHubQ") == "Method"


def test_a_title_lead_after_the_article_is_a_name_with_and_without_it():
    (extraction,) = extract([Paper(id="t:arena", title="The Riddle-Solving Arena: Probing Question Asking", abstract="Agents ask yes/no questions.")])
    (entity,) = [e for e in extraction.entities if "Arena" in e.name]
    assert entity.type == "Environment" and entity.role == "proposes"
    assert {entity.name, *entity.aliases} == {"The Riddle-Solving Arena", "Riddle-Solving Arena"}


def test_what_a_navigation_paper_tests_on_is_an_environment_unless_called_a_dataset():
    found = types_of(
        "PathFinder: Vision-Language Navigation with Landmark Prompts",
        "Experimental results on both RouteQ and RouteQX show gains. We also label the PhotoSetQ dataset.",
    )
    assert found.get("RouteQ") == "Environment" and found.get("RouteQX") == "Environment"
    assert found.get("PhotoSetQ") == "Benchmark"


def test_the_multi_agent_version_of_a_known_simulator_is_its_own_environment():
    found = types_of("Cooperative Attacks", "We attack agents trained in Multi-agent MuJoCo and in MuJoCo.")
    assert found.get("Multi-agent MuJoCo") == "Environment" and found.get("MuJoCo") == "Environment"


def test_a_variant_of_the_papers_own_benchmark_is_a_benchmark():
    found = types_of(
        "QuizBankZ: A Composite Benchmark for Reading",
        "We release QuizBankZ and a mixed training set, QuizBankZ-mix, drawn from it.",
    )
    assert found.get("QuizBankZ") == "Benchmark" and found.get("QuizBankZ-mix") == "Benchmark"


def test_tasks_in_a_named_world_make_it_an_environment_but_a_named_benchmark_stays_one():
    found = types_of(
        "Phone Helpers",
        "Our method outperforms prior methods on device control tasks in PhoneWildQ. It solves 90 tasks in Paper Reproduction Benchmark.",
    )
    assert found.get("PhoneWildQ") == "Environment" and found.get("Paper Reproduction Benchmark") == "Benchmark"


def test_a_year_after_a_net_name_makes_it_a_dataset_edition_not_a_network():
    found = types_of("Segmenting Scenes", "We first pretrain our model on PicNet2015 and then prune AlexNetQ-8 in experiments on it.")
    assert found.get("PicNet2015") == "Benchmark"


def test_capitalised_words_listed_with_a_known_dataset_are_datasets_but_a_subject_after_it_is_not():
    found = types_of(
        "Rewiring Graphs",
        "On Kora, Citeseer and PubMed it reaches 84.1%, 73.0% and 80.2% accuracy. On WebArena, Claude reaches 30%.",
    )
    assert found.get("Kora") == "Benchmark" and found.get("Citeseer") == "Benchmark"
    assert found.get("Claude") == "Model"


def test_a_lower_case_release_of_a_known_model_is_a_model():
    found = types_of("Hard Puzzles", "Our solver beats o3-mini-high and o1-preview on every puzzle set.")
    assert found.get("o3-mini-high") == "Model" and found.get("o1-preview") == "Model"


def test_a_bare_noun_after_a_preposition_is_no_apposition():
    found = types_of(
        "GripPlanQ: Keypoint Chunks for Manipulation",
        "We propose GripPlanQ, a visuomotor policy. In simulation GripPlanQ is evaluated on 18 tasks of RLBench.",
    )
    assert found.get("GripPlanQ") == "Method"


def test_a_coined_name_with_a_capitalised_gym_is_one_environment():
    found = types_of(
        "TXRL Gym: Benchmarks for Multi-Turn Agents",
        "We release the TXRL-Gym benchmark. We also train in the Super Kart Gym and compare.",
    )
    assert found.get("TXRL Gym") == "Environment" and found.get("Super Kart Gym") == "Environment"
    assert "Gym" not in found and "TXRL" not in found


def test_a_suite_in_a_reinforcement_learning_paper_is_where_agents_act_but_its_dataset_stays_data():
    abstract = (
        "Count-based exploration struggles when every episode is a new layout. We train agents with a learned novelty "
        "bonus and report state-of-the-art returns across 12 tasks from the CaveRun suite. "
        "We also release DigLog, a dataset of 40K recorded episodes."
    )
    found = types_of("Novelty bonuses for procedurally generated worlds", abstract)
    assert found["CaveRun"] == "Environment"
    assert found["DigLog"] == "Benchmark"


def test_a_suite_in_a_language_model_paper_stays_a_benchmark():
    abstract = "We probe exploration in LLMs: results across 12 tasks from the CaveRun suite show that agents rarely backtrack."
    found = types_of("Do language models explore?", abstract)
    assert found["CaveRun"] == "Benchmark"


def test_a_listed_game_with_a_number_or_a_possessive_is_one_environment():
    found = types_of(
        "Curious agents",
        "Our agents explore well in Tumble Towers 4 and NetHack, and also on MuJoCo and Wizard's Keep. Table 3 and MuJoCo agree.",
    )
    assert found.get("Tumble Towers 4") == "Environment"
    assert found.get("Wizard's Keep") == "Environment"
    assert "Table 3" not in found and "Table" not in found


def test_one_capitalised_word_before_environment_names_a_world_but_software_does_not():
    found = types_of(
        "Curricula for walkers",
        "We add a new procedural Cliffhop environment and run every agent in self-contained Docker environments.",
    )
    assert found.get("Cliffhop") == "Environment"
    assert "Docker" not in found


def test_a_name_right_after_game_is_the_game_and_the_word_before_its_kind():
    found = types_of("Playing open worlds", "We deploy our agent in the complex AAA game Frontier Saga III and report its progress.")
    assert found.get("Frontier Saga III") == "Environment"


def test_a_technique_in_plain_words_the_paper_names_twice_is_a_method():
    found = types_of(
        "Better Captions with Scene-Graph Prompting",
        "We study scene-graph prompting for image captioning. With effective learning of the prompt, scene-graph prompting "
        "improves caption quality, and a student trained by layer-wise distillation keeps the gains; layer-wise distillation "
        "halves the cost.",
    )
    assert found["Scene-Graph Prompting"] == "Method"
    assert found["layer-wise distillation"] == "Method"
    assert "effective learning" not in found  # said once, and "effective" describes


def test_a_setting_before_a_technique_head_is_no_method():
    found = types_of("Prompts for tables", "We compare few-shot prompting with chain prompts; few-shot prompting wins on three tables.")
    assert not any("few-shot" in name for name in found)


def test_our_method_after_an_opening_phrase_is_no_apposition_of_the_name_in_it():
    found = types_of(
        "Faster contract review",
        "We propose ClauseHop. On the ContractRevBench, our method improves recall by ten points. "
        "On LeafWood, a simulated forest game, agents forage for berries.",
    )
    assert found["ContractRevBench"] == "Benchmark"
    assert found["LeafWood"] == "Environment"


def test_a_plural_head_ending_a_phrase_before_a_comma_does_not_type_the_name_after_it():
    found = types_of(
        "Weaving proofs",
        "We introduce ProofLoom, a training-free search framework around a prover. Built on open and closed models, ProofLoom "
        "solves more lemmas. We also fine-tune two small models, LoomRank and LoomCheck, as verifiers.",
    )
    assert found["ProofLoom"] == "Method"
    assert found["LoomRank"] == "Model"


def test_where_the_data_come_from_is_a_dataset():
    found = types_of(
        "Grasping from few views",
        "We train GraspFold on object scans. Real scenes from KTHX and questions drawn from ShelfQAx test it.",
    )
    assert found["KTHX"] == "Benchmark"


def test_a_coined_name_listed_beside_a_known_model_is_a_model():
    found = types_of(
        "Reasoning at scale",
        "Systems such as GPT-4o, DeepSeek-V3, and Acme's ZephQx reason at length. We compare them with TriRank.",
    )
    assert found["ZephQx"] == "Model"
    assert found["TriRank"] == "Method"


def test_a_coined_name_ending_in_rm_is_a_reward_model():
    found = types_of("Scoring replies", "We train HelpfulRM on 40K comparisons and use it to rank replies.")
    assert found["HelpfulRM"] == "Model"


def test_a_kind_of_layer_before_networks_names_an_architecture_and_plain_neural_networks_stay_out():
    found = types_of(
        "Routing parcels",
        "We encode depots with graph attention networks and compare with a fully convolutional network. "
        "Deep neural networks and neural networks in general overfit here.",
    )
    assert found["graph attention networks"] == "Method"
    assert found["fully convolutional network"] == "Method"
    assert not any("neural networks" in name for name in found)


def test_tasks_of_a_name_make_it_a_benchmark():
    found = types_of("Trees or nets", "We tune every model on the 40 regression tasks of TabSuiteX under one budget.")
    assert found["TabSuiteX"] == "Benchmark"


def test_a_name_trained_on_something_is_a_trained_model_and_a_plural_of_a_listed_method_is_not():
    found = types_of(
        "Auditing generators",
        "We audit TabForge and CopulaMix. For TabForge trained on census rows, the attack succeeds; LoRAs trained on the same rows are merged.",
    )
    assert found["TabForge"] == "Model"
    assert found.get("LoRAs") != "Model"


def test_capitalised_words_before_a_capitalised_technique_head_mid_sentence_name_a_method():
    found = types_of(
        "Faster recall",
        "To retrieve memories quickly we add Cosine Bucket Hashing to the store. The index is built by DPO Training once. "
        "Hashing alone is slow.",
    )
    assert found["Cosine Bucket Hashing"] == "Method"
    assert "DPO Training" not in found


def test_a_challenge_is_a_world_in_a_paper_on_agents_acting_and_data_elsewhere():
    acting = types_of(
        "Faster multi-agent training",
        "Multi-agent reinforcement learning needs many environment steps. We release PyKob, a vectorised version of "
        "the popular Kobold Siege Challenge, in which agents learn policies from sparse rewards over long episodes.",
    )
    assert acting["Kobold Siege Challenge"] == "Environment"
    reading = types_of("Reading", "We fine-tune BERT on the questions of the Kobold Reading Challenge and report accuracy.")
    assert reading["Kobold Reading Challenge"] == "Benchmark"


def test_the_head_noun_that_ends_a_compound_types_the_name_that_modifies_it():
    found = types_of(
        "Planning for cars",
        "We propose RouteMend. On the open-loop QuokkaScenes planning benchmark its error is low, and the embeddings of "
        "the ZetaProt protein language model help. Training data come from the WaveSynth generated dataset.",
    )
    assert found["QuokkaScenes"] == "Benchmark"
    assert found["ZetaProt"] == "Model"
    assert found.get("WaveSynth") != "Benchmark"


def test_a_name_between_a_count_and_a_plural_noun_after_on_is_the_set_scored_on():
    found = types_of("Folding", "We propose FoldMend. On 412 recent KESTREL targets it improves the mean score.")
    assert found["KESTREL"] == "Benchmark"



def test_a_name_ending_in_a_store_of_data_is_a_dataset():
    found = types_of(
        "Folding", "We propose FoldMend, trained on structures from the Glycan Structure Bank (GSB) and the Open Birdsong Archive (OBA)."
    )
    assert found["Glycan Structure Bank"] == "Benchmark"
    assert found["Open Birdsong Archive"] == "Benchmark"


def test_a_kind_of_layer_before_units_is_an_architecture_said_once():
    found = types_of("Quiet calls", "We propose HushNet, a causal network with a bottleneck of gated recurrent units.")
    assert found.get("gated recurrent units") == "Method"


def test_a_name_before_a_lower_case_technique_head_is_a_technique_said_once():
    found = types_of(
        "Tracking", "We propose TrackMend, which orders the boxes before Viterbi decoding. Goodhart's Law dynamics do not apply."
    )
    assert found.get("Viterbi decoding") == "Method"
    assert "Law dynamics" not in found


def test_a_name_joined_by_and_to_a_dataset_is_a_dataset_and_a_comma_alone_joins_nothing():
    found = types_of(
        "Multi-hop reading",
        "We propose ChainMend. It transfers to 3HopSetQA (64.0 F1) and MuSiKa (41.7 F1). On PolyQA, DeepSearcher reaches 50.1.",
    )
    assert found["MuSiKa"] == "Benchmark"
    assert found["DeepSearcher"] == "Method"


def test_a_name_a_gain_is_over_is_a_baseline_not_a_benchmark():
    found = types_of("Forecasts", "We propose CloudCast. A small ensemble further improves the CRPS over StormNet at long lead times.")
    assert found["StormNet"] != "Benchmark"


def test_a_name_after_a_phrase_the_sentence_opens_with_is_no_apposition_of_its_head():
    found = types_of(
        "Operators for flows",
        "We propose RhoNet, a neural operator for fluids. On the Burgers dataset, RhoNet lowers the error to 0.02. "
        "On the larger KelvinBench benchmark, RhoNet is twice as fast. We also release a new dataset, FlowSetX, for turbulence.",
    )
    assert found["RhoNet"] == "Method"
    assert found["KelvinBench"] == "Benchmark"
    assert found["FlowSetX"] == "Benchmark"  # a real apposition still types its name


def test_the_subject_after_an_opening_participle_phrase_is_not_what_it_was_trained_on():
    found = types_of(
        "Reading text",
        "We propose ZetaRec, a decoder for scene text. Trained only on SynthWords and GlyphSet, ZetaRec reads 93.4% of words. "
        "Trained on SynthWords, ZetaRec also beats OldReader.",
    )
    assert found["ZetaRec"] == "Method"
    assert found["GlyphSet"] == "Benchmark"


def test_names_in_brackets_after_a_plural_head_are_of_its_kind_but_a_short_form_is_not_a_list():
    found = types_of(
        "Reading text",
        "ZetaRec reaches 93.4% over the four common benchmarks (QX13, QX15, QXP and CUTX80). "
        "It is trained with Reinforcement Learning from Glyph Simulation (RLGS).",
    )
    assert {found[n] for n in ("QX13", "QX15", "QXP", "CUTX80")} == {"Benchmark"}
    assert found.get("Reinforcement Learning from Glyph Simulation", "Method") == "Method"


def test_a_teacher_is_a_trained_checkpoint():
    found = types_of("Distilling audio", "We propose ZetaX, which distils the clip embeddings of a QeATs teacher into a small student.")
    assert found["QeATs"] == "Model" and found["ZetaX"] == "Method"
