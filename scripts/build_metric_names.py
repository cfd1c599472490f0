#!/usr/bin/env python3
"""Build `kg/extract/metric_names.tsv`: the metric names the field's metric registries define.

usage: build_metric_names.py [-o kg/extract/metric_names.tsv]

Run it with a Python that has the registry packages installed; they are read
from their files, never imported, so neither needs torch:

    python3 -m venv /tmp/metenv
    /tmp/metenv/bin/pip install --no-deps torchmetrics==1.9.0 sacrebleu==2.6.0
    PYTHONPATH=/tmp/metenv/lib/python3.11/site-packages .venv/bin/python scripts/build_metric_names.py

The guidelines count no metric as an entity, and metric acronyms are shaped
like coined names (`VMAF`, `DISTS`): `kg.extract.non_names` drops a name
the file lists unless the lexicon or gazetteer lists it as an entity
(`SAM` is a TorchMetrics acronym and a segmentation model). Each row names its
package==version; rows are sorted so the same packages give the same file.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from gazetteer_sources.common import Row, note
from gazetteer_sources.metrics import sacrebleu_rows, torchmetrics_rows

from kg.records import norm

OUT = Path(__file__).resolve().parent.parent / "kg" / "extract" / "metric_names.tsv"
HEADER = "name\tsource"


def build() -> list[Row]:
    """One row per normalised name, the first source's form and version."""
    rows: dict[str, Row] = {}
    for read in (torchmetrics_rows, sacrebleu_rows):
        try:
            found = read()
        except ImportError as err:
            note(f"skipped {read.__name__}: {err}")
            continue
        for row in found:
            rows.setdefault(norm(row.name), row)
    return sorted(rows.values(), key=lambda r: (norm(r.name), r.name))


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-o", "--output", type=Path, default=OUT)
    args = parser.parse_args(argv)
    rows = build()
    lines = [HEADER] + [f"{r.name}\t{r.source}" for r in rows]
    args.output.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{args.output}: {len(rows)} metric names")


if __name__ == "__main__":
    main(sys.argv[1:])
