"""Metric names from the field's metric registries (`metric_names.tsv`, built by scripts/build_metric_names.py).

The guidelines count no metric as an entity, and metric acronyms are shaped
like coined names (`VMAF`, `DISTS`, `SI-SDR`): a name the registries define
as a metric is none, unless the lexicon or gazetteer lists it as an entity
(TorchMetrics' `SAM`, spectral angle mapper, is also a segmentation model).
"""

from __future__ import annotations

from functools import lru_cache
from importlib.resources import files

from kg.extract.known import known_type
from kg.extract.mentions import norm


@lru_cache(maxsize=1)
def _names() -> frozenset[str]:
    lines = files("kg.extract").joinpath("metric_names.tsv").read_text(encoding="utf-8").splitlines()[1:]
    return frozenset(key for line in lines if line and known_type(name := line.split("\t")[0]) is None and (key := norm(name)))


def is_metric(name: str) -> bool:
    """`name` is a metric a registry defines (normalised: `SI-SDR`, `si sdr`), and no list names an entity so."""
    return norm(name) in _names()
