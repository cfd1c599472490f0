"""One paper from many records: matching by paper keys, merging with `kg.records.merge_paper`.

Records are matched by arXiv id (versions dropped), then DOI, then
normalised title (`kg.records.paper_keys`). A title match is refused when
both records carry different arXiv ids: two preprints may share a title
("Attention Is All You Need" has imitators) but never an arXiv id.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from kg.records import Paper, contradict, merge_paper, paper_keys


@dataclass
class ReadSummary:
    """What reading gave: records read, papers they make, and what was merged, in conflict or skipped.

    `conflicts` lists (paper id, field) for every field two records gave
    differently; the first record's value was kept.
    """

    files: int = 0
    records: int = 0
    papers: int = 0
    merged: int = 0
    skipped: int = 0
    warnings: int = 0
    conflicts: list[tuple[str, str]] = field(default_factory=list)

    def line(self) -> str:
        return (
            f"read {self.papers} papers from {self.records} records in {self.files} file(s): "
            f"{self.merged} merged, {len(self.conflicts)} conflicts, {self.skipped} skipped"
            + (f", {self.warnings} warning(s)" if self.warnings else "")
        )


def merge_papers(papers: Iterable[Paper], summary: ReadSummary, replace: bool = False) -> list[Paper]:
    """Every paper once, in order of first appearance; counts go to `summary`."""
    order: list[Paper] = []
    index: dict[str, Paper] = {}
    for paper in papers:
        summary.records += 1
        keys = paper_keys(paper)
        known = next((index[key] for key in keys if key in index and not contradict(paper_keys(index[key]), keys)), None)
        if known is None:
            order.append(paper)
            known = paper
        else:
            summary.merged += 1
            fields = merge_paper(known, paper, replace)
            summary.conflicts.extend((known.id, name) for name in fields)
        for key in paper_keys(known):
            index.setdefault(key, known)
    summary.papers = len(order)
    return order
