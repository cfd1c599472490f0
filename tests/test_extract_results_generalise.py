"""Result rules that follow from the guidelines and the plain English of result sentences, on abstracts written for these tests."""

from conftest import extract_one, results_of


def test_a_threshold_range_is_the_setting_not_a_score():
    found = results_of("We present MarlinNet, a video localiser. MarlinNet reaches 44.2% mAP over tIoU thresholds from 0.3 to 0.7 on THUMOS14.")
    assert not any(value in {"0.3", "0.7"} for _, _, value in found)
    found = results_of("We present KoelDet, a 3D detector. KoelDet obtains an AP of 71.9 on KITTI with an IoU threshold of 0.7.")
    assert ("KoelDet", "KITTI", "71.9") in found
    assert not any(value == "0.7" for _, _, value in found)


def test_a_one_digit_version_after_a_coded_name_is_no_score():
    found = results_of("We introduce PlankNet, a classifier. It is not significantly different from HIVE-COTE 2.0 and reaches 88.1% accuracy on UCR.")
    assert {value for _, _, value in found} == {"88.1%"}


def test_a_bare_number_after_drops_to_is_a_score():
    found = results_of("We propose TernPose, a pose lifter. On Human3.6M it reaches an MPJPE of 38.9 mm. With ground-truth 2D inputs its MPJPE drops to 16.4 mm.")
    assert ("TernPose", "Human3.6M", "16.4") in found


def test_a_split_after_on_is_no_benchmark_of_its_own():
    found = results_of("We propose Cormorant, a detection transformer. Our method reaches 49.3 AP on COCO test-dev and 48.8 AP on val2017.")
    assert found == {("Cormorant", "COCO", "49.3"), ("Cormorant", "COCO", "48.8")}


def test_the_start_of_a_change_that_a_named_model_owns_is_its_score():
    found = results_of("We propose LoonRec, a recommender. On ReDial, LoonRec improves Recall@10 from 0.216 for UniCRS to 0.247.")
    assert found == {("UniCRS", "ReDial", "0.216"), ("LoonRec", "ReDial", "0.247")}
    found = results_of("We propose HushNet, a speech enhancer. On VoiceBank, HushNet raises PESQ from 2.48 for the noisy input to 3.29.")
    assert not any(value == "2.48" for _, _, value in found)


def test_bare_scores_listed_before_for_a_name_are_all_that_names():
    found = results_of("We propose GrebeFlow, an optical flow network. On Sintel it achieves an end-point error of 1.29 and 2.36, versus 1.61 and 2.86 for RAFT.")
    assert found == {("GrebeFlow", "Sintel", "1.29"), ("GrebeFlow", "Sintel", "2.36"), ("RAFT", "Sintel", "1.61"), ("RAFT", "Sintel", "2.86")}


def test_an_adjective_may_stand_before_a_metric_or_an_owner():
    found = results_of("We propose ScoterBand, a bandit. On the Yahoo dataset it reaches a normalised CTR of 1.71, versus 1.57 for LinUCB.")
    assert ("ScoterBand", "Yahoo", "1.71") in found and ("LinUCB", "Yahoo", "1.57") in found
    found = results_of("We propose SmewOp, a neural operator. On Navier-Stokes it achieves an L2 error of 0.102, versus 0.128 for the factorised F-FNO.")
    assert ("F-FNO", "Navier-Stokes", "0.128") in found


def test_a_score_after_a_name_and_at_is_that_names():
    found = results_of("We introduce OspreyTS, a classifier. OspreyTS achieves 84.1 accuracy on UCR, ahead of InceptionTime at 83.0.")
    assert found == {("OspreyTS", "UCR", "84.1"), ("InceptionTime", "UCR", "83.0")}


