"""Result rules for scores whose owner or count the sentence gives by reference, on abstracts written for these tests."""

from conftest import results_of


def test_a_share_after_a_count_of_the_total_is_the_solvers_score():
    found = results_of("We introduce Marrow, an agent framework, and TileSet, a benchmark of 800 puzzles. "
                       "On TileSet, Marrow solves 402 of the 800 puzzles (50.3%).")
    assert ("Marrow", "TileSet", "50.3%") in found
    found = results_of("We present GripFix, a grasping policy. In Robosuite, GripFix completes 41 of 50 drawer-opening episodes (82%).")
    assert ("GripFix", "Robosuite", "82%") in found


def test_a_name_before_variant_says_which_variant_of_the_papers_work_scored():
    found = results_of("We propose PelicanSeg, a segmenter. It reaches 47.9 mIoU on ADE20K. The larger ConvNeXt-L variant pushes ADE20K to 50.2 mIoU.")
    assert ("PelicanSeg", "ADE20K", "50.2") in found
    assert not any(subject == "ConvNeXt-L" for subject, _, _ in found)


def test_a_metric_with_its_setting_in_parentheses_is_no_subject():
    found = results_of("We propose GannetDet, a rotated detector. On UCAS-AOD we report an mAP(07) of 91.4.")
    assert found == {("GannetDet", "UCAS-AOD", "91.4")}


def test_it_is_the_proposed_name_that_opens_the_sentence_before():
    found = results_of("We present OspreyVL, a vision-language model that reads documents in two passes. OspreyVL-3B is initialised "
                       "from SigLIP and trained with DPO. It achieves 88.1 and 80.2 on DocVQA and ChartQA, respectively. "
                       "On the OCRBench leaderboard it ranks first with a score of 812.", title="Two-pass reading for documents")
    assert found == {("OspreyVL-3B", "DocVQA", "88.1"), ("OspreyVL-3B", "ChartQA", "80.2"), ("OspreyVL-3B", "OCRBench", "812")}


def test_it_after_a_sentence_opened_by_a_baseline_is_still_the_papers_work():
    found = results_of("We propose HeronRead, a retrieval reader. ColBERTv2 is used as its retriever. It reaches 61.0% on HotpotQA.")
    assert found == {("HeronRead", "HotpotQA", "61.0%")}


def test_the_agent_refers_back_to_the_main_actor_not_the_baseline():
    found = results_of("We introduce ShopHawk, a web agent fine-tuned from Qwen2.5-14B. In WebShop, ShopHawk reaches a success rate of 48.0%, "
                       "whereas a Reflexion baseline obtains 35.5%. We also test on Mind2Web: the agent's step success rate is 44.1%.")
    assert ("ShopHawk", "Mind2Web", "44.1%") in found
    assert not any(subject == "Reflexion" and benchmark == "Mind2Web" for subject, benchmark, _ in found)


def test_an_unnamed_student_is_the_papers_distillation_at_work():
    found = results_of("We propose SkimDistil, which distils a small recogniser from a large one. Trained on GigaSpeech, "
                       "the 20M-parameter student attains a word error rate of 9.4% on the TED-LIUM 3 test set.")
    assert ("SkimDistil", "TED-LIUM 3", "9.4%") in found


def test_a_split_with_no_benchmark_written_with_it_is_of_the_one_named_just_before():
    found = results_of("We propose CrakeASR, a streaming recogniser, and report keyword spotting on the SUPERB benchmark. "
                       "It is pre-trained on 960 hours of LibriSpeech audio. After fine-tuning, CrakeASR reaches a WER of 3.9% on test-clean.")
    assert ("CrakeASR", "LibriSpeech", "3.9%") in found


def test_a_second_change_joined_by_and_is_on_the_benchmark_after_it():
    found = results_of("We propose GodwitRL, a fine-tuning method. GodwitRL lifts Phi-4 from 40.2% to 52.9% on OlympiadBench and from 61.3% to 70.8% on AMC23.")
    assert found == {("Phi-4", "OlympiadBench", "52.9%"), ("Phi-4", "AMC23", "70.8%")}


def test_a_score_achieved_by_a_name_is_that_names():
    found = results_of("We propose PochardQA, a retrieval agent. PochardQA reaches 64.0% accuracy on FreshQA, compared to 57.5% achieved by GPT-4o.")
    assert found == {("PochardQA", "FreshQA", "64.0%"), ("GPT-4o", "FreshQA", "57.5%")}


def test_the_start_of_a_change_for_a_capitalised_name_is_that_names():
    found = results_of("We propose ScaupFix, a repair agent. ScaupFix resolves 38.0% of the issues in SWE-bench Lite, up from 30.7% for Moatless.")
    assert found == {("ScaupFix", "SWE-bench Lite", "38.0%"), ("Moatless", "SWE-bench Lite", "30.7%")}


