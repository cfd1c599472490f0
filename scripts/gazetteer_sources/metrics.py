"""Metric registries: TorchMetrics' metric classes and sacrebleu's metrics, read from their files, never imported.

The guidelines count no metric as an entity, and a metric's name is often
shaped like a coined one (`VMAF`, `DISTS`, `MS-SSIM`). TorchMetrics documents
each metric class with its long name and the acronym papers write
("Calculates Video Multi-Method Assessment Fusion (VMAF_)"); sacrebleu keys its
metrics by the names papers write (`BLEU`, `CHRF`, `TER`).
"""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

from .common import Row, dict_keys, module_docstrings, version

# "Long name (ACRONYM)" in a docstring's first paragraph, the long name often a link ("`Fréchet inception distance`_ (FID)").
DEFINED = re.compile(r"([\w`'\s-]{4,100}?)_?\s*\(\s*`?([A-Za-z][A-Za-z0-9+@-]*?)_?`?\s*\)")
# Words of the docstring's sentence before the long name: "Calculate", "Compute the", "Implements".
LEADS = re.compile(r"^(?:(?:calculates?|computes?|implements?|the|a|an)\s+)+", re.I)


# Last words of long names TorchMetrics documents beside its metrics that name no measure: a training wrapper
# ("Permutation invariant training (PIT)", a technique) and a task ("automatic speech recognition (ASR)").
NOT_MEASURES = {"training", "recognition"}


def _package_dir(name: str) -> Path:
    spec = importlib.util.find_spec(name)  # finds the package without running it (TorchMetrics imports torch)
    if spec is None or not spec.submodule_search_locations:
        raise ImportError(f"{name} is not installed")
    return Path(next(iter(spec.submodule_search_locations)))


def acronym(form: str) -> bool:
    """`VMAF`, `MS-SSIM`, `IoU`: more capitals than small letters, and not a plural (`SVMs`)."""
    upper = sum(ch.isupper() for ch in form)
    return upper >= 2 and upper > sum(ch.islower() for ch in form) and not (form.endswith("s") and form[:-1].isupper())


def defined_acronyms(doc: str) -> list[str]:
    """The metric acronyms a docstring's first paragraph defines: "Compute `Perceptual Evaluation of Speech Quality`_ (PESQ)"."""
    found = []
    for long, short in DEFINED.findall(doc.split("\n\n")[0]):
        long = LEADS.sub("", " ".join(" ".join(long.replace("`", " ").split()).split(" ")[-8:]))
        if acronym(short) and len(long.split()) >= 2 and long.split()[-1].lower() not in NOT_MEASURES:
            found.append(short)
    return found


def torchmetrics_rows() -> list[Row]:
    """Each metric class's acronym, where its docstring defines it ("Structural Similarity Index Measure (SSIM)")."""
    root, source = _package_dir("torchmetrics"), version("torchmetrics")
    rows = []
    for path in sorted(root.rglob("*.py")):
        if "functional" not in path.parts:  # the functional API repeats the classes' docstrings
            rows += [Row(short, "Metric", source) for doc in module_docstrings(path).values() for short in defined_acronyms(doc)]
    return rows


def sacrebleu_rows() -> list[Row]:
    """The metrics sacrebleu registers (`BLEU`, `CHRF`, `TER`)."""
    path = _package_dir("sacrebleu") / "metrics" / "__init__.py"
    return [Row(name, "Metric", version("sacrebleu")) for name in dict_keys(path, "METRICS")]
