"""Results tied to the right subject and benchmark, on short abstracts written for these tests."""

from conftest import extract_one


def _results(title: str, abstract: str) -> set[tuple]:
    return {(r.subject, r.benchmark, r.value) for r in extract_one(title, abstract).results}


def test_a_benchmark_that_opens_the_phrase_owns_the_score_after_it():
    found = _results(
        "GlimmerNet: sparse event transformers",
        "We introduce GlimmerNet, a spiking transformer. On N-MNIST it attains 99.1% top-1 accuracy, on CIFAR10-DVS 81.5%, "
        "and on DVSGesture 97.7%.",
    )
    assert ("GlimmerNet", "N-MNIST", "99.1%") in found
    assert ("GlimmerNet", "CIFAR10-DVS", "81.5%") in found
    assert ("GlimmerNet", "DVSGesture", "97.7%") in found


def test_an_earlier_scores_benchmark_does_not_open_the_next_one():
    found = _results(
        "TernSeg: fast segmentation",
        "We present TernSeg, a real-time segmentation network. TernSeg reaches 77.1 mIoU on Cityscapes at 90 FPS and 43.0 mIoU on ADE20K.",
    )
    assert ("TernSeg", "ADE20K", "43.0") in found
    assert ("TernSeg", "Cityscapes", "77.1") in found


def test_a_bare_score_after_improves_from_counts_and_a_plug_in_backbone_is_no_subject():
    found = _results(
        "SliceBlend: mixing slices for segmentation",
        "Plugged into a 3D U-Net, SliceBlend improves the Dice score on BraTS 2021 from 0.871 to 0.899.",
    )
    assert ("SliceBlend", "BraTS 2021", "0.899") in found
    assert not any(subject == "U-Net" for subject, _, _ in found)


def test_a_score_for_an_article_and_a_model_belongs_to_that_model():
    found = _results(
        "DropChunks: regularising speech encoders",
        "We propose DropChunks. On LibriSpeech DropChunks reaches a WER of 2.5%, against 2.8% for a Conformer trained from scratch.",
    )
    assert ("Conformer", "LibriSpeech", "2.8%") in found


def test_a_score_of_something_unnamed_is_no_result():
    found = _results(
        "VoxTone: prosody flows",
        "We propose VoxTone. On LJSpeech listeners rate VoxTone at a MOS of 4.19, close to recordings (4.40).",
    )
    assert ("VoxTone", "LJSpeech", "4.19") in found
    assert not any(value == "4.40" for _, _, value in found)


def test_a_model_named_inside_the_scores_parentheses_owns_it():
    found = _results(
        "CodeFixer: issue resolution",
        "We evaluate on SWE-bench Verified. CodeFixer-72B resolves 30.1% of the issues, approaching closed models (31.5% of issues by GPT-4o).",
    )
    assert ("GPT-4o", "SWE-bench Verified", "31.5%") in found


def test_a_benchmark_with_its_short_form_opens_the_clause():
    found = _results(
        "LinkMix: messages for cooperative agents",
        "We propose LinkMix. On the Pixel Soccer League (PSL) it wins 81% of matches, compared with 60% for MAPPO, "
        "and it improves the goal difference in Google Research Football.",
    )
    assert ("LinkMix", "Pixel Soccer League", "81%") in found
    assert ("MAPPO", "Pixel Soccer League", "60%") in found


def test_a_list_of_scores_for_a_named_baseline_belongs_to_it():
    found = _results(
        "DropChunks: regularising speech encoders",
        "We propose DropChunks. On LibriSpeech DropChunks reaches a WER of 2.5% and 5.0%, against 2.8% and 5.7% for a Conformer.",
    )
    assert ("Conformer", "LibriSpeech", "2.8%") in found
    assert ("Conformer", "LibriSpeech", "5.7%") in found


def test_a_model_named_for_its_cost_is_no_subject():
    found = _results(
        "TokMerge: fewer video tokens",
        "We propose TokMerge. TokMerge runs at half the FLOPs of TimeSformer and transfers to UCF101 (96.1%).",
    )
    assert ("TokMerge", "UCF101", "96.1%") in found