def test_a_score_at_plain_words_compared_with_is_no_ones():
    found = results_of("We propose CootVoc, a vocoder. CootVoc achieves a MOS of 4.38 on LJSpeech, close to ground-truth recordings at 4.45.")
    assert found == {("CootVoc", "LJSpeech", "4.38")}


def test_a_benchmark_opening_a_while_clause_is_the_later_scores():
    found = results_of("We introduce PetrelDrive, a driving policy. In closed-loop tests on NAVSIM, PetrelDrive achieves a PDMS of 87.5, "
                       "while on Bench2Drive it reaches a driving score of 61.9.")
    assert found == {("PetrelDrive", "NAVSIM", "87.5"), ("PetrelDrive", "Bench2Drive", "61.9")}


def test_a_name_in_apposition_to_the_compared_baseline_is_not_who_scored():
    found = results_of("We propose GarganeyRAG, a retrieval method. Our approach improves the F1 score on MuSiQue by 5.1 points "
                       "over the strongest baseline, IRCoT, reaching 41.7.")
    assert found == {("GarganeyRAG", "MuSiQue", "41.7")}


def test_a_number_after_at_sign_is_the_metrics_threshold():
    found = results_of("We propose MergDet, a detector. MergDet obtains mAP@0.5 of 0.712 on VisDrone and a PCK@0.2 of 91.4 on MPII.")
    assert {value for _, _, value in found} == {"0.712", "91.4"}


def test_a_share_of_people_is_no_score():
    found = results_of("We propose BuffleCoder, a reasoning model. BuffleCoder scores 1,845 on Codeforces, placing it above 94% of human competitors.")
    assert {value for _, _, value in found} == {"1,845"}


def test_a_benchmark_right_before_is_and_the_score_is_its():
    found = results_of("We propose DuckViT, a classifier. DuckViT's top-1 accuracy on ImageNet-1K is 86.0 and on ImageNet-V2 is 76.2.")
    assert found == {("DuckViT", "ImageNet-1K", "86.0"), ("DuckViT", "ImageNet-V2", "76.2")}


def test_a_score_marked_ours_is_the_papers_work():
    found = results_of("We propose LinnetOS, a desktop agent. On OSWorld, success rates rise from 23.4% (GPT-4o) to 41.8% (ours).")
    assert found == {("GPT-4o", "OSWorld", "23.4%"), ("LinnetOS", "OSWorld", "41.8%")}


def test_an_average_on_a_plural_kind_of_benchmark_has_no_benchmark():
    found = results_of("We propose BramblingMath, a math model. BramblingMath achieves 90.2% on GSM8K and an average of 45.3% on competition-level benchmarks.")
    assert found == {("BramblingMath", "GSM8K", "90.2%"), ("BramblingMath", None, "45.3%")}


def test_an_owner_after_for_may_be_described_by_a_participle():
    found = results_of("We propose StintASR, a streaming recogniser. StintASR reaches 4.9% WER on LibriSpeech, against 5.4% for Conformer "
                       "and 5.8% for Squeezeformer trained with the same recipe.")
    assert ("Squeezeformer", "LibriSpeech", "5.8%") in found


def test_a_while_keeping_clause_with_its_metric_after_the_score_is_the_subjects():
    found = results_of("We introduce TokCut, which learns merging ratios. TokCut cuts FLOPs by 38% while keeping 80.6% top-1 accuracy on Kinetics-400.")
    assert found == {("TokCut", "Kinetics-400", "80.6%")}


def test_each_name_of_a_list_compared_with_is_not_who_scored():
    found = results_of("We present SpecRec, a recommender. SpecRec improves NDCG@20 over NGCF, DGCF and LightGCN, "
                       "and reaches an NDCG@20 of 0.0631 on Gowalla against 0.0602 for LightGCN.")
    assert found == {("SpecRec", "Gowalla", "0.0631"), ("LightGCN", "Gowalla", "0.0602")}


def test_a_relative_clause_gives_the_names_before_it_their_scores_in_order():
    found = results_of("We introduce PlumeCXR, a label refiner. On CheXpert, PlumeCXR reaches a mean AUROC of 0.881, ahead of GLoRIA and "
                       "BioViL, which are fine-tuned on the same labels and reach 0.866 and 0.859.")
    assert found == {("PlumeCXR", "CheXpert", "0.881"), ("GLoRIA", "CheXpert", "0.866"), ("BioViL", "CheXpert", "0.859")}


