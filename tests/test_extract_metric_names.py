"""A name the field gives a score after what computes it is a metric's, never an entity (`kg.extract.non_names`)."""

from conftest import extract_one


def _names(abstract: str) -> dict[str, str]:
    return {e.name: e.type for e in extract_one("Scoring generators", abstract).entities}


def test_a_name_before_a_score_or_a_capitalised_measure_word_is_a_metric():
    found = _names(
        "PixGen obtains a Distinct-2 score of 0.58 on KelpSet and the best Inception Score. "
        "Its Zorb-MMR score rises, and calculating Zorb-MMR scores for each run takes a minute."
    )
    assert "Distinct-2" not in found
    assert "Inception" not in found
    assert "Zorb-MMR" not in found
    assert found["KelpSet"] == "Benchmark"


def test_a_name_ending_in_score_or_distance_is_a_metric():
    found = _names("We rank agents with the Agent Importance Score, PersonaScore and the Glyph Edit Distance.")
    assert not found


def test_a_benchmark_before_score_and_a_verb_score_keep_their_names():
    found = _names(
        "Its HotpotQA score rises to 61.2 and the FooQA score to 40. "
        "An Isolation Forest scores 66.5, and proxies such as SynFlow and NASWOT score an untrained network."
    )
    assert found["HotpotQA"] == "Benchmark"
    assert found["FooQA"] == "Benchmark"
    assert {"SynFlow", "NASWOT"} <= set(found)


def test_what_a_verb_changes_by_a_number_or_an_adjective_and_of_frame_is_a_metric():
    found = _names(
        "Transfer to KelpSet improves UAS-X by 2.3 points. On KelpSet, VorMix reaches a normalised CTRX of 1.71. "
        "Our recipe improves VorMix by a wide margin."
    )
    assert "UAS-X" not in found
    assert "CTRX" not in found
    assert "VorMix" in found


def test_a_metric_the_registries_define_is_no_entity_unless_a_list_names_an_entity_so():
    found = _names("KelpVid improves VMAF and DISTS over ZorbVid, and raises SI-SDR and SRMR. We fine-tune SAM on KelpSeg.")
    assert not {"VMAF", "DISTS", "SI-SDR", "SRMR"} & set(found)
    assert found["SAM"] == "Model"  # a TorchMetrics acronym (spectral angle mapper) and a listed segmentation model
    assert {"KelpVid", "ZorbVid"} <= set(found)
