"""Recommendation registries: RecBole's dataset catalogue and its recommender models, read from its files (never imported)."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

import yaml

from .common import Row, common_word, version

RECBOLE_NOT_MODELS = {"Pop", "Random", "LightGBM", "XGBoost", "WideDeep", "DCN"}  # baselines by count or chance, libraries, an acronym taken (deformable convolution)
RECBOLE_WORDS = {"SimpleX", "Jester"}  # names the matcher reads in any case that are also English words ("the simplex method")


def recbole_rows() -> list[Row]:
    """RecBole: datasets by the file each downloads (`Amazon_Beauty.zip` -> Amazon Beauty, `ml-1m` -> MovieLens-1M) and its models (`SASRec`)."""
    spec = importlib.util.find_spec("recbole")
    if spec is None:
        raise ImportError("recbole is not installed")
    root, source, rows = Path(spec.origin).parent, version("recbole"), []
    urls = yaml.safe_load((root / "properties" / "dataset" / "url.yaml").read_text(encoding="utf-8"))
    for key, url in sorted(urls.items()):
        row = recbole_dataset(key, Path(str(url)).stem)
        if row:
            rows.append(Row(row[0], "Benchmark", source, row[1]))
    models = set()
    for init in sorted((root / "model").glob("*_recommender/__init__.py")):
        models.update(re.findall(r"^from \S+ import (\w+)$", init.read_text(encoding="utf-8"), re.M))
    for name in sorted(models - RECBOLE_NOT_MODELS - RECBOLE_WORDS):
        variant = re.fullmatch(r"(\w+?)(F|KG|CPR)", name)
        if "_" in name or common_word(name) or (variant and variant.group(1) in models):
            continue  # `KD_DAGFM`; `LINE`, `CORE` are words; `SASRecF`, `GRU4RecKG` are RecBole's own variants
        rows.append(Row(name, "Method", source))
    return rows


def recbole_dataset(key: str, stem: str) -> tuple[str, list[str]] | None:
    """The name papers write for one catalogue entry, with aliases, or None for a split or a processed variant."""
    movielens = re.fullmatch(r"ml-(\d+)([km])", key)
    if movielens:
        size = movielens.group(1) + movielens.group(2).upper()
        return f"MovieLens-{size}", [f"ML-{size}", f"MovieLens {size}"]
    if stem.startswith("Amazon_"):  # `Amazon_CDs_and_Vinyl` -> `Amazon CDs and Vinyl`; `Amazon_Beauty` is also written `Amazon-Beauty`
        return stem.replace("_", " "), [stem.replace("_", "-")] if stem.count("_") == 1 else []
    if "_" in stem or (stem.islower() and "-" in stem) or stem.endswith("-full") or stem in RECBOLE_WORDS:
        return None  # `mind_large_dev`, `retailrocket-view`: splits and interaction types of one set
    name = stem if not stem.islower() else stem.capitalize()
    return None if common_word(name) else (name, [])
