"""The gazetteer matcher, on a small gazetteer written here (the real one is built from registries)."""

from pathlib import Path

import pytest

from conftest import extract_one
from kg.extract import gazetteer, pipeline

ROWS = [
    "name\ttype\taliases\tsource\tcommon",
    "Cityscapes\tBenchmark\tcityscapes\ttensorflow-datasets==4.9.0\t0",
    "HalfCheetah\tEnvironment\tHalfCheetah-v4\tgymnasium==1.0.0\t0",
    "PASCAL VOC\tBenchmark\tVOC\ttorchvision==0.20.0\t0",
    "Lion\tMethod\t\tlion-pytorch==0.2.0\t1",
    "Pile\tBenchmark\tthe Pile\ttensorflow-datasets==4.9.0\t1",
    "PyTorch\tMethod\t\ttorch==2.5.0\t0",
    "CNN/DailyMail\tBenchmark\t\ttensorflow-datasets==4.9.0\t0",
    "OpenAI GPT\tModel\t\ttransformers==4.0.0\t0",
]


@pytest.fixture
def nlp(tmp_path: Path):
    path = tmp_path / "gazetteer.tsv"
    path.write_text("\n".join(ROWS) + "\n", encoding="utf-8")
    return pipeline.load(str(path))


def _entities(nlp, title: str, abstract: str) -> dict:
    return {(e.name, e.type): e for e in extract_one(title, abstract, nlp=nlp).entities}


def test_gazetteer_names_are_found_with_their_type_and_source_name(nlp):
    found = _entities(
        nlp,
        "Segmenting Streets",
        "We train a segmenter on Cityscapes and PASCAL VOC, and a controller in HalfCheetah-v4. The cityscapes of Rome are old.",
    )
    assert found[("Cityscapes", "Benchmark")].role == "evaluates_on"
    assert ("cityscapes", "Benchmark") not in found  # written as a plain word, it is one
    assert found[("PASCAL VOC", "Benchmark")].role == "evaluates_on"
    assert ("HalfCheetah-v4", "Environment") in found


def test_a_common_word_needs_evidence_around_it(nlp):
    quiet = _entities(nlp, "Notes on Growth", "Lion cubs sleep on a pile of leaves. The pile grew.")
    assert not any(name.lower() in {"lion", "pile"} for name, _ in quiet)
    cued = _entities(nlp, "Language Models at Scale", "We pretrain on the Pile and train with the Lion optimizer.")
    assert ("Pile", "Benchmark") in cued or ("the Pile", "Benchmark") in cued
    assert ("Lion", "Method") in cued


def test_names_the_guidelines_exclude_stay_out_whatever_a_registry_says():
    parsed = gazetteer.parse("\n".join(ROWS), "test.tsv")
    assert "PyTorch" not in {t.name for t in parsed.terms}
    assert {parsed.terms[i].name for i in parsed.common} == {"Lion", "Pile"}


def test_a_bad_row_names_its_file_and_line():
    with pytest.raises(ValueError, match="g.tsv:2"):
        gazetteer.parse("Cityscapes\tBenchmark\t\tx\t0\nBroken\tNotAType\t\tx\t0", "g.tsv")


def test_a_registered_model_type_that_names_an_architecture_is_a_method():
    parsed = gazetteer.parse(
        "Trendformer\tModel\t\ttransformers==5.0.0\t0\nSoundNet\tModel\t\ttransformers==5.0.0\t0\nSoundNet-2\tModel\t\ttransformers==5.0.0\t0",
        "g.tsv",
    )
    assert {t.name: t.type for t in parsed.terms} == {"Trendformer": "Method", "SoundNet": "Method", "SoundNet-2": "Model"}


def test_a_registered_name_that_holds_a_listed_one_and_more_is_one_name_unless_the_more_is_an_organisation(nlp):
    found = _entities(nlp, "Summaries", "We propose GistNet and test it on CNN/DailyMail, then compare with OpenAI GPT.")
    assert ("CNN/DailyMail", "Benchmark") in found
    assert ("CNN", "Method") not in found
    assert ("GPT", "Model") in found and ("OpenAI GPT", "Model") not in found