def test_scores_after_a_list_of_as_many_benchmarks_pair_with_them_in_order():
    found = results_of("We propose ShagRE, a relation extractor. It generalises to the CDR and GDA datasets with 78.6 and 86.1 F1.")
    assert found == {("ShagRE", "CDR", "78.6"), ("ShagRE", "GDA", "86.1")}


def test_a_benchmark_that_opens_a_later_clause_is_not_an_earlier_scores():
    found = results_of(
        "We propose EiderNet, an audio tagger. Fine-tuned on ESC-50, it achieves 97.3% accuracy, and on the FSD50K benchmark it obtains 0.652 mAP."
    )
    assert found == {("EiderNet", "ESC-50", "97.3%"), ("EiderNet", "FSD50K", "0.652")}


def test_a_score_with_no_benchmark_of_its_own_keeps_the_one_before_it_in_the_sentence():
    found = results_of(
        "We propose KiteReg, a registration network. KiteReg achieves a Dice score of 0.824 on the OASIS validation set of the Learn2Reg "
        "challenge, compared with 0.817 for TransMorph, and a HD95 of 1.61 mm."
    )
    assert found == {("KiteReg", "OASIS", "0.824"), ("TransMorph", "OASIS", "0.817"), ("KiteReg", "OASIS", "1.61")}


def test_an_average_over_seeds_runs_or_thresholds_keeps_its_benchmark():
    found = results_of("We propose QuillSeg, a parser. QuillSeg reaches 91.2% accuracy on PTB averaged over three runs.")
    assert found == {("QuillSeg", "PTB", "91.2%")}
    found = results_of("We present MarlinNet, a video localiser. MarlinNet reaches an average mAP of 44.2% over tIoU thresholds on THUMOS14.")
    assert found == {("MarlinNet", "THUMOS14", "44.2%")}
    found = results_of("We propose EiderNet, an audio tagger. On ESC-50 it achieves 97.3% accuracy averaged over the five folds.")
    assert found == {("EiderNet", "ESC-50", "97.3%")}


def test_an_average_over_benchmarks_has_none():
    found = results_of("We propose SandpiperQA, a reader. SandpiperQA reaches an average accuracy of 71.2% over the five benchmarks, and 80.1% on BoolQ.")
    assert found == {("SandpiperQA", None, "71.2%"), ("SandpiperQA", "BoolQ", "80.1%")}


def test_an_average_keeps_the_one_benchmark_its_clause_names_before_it():
    found = results_of("We propose DunlinLoc, a localiser. With TSP features on ActivityNet-1.3 DunlinLoc obtains an average mAP of 37.6%.")
    assert found == {("DunlinLoc", "ActivityNet-1.3", "37.6%")}


def test_names_in_a_gerund_phrase_that_opens_the_sentence_are_tools():
    found = results_of("We propose ErneLoc, a localiser. Replacing I3D with VideoMAE features lifts its THUMOS14 mAP to 72.4%.")
    assert not any(subject in {"I3D", "VideoMAE"} for subject, _, _ in found)


def test_names_in_an_opening_combined_with_phrase_are_tools():
    found = results_of("We propose FreqAug, an augmentation. Combined with StyleGAN2 and ADA, FreqAug improves FID on AFHQ-Dog from 7.40 to 5.92.")
    assert found == {("FreqAug", "AFHQ-Dog", "5.92")}


def test_a_base_model_with_the_papers_method_is_the_method_at_work():
    found = results_of("We propose AukGAN, a regulariser. On CIFAR-10, BigGAN with AukGAN obtains an Inception Score of 9.12.")
    assert found == {("AukGAN", "CIFAR-10", "9.12")}
    found = results_of("We propose AukGAN, a regulariser. On CIFAR-10, BigGAN with SNGAN obtains an Inception Score of 8.70.")
    assert not any(subject == "AukGAN" for subject, _, _ in found)


def test_the_gains_with_no_one_named_are_the_papers_work():
    found = results_of("We propose GullOCR, a text recogniser. GullOCR reaches 93.4% on IIIT5K. The gains are largest on the irregular sets, with 88.1% on SVTP.")
    assert ("GullOCR", "SVTP", "88.1%") in found