def test_a_plain_qualifier_may_stand_before_the_owner_after_for():
    found = results_of("We propose SootyRAG, a retrieval method. SootyRAG reaches 61.2% on PopQA, compared with 47.9% for vanilla RAG.")
    assert found == {("SootyRAG", "PopQA", "61.2%"), ("RAG", "PopQA", "47.9%")}


def test_a_versus_pair_in_parentheses_after_a_benchmark_is_on_it():
    found = results_of("We propose NoddyLM. NoddyLM-8B outperforms Gemma-2-9B on IFEval (80.4 vs. 74.1) and on MT-Bench (8.3 vs. 7.9).")
    assert found == {("NoddyLM-8B", "IFEval", "80.4"), ("Gemma-2-9B", "IFEval", "74.1"), ("NoddyLM-8B", "MT-Bench", "8.3"), ("Gemma-2-9B", "MT-Bench", "7.9")}


def test_a_verbless_list_after_a_benchmark_and_a_comma_goes_on_with_the_first_scorers():
    found = results_of("We propose FrigateVLN. On R2R, FrigateVLN achieves an SR of 63% and an SPL of 57%; on REVERIE, 51% and 40%.")
    assert ("FrigateVLN", "REVERIE", "51%") in found and ("FrigateVLN", "REVERIE", "40%") in found


def test_a_task_of_a_benchmark_is_on_that_benchmark():
    found = results_of("We propose RuffNav, a navigation policy. RuffNav attains 61.3% success on the ImageNav task of Gibson.")
    assert found == {("RuffNav", "Gibson", "61.3%")}


def test_the_datasets_of_a_suite_are_scored_on_not_who_scored():
    found = results_of("We propose SnipeTab, a tabular foundation model. On the 51 classification datasets of TabZilla, SnipeTab achieves a mean AUC of 0.912.")
    assert found == {("SnipeTab", "TabZilla", "0.912")}


def test_the_first_of_a_versus_pair_with_no_one_named_is_the_papers():
    found = results_of("We propose ScaupVL. ScaupVL reaches 45.0% on MMMU-Pro. On MathVerse, the gap is larger: 52.3% vs. 38.5% for LLaVA-OneVision.")
    assert found == {("ScaupVL", "MMMU-Pro", "45.0%"), ("ScaupVL", "MathVerse", "52.3%"), ("LLaVA-OneVision", "MathVerse", "38.5%")}


def test_a_name_beaten_at_a_score_is_on_the_benchmark_it_is_compared_on():
    found = results_of("We propose GoshawkR1. GoshawkR1 delivers 79.3% pass@1 on AIME 2024, narrowly beating o1 at 79.2%, and 97.1% on MATH-500.")
    assert found == {("GoshawkR1", "AIME 2024", "79.3%"), ("o1", "AIME 2024", "79.2%"), ("GoshawkR1", "MATH-500", "97.1%")}


def test_the_former_and_the_latter_are_the_last_two_benchmarks_named():
    found = results_of("We propose PittaNet, evaluated on Cityscapes and KITTI. It achieves 82.5 mIoU on the former and 71.0 mIoU on the latter.")
    assert found == {("PittaNet", "Cityscapes", "82.5"), ("PittaNet", "KITTI", "71.0")}


def test_an_owner_after_for_may_follow_the_spread_of_its_score():
    found = results_of("We propose ToucanTTS. In listening tests on VCTK, ToucanTTS obtains a MOS of 4.21±0.07, against 3.96±0.08 for GlowTTS-2.")
    assert found == {("ToucanTTS", "VCTK", "4.21"), ("GlowTTS-2", "VCTK", "3.96")}


def test_a_coded_lower_case_name_opening_the_sentence_is_a_benchmark():
    found = results_of("We propose JacanaGNN. JacanaGNN obtains 74.2% accuracy on ogbn-arxiv. On ogbn-products it obtains 82.9%.")
    assert ("JacanaGNN", "ogbn-products", "82.9%") in found


def test_a_compared_name_of_several_words_owns_its_parenthesised_scores():
    found = results_of("We present OrioleDepth, a depth model. Zero-shot, OrioleDepth attains an AbsRel of 0.052 on NYUv2 and 0.071 on KITTI, "
                       "improving over Depth Anything V2 (0.056 and 0.078).")
    assert found == {("OrioleDepth", "NYUv2", "0.052"), ("OrioleDepth", "KITTI", "0.071"),
                     ("Depth Anything V2", "NYUv2", "0.056"), ("Depth Anything V2", "KITTI", "0.078")}


def test_a_share_after_a_count_of_times_is_the_scorers():
    found = results_of("We present DingoNav, a legged navigation system. Across 50 real-world trials on HikeSet, DingoNav reached the goal 44 times (88%).")
    assert found == {("DingoNav", "HikeSet", "88%")}


