"""OpenCLIP: the image-text model families its configs define and the pretraining sets its checkpoint tags name (never imported)."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

from .common import Row, version

# Checkpoint tag prefixes (`laion2b_s34b_b79k`, `datacomp_xl_s13b_b90k`) -> the pretraining set papers name.
OPEN_CLIP_DATA = {r"laion(\d+[mb])": "LAION-{}", r"datacomp(\d+b)": "DataComp-{}", r"datacomp_xl": "DataComp-XL", r"commonpool": "CommonPool",
                  r"dfn(\d+b)": "DFN-{}", r"yfcc15m": "YFCC15M", r"cc12m": "CC12M", r"webli": "WebLI"}
# Config-name words (`ViT-B-16-SigLIP2`, `coca_ViT-L-14`, `MobileCLIP-S2`) -> the model family papers name.
OPEN_CLIP_FAMILIES = {"SigLIP": "SigLIP", "SigLIP2": "SigLIP 2", "CLIPA": "CLIPA", "coca": "CoCa", "MobileCLIP": "MobileCLIP",
                      "MobileCLIP2": "MobileCLIP2", "EVA01": "EVA-CLIP", "PE": "Perception Encoder", "nllb": "NLLB-CLIP"}


def open_clip_rows() -> list[Row]:
    spec = importlib.util.find_spec("open_clip")
    if spec is None:
        raise ImportError("open_clip is not installed")
    root, source, rows = Path(spec.origin).parent, version("open_clip_torch"), []
    tags = set(re.findall(r"\b(\w+)=_pcfg", (root / "pretrained.py").read_text(encoding="utf-8")))
    for pattern, form in OPEN_CLIP_DATA.items():
        sizes = {m.group(1).upper() if m.groups() else "" for tag in tags if (m := re.match(pattern, tag, re.I))}
        rows += [Row(form.format(size), "Benchmark", source) for size in sorted(sizes)]
    words = {w for path in (root / "model_configs").glob("*.json") for w in re.split(r"[-_]", path.stem)}
    rows += [Row(name, "Model", source) for word, name in OPEN_CLIP_FAMILIES.items() if word in words]
    return rows