def test_a_technique_incorporated_is_no_subject_and_the_performance_is_the_papers():
    found = _results(
        "CodeHand: data for software agents",
        "We evaluate CodeHand on SWE-bench Verified. With the incorporation of test-time scaling techniques, "
        "the performance further improves to 46.1% accuracy.",
    )
    assert ("CodeHand", "SWE-bench Verified", "46.1%") in found
    assert not any(subject == "test-time scaling" for subject, _, _ in found)


def test_a_setting_named_in_plain_words_is_where_the_score_was_measured():
    found = _results(
        "PlanktoBot: an agent for lab automation",
        "We introduce PlanktoBot, which we validate on WebShop. PlanktoBot reaches 71.2% accuracy in open-ended protocol planning tasks, "
        "surpassing GPT-4o. In real-world pipetting scenarios, it raises the success rate of Llama-3 70B from 12.0% to 64.5%. "
        "We fine-tune Phi-3 Mini on our traces, achieving a 93% success rate in our in-house test environment.",
    )
    assert ("PlanktoBot", "open-ended protocol planning tasks", "71.2%") in found
    assert ("Llama-3 70B", "real-world pipetting scenarios", "64.5%") in found
    assert ("Phi-3 Mini", "in-house test environment", "93%") in found


def test_a_score_in_the_setting_of_a_named_benchmark_keeps_the_benchmark():
    found = _results("ReefNet: coral segmentation", "We propose ReefNet. ReefNet reaches 48.2% mIoU on CoralSeg-5K in most cases.")
    assert ("ReefNet", "CoralSeg-5K", "48.2%") in found


def test_a_gain_in_points_is_no_result_whatever_the_metric_is_called():
    found = _results(
        "TermDec: terminology-aware decoding",
        "We propose TermDec. TermDec reaches 31.2 BLEU on IWSLT17 and gains 2.4 BLEU on a legal test set; "
        "on WMT19 it scores 4.1 chrF++ points above the baseline.",
    )
    assert ("TermDec", "IWSLT17", "31.2") in found
    assert not any(value in {"2.4", "4.1"} for _, _, value in found)


def test_an_error_lowered_to_a_value_is_a_result_and_the_value_it_came_from_is_the_baselines():
    found = _results(
        "KernRet: kernel retrieval for regression",
        "We propose KernRet and compare it with FT-Transformer. On Wine Quality KernRet lowers RMSE to 0.512 from 0.547 for FT-Transformer.",
    )
    assert ("KernRet", "Wine Quality", "0.512") in found
    assert ("FT-Transformer", "Wine Quality", "0.547") in found


def test_a_score_with_a_plus_before_the_percent_is_kept_as_written():
    found = _results("FoldGen: text to origami", "We propose FoldGen. Our method reaches a 90+% validity rate in a user study on OrigamiSet.")
    assert ("FoldGen", "OrigamiSet", "90+%") in found


def test_scores_compared_with_the_first_share_its_benchmark_even_when_listed_after_it():
    found = _results(
        "RingFeat: cycle counts for molecules",
        "We propose RingFeat. RingFeat reaches an MAE of 0.092 on ZINC-250K, compared with 0.151 for GIN and 0.118 for PNA, "
        "and it improves most targets of QM9.",
    )
    assert ("GIN", "ZINC-250K", "0.151") in found
    assert ("PNA", "ZINC-250K", "0.118") in found


def test_a_long_phrase_before_compared_with_keeps_the_first_scores_benchmark():
    found = _results(
        "TalkMix: messages for cooperative agents",
        "We propose TalkMix. On the Pixel Soccer League (PSL) it wins 79% of episodes on the hardest two-versus-three map, "
        "compared with 58% for MAPPO, and it improves the goal difference in Google Research Football.",
    )
    assert ("MAPPO", "Pixel Soccer League", "58%") in found


def test_names_in_an_opening_with_phrase_are_tools_not_who_scored():
    found = _results(
        "PatchRank: re-scoring proposals",
        "We propose PatchRank. With a Swin-T backbone and a Feature Pyramid Network, PatchRank reaches 44.0 mAP on DIOR.",
    )
    assert ("PatchRank", "DIOR", "44.0") in found
    assert {subject for subject, _, _ in found} == {"PatchRank"}


