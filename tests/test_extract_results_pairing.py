"""Scores paired with who scored them and where, in phrasings written for these tests (invented names, no corpus text)."""

from conftest import results_of


def test_the_end_of_a_change_is_a_score_whatever_verb_makes_it():
    found = results_of("We introduce QuillStep, a decoding method. QuillStep lifts accuracy on GSM8K from 85.2% to 91.7% and on Brantmath from 49.8 to 58.3.")
    assert found == {("QuillStep", "GSM8K", "91.7%"), ("QuillStep", "Brantmath", "58.3")}


def test_a_metric_after_a_bare_number_says_the_sentence_states_scores():
    found = results_of("We propose Fennel, a segmenter. Our variant Fennel-L (51.4 mIoU on ADE20K, 80.2 on Cityscapes) runs at 40 FPS, "
                       "while Marrow-Net (49.9 mIoU on ADE20K) runs at 12 FPS.")
    assert found == {("Fennel-L", "ADE20K", "51.4"), ("Fennel-L", "Cityscapes", "80.2"), ("Marrow-Net", "ADE20K", "49.9")}


def test_a_duration_after_a_percentage_is_still_no_score():
    found = results_of("We propose Pebblesearch, a search method. Pebblesearch finds networks with 93.1% accuracy on CIFAR-10 after 0.4 GPU-hours of search.")
    assert found == {("Pebblesearch", "CIFAR-10", "93.1%")}


def test_a_table_flattened_into_names_and_bare_numbers():
    found = results_of("We present Okapi-9B, a vision-language model. Results (accuracy, %): ChartQA: Okapi-9B 71.2, Gnu-VL-9B 66.0; "
                       "DocVQA: Okapi-9B 88.5, Gnu-VL-9B 85.1.")
    assert found == {("Okapi-9B", "ChartQA", "71.2"), ("Gnu-VL-9B", "ChartQA", "66.0"),
                     ("Okapi-9B", "DocVQA", "88.5"), ("Gnu-VL-9B", "DocVQA", "85.1")}


def test_one_name_and_a_bare_number_is_no_table():
    found = results_of("We present Okapi-9B, a vision-language model trained on 2.5 trillion tokens. It follows Gnu-VL-9B 1.5 in its design.")
    assert found == set()


def test_the_same_two_benchmarks_are_the_ones_named_before():
    found = results_of("We propose SpanWeave, a context extension method. Zephyrine-7B equipped with SpanWeave scores 78.9 on RULER and 45.2 on "
                       "LongBench, while the unmodified Zephyrine-7B obtains 61.3 and 40.8 on the same two benchmarks.")
    assert ("Zephyrine-7B", "RULER", "61.3") in found and ("Zephyrine-7B", "LongBench", "40.8") in found


def test_a_hyphenated_split_word_is_a_split_of_the_benchmark_named_before():
    found = results_of("We propose Warbler, a streaming recogniser. On LibriSpeech test-clean and test-other, Warbler reaches word error rates of "
                       "2.0% and 4.4%, and 8.1% on CHiME-6. Nightjar-2 yields 2.6% on test-clean and 11.9% on CHiME-6.")
    assert ("Nightjar-2", "LibriSpeech", "2.6%") in found and ("Nightjar-2", "CHiME-6", "11.9%") in found


def test_a_benchmark_written_as_the_metric_name_is_where_it_scored_not_who():
    found = results_of("We propose Tamarind, a steering method. Tamarind cuts the attack success rate on HarmBench to 3.9%, and keeps an "
                       "MT-Bench score of 8.04.")
    assert found == {("Tamarind", "HarmBench", "3.9%"), ("Tamarind", "MT-Bench", "8.04")}


def test_a_compared_score_is_on_the_benchmark_of_the_score_before_past_the_start_of_a_change():
    found = results_of("We propose Tamarind, a steering method. Tamarind cuts the attack success rate on HarmBench to 3.9% (from 26.0% for "
                       "the base model), outperforming Sentry-Guard-2 (8.8%), and keeps an MT-Bench score of 8.04.")
    assert ("Sentry-Guard-2", "HarmBench", "8.8%") in found and ("Tamarind", "MT-Bench", "8.04") in found


def test_a_margin_clause_ends_at_its_comma_and():
    found = results_of("We propose Tamarind, a steering method. Tamarind beats Sentry-Guard-2 by a wide margin on HarmBench, and keeps an "
                       "MT-Bench score of 8.04.")
    assert found == {("Tamarind", "MT-Bench", "8.04")}
    found = results_of("We propose Tamarind, a method. It beats earlier methods by a large margin (e.g., ~9% on HarmBench, and ~3% on XSTest).")
    assert found == set()