def test_a_version_after_a_name_in_parentheses_is_part_of_it():
    found = results_of("We introduce WombatASR. On the FLEURS benchmark, WombatASR lowers the average WER from 14.2% (Whisper large-v3) to 11.8%.")
    assert found == {("Whisper large-v3", "FLEURS", "14.2%"), ("WombatASR", "FLEURS", "11.8%")}


def test_the_object_of_matches_may_have_an_adjective_before_it():
    found = results_of("We propose FinchMoE. FinchMoE-A3B matches the dense FinchLM-14B on MMLU (78.1 vs. 78.4) at one fifth of the compute.")
    assert found == {("FinchMoE-A3B", "MMLU", "78.1"), ("FinchLM-14B", "MMLU", "78.4")}


def test_a_camel_case_name_right_after_a_score_and_on_is_where_it_was_measured():
    # the apposition makes entity finding take RewardBench for a model; written right after "89.1% on", it is scored on
    found = results_of("We propose PelicanRM. PelicanRM achieves an accuracy of 89.1% on RewardBench, the highest among 8B models, and 75.3% on RM-Bench.")
    assert found == {("PelicanRM", "RewardBench", "89.1%"), ("PelicanRM", "RM-Bench", "75.3%")}


def test_a_proposed_name_found_as_a_benchmark_that_scores_is_the_papers_work():
    # "...QA" makes entity finding take LarkQA for a benchmark; the text says it scores, so "It" is LarkQA too
    found = results_of("We propose LarkQA, which selects keyframes before answering. On Video-MME, LarkQA with InternVL3-8B achieves 58.9%. "
                       "It scores 64.1 on LongVideoBench.")
    assert found == {("LarkQA", "Video-MME", "58.9%"), ("LarkQA", "LongVideoBench", "64.1")}


def test_a_plus_that_ends_a_metrics_name_is_no_gain():
    found = results_of("We propose JunglefowlMT, a translation model. JunglefowlMT obtains a chrF++ of 58.3 on FLORES-200 devtest.")
    assert found == {("JunglefowlMT", "FLORES-200", "58.3")}


def test_a_share_of_its_own_games_is_a_win_rate():
    found = results_of("We propose QuailChess, a chess agent. On Lichess, QuailChess wins 64% of its games.")
    assert found == {("QuailChess", "Lichess", "64%")}


def test_a_whole_number_in_parentheses_after_a_compared_name_is_its_score():
    found = results_of("We propose GrouseRL. GrouseRL achieves an average return of 4,350 on Ant-v4, outperforming SAC (3,980).")
    assert found == {("GrouseRL", "Ant-v4", "4,350"), ("SAC", "Ant-v4", "3,980")}


def test_the_score_of_a_name_after_the_is_that_names():
    found = results_of("We propose AvocetAgent, a GUI agent. AvocetAgent-7B obtains 37.2% on ScreenSpot-Pro, nearly doubling the 18.9% of UI-TARS-7B.")
    assert found == {("AvocetAgent-7B", "ScreenSpot-Pro", "37.2%"), ("UI-TARS-7B", "ScreenSpot-Pro", "18.9%")}


def test_plain_words_powered_by_a_model_scored_as_that_model():
    found = results_of("We introduce TernTrail, a benchmark of 800 web tasks. Agents powered by GPT-4o complete 30.2% of the tasks.")
    assert found == {("GPT-4o", "TernTrail", "30.2%")}


def test_the_resulting_agent_is_the_model_the_paper_trains():
    found = results_of("We present SkylarkAgent, a framework for training software agents. Starting from Qwen3-32B, we train SkylarkAgent-32B "
                       "on 8,000 verified tasks. The resulting agent resolves 52.4% of issues on SWE-bench Verified. With test-time scaling, "
                       "its performance further rises to 61.0%.")
    assert found == {("SkylarkAgent-32B", "SWE-bench Verified", "52.4%"), ("SkylarkAgent-32B", "SWE-bench Verified", "61.0%")}


def test_a_respectively_list_pairs_with_the_benchmarks_of_the_sentence_before():
    found = results_of("We propose RobinDet, a detector. We evaluate on COCO and LVIS. RobinDet achieves 55.8 AP and 47.3 AP, respectively.")
    assert found == {("RobinDet", "COCO", "55.8"), ("RobinDet", "LVIS", "47.3")}


def test_sets_the_state_of_the_art_says_who_scored():
    found = results_of("We propose TernVQA. TernVQA sets the state of the art on VQAv2 test-dev with 84.7% accuracy.")
    assert found == {("TernVQA", "VQAv2", "84.7%")}