def test_a_benchmark_named_right_after_the_score_beats_the_one_opening_the_sentence():
    found = results_of("We propose RankMix, a search method. On NAS-Bench-201, RankMix finds networks with 94.2% test accuracy on CIFAR-10 and 46.1% on ImageNet16-120.")
    assert found == {("RankMix", "CIFAR-10", "94.2%"), ("RankMix", "ImageNet16-120", "46.1%")}
    found = results_of("We propose QuatRot, a link predictor. On FB15k-237 it reaches an MRR of 0.362 and on WN18RR 0.497.")
    assert found == {("QuatRot", "FB15k-237", "0.362"), ("QuatRot", "WN18RR", "0.497")}


def test_a_parenthesised_list_after_a_name_pairs_with_the_earlier_benchmarks_in_order():
    found = results_of(
        "We propose GBFM, a ranking model. On the Criteo dataset GBFM reaches an AUC of 0.8112, and on Avazu 0.7795, outperforming DeepFM (0.8087 and 0.7761)."
    )
    assert found == {("GBFM", "Criteo", "0.8112"), ("GBFM", "Avazu", "0.7795"), ("DeepFM", "Criteo", "0.8087"), ("DeepFM", "Avazu", "0.7761")}


def test_a_while_gerund_clause_keeps_the_subject_of_the_clause_before():
    found = results_of("We propose GCTC, a calibration method. GCTC reduces the equalized-odds gap on Adult from 0.091 to 0.018 while keeping an accuracy of 84.2%.")
    assert found == {("GCTC", "Adult", "0.018"), ("GCTC", "Adult", "84.2%")}


def test_a_metric_after_a_list_of_scores_names_every_score_of_it():
    extraction = extract_one("SwiftSeg", "We propose SwiftSeg, a segmenter. SwiftSeg and SegFormer reach 48.1 and 46.5 mIoU on ADE20K, respectively.")
    assert {(r.subject, r.value, r.metric) for r in extraction.results} == {("SwiftSeg", "48.1", "mIoU"), ("SegFormer", "46.5", "mIoU")}


def test_a_coded_name_right_after_a_score_and_on_is_where_it_was_measured():
    found = results_of("We propose CVR, an offline RL method. CVR reaches a normalised score of 88.6 on Hopper-medium-replay; on the AntMaze tasks it matches IQL.")
    assert found == {("CVR", "Hopper-medium-replay", "88.6")}


def test_with_a_backbone_these_rise_keeps_the_subject_of_the_earlier_scores():
    found = results_of(
        "We propose EPRNet, a relation extractor. EPRNet achieves 63.2 F1 on the DocRED test set; with RoBERTa-large these rise to 65.5 F1, ahead of DREEAM at 64.2 F1."
    )
    assert found == {("EPRNet", "DocRED", "63.2"), ("EPRNet", "DocRED", "65.5"), ("DREEAM", "DocRED", "64.2")}


def test_a_name_in_an_opening_for_phrase_is_the_setting_when_the_clause_has_its_own_subject():
    assert results_of("We study privacy attacks. For CTGAN trained on Credit, the attack reaches an AUC of 0.71.") == set()
    found = results_of("We propose LoRAX, an adapter. For Llama-3-8B, LoRAX raises accuracy on GSM8K from 40.1% to 61.2%.")
    assert found == {("LoRAX", "GSM8K", "61.2%")}


def test_what_a_method_improves_by_a_gain_is_its_baseline_not_who_scored():
    found = results_of("We propose WrenSeg, a segmenter. WrenSeg improves DeepLabv3 by 3.2 points on ADE20K, reaching 48.7 mIoU.")
    assert found == {("WrenSeg", "ADE20K", "48.7")}
    found = results_of("We propose TuneX, a tuning method. TuneX improves Llama-3.1-8B from 4.8% to 42.4% on WebArena-Lite.")
    assert found == {("Llama-3.1-8B", "WebArena-Lite", "42.4%")}