def test_a_list_of_scores_with_no_benchmark_pairs_with_the_sentences_earlier_benchmarks():
    found = results_of("We propose Plinth, a spoofing detector. Plinth achieves an equal error rate of 0.74% on ASVspoof 2019 and 2.71% on "
                       "ASVspoof 2021, where Bastion-Net records 0.83% and 3.42%.")
    assert ("Bastion-Net", "ASVspoof 2019", "0.83%") in found and ("Bastion-Net", "ASVspoof 2021", "3.42%") in found


def test_a_metric_of_no_one_after_a_result_is_the_subject_of_that_sentence_not_its_baseline():
    found = results_of("We train Corvid-14B, a function-calling model. Corvid-14B scores 74.5 on API-Bank against 69.9 for Heron-70B. "
                       "On the harder multi-turn split of API-Bank, accuracy falls to 31.6%.")
    assert ("Corvid-14B", "API-Bank", "31.6%") in found and ("Heron-70B", "API-Bank", "31.6%") not in found


def test_a_preference_share_is_a_score_of_the_one_preferred():
    found = results_of("We propose Loomframe, a video generator. In a user study with 30 participants, Loomframe is preferred over "
                       "Skein-V2 in 64% of pairwise comparisons.")
    assert found == {("Loomframe", None, "64%")}
    found = results_of("We propose Loomframe, a video generator. On VBench, Loomframe scores 84.1%. Raters preferred Loomframe over "
                       "Skein-V2 in 64% of pairs on the Tapestry prompts.")
    assert ("Loomframe", "Tapestry", "64%") in found


def test_a_score_on_a_variant_of_a_benchmark_is_on_the_benchmark():
    found = results_of("We propose Quillpoint, a point cloud classifier. It achieves 93.8% overall accuracy on ModelNet40 with 1k points and "
                       "88.9% on the hardest T50 variant of ScanObjectNN, surpassing Pointwise-BERT (82.7%) on the latter.")
    assert found == {("Quillpoint", "ModelNet40", "93.8%"), ("Quillpoint", "ScanObjectNN", "88.9%"), ("Pointwise-BERT", "ScanObjectNN", "82.7%")}


def test_who_scored_may_be_named_after_the_scores():
    found = results_of("We propose Gannet3D, a promptable segmenter. A Dice score of 0.874 on BraTS 2021 and of 0.851 on KiTS23 puts "
                       "Gannet3D ahead of Shrike-Net (0.869 and 0.838).")
    assert found == {("Gannet3D", "BraTS 2021", "0.874"), ("Gannet3D", "KiTS23", "0.851"),
                     ("Shrike-Net", "BraTS 2021", "0.869"), ("Shrike-Net", "KiTS23", "0.838")}


def test_a_share_of_the_data_before_who_scored_is_no_score_of_theirs():
    found = results_of("We propose Gannet3D, a segmenter. Using only 10% of the seed labels, Gannet3D reaches a Dice score of 0.874 on BraTS 2021.")
    assert found == {("Gannet3D", "BraTS 2021", "0.874")}


def test_a_number_a_named_metric_is_is_a_score():
    found = results_of("We propose Tansy, a sequential recommender. On MovieLens-1M, Tansy records an NDCG@10 of 0.209. "
                       "Its Recall@20 on MovieLens-1M is 0.327.")
    assert found == {("Tansy", "MovieLens-1M", "0.209"), ("Tansy", "MovieLens-1M", "0.327")}


def test_the_whole_number_a_change_of_a_metric_ends_at_is_a_score_before_any_other():
    found = results_of("We introduce Skua-Cast, a forecasting network. Skua-Cast lowers the 5-day Z500 RMSE on WeatherBench 2 to 318, "
                       "compared with 333 for GraphCast. Its wind error is 2.05 on the same benchmark.")
    assert {("Skua-Cast", "WeatherBench 2", "318"), ("GraphCast", "WeatherBench 2", "333")} <= found


def test_a_whole_number_reached_in_steps_is_no_score():
    found = results_of("We propose Tansy, a recommender. Tansy cuts training to 12 hours and raises the batch size to 4096. "
                       "It reaches an NDCG@10 of 0.209 on MovieLens-1M.")
    assert found == {("Tansy", "MovieLens-1M", "0.209")}


def test_the_agent_after_an_opening_benchmark_phrase_refers_to_the_name_before():
    found = results_of("Kestrel-Desk is a computer-use agent that verifies each action. On OSWorld the agent completes 33.1% of tasks, "
                       "against 24.0% for UI-Wren-72B.", "Kestrel-Desk: verified screen agents")
    assert found == {("Kestrel-Desk", "OSWorld", "33.1%"), ("UI-Wren-72B", "OSWorld", "24.0%")}