def test_a_name_followed_by_task_names_a_task_not_who_scored():
    found = _results(
        "CraftMind: agents for block worlds",
        'We study agents in Minecraft. The leading success rate for the "CollectObsidian" task stands at around 15%. '
        "We propose CraftMind, which reaches 48%.",
    )
    assert ("CraftMind", "Minecraft", "48%") in found
    assert not any(subject == "CollectObsidian" for subject, _, _ in found)


def test_a_hyphenated_owner_after_for_that_is_no_entity_owns_its_score():
    found = _results(
        "Pooling speaker embeddings",
        "We describe SpkPool, a pooling layer on top of an ECAPA-TDNN encoder. Tested on CN-Celeb, SpkPool obtains an EER of 8.1%, "
        "compared with 9.0% for ECAPA-TDNN and 11.2% for i-vectors.",
    )
    assert ("i-vectors", "CN-Celeb", "11.2%") in found
    assert not any(value == "11.2%" and subject != "i-vectors" for subject, _, value in found)


def test_a_list_of_scores_pairs_with_the_benchmarks_that_open_it_even_when_more_follow():
    found = _results(
        "SpectraGNN: spectral rewiring",
        "We propose SpectraGNN. On Cora, Citeseer and PubMed it reaches 83.5%, 72.4% and 79.9% accuracy, ahead of GCN; "
        "on the ogbn-products graph from the Open Graph Benchmark it reaches 81.0%.",
    )
    assert {("SpectraGNN", "Cora", "83.5%"), ("SpectraGNN", "Citeseer", "72.4%"), ("SpectraGNN", "PubMed", "79.9%")} <= found


def test_the_benchmark_that_opens_the_phrase_wins_over_a_larger_one_it_belongs_to():
    found = _results(
        "CuriousRainbow: novelty for value-based agents",
        "We propose CuriousRainbow. On the 57 Atari 2600 games of the Arcade Learning Environment (ALE) it reaches a median "
        "human-normalised score of 212%, and in Montezuma's Revenge it scores 8,100.",
    )
    assert ("CuriousRainbow", "Atari 2600", "212%") in found


def test_a_benchmark_no_entity_names_is_read_after_on_and_stays_out_of_the_entities():
    extraction = extract_one(
        "Gating depth cues",
        "We propose GateNav, a gating method for depth cues. GateNav reaches 0.38 SPL on Gibsonia and 31.7 BLEU on newsdev2031.",
    )
    found = {(r.subject, r.benchmark, r.value) for r in extraction.results}
    assert ("GateNav", "Gibsonia", "0.38") in found
    assert ("GateNav", "newsdev2031", "31.7") in found
    names = {e.name: e.type for e in extraction.entities}
    assert "Gibsonia" not in names  # a plain capitalised word: read for the result, no entity
    assert names.get("newsdev2031") == "Benchmark"  # a dataset's shape after "on" in a sentence with a score (`kg.extract.scored_names`)


def test_a_part_of_the_paper_hardware_or_a_metric_after_on_is_no_benchmark():
    found = _results(
        "PackNet3: pruning detectors",
        "We propose PackNet3, evaluated on COCO. PackNet3 reaches 40.2% AP in Table 3. It keeps 38.5% AP on Xavier GPUs. "
        "It reaches 36.0 on MOTA at the smallest size.",
    )
    assert ("PackNet3", "COCO", "40.2%") in found
    assert ("PackNet3", "COCO", "38.5%") in found
    assert ("PackNet3", "COCO", "36.0") in found


def test_from_a_to_b_after_a_benchmark_is_on_that_benchmark_not_the_next():
    found = _results(
        "LayerMix: mixing slices",
        "We propose LayerMix. It raises the mean Dice score on KiTS19 from 0.861 to 0.884 and on the Prostatex collection from 0.701 to 0.733.",
    )
    assert ("LayerMix", "KiTS19", "0.884") in found
    assert ("LayerMix", "Prostatex", "0.733") in found


def test_it_and_the_encoder_refer_to_the_name_of_the_sentence_before():
    found = _results(
        "Reading order helps form understanding",
        "We continue pretraining LayoutLMv3 with a reading-order loss and name the result RO-Form. It improves F1 on FUNSD from 89.9 to 91.2. "
        "We also train ViT-S/16 on our scans. Fine-tuned, the encoder reaches 77.5% accuracy on RVL-CDIP.",
    )
    assert ("RO-Form", "FUNSD", "91.2") in found
    assert ("ViT-S/16", "RVL-CDIP", "77.5%") in found


