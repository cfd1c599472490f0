"""Result rules for scores whose owner or count the sentence gives by reference, on abstracts written for these tests."""

from conftest import extract_one


def _results(abstract: str, title: str = "A method") -> set[tuple]:
    return {(r.subject, r.benchmark, r.value) for r in extract_one(title, abstract).results}


def test_a_share_after_a_count_of_the_total_is_the_solvers_score():
    found = _results("We introduce Marrow, an agent framework, and TileSet, a benchmark of 800 puzzles. "
                     "On TileSet, Marrow solves 402 of the 800 puzzles (50.3%).")
    assert ("Marrow", "TileSet", "50.3%") in found
    found = _results("We present GripFix, a grasping policy. In Robosuite, GripFix completes 41 of 50 drawer-opening episodes (82%).")
    assert ("GripFix", "Robosuite", "82%") in found


def test_a_name_before_variant_says_which_variant_of_the_papers_work_scored():
    found = _results("We propose PelicanSeg, a segmenter. It reaches 47.9 mIoU on ADE20K. The larger ConvNeXt-L variant pushes ADE20K to 50.2 mIoU.")
    assert ("PelicanSeg", "ADE20K", "50.2") in found
    assert not any(subject == "ConvNeXt-L" for subject, _, _ in found)


def test_a_metric_with_its_setting_in_parentheses_is_no_subject():
    found = _results("We propose GannetDet, a rotated detector. On UCAS-AOD we report an mAP(07) of 91.4.")
    assert found == {("GannetDet", "UCAS-AOD", "91.4")}


def test_it_is_the_proposed_name_that_opens_the_sentence_before():
    found = _results("We present OspreyVL, a vision-language model that reads documents in two passes. OspreyVL-3B is initialised "
                     "from SigLIP and trained with DPO. It achieves 88.1 and 80.2 on DocVQA and ChartQA, respectively. "
                     "On the OCRBench leaderboard it ranks first with a score of 812.", title="Two-pass reading for documents")
    assert found == {("OspreyVL-3B", "DocVQA", "88.1"), ("OspreyVL-3B", "ChartQA", "80.2"), ("OspreyVL-3B", "OCRBench", "812")}


def test_it_after_a_sentence_opened_by_a_baseline_is_still_the_papers_work():
    found = _results("We propose HeronRead, a retrieval reader. ColBERTv2 is used as its retriever. It reaches 61.0% on HotpotQA.")
    assert found == {("HeronRead", "HotpotQA", "61.0%")}