def test_a_name_and_a_colon_own_the_score_after_them_on_the_benchmark_of_the_score_before():
    found = results_of("We propose Pipit, a click model. On the Baidu-ULTR dataset, Pipit attains an nDCG@10 of 0.449 (DLA: 0.430, "
                       "PBM: 0.417).")
    assert found == {("Pipit", "Baidu-ULTR", "0.449"), ("DLA", "Baidu-ULTR", "0.430"), ("PBM", "Baidu-ULTR", "0.417")}


def test_a_metric_lowered_to_a_score_is_no_one_who_scored():
    found = results_of("We propose LatticeWing, a crystal generator. On MP-20, LatticeWing raises the match rate from 55.1% to 62.4% "
                       "and lowers the RMSD to 0.043.")
    assert found == {("LatticeWing", "MP-20", "62.4%"), ("LatticeWing", "MP-20", "0.043")}


def test_a_compared_score_of_a_name_is_that_names():
    found = results_of("We propose Vireo, a tool-use agent. Vireo reaches 72.3% accuracy on GAIA, compared to 65.1% of Heron-72B.")
    assert found == {("Vireo", "GAIA", "72.3%"), ("Heron-72B", "GAIA", "65.1%")}


def test_a_relative_clause_gives_its_name_the_score():
    found = results_of("We propose Vireo, a tool-use agent. Vireo-8B scores 41.2 on GAIA, a 3.3-point gain over Heron-72B, which scores 37.9.")
    assert found == {("Vireo-8B", "GAIA", "41.2"), ("Heron-72B", "GAIA", "37.9")}


def test_scores_set_against_each_other_without_parentheses_after_a_comparison_by_our_model():
    found = results_of("We propose Vireo, a tool-use agent. Notably, our 8B model surpasses Heron-72B on GAIA, achieving 41.2 versus 37.9.")
    assert found == {("Vireo", "GAIA", "41.2"), ("Heron-72B", "GAIA", "37.9")}


def test_a_name_after_relative_to_is_what_the_scores_are_set_against():
    found = results_of("We propose Wren, a recommender. Relative to SASRec, Wren lifts HR@10 on Amazon-Beauty to 0.0712 and NDCG@10 to 0.0431.")
    assert found == {("Wren", "Amazon-Beauty", "0.0712"), ("Wren", "Amazon-Beauty", "0.0431")}


def test_a_colon_score_after_a_score_on_a_benchmark_is_on_that_benchmark():
    found = results_of("We propose Wren, a language model. Wren-70B is competitive with Heron-4o, scoring 88.1 on MMLU (Heron-4o: 88.7) "
                       "and 76.0 on MATH (Heron-4o: 76.6).")
    assert found == {("Wren-70B", "MMLU", "88.1"), ("Heron-4o", "MMLU", "88.7"), ("Wren-70B", "MATH", "76.0"), ("Heron-4o", "MATH", "76.6")}


def test_a_compared_score_that_names_its_own_benchmark_keeps_it():
    found = results_of("We propose Wren, a segmenter. Wren reaches 78.0 mIoU on Cityscapes and 44.3 mIoU on ADE20K, ahead of "
                       "Heron-B0 (76.0 mIoU on Cityscapes).")
    assert ("Heron-B0", "Cityscapes", "76.0") in found


def test_a_name_after_under_is_a_tool_not_who_scored():
    found = results_of("We propose Finch, a cache eviction method. With a 10% budget, Heron-8B-Instruct keeps most of its score on "
                       "LongBench under Finch, and its accuracy on RULER stays at 91.1%.")
    assert found == {("Heron-8B-Instruct", "RULER", "91.1%")}


def test_a_share_that_restates_a_count_of_a_benchmarks_tasks_is_on_that_benchmark():
    found = results_of("We propose Weaverbird, a planner for text agents. Our planner completes 90 of 134 ALFWorld tasks (67.2%) and "
                       "averages a score of 56.1 on ScienceWorld, against 50.7% and 44.2 for ReAct.")
    assert found == {("Weaverbird", "ALFWorld", "67.2%"), ("Weaverbird", "ScienceWorld", "56.1"),
                     ("ReAct", "ALFWorld", "50.7%"), ("ReAct", "ScienceWorld", "44.2")}