def test_a_benchmark_whose_phrase_goes_on_with_the_score_owns_it():
    found = results_of("We propose IbisNER, a tagger. IbisNER sets a new state of the art on CoNLL-2003 with an F1 of 94.6 and reaches 91.2 F1 on OntoNotes 5.0.")
    assert found == {("IbisNER", "CoNLL-2003", "94.6"), ("IbisNER", "OntoNotes", "91.2")} or found == {
        ("IbisNER", "CoNLL-2003", "94.6"), ("IbisNER", "OntoNotes 5.0", "91.2")}


def test_an_average_across_one_benchmarks_datasets_keeps_it_and_one_across_several_has_none():
    assert results_of("We propose NewtRank, a retriever. NewtRank reaches an nDCG@10 of 52.1 averaged across the 18 BEIR datasets.") == {
        ("NewtRank", "BEIR", "52.1")}
    assert results_of("We propose CurlewLM, a language model. CurlewLM reaches an average of 64.0% across MMLU, ARC and HellaSwag.") == {
        ("CurlewLM", None, "64.0%")}


def test_a_whole_number_after_scores_is_a_score_and_an_unlisted_name_before_the_verb_scored_it():
    found = results_of(
        "We propose NovaDQN, an exploration bonus. On the Atari games it reaches a median human-normalised score of 231%, "
        "and in Montezuma's Revenge it scores 9,400 where Rainbow scores 0."
    )
    assert ("NovaDQN", "Montezuma's Revenge", "9,400") in found and ("Rainbow", "Montezuma's Revenge", "0") in found
    found = results_of("We propose SynReg, a registration network. On IXI it reaches a Dice of 0.766, while the SyN method from ANTs obtains 0.639.")
    assert not any(subject == "ANTs" for subject, _, _ in found)


def _metrics(abstract: str) -> set[tuple]:
    return {(r.value, r.metric) for r in extract_one("A method", abstract).results}


def test_the_metric_keeps_the_words_of_its_noun_phrase_but_not_a_statistic():
    assert _metrics("We propose PatchNet, a detector. PatchNet reaches an image-level AUROC of 99.3% on MVTec AD.") == {("99.3%", "image-level AUROC")}
    assert _metrics("We propose RegNet3, a registration model. RegNet3 achieves a mean Dice score of 0.824 on OASIS.") == {("0.824", "Dice score")}
    assert _metrics("We propose SeqDQN, an agent. On CartPole-v1 it reaches the maximum return of 500.") == {("500", "return")}
    assert _metrics("We propose FlowX, a flow network. FlowX reaches an end-point error of 1.29 on Sintel.") == {("1.29", "end-point error")}
    assert _metrics("We propose NutmegGNN, a graph network. NutmegGNN achieves 0.78 ROC-AUC on MoleculeNet.") == {("0.78", "ROC-AUC")}


def test_a_score_after_a_names_possessive_is_that_names():
    found = results_of("We propose FlukeNet, a reasoner. FlukeNet's accuracy on StrategyQA is 78.4%, higher than PaLM's 73.9%.")
    assert found == {("FlukeNet", "StrategyQA", "78.4%"), ("PaLM", "StrategyQA", "73.9%")}


def test_a_share_restating_a_count_belongs_to_who_counted():
    found = results_of("We propose JackVLA, a robot policy. On LIBERO, JackVLA completes 17 of 20 tasks (85%), compared with 11 of 20 (55%) for OpenVLA.")
    assert found == {("JackVLA", "LIBERO", "85%"), ("OpenVLA", "LIBERO", "55%")}


def test_a_parenthetical_between_score_and_metric_does_not_hide_the_metric():
    assert _metrics("We propose AlbaNet, a classifier. AlbaNet attains 91.3% (±0.4) accuracy on CIFAR-100.") == {("91.3%", "accuracy")}