def test_the_policy_does_not_refer_back_to_a_term_of_art():
    found = _results(
        "Blind stair climbing",
        "We train a recurrent policy with PPO in Isaac Gym and a teacher-student scheme for sim-to-real transfer. "
        "Deployed on a Unitree Go1, the policy climbs stairs with a 91% success rate.",
    )
    assert not any(subject == "sim-to-real transfer" for subject, _, _ in found)


def test_a_benchmark_that_opens_scores_without_a_verb_repeats_who_scored_before():
    found = _results(
        "Trees or nets for mid-sized tables",
        "We compare LightGBM with TabNet on OpenML tasks. On the Bank Marketing data TabNet reaches 90.1% accuracy against 91.0% for LightGBM, "
        "and on Covtype 88.2% against 93.5%.",
    )
    assert ("TabNet", "Covtype", "88.2%") in found
    assert ("LightGBM", "Covtype", "93.5%") in found


def test_a_score_for_an_unnamed_policy_is_no_result():
    found = _results(
        "TouchPeg: tactile insertion",
        "We propose TouchPeg, trained with SAC. On a Franka Emika Panda arm, TouchPeg inserts pegs in 82% of trials, against 49% for a camera-only policy.",
    )
    assert ("TouchPeg", "Franka Emika Panda", "82%") in found
    assert not any(value == "49%" for _, _, value in found)


def test_a_name_that_owns_a_compared_score_is_not_who_scored_the_next_one():
    found = _results(
        "Phoneme transfer for small languages",
        "Starting from a VITS model, we build PhonoTTS. On YorCorp-2h, PhonoTTS reaches a mean opinion score of 3.84 against 3.37 for VITS "
        "trained from scratch, and a character error rate of 9.1% when transcribed by an ASR model.",
    )
    assert ("PhonoTTS", "YorCorp-2h", "9.1%") in found
    assert ("VITS", "YorCorp-2h", "3.37") in found


def test_completing_subtasks_states_a_score():
    found = _results(
        "Chaining skills for kitchens",
        "We propose SkillLinker, a hierarchical planning method. In the FrankaKitchen environment, SkillLinker completes 3.2 of 4 subtasks per episode.",
    )
    assert ("SkillLinker", "FrankaKitchen", "3.2") in found


def test_the_model_refers_back_to_the_name_that_was_built_not_to_its_tool():
    found = _results(
        "Sparse attention for point clouds",
        "We build PillarAttn-S, a sparse attention network over occupied pillars, and train it with the CenterPoint detection head. "
        "The model reaches 66.1 mAP on the nuScenes test set.",
    )
    assert ("PillarAttn-S", "nuScenes", "66.1") in found
    assert not any(subject == "CenterPoint" for subject, _, _ in found)


def test_a_range_after_of_is_a_score_and_a_span_of_years_is_not():
    found = _results(
        "ChessMind: a search agent for chess variants",
        "We propose ChessMind, trained on games of 2012-2020 and evaluated on Lichess. ChessMind attains a rating of 1850-1950 on Lichess, "
        "with 61.5% wins against Stockfish level 4.",
    )
    assert ("ChessMind", "Lichess", "1850-1950") in found
    assert not any(value == "2012-2020" for _, _, value in found)


def test_a_share_saved_is_no_score():
    found = _results(
        "QueryGate: routing queries",
        "We propose QueryGate. QueryGate reaches 48.3% exact match on NaturalQuestions, with 37.5% in saved computation.",
    )
    assert ("QueryGate", "NaturalQuestions", "48.3%") in found
    assert not any(value == "37.5%" for _, _, value in found)


def test_a_colon_ends_the_clause_that_names_the_object_of_the_work():
    found = _results(
        "EvoCoder: evolving networks with language models",
        "We propose EvoCoder. Our application of EvoCoder to the SqueezeNetV3 model shows its worth: it raises accuracy on CIFAR-10 "
        "from 91.2% to 92.8%.",
    )
    assert ("EvoCoder", "CIFAR-10", "92.8%") in found
    assert not any(subject == "SqueezeNetV3" for subject, _, _ in found)


