"""Time-series registries: the dataset repository of GluonTS, read from its source (never imported)."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

from .common import Row, dict_keys, version

# What a recipe id adds to its set's name: a sampling frequency, a split, how gaps were handled.
GLUONTS_PART = re.compile(r"(?:_(?:hourly|daily|weekly|monthly|quarterly|yearly|other|small|\d+min|\d+h|nips|with_missing|without_missing|minutes|10))+$")
GLUONTS_FORMS = {"fred_md": "FRED-MD", "kdd_cup_2018": "KDD Cup 2018", "cif_2016": "CIF 2016", "uber_tlc": "Uber TLC"}


def gluonts_rows() -> list[Row]:
    """GluonTS's dataset recipes, by the set each reads (`m4_hourly` -> M4), where the id is an acronym or a dated name.

    Ids that are English words (`electricity`, `traffic`, `weather`, `car_parts`) are left out: in a
    paper they are words first, and the gazetteer would find them in every abstract on energy or roads.
    """
    spec = importlib.util.find_spec("gluonts")
    if spec is None:
        raise ImportError("gluonts is not installed")
    source, rows, folder = version("gluonts"), [], Path(spec.origin).parent / "dataset" / "repository"
    for key in sorted(set(dict_keys(folder / "datasets.py", "dataset_recipes"))):
        stem = GLUONTS_PART.sub("", key)
        if stem in GLUONTS_FORMS:
            rows.append(Row(GLUONTS_FORMS[stem], "Benchmark", source, [stem]))
        elif re.fullmatch(r"[a-z]{1,3}\d*|ercot", stem) and len(stem) >= 2:  # `m4`, `nn5`, `ett`, `ercot`
            rows.append(Row(stem.upper(), "Benchmark", source))
    parts = re.search(r"NUM_REGIONS\s*=\s*(\d+)", (folder / "_ett_small.py").read_text(encoding="utf-8"))  # ETT-small's files: `ETTh1.csv`, `ETTh2.csv`
    for base in re.findall(r'base_file_name="(\w+)"', (folder / "datasets.py").read_text(encoding="utf-8")) if parts else []:
        rows += [Row(f"{base}{i}", "Benchmark", source) for i in range(1, int(parts.group(1)) + 1)]
    return rows