def test_a_capitalised_metric_before_a_scoring_verb_is_not_who_scored():
    found = results_of("We propose PeaNet, a classifier. On ImageNet, the Top-1 Accuracy reaches 81.3% and Recall reaches 90.2%.")
    assert not any(subject in {"Accuracy", "Recall", "Top-1 Accuracy"} for subject, _, _ in found)


def test_a_score_on_a_split_is_on_the_benchmark_that_split_belongs_to():
    found = results_of(
        "We propose AnchorX, an aligner. AnchorX reaches a Hits@1 of 83.4% on DBP15K ZH-EN, 85.1% on JA-EN and 93.7% on FR-EN, "
        "and an MRR of 0.912 on the sparser SRPRS EN-FR split. Under the same budget, Dual-AMN obtains 73.1% Hits@1 on ZH-EN."
    )
    assert found == {("AnchorX", "DBP15K", "83.4%"), ("AnchorX", "DBP15K", "85.1%"), ("AnchorX", "DBP15K", "93.7%"),
                     ("AnchorX", "SRPRS", "0.912"), ("Dual-AMN", "DBP15K", "73.1%")}


def test_the_proposed_method_is_the_papers_method():
    found = results_of("We propose ZebraNet, a segmentation network. The proposed method achieves 80.1% mIoU on Cityscapes.")
    assert found == {("ZebraNet", "Cityscapes", "80.1%")}


def test_a_lower_case_m_after_a_score_is_metres_not_millions():
    found = results_of("We propose HazelVO, a visual odometry system. On EuRoC, HazelVO achieves an ATE of 0.041 m.")
    assert found == {("HazelVO", "EuRoC", "0.041")}


def test_the_baseline_a_gain_is_measured_over_is_not_who_scored():
    found = results_of("We propose IvyRec, a recommender. IvyRec improves HR@10 by 4.2% over SASRec on MovieLens-1M, reaching 0.823.")
    assert found == {("IvyRec", "MovieLens-1M", "0.823")}


def test_benchmarks_opening_a_sentence_pair_with_the_score_list_they_open_in_order():
    found = results_of("We propose WrenRAG, a retrieval controller. On the HotpotQA and MuSiQue datasets it obtains F1 scores of 70.2 and 48.1, "
                       "ahead of Self-RAG (63.0 and 40.9), and on RULER it scores 77.5.")
    assert ("WrenRAG", "HotpotQA", "70.2") in found and ("WrenRAG", "MuSiQue", "48.1") in found
    assert ("Self-RAG", "HotpotQA", "63.0") in found and ("Self-RAG", "MuSiQue", "40.9") in found


def test_a_score_on_no_named_benchmark_in_a_benchmark_paper_is_on_the_benchmark_it_introduces():
    found = results_of("We introduce GraphGauge, a benchmark of 3,000 questions about plotted data. We evaluate GPT-4.1 and Gemini 2.5 Pro. "
                       "The best model, Gemini 2.5 Pro, reaches 58.2% accuracy. Scores on ChartQA correlate weakly with ours.")
    assert ("Gemini 2.5 Pro", "GraphGauge", "58.2%") in found


def test_the_targets_of_an_opening_against_phrase_are_not_who_scored():
    found = results_of("We introduce MagpieAttack, a red-teaming method. Against GPT-4o, Gemini 1.5 Pro and Qwen2.5-72B-Instruct, "
                       "MagpieAttack reaches an attack success rate of 71.2% on HarmBench.")
    assert found == {("MagpieAttack", "HarmBench", "71.2%")}
    found = results_of("We propose ShrikeAT, an adversarial training method. Evaluated with AutoAttack, ShrikeAT reaches 55.1% robust accuracy on CIFAR-10.")
    assert found == {("ShrikeAT", "CIFAR-10", "55.1%")}