def _metrics(title: str, abstract: str) -> dict[str, str | None]:
    return {r.value: r.metric for r in extract_one(title, abstract).results}


def test_the_metric_is_the_one_the_sentence_names_acronyms_in_their_own_case():
    metrics = _metrics(
        "VoxNet-T: sparse attention for point clouds",
        "We propose VoxNet-T. VoxNet-T reaches 67.0 mAP and 71.9 NDS on nuScenes, 44.2 box AP on COCO and 82.5% top-1 accuracy on ModelNet40. "
        "On VoxCeleb1-O, VoxNet-T obtains an EER of 0.91%, and on LJSpeech a mean opinion score of 4.05. "
        "On FUNSD it improves F1 from 88.1 to 90.4, and on CamVid it keeps a mean Dice score of 0.812.",
    )
    assert metrics == {"67.0": "mAP", "71.9": "NDS", "44.2": "box AP", "82.5%": "top-1 accuracy", "0.91%": "EER", "4.05": "mean opinion score",
                       "90.4": "F1", "0.812": "Dice score"}


def test_a_metric_of_no_one_in_the_next_sentence_is_the_last_scorers_and_human_accuracy_is_not():
    found = _results(
        "Attribute prompts for zero-shot recognition",
        "We build on CLIP and name our prompt weighting AttrWeigh. With a ViT-B/32 encoder, AttrWeigh raises top-1 accuracy on Flowers102 "
        "from 66.0% to 71.3%. The gains shrink on ImageNet, where accuracy moves from 63.2% to 63.9%. Human accuracy on Flowers102 is 96.5%.",
    )
    assert ("AttrWeigh", "ImageNet", "63.9%") in found
    assert not any(value == "96.5%" for _, _, value in found)


def test_a_sentence_that_goes_on_from_the_last_takes_its_subject_and_each_from_to_score_its_own_benchmark():
    found = _results(
        "Rubric-guided grading",
        "We study rubric-guided prompting for short-answer grading with two open models. Across six datasets, "
        "rubric-guided prompting consistently outperforms plain prompting. Notably, accuracy on QuizBank rises from 51.0% "
        "to 66.4%, and on Pocket Physics from 40.2% to 71.9%.",
    )
    assert ("rubric-guided prompting", "QuizBank", "66.4%") in found
    assert ("rubric-guided prompting", "Pocket Physics", "71.9%") in found
    assert not any(value in {"51.0%", "40.2%"} for _, _, value in found)


def test_a_score_sentence_with_no_subject_and_no_link_to_the_last_states_no_result():
    found = _results(
        "Sensor drift",
        "Thermometers drift over months. Our survey finds that RoomTemp outperforms older sensors. Accuracy of cheap sensors on HomeLog is 61.0%.",
    )
    assert not any(value == "61.0%" for _, _, value in found)


def test_a_name_after_an_opening_benchmark_is_who_scored_not_a_backbone():
    """"On MovieLens-1M X reaches": the name between "on" and X is where, not what X is built on."""
    found = _results(
        "Precomputed propagation for recommendation",
        "We propose PropNet, which precomputes propagated embeddings. On MovieLens-1M PropNet reaches a Recall@20 of 0.278.",
    )
    assert ("PropNet", "MovieLens-1M", "0.278") in found


def test_a_compared_score_with_a_unit_before_for_is_its_owners():
    found = _results(
        "SplatLite: few-view splatting",
        "We propose SplatLite. On LLFF, SplatLite reaches a PSNR of 20.9 dB, against 19.6 dB for FreeNeRF and 19.1 dB for DNGaussian.",
    )
    assert ("FreeNeRF", "LLFF", "19.6") in found
    assert ("DNGaussian", "LLFF", "19.1") in found
    assert ("SplatLite", "LLFF", "19.6") not in found


def test_a_compared_score_goes_to_a_capitalised_owner_and_never_to_an_unnamed_one():
    found = _results(
        "MomentLite: a memory-light optimizer",
        "We propose MomentLite, an optimizer. On OpenWebText, MomentLite reaches a perplexity of 18.4, compared with 18.9 "
        "for AdamW, 18.6 for Sophia and 20.1 for random initialisation.",
    )
    assert ("Sophia", "OpenWebText", "18.6") in found
    assert not any(value == "20.1" for _, _, value in found)


