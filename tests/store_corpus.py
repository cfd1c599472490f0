"""Corpora for the store's fault and concurrency tests: the written abstracts under many titles."""

from __future__ import annotations

from pathlib import Path

from conftest import ABSTRACTS, write_jsonl

# A child build that reports each committed batch on stdout, so a test can kill it between or inside batches.
BUILD_CHILD = """
import sys, kg
report = kg.build([sys.argv[1]], sys.argv[2], batch_size=int(sys.argv[3]), progress=lambda n: print("batch", n, flush=True))
print("done", report.papers, flush=True)
"""


def many_papers(path: Path, count: int, offset: int = 0) -> Path:
    """`count` papers; every fifth repeats an earlier one with an arXiv id, so later batches re-key earlier ones."""
    records = []
    for i in range(offset, offset + count):
        base = ABSTRACTS[i % len(ABSTRACTS)]
        record = {"title": f"{base['title']} (study {i})", "abstract": base["abstract"].replace("We ", f"In study {i} we ", 1)}
        if i % 5 == 4:
            earlier = i - 3
            record = {"title": f"{ABSTRACTS[earlier % 3]['title']} (study {earlier})",
                      "abstract": ABSTRACTS[earlier % 3]["abstract"].replace("We ", f"In study {earlier} we ", 1),
                      "arxiv_id": f"2504.{earlier:05d}"}
        records.append(record)
    return write_jsonl(path, records)