def test_a_score_after_a_compared_one_whose_own_phrase_names_a_benchmark_is_on_it():
    found = results_of("We introduce HeronNav, an embodied agent. HeronNav achieves a 57.1% success rate on ALFRED, compared with 44.2% for "
                       "the LLM-Planner baseline, and 43.0% success weighted by path length (SPL) on HM3D.")
    assert ("HeronNav", "HM3D", "43.0%") in found and ("LLM-Planner", "ALFRED", "44.2%") in found
    found = results_of("We introduce PloverVLA, a robot policy. PloverVLA reaches 77.9% on LIBERO, compared with 75.0% for OpenVLA-OFT, "
                       "and 61.2% on the visual-matching setting of SimplerEnv.")
    assert ("PloverVLA", "SimplerEnv", "61.2%") in found and ("PloverVLA", "LIBERO", "77.9%") in found


def test_a_name_written_as_the_metric_after_a_compound_adjective_is_not_who_scored():
    found = results_of("We present LarkAD, an anomaly detector. On MVTec AD, LarkAD achieves an image-level AUROC of 99.2% and a pixel-level PRO of 94.1%.")
    assert found == {("LarkAD", "MVTec AD", "99.2%"), ("LarkAD", "MVTec AD", "94.1%")}


def test_for_after_a_score_and_a_two_word_metric_names_its_owner():
    found = results_of("We present LarkAD, an anomaly detector. On MVTec AD, LarkAD achieves 99.2%, compared with 98.6% image-level AUROC for DRAEM.")
    assert ("DRAEM", "MVTec AD", "98.6%") in found


def test_an_average_over_the_named_benchmarks_datasets_keeps_it():
    found = results_of("We propose TernQ, an offline RL algorithm. We evaluate on the D4RL benchmark. TernQ obtains a normalised score of 77.2 "
                       "averaged over the locomotion datasets, compared with 73.9 for IQL.")
    assert found == {("TernQ", "D4RL", "77.2"), ("IQL", "D4RL", "73.9")}


def test_a_parenthesised_score_after_a_name_and_plain_words_describing_it_is_that_names():
    found = results_of("We propose FinchWeb, a web agent. FinchWeb reaches a success rate of 37.0% on WebArena-Lite, surpassing WebRL "
                       "trained on the same backbone (30.9%).")
    assert ("WebRL", "WebArena-Lite", "30.9%") in found and ("FinchWeb", "WebArena-Lite", "37.0%") in found


def test_it_is_the_first_to_score_where_no_method_is_marked_as_the_papers():
    found = results_of("We revisit tabular learning with PikeTab, a retrieval Transformer. On the OpenML-CC18 suite PikeTab reaches an accuracy of 81.5%. "
                       "On the California Housing dataset it attains an RMSE of 0.402.")
    assert ("PikeTab", "California Housing", "0.402") in found


def test_a_compound_adjective_may_stand_before_the_owner_after_for():
    found = results_of("We introduce OwlJail, a red-teaming method. OwlJail reaches an attack success rate of 70.4% on HarmBench, "
                       "compared with 45.0% for Crescendo and 20.3% for the single-turn PAIR attack.")
    assert ("PAIR", "HarmBench", "20.3%") in found and ("Crescendo", "HarmBench", "45.0%") in found


def test_a_share_of_a_score_is_no_score():
    found = results_of("We present WrenCraft, a game agent. In Crafter, WrenCraft achieves a score of 40.2%. "
                       "Replacing GPT-4o with a smaller model retains 75% of the Crafter score.")
    assert not any(value == "75%" for _, _, value in found)


def test_scores_listed_with_their_unit_pair_with_the_benchmarks_in_order():
    found = results_of("We propose KiteSR, a super-resolution network. On BSD100 and Manga109, KiteSR attains 27.64 dB and 30.51 dB, respectively.")
    assert found == {("KiteSR", "BSD100", "27.64"), ("KiteSR", "Manga109", "30.51")}