def test_names_and_scores_listed_alike_pair_in_order():
    found = _results(
        "PegRes: residual policies for insertion",
        "We propose PegRes. On Meta-World PegRes succeeds in 96% of episodes, whereas TD3 and PPO reach 61% and 43%.",
    )
    assert ("TD3", "Meta-World", "61%") in found
    assert ("PPO", "Meta-World", "43%") in found
    assert ("TD3", "Meta-World", "43%") not in found


def test_a_model_in_an_applied_to_phrase_is_a_tool_not_who_scored():
    found = _results(
        "RepairLoop: execution-guided self-repair",
        "We present RepairLoop. Applied to CodeLlama-7B, RepairLoop raises pass@1 on HumanEval from 33.5% to 51.2%.",
    )
    assert ("RepairLoop", "HumanEval", "51.2%") in found
    assert not any(subject == "CodeLlama-7B" for subject, _, _ in found)


def test_the_object_of_a_comparison_is_not_who_scored():
    found = _results(
        "IntentRec: sessions for recommendation",
        "We propose IntentRec. On MovieLens-20M, IntentRec matches SASRec with an NDCG@10 of 0.1582.",
    )
    assert ("IntentRec", "MovieLens-20M", "0.1582") in found
    assert not any(subject == "SASRec" for subject, _, _ in found)


def test_an_average_on_the_one_benchmark_that_opens_the_sentence_is_on_it():
    found = _results(
        "MomentLite: a memory-light optimizer",
        "We introduce MomentLite, an optimizer. On the GLUE benchmark, MomentLite reaches an average score of 86.1 when fine-tuning RoBERTa-base.",
    )
    assert ("MomentLite", "GLUE", "86.1") in found


def test_shares_of_the_labels_are_no_scores_and_a_mean_metric_is_no_average():
    found = _results(
        "RadPair: report-supervised pretraining",
        "We introduce RadPair, a pretraining method. We then fine-tune on CheXpert with 1%, 10% and 100% of the labels. "
        "With 1% of the labels, RadPair reaches a mean AUROC of 87.1, against 85.0 for MedCLIP.",
    )
    assert not any(value in {"1%", "10%", "100%"} for _, _, value in found)
    assert ("RadPair", "CheXpert", "87.1") in found
    assert ("MedCLIP", "CheXpert", "85.0") in found


def test_a_name_written_as_the_metric_is_not_who_scored():
    found = _results(
        "KeyTune: beat-aware audio generation",
        "We propose KeyTune, a diffusion model for audio. On AudioCaps, KeyTune obtains a FAD of 1.91 and a CLAP score of 0.41.",
    )
    assert ("KeyTune", "AudioCaps", "0.41") in found
    assert not any(subject == "CLAP" for subject, _, _ in found)


def test_a_name_after_a_mean_is_the_metric_and_an_opening_gerund_phrase_is_the_method_at_work():
    found = _results(
        "FoldFix: refining protein structures",
        "We introduce FoldFix, a refinement network. On the CASP14 targets, refining AlphaFold2 predictions raises the mean GDT-TS "
        "from 70.2 to 72.9.",
    )
    assert ("FoldFix", "CASP14", "72.9") in found
    assert not any(subject in {"GDT-TS", "AlphaFold2"} for subject, _, _ in found)


def test_whole_number_scores_a_metric_names_and_those_compared_with_them():
    found = _results(
        "GlobeNet: spherical weather forecasting",
        "We present GlobeNet, a forecasting model. On WeatherBench, GlobeNet attains a 3-day RMSE of 204, against 221 for "
        "FourCastNet and 236 for Pangu-Weather. It was trained on 40 years of reanalysis.",
    )
    assert ("GlobeNet", "WeatherBench", "204") in found
    assert ("FourCastNet", "WeatherBench", "221") in found
    assert ("Pangu-Weather", "WeatherBench", "236") in found
    assert not any(value == "40" for _, _, value in found)


def test_scores_on_the_two_benchmarks_pair_in_order_with_the_ones_named_before():
    found = _results(
        "SortTrack: motion-only tracking",
        "We propose SortTrack, a tracker. SortTrack obtains 62.0 HOTA on MOT17 and 60.5 HOTA on MOT20, while OC-SORT reaches "
        "61.2 and 59.0 HOTA on the two benchmarks.",
    )
    assert ("OC-SORT", "MOT17", "61.2") in found
    assert ("OC-SORT", "MOT20", "59.0") in found


