"""Names typed as datasets from the words around them: what is compared on, a set's head noun, where data come from."""

from conftest import extract_one


def _types(abstract: str) -> dict[str, str]:
    return {e.name: e.type for e in extract_one("A study of detectors", abstract).entities}


def test_what_two_systems_are_compared_on_is_a_benchmark():
    found = _types("We compare VorGAN3 and KelGAN on PixFaces.")
    assert found["PixFaces"] == "Benchmark"


def test_a_name_heading_an_object_set_is_a_benchmark():
    found = _types("Our grasp network picks 91% of 40 objects from the KelpGrab object set.")
    assert found["KelpGrab"] == "Benchmark"


def test_a_name_that_data_come_from_is_a_benchmark():
    found = _types("We pretrain on 220K image-report pairs from KelpRad-CXR and on annotations from the VorMT23 shared task.")
    assert found["KelpRad-CXR"] == "Benchmark"
    assert found["VorMT23"] == "Benchmark"


def test_a_counted_apposition_types_the_names_it_follows():
    found = _types("We evaluate our agent on KelpHome and ZorbLab, two household simulators.")
    assert found["ZorbLab"] == "Environment"
    assert found["KelpHome"] == "Environment"


def test_web_and_mobile_benchmarks_listed_by_name_are_environments_and_reasoning_ones_benchmarks():
    found = _types(
        "We test agents on three mobile benchmarks: ZorbDroid, KelpApp and VorPhone. "
        "We also report reasoning benchmarks such as ZorbQA and KelpMath."
    )
    assert found["ZorbDroid"] == found["KelpApp"] == found["VorPhone"] == "Environment"
    assert found["ZorbQA"] == found["KelpMath"] == "Benchmark"
