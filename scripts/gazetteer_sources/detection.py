"""Ultralytics: the YOLO families and sizes its model configs define, and the datasets its data configs describe (never imported)."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

from .common import Row, common_word, version

DATA_LINE = re.compile(r"^#\s+(.+?)\s+dataset\b(.*)$", re.M)  # "# Objects365 dataset https://... by Megvii"
MODEL_LINE = re.compile(r"^#\s+(?:Ultralytics\s+|Meituan\s+)?(\S+)\s.*\bmodel\b", re.M)  # "# Ultralytics YOLOv8-seg instance segmentation model"
SCALE = re.compile(r"^  ([nsmlxbcet]): \[", re.M)  # the sizes under `scales:` ("n: [0.33, 0.25, 1024]"): `yolov8.yaml` builds YOLOv8n ... YOLOv8x
TASK = re.compile(r"-(?:cls|obb|pose|seg|depth|sem|ghost|p\d)$")


def ultralytics_rows() -> list[Row]:
    spec = importlib.util.find_spec("ultralytics")
    if spec is None:
        raise ImportError("ultralytics is not installed")
    cfg, source, rows = Path(spec.origin).parent / "cfg", version("ultralytics"), []
    for path in sorted((cfg / "datasets").glob("*.yaml")):
        match = DATA_LINE.search(path.read_text(encoding="utf-8"))
        if not match or "by Ultralytics" in match.group(2):
            continue  # Ultralytics' own samples (`COCO8`, `Medical-pills`), not sets papers report on
        name = re.sub(r"(?:\s+[a-z][\w-]*)+$", "", match.group(1))  # `SKU-110K retail items` -> `SKU-110K`
        acronym = re.search(r"\s*\((\w+)\)$", name)
        name, aliases = (name[: acronym.start()], [acronym.group(1)]) if acronym else (name, [])
        aliases += [path.stem] if not path.stem.islower() else []  # `VisDrone`, `xView`, `GlobalWheat2020`
        if len(name.split()) <= 4 and not common_word(name):
            rows.append(Row(name, "Benchmark", source, aliases))
    for path in sorted((cfg / "models").rglob("*.yaml")):
        text = path.read_text(encoding="utf-8")
        family = MODEL_LINE.search(text)
        if not family or not family.group(1).upper().startswith(("YOLO", "RT-DETR")):
            continue
        name = TASK.sub("", family.group(1))
        rows.append(Row(name, "Model" if re.search(r"\d[nsmlxbcet]$|-[lx]$", name) else "Method", source))
        if re.fullmatch(r"YOLO(?:E-)?v?\d+", name):
            rows += [Row(f"{name}{size}", "Model", source) for size in SCALE.findall(text)]
    return rows
