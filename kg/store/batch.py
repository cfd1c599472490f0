"""One batch of a build, before the store is written: its records checked, merged, and matched to stored papers.

Papers are matched by `paper_keys` (arXiv id, then DOI, then normalised
title); records of one paper within the batch merge first (`merge_paper`:
the stored title and abstract stay unless `replace`), then with the stored
paper they match. What disagrees is a `Conflict` in the `BuildReport`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from kg.errors import InputError
from kg.records import Extraction, Paper, contradict, merge_paper, paper_keys
from kg.store.embedded import unpack_record

# Longer texts are refused as records: an abstract is a paragraph, and spaCy
# refuses texts over a million characters anyway (E088).
MAX_TEXT = 100_000


@dataclass
class Conflict:
    """A record that disagrees with the stored paper; the stored value was kept (unless --replace)."""

    paper: str
    source: str
    title: str
    fields: list[str]

    def __str__(self) -> str:
        return f'{self.source}: paper "{self.title}" differs from stored {self.paper} in {", ".join(self.fields)}; kept the stored value'


@dataclass
class BuildReport:
    """What a build did; `papers` is the store's total afterwards."""

    read: int = 0
    added: int = 0
    reextracted: int = 0
    updated: int = 0
    rekeyed: int = 0
    unchanged: int = 0
    duplicates: int = 0  # records of a paper read earlier in the same batch
    merged_entities: int = 0
    variants_changed: int = 0
    papers: int = 0
    conflicts: list[Conflict] = field(default_factory=list)
    skipped: list[InputError] = field(default_factory=list)

    def summary(self) -> str:
        parts = [f"{self.added} added", f"{self.reextracted} re-extracted", f"{self.updated} updated", f"{self.unchanged} unchanged"]
        if self.duplicates:
            parts.append(f"{self.duplicates} more record(s) of papers already read")
        if self.rekeyed:
            parts.append(f"{self.rekeyed} re-keyed")
        if self.conflicts:
            parts.append(f"{len(self.conflicts)} conflicting record(s) kept the stored text (--verbose lists them)")
        if self.skipped:
            parts.append(f"{len(self.skipped)} skipped")
        return f"{', '.join(parts)}; {self.papers} papers in all"


def source(paper: Paper) -> str:
    return paper.sources[-1] if paper.sources else "<input>"


def check_text(paper: Paper) -> None:
    """Refuse a paper the extractor and the store cannot take, as a record-level error."""
    where = f'paper "{paper.title[:80]}"'
    text = paper.text
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as error:
        raise InputError(source(paper), f"{where}: invalid Unicode ({error.reason} at character {error.start})") from None
    if len(text) > MAX_TEXT:
        raise InputError(source(paper), f"{where}: {len(text):,} characters, over the limit of {MAX_TEXT:,} for a title and abstract")


@dataclass
class Pending:
    """One paper of the batch: the merged record, every key it was seen under, its stored form if any."""

    paper: Paper
    keys: list[str]
    stored: Extraction | None = None
    stored_keys: list[str] = field(default_factory=list)
    foreign: set[str] = field(default_factory=set)  # keys another stored paper owns
    extraction: Extraction | None = None


def merge_in_batch(batch: list[Paper], replace: bool, report: BuildReport) -> list[Pending]:
    pending: list[Pending] = []
    by_key: dict[str, Pending] = {}
    for paper in batch:
        keys = paper_keys(paper)
        known = next((by_key[k] for k in keys if k in by_key and not contradict(by_key[k].keys, keys)), None)
        if known is None:
            known = Pending(paper, [])
            pending.append(known)
        else:
            report.duplicates += 1
            fields = merge_paper(known.paper, paper, replace)
            if fields:
                report.conflicts.append(Conflict(known.paper.id, source(paper), paper.title, fields))
        for key in [*keys, *paper_keys(known.paper)]:
            if key not in known.keys and by_key.setdefault(key, known) is known:  # a key stays with the paper that had it first
                known.keys.append(key)
    return pending


def match_stored(store, pending: list[Pending], replace: bool, report: BuildReport) -> list[Pending]:
    """Attach each pending paper's stored record; papers that turn out to be one stored paper merge."""
    all_keys = sorted({k for p in pending for k in p.keys})
    found = store.columns("UNWIND $keys AS k MATCH (x:KgPaperKey {key: k}) RETURN x.key AS key, x.paper AS paper", {"keys": all_keys})
    owner = dict(zip(found["key"], found["paper"]))
    ids = sorted(set(owner.values()))
    found = store.columns("UNWIND $ids AS i MATCH (x:KgExtraction {id: i}) RETURN x.id AS id, x.keys AS keys, x.record AS record", {"ids": ids})
    records = {id_: {"keys": keys, "record": record} for id_, keys, record in zip(found["id"], found["keys"], found["record"])}
    by_stored: dict[str, Pending] = {}
    kept = []
    for item in pending:
        stored_id = next((owner[k] for k in sorted(item.keys, key=_strength)
                          if k in owner and not contradict(list(records[owner[k]]["keys"]), item.keys)), None)
        if stored_id is None:
            kept.append(item)
            continue
        if stored_id in by_stored:
            first = by_stored[stored_id]
            report.duplicates += 1
            fields = merge_paper(first.paper, item.paper, replace)
            if fields:
                report.conflicts.append(Conflict(stored_id, source(item.paper), item.paper.title, fields))
            first.keys += [k for k in item.keys if k not in first.keys]
            continue
        record = records[stored_id]
        item.stored = unpack_record(record["record"])
        item.stored_keys = list(record["keys"])
        by_stored[stored_id] = item
        kept.append(item)
    # keys another stored paper already owns stay with it
    for item in kept:
        mine = item.stored.paper.id if item.stored else None
        item.foreign = {k for k, o in owner.items() if o != mine}
        item.keys = [k for k in item.keys if k not in item.foreign]
    return kept


def _strength(key: str) -> int:
    return ("arxiv:", "doi:", "title:").index(key.split(":", 1)[0] + ":")
