"""The shipped gazetteer (`kg/extract/gazetteer.tsv`, built by scripts/build_gazetteers.py) is well formed and big enough."""

import re
from collections import Counter
from importlib.resources import files

import pytest

from kg.extract.lexicon import is_excluded
from kg.records import ENTITY_TYPES, norm

HEADER = ["name", "type", "aliases", "source", "common"]
SOURCE = re.compile(r"[A-Za-z0-9_.-]+==[0-9][\w.+-]*|hand:[a-z-]+")


@pytest.fixture(scope="module")
def rows():
    """The file as the package ships it (read through importlib.resources, as the matcher will)."""
    lines = files("kg.extract").joinpath("gazetteer.tsv").read_text(encoding="utf-8").splitlines()
    assert lines[0].split("\t") == HEADER
    return [line.split("\t") for line in lines[1:]]


def test_every_row_has_five_fields_a_type_a_named_source_and_a_flag(rows):
    for number, fields in enumerate(rows, 2):
        assert len(fields) == 5, f"line {number}: {fields}"
        name, type_, aliases, source, common = fields
        assert name.strip() == name and norm(name), f"line {number}: bad name {name!r}"
        assert type_ in ENTITY_TYPES, f"line {number}: type {type_!r}"
        assert all(SOURCE.fullmatch(s) for s in source.split(";")), f"line {number}: source {source!r}"
        assert common in {"0", "1"}, f"line {number}: common {common!r}"
        assert all(a.strip() == a and a for a in aliases.split("|")) if aliases else True, f"line {number}: aliases {aliases!r}"


def test_no_name_twice_for_one_type_and_no_alias_claimed_by_two_rows(rows):
    names = Counter((norm(name), type_) for name, type_, *_ in rows)
    assert [key for key, n in names.items() if n > 1] == []
    owners: dict[str, str] = {}
    for name, type_, aliases, *_ in rows:
        for form in [name, *filter(None, aliases.split("|"))]:
            assert owners.setdefault((norm(form), type_), name) == name, f"{form!r} belongs to {owners[(norm(form), type_)]!r} and {name!r}"


def test_it_holds_thousands_of_names_of_every_type(rows):
    counts = Counter(type_ for _, type_, *_ in rows)
    assert len(rows) >= 2000
    assert all(counts[t] >= 100 for t in ENTITY_TYPES), counts


def test_the_file_is_sorted_so_that_a_rebuild_diffs_cleanly(rows):
    keys = [(norm(name), name) for name, *_ in rows]
    assert keys == sorted(keys)


@pytest.mark.parametrize(
    ("name", "type_", "alias"),
    [
        ("HalfCheetah", "Environment", "HalfCheetah-v4"),
        ("CartPole", "Environment", "CartPole-v1"),
        ("Breakout", "Environment", "BreakoutNoFrameskip-v4"),
        ("Cityscapes", "Benchmark", None),
        ("COCO", "Benchmark", "MS COCO"),
        ("PASCAL VOC", "Benchmark", "VOC"),
        ("ImageNet", "Benchmark", None),
        ("CIFAR-10", "Benchmark", "CIFAR10"),
        ("SQuAD", "Benchmark", "Stanford Question Answering Dataset"),
        ("LibriSpeech", "Benchmark", None),
        ("Faster R-CNN", "Method", None),
        ("ResNet-50", "Model", None),
        ("ViT-B/16", "Model", None),
        ("BERT", "Model", None),
        ("Adam", "Method", None),
        ("batch normalization", "Method", "BatchNorm"),
        ("Franka Emika Panda", "Environment", None),
        ("nuScenes", "Benchmark", None),
        ("SUN RGB-D", "Benchmark", "SUNRGBD"),
        ("Human3.6M", "Benchmark", None),
        ("PointPillars", "Method", None),
        ("HellaSwag", "Benchmark", None),
        ("ARC-Easy", "Benchmark", "ARC Easy"),
        ("BIG-Bench Hard", "Benchmark", "BBH"),
        ("MS MARCO", "Benchmark", "MSMARCO"),
        ("SciFact", "Benchmark", None),
        ("FB15k-237", "Benchmark", None),
        ("WN18RR", "Benchmark", None),
        ("TransE", "Method", None),
        ("SASRec", "Method", None),
        ("Amazon Beauty", "Benchmark", "Amazon-Beauty"),
        ("YOLOv8n", "Model", None),
        ("Objects365", "Benchmark", None),
        ("ETTh1", "Benchmark", None),
        ("DataComp-1B", "Benchmark", None),
        ("PickCube", "Environment", "PickCube-v1"),
        ("Sokoban", "Environment", "Sokoban-v0"),
        ("GigaSpeech", "Benchmark", None),
        ("MuST-C", "Benchmark", None),
        ("ERA5", "Benchmark", None),
        ("FourCastNet", "Model", None),
        ("Pangu-Weather", "Model", "Pangu Weather"),
    ],
)
def test_well_known_registry_names_are_there_with_their_type(rows, name, type_, alias):
    found = {n: (t, a.split("|")) for n, t, a, *_ in rows}
    assert name in found, name
    assert found[name][0] == type_
    assert alias is None or alias in found[name][1]


def test_common_english_words_are_flagged_and_coined_names_are_not(rows):
    common = {name: flag for name, _, _, _, flag in rows}
    assert common["Adam"] == common["Transformer"] == common["Hopper"] == common["Go"] == "1"
    assert common["ResNet-50"] == common["CIFAR-10"] == common["HalfCheetah"] == "0"


def test_names_the_guidelines_exclude_are_left_out(rows):
    assert [name for name, *_ in rows if is_excluded(name)] == []


@pytest.mark.parametrize(
    "name",
    [
        "Arithmetic",  # an lm-eval folder of toy tasks, and an English word
        "Leaderboard",  # lm-eval's own bundle
        "arc_easy",  # a task id is an alias at most, never a row's name
        "Body8",  # mmpose's own mix of pose sets
        "Seesaw Loss",  # a loss (GUIDELINES: metrics and losses are no entities)
        "Electricity",  # a GluonTS id that is an English word
        "TSP",  # a Jumanji optimisation problem: a task, not a world
        "ComplEx",  # read in any case by the matcher, it would be "complex"
        "AMI",  # a speech corpus, but also adjusted mutual information: kept only under a long form
    ],
)
def test_registry_ids_that_are_not_names_papers_write_stay_out(rows, name):
    assert name not in {n for n, *_ in rows}