def test_a_score_right_after_a_margin_clause_and_a_comma_and_is_a_score():
    found = results_of("We propose Tamarind, a steering method. Tamarind cuts the attack success rate on HarmBench to 3.9%, "
                       "outperforming Sentry-Guard-2 (8.8%) by a wide margin, and keeps an MT-Bench score of 8.04.")
    assert ("Tamarind", "MT-Bench", "8.04") in found


def test_a_while_clause_with_no_benchmark_takes_the_benchmark_of_the_score_before():
    found = results_of("We propose Loonbot, a multi-task policy. In Meta-World, Loonbot succeeds in 86.0% of episodes across the ML10 "
                       "tasks, while HeronPolicy reaches 73.5% and BC-Q 60.8%.")
    assert {("HeronPolicy", "Meta-World", "73.5%"), ("BC-Q", "Meta-World", "60.8%")} <= found
    found = results_of("We propose Loontrack, a tracker. Loontrack reaches 64.2 HOTA on MOT17 and 62.5 on MOT20, while ByteTrack reaches "
                       "63.1 and 61.3 HOTA on the two benchmarks.")
    assert {("ByteTrack", "MOT17", "63.1"), ("ByteTrack", "MOT20", "61.3")} <= found


def test_a_price_is_no_score():
    found = results_of("We propose Kite, a coding agent. On SWE-bench Lite, Kite resolves 41.0% of issues at $0.31 per issue, compared "
                       "with 27.3% for Heron-Agent.")
    assert found == {("Kite", "SWE-bench Lite", "41.0%"), ("Heron-Agent", "SWE-bench Lite", "27.3%")}


def test_what_a_model_improves_over_is_compared_with_not_who_scored():
    found = results_of("We present Tern-VL, a multimodal reasoning model. Tern-VL-7B improves over its base model, Heron-VL-7B, from 58.6% "
                       "to 71.2% on MathVista.")
    assert found == {("Tern-VL-7B", "MathVista", "71.2%")}


def test_performance_that_opens_a_sentence_is_the_papers_own():
    found = results_of("We present Tern-VL, a multimodal reasoning model. Performance on MathVista increases from 58.6% to 71.2% after RL training.")
    assert found == {("Tern-VL", "MathVista", "71.2%")}


def test_the_spread_of_a_score_is_no_score():
    found = results_of("We present Sparrow, a speech synthesis model. In a listening test on LibriTTS, Sparrow obtains a MOS of 4.21 ± 0.05.")
    assert {value for _, _, value in found} == {"4.21"}


def test_a_metric_may_open_the_parentheses_after_a_benchmark():
    found = results_of("We present Gull, a graph transformer. Gull sets new records on ZINC (MAE 0.061) and ogbg-molhiv (ROC-AUC 80.7).")
    assert found == {("Gull", "ZINC", "0.061"), ("Gull", "ogbg-molhiv", "80.7")}


def test_a_score_set_against_an_average_over_benchmarks_is_an_average_too():
    found = results_of("We present Gull, a forecaster. Across seven benchmarks (ETTh1, ETTh2, ETTm1, ETTm2, Weather, Electricity, Traffic), "
                       "Gull achieves an average MSE of 0.352 versus 0.366 for PatchTST.")
    assert found == {("Gull", None, "0.352"), ("PatchTST", None, "0.366")}


def test_a_percentage_written_with_a_space_is_a_percentage():
    found = results_of("We propose Ternwick, a reasoning method. Ternwick reaches 45.2 % accuracy on GSM8K and 71 % on MATH, up by 3.1 %.",
                       "Ternwick: a method")
    assert found == {("Ternwick", "GSM8K", "45.2 %"), ("Ternwick", "MATH", "71 %")}


def test_a_score_of_humans_is_no_models():
    found = results_of("We introduce Marten, an agent benchmark. Accuracy ranges from 22.5% for Heron-70B to 41.2% for Osprey-4o, far below "
                       "human performance of 89.0%.", "Marten: a benchmark for agents")
    assert found == {("Heron-70B", "Marten", "22.5%"), ("Osprey-4o", "Marten", "41.2%")}
    found = results_of("We propose Quailnet, a web agent. Quailnet outperforms the baseline without using any human demonstration, achieving "
                       "a 100% success rate on MiniWoB++.", "Quailnet: web agents")
    assert ("Quailnet", "MiniWoB++", "100%") in found


def test_a_size_and_version_word_after_a_name_is_part_of_who_scored():
    found = results_of("We propose Warbler, a streaming recogniser. On LibriSpeech, Warbler reaches a word error rate of 2.0%, while "
                       "Whisper large-v3 yields 2.6%.")
    assert ("Whisper large-v3", "LibriSpeech", "2.6%") in found