def test_a_part_of_a_benchmark_is_not_the_benchmark():
    found = _results(
        "PointMix: fusing points and voxels",
        "We present PointMix, a segmentation network. PointMix reaches 72.3 mIoU on Area 5 of S3DIS.",
    )
    assert ("PointMix", "S3DIS", "72.3") in found


def test_a_model_in_a_transferred_to_phrase_is_a_tool_not_who_scored():
    found = _results(
        "ProxyMix: training-free search",
        "We propose ProxyMix, a search method. Transferred to the MobileNetV2 search space, the network it finds reaches "
        "76.9% top-1 accuracy on ImageNet.",
    )
    assert ("ProxyMix", "ImageNet", "76.9%") in found
    assert not any(subject == "MobileNetV2" for subject, _, _ in found)


def test_a_preference_share_is_the_preferred_ones_on_no_benchmark_and_a_from_value_is_no_result():
    found = _results(
        "TempoNet: steady music generation",
        "We propose TempoNet, a music generator. In a listening test, TempoNet clips were judged steadier than those of "
        "MusicLM in 68% of pairs. On the DNS test set it improves PESQ from 2.41 for the noisy input to 3.10.",
    )
    assert ("TempoNet", None, "68%") in found and not any(subject == "MusicLM" for subject, _, _ in found)
    assert not any(value == "2.41" for _, _, value in found)
    assert ("TempoNet", "DNS", "3.10") in found


def test_the_version_written_after_a_name_stays_with_who_scored():
    found = _results(
        "VoxNet: segmentation",
        "We present VoxNet, a segmentation network. On S3DIS, VoxNet reaches 73.5 mIoU, while Point Transformer V3 obtains 73.4.",
    )
    assert ("Point Transformer V3", "S3DIS", "73.4") in found


def test_a_gerund_phrase_after_a_colon_is_the_method_at_work_and_clean_accuracy_has_no_owner_named():
    found = _results(
        "EdgeAT: edge-aware adversarial training",
        "We propose EdgeAT, an adversarial training method. EdgeAT reaches 58.2% robust accuracy on CIFAR-10. "
        "Clean accuracy on CIFAR-10 is 84.9%. It also combines with synthetic data: adding 2M generated images raises "
        "robust accuracy on CIFAR-10 to 60.7%.",
    )
    assert ("EdgeAT", "CIFAR-10", "84.9%") in found
    assert ("EdgeAT", "CIFAR-10", "60.7%") in found


def test_a_benchmark_after_a_semicolon_is_not_the_one_of_the_score_before_it():
    found = _results(
        "NovaQ: conservative offline learning",
        "We propose NovaQ, an offline RL method. Trained on D4RL, NovaQ reaches a normalised score of 88.6; on AntMaze it matches IQL.",
    )
    assert ("NovaQ", "D4RL", "88.6") in found


def test_a_score_on_a_dataset_from_a_suite_is_on_the_dataset():
    found = _results(
        "CurvNet: curvature-aware graph networks",
        "We propose CurvNet, a graph network. Evaluated on MUTAG from the Open Graph Benchmark, CurvNet reaches 91.2%.",
    )
    assert ("CurvNet", "MUTAG", "91.2%") in found


def test_a_name_found_as_a_benchmark_that_scores_is_who_scored_and_a_leaderboard_version_is_no_score():
    found = _results(
        "RouteMix: counterfactual routes for driving",
        "We present RouteMix, which perturbs routes in the CARLA simulator. On the Bench2Drive benchmark RouteMix achieves a "
        "driving score of 58.1, and on the CARLA Leaderboard 2.0 it ranks second.",
    )
    assert ("RouteMix", "Bench2Drive", "58.1") in found
    assert not any(value == "2.0" for _, _, value in found)


def test_a_capitalised_word_between_on_and_a_benchmark_names_its_variant():
    found = _results(
        "ProtoKeep: exemplar-free continual learning",
        "We propose ProtoKeep, a continual learner. On Split CIFAR-100 with 10 tasks it reaches 67.2%, compared with 63.0% for DER++.",
    )
    assert ("ProtoKeep", "Split CIFAR-100", "67.2%") in found
    assert ("DER++", "Split CIFAR-100", "63.0%") in found


