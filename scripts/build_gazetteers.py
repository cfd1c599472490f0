#!/usr/bin/env python3
"""Build `kg/extract/gazetteer.tsv`: the field's well-known names, read from the registries the field maintains.

usage: build_gazetteers.py [-o kg/extract/gazetteer.tsv]

Run it with a Python that has the registry packages installed, kept apart
from kg's own dependencies (they are big and never needed at run time):

    python3 -m venv /tmp/gazenv
    /tmp/gazenv/bin/pip install torch==2.14.1 torchvision==0.29.1
    /tmp/gazenv/bin/pip install transformers timm tensorflow-datasets tensorflow-cpu pandas gymnasium ale-py \
        minigrid pettingzoo metaworld gymnasium-robotics highway-env 'dm_control<1.0.50' 'mujoco==3.3.0' \
        torch_geometric ogb scikit-learn wordfreq pyyaml -e .
    /tmp/gazenv/bin/pip install --no-deps torchtext 'torchaudio==2.9.*' \
        mmdet mmsegmentation mmpretrain mmaction2 mmocr mmpose mmdet3d \
        lm-eval mteb pykeen recbole ultralytics gluonts open_clip_torch mani_skill jumanji lhotse earth2studio   # read from their files, never imported
    /tmp/gazenv/bin/python scripts/build_gazetteers.py

Why registries: kg reads papers from the whole field, and the names a paper
writes for datasets, simulators and model families are the names these
packages register. Registry ids are turned into the names papers write
(`HalfCheetah-v4` -> `HalfCheetah`, `imagenet2012` -> `ImageNet 2012` and
`ImageNet`), with the casing taken from the package's own docstrings and
descriptions where it has one. A package that does not install or import is
skipped with a note on stderr; the output names every package==version it
used, one per row, and is sorted so that the same packages give the same file.
Not read: procgen (no wheel for this Python), miniworld (needs a display to
import), Hugging Face `datasets` and `evaluate` (their catalogues are on the hub,
not in the package), nltk (its corpus index is downloaded at run time),
speechbrain and espnet (their recipes are not in the wheel), mmtrack (its
tracking sets are in mmdet 3's metafiles). TorchMetrics' metric names were
checked against the output: none is a row's name (`exclusions.tsv` already
rules metrics out); only the alias `GIoU` of `generalized IoU` is one. The
metric acronyms TorchMetrics and sacrebleu define are listed apart, in
`metric_names.tsv` (scripts/build_metric_names.py).

`common` is 1 when the name is also an everyday English word or phrase
(`Adam`, `Transformer`, `Pile`, `Hopper`): the matcher must see evidence in
the context (capitals, an apposition, a cue verb) before it counts such a name.
Names that `exclusions.tsv` rules out (metrics, libraries, generic words) and
very short ids are left out.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

from gazetteer_sources.common import Row, common_word, note, strip_version
from gazetteer_sources.datasets import ogb_rows, pyg_rows, tfds_rows, torchaudio_rows, torchtext_rows, torchvision_dataset_rows
from gazetteer_sources.detection import ultralytics_rows
from gazetteer_sources.environments import dm_control_rows, gym_rows, jumanji_rows, maniskill_rows, pettingzoo_rows, robot_rows
from gazetteer_sources.evaluation import lm_eval_rows, mteb_rows
from gazetteer_sources.graphs import pykeen_rows
from gazetteer_sources.methods import method_rows, sklearn_rows
from gazetteer_sources.models import mm_rows, timm_rows, torchaudio_model_rows, torchvision_model_rows, transformers_rows
from gazetteer_sources.recommendation import recbole_rows
from gazetteer_sources.speech import lhotse_rows
from gazetteer_sources.timeseries import gluonts_rows
from gazetteer_sources.vision_language import open_clip_rows
from gazetteer_sources.weather import earth2studio_rows

from kg.extract.lexicon import is_excluded
from kg.records import ENTITY_TYPES, norm

OUT = Path(__file__).resolve().parent.parent / "kg" / "extract" / "gazetteer.tsv"
HEADER = "name\ttype\taliases\tsource\tcommon"
SHORT_OK = {"go"}  # two-letter names kept: the game of Go
# Which source wins when two give one name different types (first wins): hand-made
# method names and architecture families before the big model-type list.
PRIORITY = ("torch", "torchvision", "scikit-learn", "hand", "tensorflow-datasets", "torchtext", "torchaudio", "ogb", "torch_geometric",
            "lm-eval", "mteb", "pykeen", "recbole", "ultralytics", "gluonts", "open_clip_torch", "lhotse", "earth2studio",
            "gymnasium", "ale-py", "minigrid", "metaworld", "gymnasium-robotics", "highway-env", "dm_control", "pettingzoo", "mani_skill", "jumanji",
            "transformers", "timm", "mmdet", "mmsegmentation", "mmpretrain", "mmaction2", "mmocr", "mmdet3d", "mmpose")


# ---------------------------------------------------------------- merging

SOURCES = (("torch", method_rows), ("torchvision", torchvision_model_rows), ("torchvision", torchvision_dataset_rows),
           ("hand", robot_rows), ("tensorflow-datasets", tfds_rows), ("gymnasium", gym_rows), ("dm_control", dm_control_rows),
           ("pettingzoo", pettingzoo_rows), ("mani_skill", maniskill_rows), ("jumanji", jumanji_rows),
           ("torchtext", torchtext_rows), ("torchaudio", torchaudio_rows), ("torchaudio", torchaudio_model_rows),
           ("torch_geometric", pyg_rows), ("ogb", ogb_rows), ("scikit-learn", sklearn_rows), ("lm-eval", lm_eval_rows),
           ("mteb", mteb_rows), ("pykeen", pykeen_rows), ("recbole", recbole_rows), ("ultralytics", ultralytics_rows),
           ("gluonts", gluonts_rows), ("open_clip_torch", open_clip_rows), ("lhotse", lhotse_rows), ("earth2studio", earth2studio_rows),
           ("transformers", transformers_rows), ("timm", timm_rows), ("openmmlab", mm_rows))


def usable(form: str) -> bool:
    key = norm(form)
    return (len(key) >= 3 or key in SHORT_OK or (len(key) == 2 and any(c.isdigit() for c in key))) and not is_excluded(form)



def merge(rows: list[Row]) -> list[Row]:
    """One row per normalised name: forms of one name join; a name two sources type differently keeps the first type."""
    rank = {p: i for i, p in enumerate(PRIORITY)}
    rows = sorted(rows, key=lambda r: (rank.get(r.source.split("==")[0].split(":")[0], len(PRIORITY)), r.source, r.name))
    owner: dict[str, Row] = {}
    for row in rows:
        row.name, row.aliases = " ".join(row.name.split()), [" ".join(a.split()) for a in row.aliases]
        if row.type not in ENTITY_TYPES or not usable(row.name):
            continue
        target = owner.get(norm(row.name))
        if target is None:
            target = owner[norm(row.name)] = Row(row.name, row.type, row.source)
        elif target.type != row.type:
            continue
        elif row.source not in target.source.split(";"):
            target.source += f";{row.source}"
        for alias in (row.name, *row.aliases):
            key = norm(alias)
            if alias.lower() != target.name.lower() and alias not in target.aliases and usable(alias) and owner.setdefault(key, target) is target:
                target.aliases.append(alias)
    return sorted({id(r): r for r in owner.values()}.values(), key=lambda r: (norm(r.name), r.name))


def build() -> list[Row]:
    rows: list[Row] = []
    for package, read in SOURCES:
        try:
            rows += read()
        except ImportError as err:
            note(f"skipped {package} ({read.__name__}): {err}")
    stems = [Row(stem, r.type, r.source) for r in rows if r.type == "Benchmark" for form in (r.name, *r.aliases) if (stem := strip_version(form))]
    return merge(rows + stems)


def write(rows: list[Row], path: Path) -> None:
    lines = [HEADER]
    for row in rows:
        aliases = sorted(dict.fromkeys(a for a in row.aliases if "\t" not in a and "|" not in a))
        sources = ";".join(sorted(set(row.source.split(";"))))
        lines.append(f"{row.name}\t{row.type}\t{'|'.join(aliases)}\t{sources}\t{int(common_word(row.name))}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-o", "--output", type=Path, default=OUT)
    args = parser.parse_args(argv)
    rows = build()
    write(rows, args.output)
    counts = Counter(r.type for r in rows)
    print(f"{args.output}: {len(rows)} names ({', '.join(f'{t} {counts[t]}' for t in ENTITY_TYPES)})")


if __name__ == "__main__":
    main(sys.argv[1:])
