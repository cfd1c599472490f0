"""Names a sentence treats as trained networks are Models (`kg.extract.trained`), on sentences written for these tests."""

from conftest import extract_one


def _types(abstract: str) -> dict[str, str]:
    return {e.name: e.type for e in extract_one("A study of encoders", abstract).entities}


def test_what_only_a_trained_network_undergoes_makes_an_unknown_name_a_model():
    found = _types(
        "Sentences are encoded with ZenTrex and clustered. We use BrinDle embeddings as features. "
        "We distil KorVath-L into a small student, initialised from pretrained VorMak. Our reader is fine-tuned from TalMora."
    )
    assert found["TalMora"] == "Model"
    assert found["ZenTrex"] == "Model"
    assert found["BrinDle"] == "Model"
    assert found["KorVath-L"] == "Model"
    assert found["VorMak"] == "Model"


def test_a_name_standing_in_as_a_backbone_or_teacher_is_a_model():
    found = _types("We use QuenTA as the teacher and Zorblax2 as a backbone, and train PelMora on the resulting labels.")
    assert found["QuenTA"] == "Model"
    assert found["Zorblax2"] == "Model"
    assert found["PelMora"] == "Model"


def test_a_head_noun_outranks_training_words_and_a_modifier_is_no_object():
    found = _types(
        "We propose QuenTA, a method for retrieval. To train QuenTA efficiently, we derive a loss. "
        "The agent then trains a BrinDle policy with it, fine-tuned with KelPro on a TransVex backbone."
    )
    assert found["KelPro"] == "Method"  # "fine-tuned with X" names a technique as often as a network
    assert found["TransVex"] == "Method"  # a backbone is an architecture trained inside the policy as often as a pretrained one
    assert found["QuenTA"] == "Method"  # a paper trains the network it proposes; its apposition says Method
    assert found.get("BrinDle", "Method") == "Method"  # "trains a BrinDle policy": the policy is trained, not BrinDle
    assert "Model" not in found.values()



def test_a_coined_name_with_a_release_number_is_a_model_where_nothing_else_types_it():
    found = _types("Our sampler improves VorGAN3 and Talvex-200, and KelpNet beats BrinMo 2 on PixFaces.")
    assert found["VorGAN3"] == "Model"
    assert found["Talvex-200"] == "Model"
    assert found["BrinMo 2"] == "Model"
    assert found["PixFaces"] == "Benchmark"


def test_a_year_a_v_version_a_short_stem_or_a_context_keep_their_type():
    found = _types(
        "We evaluate on KelpSet 2021 and Zorbix-12 benchmarks. Our method beats ColTRAv2 and uses I2V. We propose VorGAN3, a framework."
    )
    assert found["KelpSet 2021"] == "Benchmark"
    assert found["Zorbix-12"] == "Benchmark"
    assert found["ColTRAv2"] == "Method"
    assert found["I2V"] == "Method"
    assert found["VorGAN3"] == "Method"


def test_a_name_trained_by_another_system_is_a_model():
    found = _types("We present the Harbor Pilot Agent (HPA). Harbor Pilot Agent trained by a larger teacher plans routes.")
    assert found["Harbor Pilot Agent"] == "Model"


def test_a_capitalised_name_with_a_chat_code_or_size_release_word_is_a_checkpoint():
    found = _types("We evaluate Kormo-Chat and Talvex-Coder, use Hunyuan-Large as the planner, and apply Self-Instruct.")
    assert found["Kormo-Chat"] == "Model"
    assert found["Talvex-Coder"] == "Model"
    assert found["Hunyuan-Large"] == "Model"
    assert found["Self-Instruct"] == "Method"


def test_lite_pro_and_instruct_variants_are_not_taken_for_checkpoints():
    found = _types("We test on PixBench-Pro and on TalvoQA-Lite, and train on the KelpCode-Instruct data.")
    assert found == {"PixBench-Pro": "Benchmark", "TalvoQA-Lite": "Benchmark", "KelpCode-Instruct": "Benchmark"}


def test_a_size_word_after_a_listed_world_is_no_checkpoint():
    found = _types("Our critic reaches a normalised score of 88.6 on Hopper-medium-replay, and we fine-tune BERT-large.")
    assert found.get("Hopper-medium-replay", "Benchmark") == "Benchmark"  # a split of the world's logged data, never a model
    assert found["BERT-large"] == "Model"


def test_an_agent_that_an_apposition_says_was_trained_is_a_model():
    found = _types(
        "We present OS-Kelp, a GUI agent trained on 2M screenshots. We introduce SeeVor, a visual agent fine-tuned from "
        "a larger network. We propose KelpBot, an agent framework that plans."
    )
    assert found["OS-Kelp"] == "Model"
    assert found["SeeVor"] == "Model"
    assert found["KelpBot"] == "Method"


def test_what_a_network_writes_or_makes_names_it_a_trained_network():
    found = _types(
        "We filter ZephRix-generated captions. Responses from KorVath are rated above the outputs of TalMix, "
        "but the method with the best recall is GrelPro."
    )
    assert found["ZephRix"] == found["KorVath"] == found["TalMix"] == "Model"
    assert found.get("GrelPro", "Method") == "Method"
