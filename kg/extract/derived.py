"""Names derived from a name the field knows take its type.

A paper that never saw `CIFAR-10-LT`, `ESM-2` or `MusicGen-Medium` still
knows what it is: a variant of a listed dataset (a long-tailed split), a
release of a listed model, a size of it. The derived name keeps the known
name's type, with two exceptions read from its own parts. A head word of
its own outranks the stem: `NAS-Bench-201` is a benchmark for neural
architecture search, not a technique (English compounds end in their
head). A size or depth after an architecture makes a trained network:
`YOLOX-X`, `WideResNet-28-2` and `EfficientNet-B0` are checkpoints, Models,
as `ResNet-18` is. Each string is decided once (`derived_type` is cached).
"""

from __future__ import annotations

import re
from functools import lru_cache

from kg.extract import shapes
from kg.extract.cues import ARCHITECTURE, internal_type
from kg.extract.known import known_type

# What may follow a known name in a name derived from it: a capitalised or numbered part (`-LT`, `-2`, `-Lite`, `'24`),
# or a size word in any case (`-medium`, `-X`: the YOLO family's sizes run S, M, L, X).
SIZE_PARTS = shapes.LOWER_VARIANT_WORDS | {"x", "s", "m", "l", "b", "xl", "xxl", "base", "large", "small", "tiny", "huge", "giant"}
SIZE_SUFFIX = re.compile(rf"^(?:{shapes.SIZE}|[BSMLX]\d?)$")
# A network's depth and width after its name: `WideResNet-28-2`, `ResNet-50`, `VGG-16` (a trained network, a Model).
DEPTH_WIDTH = re.compile(r"^(?:[A-Z][A-Za-z]*(?:Net|net|Former|former)|VGG|ResNeXt)-\d{1,3}(?:-\d{1,2})?$")
# The size classes of a network family (`YOLOX-X`, `EfficientNet-B0`, `ViT-L`), not a technique's variants (`PPO-max`).
NETWORK_SIZES = {"x", "s", "m", "l", "b", "xl", "xxl", "nano", "tiny", "small", "base", "medium", "large", "huge", "giant"} | {f"b{i}" for i in range(8)}
VERSION_END = re.compile(r"[\s-]+v?\d+(?:\.\d+)*$")


@lru_cache(maxsize=1 << 16)
def derived_type(text: str) -> tuple[str, str, str] | None:
    """(type, stem, suffix) of a one-token name made from a known name and a suffix, longest known stem first; else None.

    `CIFAR-10-LT` -> Benchmark (from `CIFAR-10`), `ESM-2` -> Model, `YOLOX-X` -> Model (a size of a listed detector),
    `NAS-Bench-201` -> None (its own head, `-Bench`, types it). A bare name is not derived: its own list types it.
    """
    parts = shapes.VARIANT_SPLIT.split(text)
    for cut in range(len(parts) - 1, 0, -1):
        stem = text[: sum(len(p) + 1 for p in parts[:cut]) - 1]
        suffix = text[len(stem) + 1 :]
        type_ = known_type(stem)
        if type_ is None or not suffix:
            continue
        sized = suffix.lower() in SIZE_PARTS or bool(SIZE_SUFFIX.match(suffix))
        if type_ in {"Method", "Model"} and DEPTH_WIDTH.match(text):
            return "Model", stem, suffix  # `ResNet-50`, `WideResNet-28-2`: a listed network at a depth
        if not (sized or suffix[:1].isupper() or suffix[:1].isdigit()):
            return None  # `GPT-4-based`, `RoleMRC-mix`: an adjective or the paper's own variant (typed in context)
        own = internal_type(text) or internal_type(VERSION_END.sub("", text))
        if own and own != type_:
            return None  # `NAS-Bench-201` is a benchmark, not the technique it benchmarks
        if type_ == "Method" and suffix.lower() in NETWORK_SIZES and (ARCHITECTURE.search(stem) or shapes.CAMEL.search(stem) or stem.isupper()):
            return "Model", stem, suffix  # `YOLOX-X`, `EfficientNet-B0`: a size of a listed network is a trained one
        if type_ == "Model" and suffix[:1].isupper() and not sized:
            return None  # `LLaMA-Adapter`, `CLIP-Adapter`: a method built on a model, named after it
        return type_, stem, suffix
    if DEPTH_WIDTH.match(text) and known_type(parts[0]) not in {"Benchmark", "Environment"}:
        return "Model", parts[0], text[len(parts[0]) + 1 :]  # `WideResNet-28-2` (not `ImageNet-100`, a listed dataset's subset)
    if len(parts) == 2 and parts[0].istitle() and parts[0].isalpha() and known_type(parts[1]) in {"Benchmark", "Environment"}:
        return known_type(parts[1]), parts[1], ""  # `Tiny-ImageNet`, `Fashion-MNIST`: a named subset or restyling of a dataset
    return None