def test_a_score_that_goes_on_with_the_subjects_metrics_is_measured_for_a_variable_not_scored_by_it():
    found = _results(
        "GridCast: weather forecasting on the sphere",
        "We present GridCast, a forecasting model. On WeatherBench, GridCast attains a 5-day RMSE of 0.81, against 0.86 for GraphCast, "
        "and a 10-day anomaly correlation of 0.62 for T850.",
    )
    assert ("GridCast", "WeatherBench", "0.62") in found
    assert ("GraphCast", "WeatherBench", "0.86") in found
    assert not any(subject == "T850" for subject, _, _ in found)


def test_a_target_that_a_cost_is_counted_to_is_no_score_and_a_compared_name_does_not_score_later():
    found = _results(
        "DriftFix: federated learning under drift",
        "We propose DriftFix, a federated method. DriftFix needs 2.5 times fewer rounds than FedProx to reach 65% accuracy on CIFAR-10. "
        "DriftFix reaches 71.8 mIoU on Cityscapes, 1.2 points above SegFormer, and on the ADE20K benchmark it achieves 45.0 mIoU.",
    )
    assert not any(value == "65%" for _, _, value in found)
    assert ("DriftFix", "ADE20K", "45.0") in found
    assert not any(subject == "SegFormer" for subject, _, _ in found)


def test_the_object_of_it_improves_is_the_metric_not_who_scored():
    found = _results(
        "EchoClean: causal speech enhancement",
        "We propose EchoClean, a causal enhancer. On the VoiceBank test set it improves SIG-MOS from 2.9 to 3.41.",
    )
    assert ("EchoClean", "VoiceBank", "3.41") in found


def test_a_compared_name_no_entity_covers_owns_the_score_in_parentheses_after_it():
    found = _results(
        "DenseLite: distilled retrieval",
        "We propose DenseLite, a dense retriever. On BEIR, DenseLite achieves an nDCG@10 of 49.1, above Quillrank (47.2).",
    )
    assert ("Quillrank", "BEIR", "47.2") in found
    assert ("DenseLite", "BEIR", "47.2") not in found


def test_a_name_written_as_a_set_scored_on_is_the_benchmark_whatever_its_type():
    found = _results(
        "FoldPolish: structure refinement",
        "We introduce FoldPolish, a refinement network. On 300 recent CAMEO targets FoldPolish reaches a mean lDDT of 84.0, "
        "compared with 82.7 for AlphaFold2.",
    )
    assert ("FoldPolish", "CAMEO", "84.0") in found
    assert ("AlphaFold2", "CAMEO", "82.7") in found


def test_a_percentage_after_a_word_of_gain_or_bound_is_relative_and_no_result():
    found = _results(
        "QuillNet: careful arithmetic",
        "We present QuillNet, a reasoning model. QuillNet reaches 71.2% on GSM8K, a gain of 4.1% over its base model, "
        "beats it by 2.3% on MATH, is within 1.5% of the teacher on SVAMP and cuts errors by a margin of 9.0% on ASDiv.",
    )
    assert found == {("QuillNet", "GSM8K", "71.2%")}


def test_numbers_joined_by_colons_are_a_range_and_a_temporal_iou_is_a_metric():
    found = extract_one(
        "Localising actions",
        "We present ZetaHead. ZetaHead reaches 69.8% mAP on THUMOS14 over tIoU thresholds 0.3:0.1:0.7, compared with 69.3% for TriDet.",
    )
    values = {r.value for r in found.results}
    assert {"69.8%", "69.3%"} <= values and not values & {"0.3", "0.1", "0.7"}
    assert "tIoU" not in {e.name for e in found.entities}


def test_a_number_after_at_a_threshold_is_the_setting_not_a_score():
    found = _results(
        "Localising actions",
        "We present ZetaHead. ZetaHead reaches 73.1% mAP on THUMOS14 at tIoU 0.5, and an AP of 41.2 at a threshold of 0.7.",
    )
    assert {value for _, _, value in found} == {"73.1%", "41.2"}
