"""How scripts/gazetteer_sources/metrics reads metric acronyms from registry docstrings, on docstrings written here."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))

from gazetteer_sources.metrics import acronym, defined_acronyms  # noqa: E402


def test_a_docstring_defines_the_acronym_after_a_long_name_linked_or_not():
    doc = "Compute `Perceptual Evaluation of Speech Quality`_ (PESQ).\n\nPESQ is a family of standards."
    assert defined_acronyms(doc) == ["PESQ"]
    assert defined_acronyms("Calculates Video Multi-Method Assessment Fusion (VMAF_) for videos.") == ["VMAF"]
    assert defined_acronyms("Compute the Kelp Blur Index (KBI). More text.\n\nLater (LTR) is not read.") == ["KBI"]


def test_wrappers_tasks_plurals_and_one_word_glosses_are_not_metrics():
    assert defined_acronyms("Permutation invariant training (PIT) wraps a metric.") == []
    assert defined_acronyms("The performance of an automatic speech recognition (ASR) system.") == []
    assert defined_acronyms("Hinge loss, typically used for Support Vector Machines (SVMs).") == []
    assert defined_acronyms("Compute (IoU) only.") == []
    assert acronym("MS-SSIM") and acronym("IoU") and not acronym("SVMs") and not acronym("Perplexity")
