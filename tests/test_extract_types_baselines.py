"""Baselines named without a head noun, typed from what the text says about them (issue 12): the clause after them,
the names listed beside them, the metric after them. Short abstracts and invented names written for these tests."""

from conftest import types_of


def test_a_clause_after_a_list_says_whether_its_names_are_checkpoints_or_methods():
    found = types_of(
        "Chest films",
        "QuelLin outperforms BranTic and SovRel, which are trained with the same schedule, and VexAra and MorPex, "
        "which are fine-tuned on the same labels. TelVo and KarnOx, both run from their released weights, lag further.",
    )
    assert found["BranTic"] == found["SovRel"] == "Method"  # architectures the paper trains itself
    assert found["VexAra"] == found["MorPex"] == "Model"  # only a trained checkpoint is fine-tuned
    assert found["TelVo"] == found["KarnOx"] == "Model"


def test_prompting_a_name_or_counting_its_parameters_makes_it_a_checkpoint():
    found = types_of(
        "Speech synthesis",
        "FluVox beats ZynTra, which has 1.3B parameters, and DarVox, PelSyn and CorVoc, each prompted with the same reference.",
    )
    assert found["ZynTra"] == "Model"
    assert found["DarVox"] == found["PelSyn"] == found["CorVoc"] == "Model"


def test_trained_from_scratch_or_applied_makes_a_method():
    found = types_of(
        "Token merging",
        "MergeLo is ahead of ToMix and StaRel, which are applied with hand-set ratios, and of GrelNet trained from scratch.",
    )
    assert found["ToMix"] == found["StaRel"] == "Method"
    assert found["GrelNet"] == "Method"


def test_a_clause_after_a_list_reaches_an_unfound_last_word_and_improving_on_names_a_baseline():
    found = types_of(
        "Molecules",
        "It lowers the error on QM7x-Lite, improving on SchNix, PaiNox and Equilor trained from scratch.",
    )
    assert found["QM7x-Lite"] == "Benchmark"
    assert found["SchNix"] == found["PaiNox"] == "Method"  # improved on, not scored on


def test_the_paper_saying_its_own_network_is_pretrained_keeps_it_a_method():
    found = types_of("Molecules", "We propose EqDenox. EqDenox is pretrained on MolTrax and fine-tuned on QM7x-Lite.")
    assert found["EqDenox"] == "Method"


def test_a_registry_architecture_the_paper_trains_itself_is_a_method_and_a_released_one_a_model():
    trained = types_of("Land cover", "FreqAda is above UperNet and Mask2Former trained with the same schedule.")
    assert trained["Mask2Former"] == "Method"
    released = types_of("Land cover", "FreqAda is above Mask2Former, which is fine-tuned from its released weights.")
    assert released["Mask2Former"] == "Model"


def test_a_name_before_a_metric_names_the_data_scored_on():
    found = types_of("Detection", "We report ValTrix accuracy, BrimLo F1 and KesTrel mAP for QuelDet. QuelDet is fast.")
    assert found["ValTrix"] == found["BrimLo"] == found["KesTrel"] == "Benchmark"
    assert found["QuelDet"] == "Method"  # "is" is not the Inception Score


def test_the_subject_after_a_long_opening_phrase_is_no_list_member():
    found = types_of(
        "Segmentation",
        "Trained on MarLow and evaluated on the test splits of DunMore and TeVix, our method QuelSeg reaches 54.8 mIoU. "
        "Trained on MarLow and evaluated on the Potsdix and Vaihix splits of the IsprX benchmark, FreqAda reaches 51.0 mIoU.",
    )
    assert found["DunMore"] == found["TeVix"] == "Benchmark"  # "our method" introduces QuelSeg, not an apposition of TeVix
    assert found["QuelSeg"] == found["FreqAda"] == "Method"


def test_a_name_after_an_opening_list_and_a_comma_is_the_subject_not_one_more_dataset():
    found = types_of("Recommendation", "On CIFAR-10, SVHN and MarLow, SpecTox improves recall. We propose SpecTox.")
    assert found["MarLow"] == "Benchmark"
    assert found["SpecTox"] == "Method"


def test_users_interacting_with_a_system_do_not_make_it_a_world():
    found = types_of("Chatting with images", "We present ChatPix. Users interact with ChatPix to edit images.")
    assert found["ChatPix"] == "Method"


def test_an_adjective_between_the_article_and_a_name_keeps_it_the_data_scored_on():
    found = types_of(
        "Entity alignment",
        "ReX reaches 83.4% on the sparser MarLo EN-FR split. On the egocentric KesTrel-100 verb task ReX reaches 27.2% mAP.",
    )
    assert found["MarLo"] == found["KesTrel-100"] == "Benchmark"


def test_a_noun_of_data_after_a_name_makes_it_where_the_data_come_from():
    found = types_of("Pose lifting", "LimbFormer transfers to in-the-wild PozWild videos without fine-tuning, and to VarnOx scans.")
    assert found["PozWild"] == found["VarnOx"] == "Benchmark"


def test_a_name_that_holds_a_counted_collection_of_data_is_a_dataset():
    found = types_of(
        "Code repair",
        "We also release TestLoop-Inst, 48K problems with executable tests. FewSeg-1000 consists of 1,000 object classes. "
        "ValTrix contains 12,000 images, while QuelNet contains 12 layers.",
    )
    assert found["TestLoop-Inst"] == found["FewSeg-1000"] == found["ValTrix"] == "Benchmark"
    assert found["QuelNet"] == "Method"


def test_what_the_text_calls_models_is_a_model():
    found = types_of(
        "Agents",
        "We evaluate closed-source models (ZephRix, QuorVex-Pro). LLMs such as KelPro and MorVex hallucinate. "
        "We use TalVox as the planner VLM, and we prompt DarMix with the same instructions. "
        "Frontier tiers such as PelMo-Flash and SovRa-mini reach 30.1% and 28.4%.",
    )
    assert found["ZephRix"] == found["QuorVex-Pro"] == "Model"  # a list under "models"
    assert found["KelPro"] == found["MorVex"] == "Model"
    assert found["TalVox"] == "Model"  # "as the planner VLM"
    assert found["DarMix"] == "Model"  # only a model is prompted
    assert found["PelMo-Flash"] == found["SovRa-mini"] == "Model"  # a release tier
