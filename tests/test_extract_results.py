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
