"""Names derived from a name the field knows take its type, on short abstracts written for these tests."""

from conftest import types_of


def test_a_dataset_with_a_suffix_or_a_prefix_is_a_dataset():
    found = types_of(
        "Robust digits",
        "We propose GlyphMix and evaluate it on the shifted MNIST-R3 split, on Tiny-SVHN and on the imbalanced ImageNet-LT2 setting.",
    )
    assert found["MNIST-R3"] == "Benchmark"
    assert found["Tiny-SVHN"] == "Benchmark"
    assert found["ImageNet-LT2"] == "Benchmark"


def test_a_release_or_size_of_a_known_model_is_a_model():
    found = types_of("Music and text", "We compare KeyNoteLDM with MusicGen-Large and with BERT-7 features, and fine-tune T5-Medium.")
    assert found["MusicGen-Large"] == "Model"
    assert found["T5-Medium"] == "Model"


def test_a_size_or_depth_of_a_network_is_a_trained_network():
    found = types_of(
        "Counting people",
        "Detections come from a YOLOX-L detector, and the re-identification head uses a DenseNet-77-3 backbone. We propose CountTrack.",
    )
    assert found["YOLOX-L"] == "Model"
    assert found["DenseNet-77-3"] == "Model"


def test_a_head_word_of_its_own_outranks_the_known_stem():
    found = types_of("Search spaces", "On RL-Bench-42 our controller finds policies that PPO-Lite does not.")
    assert found["RL-Bench-42"] == "Benchmark"
    assert found["PPO-Lite"] == "Method"



def test_a_variant_word_before_a_known_dataset_is_part_of_its_name():
    found = types_of("Forgetting less", "We propose KeepNet. On Permuted MNIST and Rotated SVHN it forgets less than EWC.")
    assert found["Permuted MNIST"] == "Benchmark"
    assert found["Rotated SVHN"] == "Benchmark"
