"""The rules by which scripts/gazetteer_sources turns registry ids into the names papers write, on short inputs written here.

The registries themselves (lm-eval, RecBole, PyKEEN, Ultralytics, GluonTS) are not installed
beside kg; these rules need none of them.
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))

from gazetteer_sources.common import strip_version  # noqa: E402
from gazetteer_sources.detection import DATA_LINE, MODEL_LINE, SCALE, TASK  # noqa: E402
from gazetteer_sources.evaluation import MTEB_SUFFIX, heading_name  # noqa: E402
from gazetteer_sources.graphs import docdata  # noqa: E402
from gazetteer_sources.models import MM_DATASET_MIX, MM_DATASET_PART, MM_NOT_METHOD  # noqa: E402
from gazetteer_sources.recommendation import recbole_dataset  # noqa: E402
from gazetteer_sources.timeseries import GLUONTS_PART  # noqa: E402


def test_a_readme_heading_gives_a_name_but_a_sentence_or_an_id_does_not():
    assert heading_name("# LogiQA 2.0\n\nTitle: ...") == "LogiQA 2.0"
    assert heading_name("# ETHICS Dataset\n") == "ETHICS"
    assert heading_name("# MMMU Benchmark\n") == "MMMU"
    assert heading_name("# mmlu_pro\n") is None
    assert heading_name("# Task-name\n") is None
    assert heading_name("# BHS: Controlled Evaluation of Syntactic Knowledge\n") is None


def test_an_mteb_task_name_loses_its_task_kind_and_version():
    assert MTEB_SUFFIX.sub("", MTEB_SUFFIX.sub("", "SciFactRetrieval.v2")) == "SciFact"
    assert MTEB_SUFFIX.sub("", "StackOverflowDupQuestionsReranking") == "StackOverflowDupQuestions"
    assert MTEB_SUFFIX.sub("", "BUCC.v2") == "BUCC"


def test_pykeen_docdata_is_the_yaml_after_the_rule():
    doc = "The FB15k-237 dataset.\n\n---\nname: FB15k-237\nstatistics:\n    entities: 14505\n"
    assert docdata(doc)["name"] == "FB15k-237"
    assert docdata("A class without metadata.") == {}


def test_recbole_files_become_the_names_papers_write():
    assert recbole_dataset("ml-1m", "ml-1m") == ("MovieLens-1M", ["ML-1M", "MovieLens 1M"])
    assert recbole_dataset("amazon-beauty", "Amazon_Beauty") == ("Amazon Beauty", ["Amazon-Beauty"])
    assert recbole_dataset("amazon-cds-vinyl", "Amazon_CDs_and_Vinyl") == ("Amazon CDs and Vinyl", [])
    assert recbole_dataset("mind_small_dev", "mind_small_dev") is None  # a split
    assert recbole_dataset("retailrocket-view", "retailrocket-view") is None  # an interaction type of one set


def test_ultralytics_config_headers_give_datasets_and_families():
    assert DATA_LINE.search("# Objects365 dataset https://www.objects365.org/ by Megvii").group(1) == "Objects365"
    assert "by Ultralytics" in DATA_LINE.search("# COCO8 dataset (first 8 images from COCO train2017) by Ultralytics").group(2)
    family = MODEL_LINE.search("# Ultralytics YOLOv8-seg instance segmentation model with P3/8 - P5/32 outputs").group(1)
    assert TASK.sub("", family) == "YOLOv8"
    assert SCALE.findall("scales:\n  n: [0.33, 0.25, 1024]\n  s: [0.33, 0.50, 1024]\n") == ["n", "s"]


def test_openmmlab_metafile_datasets_lose_splits_and_mixes():
    assert MM_DATASET_PART.sub("", "S3DIS Area5") == "S3DIS"
    assert MM_DATASET_PART.sub("", "MOT17-half-train") == "MOT17"
    assert MM_DATASET_MIX.search("Body8") and MM_DATASET_MIX.search("AnimalKingdom_P1")
    assert not MM_DATASET_MIX.search("CHASE_DB1")
    assert MM_NOT_METHOD.search("SoftWingloss") and MM_NOT_METHOD.search("Albumentations")


def test_gluonts_recipe_ids_lose_frequency_and_gap_handling():
    assert GLUONTS_PART.sub("", "m4_hourly") == "m4"
    assert GLUONTS_PART.sub("", "kdd_cup_2018_without_missing") == "kdd_cup_2018"
    assert GLUONTS_PART.sub("", "nn5_daily_with_missing") == "nn5"


def test_a_benchmark_stem_drops_a_year_or_version_but_not_a_size():
    assert strip_version("ILSVRC 2012") == "ILSVRC"
    assert strip_version("LongBench v2") == "LongBench"
    assert strip_version("CIFAR-10") is None