def test_a_list_compared_with_as_long_a_list_pairs_with_its_benchmarks_in_order():
    found = results_of("We propose CraneRL, a credit assignment method. CraneRL lifts Qwen2.5-Math-7B to 45.9% on AIME 2024 and 82.7% on MATH500, "
                       "compared with 39.6% and 80.1% for PPO.")
    assert ("PPO", "AIME 2024", "39.6%") in found and ("PPO", "MATH500", "80.1%") in found


def test_a_versus_pair_in_brackets_gives_the_second_score_to_the_name_compared_with():
    found = results_of("We propose HawkOCR, a document model. HawkOCR matches GPT-4o on DocVQA (94.1 vs. 94.5).")
    assert found == {("HawkOCR", "DocVQA", "94.1"), ("GPT-4o", "DocVQA", "94.5")}
    found = results_of("We propose HawkOCR, a document model. HawkOCR outperforms LayoutLMv3 (91.3% vs. 87.2%) on DocVQA.")
    assert found == {("HawkOCR", "DocVQA", "91.3%"), ("LayoutLMv3", "DocVQA", "87.2%")}


def test_the_benchmark_the_scored_objects_come_from_beats_the_one_opening_the_sentence():
    found = results_of("We train TernGrasp, a grasp-quality network. On a UR5 arm with a parallel-jaw gripper, TernGrasp picks 89% of 40 objects "
                       "from the YCB object set.")
    assert ("TernGrasp", "YCB", "89%") in found


def test_a_while_gerund_clause_naming_a_metric_keeps_the_subject_of_a_clause_with_no_score():
    found = results_of("We call our decoder GullDec. On XSum, GullDec improves the FactCC score by 5.8 points while keeping ROUGE-L at 36.7.")
    assert found == {("GullDec", "XSum", "36.7")}
    found = results_of("We propose TernMA, a multi-agent learner. TernMA achieves reliable performance in LBF while using the critic at only 1% of steps.")
    assert not any(value == "1%" for _, _, value in found)


def test_a_name_whose_score_drops_to_a_value_owns_it():
    found = results_of("We propose TernFrame, a video generator. Under the VBench-Long protocol its consistency score stays at 95.8% after 60 seconds, "
                       "whereas Self-Forcing drops to 88.9%.")
    assert ("Self-Forcing", "VBench-Long", "88.9%") in found


def test_scores_right_after_a_colon_belong_to_who_announced_them():
    found = results_of("We introduce TernReID, a prompt-tuning method. Across three benchmarks, TernReID sets a new state of the art: "
                       "71.9% Rank-1 on Occluded-Duke, 91.2% mAP on Market-1501 and 83.1% mAP on DukeMTMC-reID.")
    assert found == {("TernReID", "Occluded-Duke", "71.9%"), ("TernReID", "Market-1501", "91.2%"), ("TernReID", "DukeMTMC-reID", "83.1%")}


def test_the_second_of_a_versus_pair_is_the_name_an_opening_phrase_compares_with():
    found = results_of("We introduce TernReID, a prompt-tuning method. Compared with TransReID, the strongest baseline, TernReID trains "
                       "fewer parameters yet exceeds its Rank-1 on Market-1501 (95.7% vs. 95.1%).")
    assert found == {("TernReID", "Market-1501", "95.7%"), ("TransReID", "Market-1501", "95.1%")}


def test_a_parenthesised_score_after_a_model_with_a_component_is_the_models():
    found = results_of("We present TernMix, a segmentation encoder. On ADE20K, TernMix-B reaches 49.1 mIoU, outperforming SegFormer-B2 (46.5 mIoU) "
                       "and Swin-T with UperNet (44.5 mIoU).")
    assert ("Swin-T", "ADE20K", "44.5") in found and not any(subject == "UperNet" for subject, _, _ in found)
