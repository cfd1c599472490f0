"""Streaming builds: papers in, batch by batch, one transaction each.

Per batch: the papers are matched to stored ones by `paper_keys` (arXiv id,
then DOI, then normalised title), their metadata merged (`merge_paper`: the
stored title and abstract stay unless `replace`), only new or changed papers
and those extracted by another extractor version are extracted, entities are
resolved incrementally (`kg.graph.resolve`), and the new rows are written in
one transaction (`kg.store.entities.copy_rows`: inserts from Arrow tables, ends matched by primary key). A stored paper that changes (re-keyed from
`title:` to `arxiv:`, new metadata, re-extracted) is rewritten: its old rows
are deleted and its new ones copied, inside the same transaction. Memory
holds one batch, whatever the corpus size; a killed build keeps every
committed batch, and running it again completes the work.
"""

from __future__ import annotations

import copy
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from itertools import islice


from kg.errors import InputError, OnError, RunError, raise_error
from kg.graph.resolve import resolve
from kg.graph.rows import ENTITY_LABELS, ROLE_TYPES, paper_props, paper_rows
from kg.records import Extraction, Paper, contradict, merge_paper, paper_keys
from kg.store.collector import fewer_collections
from kg.store.embedded import pack_record, unpack_record
from kg.store.entities import EDGE, ROLE_COLUMNS, StoreState, apply, copy_rows, existing_ids, update_variants

# Longer texts are refused as records: an abstract is a paragraph, and spaCy
# refuses texts over a million characters anyway (E088).
MAX_TEXT = 100_000
PAPER_COLUMNS = ("id", "title", "abstract", "arxiv_id", "doi", "url", "date", "venue", "categories", "sources")
Extractor = Callable[[list[Paper]], Iterable[Extraction]]


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


def _source(paper: Paper) -> str:
    return paper.sources[-1] if paper.sources else "<input>"


def check_text(paper: Paper) -> None:
    """Refuse a paper the extractor and the store cannot take, as a record-level error."""
    where = f'paper "{paper.title[:80]}"'
    text = paper.text
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as error:
        raise InputError(_source(paper), f"{where}: invalid Unicode ({error.reason} at character {error.start})") from None
    if len(text) > MAX_TEXT:
        raise InputError(_source(paper), f"{where}: {len(text):,} characters, over the limit of {MAX_TEXT:,} for a title and abstract")


class _ReadAhead:
    """Batches of `items`, the next one read in a second thread while the store writes this one.

    Reading a batch (parsing `kg extract` lines into records) needs no store,
    and LadybugDB lets go of the GIL while it writes, commits and
    checkpoints, so the two overlap. The next batch is read only when this
    one's inputs are used up (`ahead`, called once its extraction is done):
    a source may keep state for the batch being built (`kg.api` holds one
    batch of extractions), so batches are still read one after another, in
    order, and a reading error surfaces after the batch before it committed.
    """

    def __init__(self, items: Iterable, size: int):
        self.iterator, self.size = iter(items), size
        self.pool = ThreadPoolExecutor(1, thread_name_prefix="kg-read")
        self.pending: Future | None = None

    def ahead(self) -> None:
        if self.pending is None:
            self.pending = self.pool.submit(lambda: list(islice(self.iterator, self.size)))

    def __iter__(self) -> Iterator[list]:
        try:
            while True:
                self.ahead()
                batch, self.pending = self.pending.result(), None
                if not batch:
                    return
                yield batch
        finally:
            self.pool.shutdown(cancel_futures=True)


def build(
    store,
    papers: Iterable[Paper],
    extract: Extractor | None = None,
    *,
    extractor: str | None = None,
    batch_size: int = 500,
    replace: bool = False,
    on_error: OnError = raise_error,
    progress: Callable[[int], None] | None = None,
) -> BuildReport:
    """Add `papers` to `store`, `batch_size` at a time, each batch one transaction.

    `extract` turns papers into extractions (default: `kg.extract.extract`),
    `extractor` names its version (stored papers extracted by another version
    are extracted again). `on_error` gets each record-level failure (bad
    text, a paper the extractor fails on); `progress` gets the number of
    papers each batch read.
    """
    if extract is None or extractor is None:
        from kg.extract import EXTRACTOR
        from kg.extract import extract as default_extract

        extract, extractor = extract or default_extract, extractor or EXTRACTOR
    report = BuildReport()
    batches = _ReadAhead(papers, batch_size)
    with fewer_collections():
        for batch in batches:
            report.read += len(batch)
            _build_batch(store, batch, extract, extractor, replace, on_error, report, batches.ahead)
            if progress:
                progress(len(batch))
        report.variants_changed = update_variants(store)
    store.set_meta("extractor", extractor)
    report.papers = len(store)
    return report


@dataclass
class _Pending:
    """One paper of the batch: the merged record, every key it was seen under, its stored form if any."""

    paper: Paper
    keys: list[str]
    stored: Extraction | None = None
    stored_keys: list[str] = field(default_factory=list)
    foreign: set[str] = field(default_factory=set)  # keys another stored paper owns
    extraction: Extraction | None = None


def _merge_in_batch(batch: list[Paper], replace: bool, report: BuildReport) -> list[_Pending]:
    pending: list[_Pending] = []
    by_key: dict[str, _Pending] = {}
    for paper in batch:
        keys = paper_keys(paper)
        known = next((by_key[k] for k in keys if k in by_key and not contradict(by_key[k].keys, keys)), None)
        if known is None:
            known = _Pending(paper, [])
            pending.append(known)
        else:
            report.duplicates += 1
            fields = merge_paper(known.paper, paper, replace)
            if fields:
                report.conflicts.append(Conflict(known.paper.id, _source(paper), paper.title, fields))
        for key in [*keys, *paper_keys(known.paper)]:
            if key not in known.keys and by_key.setdefault(key, known) is known:  # a key stays with the paper that had it first
                known.keys.append(key)
    return pending


def _match_stored(store, pending: list[_Pending], replace: bool, report: BuildReport) -> list[_Pending]:
    """Attach each pending paper's stored record; papers that turn out to be one stored paper merge."""
    all_keys = sorted({k for p in pending for k in p.keys})
    found = store.columns("UNWIND $keys AS k MATCH (x:KgPaperKey {key: k}) RETURN x.key AS key, x.paper AS paper", {"keys": all_keys})
    owner = dict(zip(found["key"], found["paper"]))
    ids = sorted(set(owner.values()))
    found = store.columns("UNWIND $ids AS i MATCH (x:KgExtraction {id: i}) RETURN x.id AS id, x.keys AS keys, x.record AS record", {"ids": ids})
    records = {id_: {"keys": keys, "record": record} for id_, keys, record in zip(found["id"], found["keys"], found["record"])}
    by_stored: dict[str, _Pending] = {}
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
                report.conflicts.append(Conflict(stored_id, _source(item.paper), item.paper.title, fields))
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


def _build_batch(store, batch: list[Paper], extract: Extractor, extractor: str, replace: bool, on_error: OnError, report: BuildReport,
                 inputs_done: Callable[[], None]) -> None:
    good = []
    for paper in batch:
        try:
            check_text(paper)
        except InputError as error:
            report.skipped.append(error)
            on_error(error)
            continue
        good.append(paper)
    pending = _match_stored(store, _merge_in_batch(good, replace, report), replace, report)
    to_extract: list[_Pending] = []
    rewrite: list[_Pending] = []
    for item in pending:
        if item.stored is None:
            to_extract.append(item)
            continue
        known = copy.deepcopy(item.stored.paper)  # the stored record stays as it was: its rows are deleted by it
        before = (paper_props(known), known.authors, sorted(item.stored_keys))
        fields = merge_paper(known, item.paper, replace)
        if fields:
            report.conflicts.append(Conflict(item.stored.paper.id, _source(item.paper), item.paper.title, fields))
        item.keys = sorted((set(item.stored_keys) | set(item.keys) | set(paper_keys(known))) - item.foreign)
        old_id = before[0]["id"]
        new_text = before[0]["title"] != known.title or before[0]["abstract"] != known.abstract
        if new_text or item.stored.extractor != extractor:
            item.paper = known
            to_extract.append(item)
        elif (paper_props(known), known.authors, item.keys) != before:
            item.extraction = Extraction(known, item.stored.entities, item.stored.results, item.stored.extractor)
            report.updated += 1
        else:
            report.unchanged += 1
            continue
        report.rekeyed += known.id != old_id
        rewrite.append(item)
    for item, extraction in zip(to_extract, _extract_each(extract, [i.paper for i in to_extract], on_error, report)):
        item.extraction = extraction
        if extraction is not None:
            if item.stored is None:
                report.added += 1
            else:
                report.reextracted += 1
    inputs_done()
    rewrite = [i for i in rewrite if i.extraction is not None]
    added = [i for i in to_extract if i.stored is None and i.extraction is not None]
    if not rewrite and not added:
        return
    with store.transaction():
        bylines = _delete_papers(store, [i.stored for i in rewrite], [k for i in rewrite for k in i.stored_keys])
        resolution = resolve(StoreState(store), [i.extraction for i in added + rewrite], [i.stored for i in rewrite])
        report.merged_entities += len(resolution.merged)
        apply(store, resolution)
        _write_papers(store, added + rewrite, resolution.key_ids)
        # an author whom a changed byline dropped, and who wrote nothing else, leaves the graph with it
        store.execute("UNWIND $ids AS i MATCH (a:Author {id: i}) WHERE COUNT { MATCH (a)-[:AUTHORED]->() } = 0 DELETE a",
                      {"ids": bylines})


def _extract_each(extract: Extractor, papers: list[Paper], on_error: OnError, report: BuildReport) -> list[Extraction | None]:
    """Extractions in order; when the batch fails, paper by paper, so one bad paper is one record-level error."""
    if not papers:
        return []
    try:
        return list(extract(papers))
    except RunError:
        raise
    except Exception:  # noqa: BLE001 - found again below, paper by paper, and reported with its record
        pass
    out: list[Extraction | None] = []
    for paper in papers:
        try:
            out.append(next(iter(extract([paper]))))
        except RunError:
            raise
        except Exception as error:  # noqa: BLE001 - any failure of one paper is that record's error
            failure = InputError(_source(paper), f'paper "{paper.title[:80]}": extraction failed ({type(error).__name__}: {str(error)[:200]})')
            report.skipped.append(failure)
            on_error(failure)
            out.append(None)
    return out


def _delete_papers(store, old: list[Extraction], keys: list[str]) -> list[str]:
    """Remove stored papers that are rewritten: their results, node and edges, record and keys; gives their authors' ids."""
    ids = sorted(ex.paper.id for ex in old)
    if not ids:
        return []
    authors = sorted({row["id"] for row in store.run(
        "UNWIND $ids AS i MATCH (a:Author)-[:AUTHORED]->(p:Paper {id: i}) RETURN a.id AS id", {"ids": ids})})
    store.execute("UNWIND $ids AS i MATCH (p:Paper {id: i})-[:REPORTS]->(r:Result) DETACH DELETE r", {"ids": ids})
    store.execute("UNWIND $ids AS i MATCH (p:Paper {id: i}) DETACH DELETE p", {"ids": ids})
    store.execute("UNWIND $ids AS i MATCH (x:KgExtraction {id: i}) DELETE x", {"ids": ids})
    store.execute("UNWIND $keys AS k MATCH (x:KgPaperKey {key: k}) DELETE x", {"keys": sorted(set(keys))})
    return authors


def _write_papers(store, items: list[_Pending], key_ids: dict[str, str]) -> None:
    rows = [paper_rows(i.extraction, key_ids) for i in items]
    copy_rows(store, "Paper", [r.paper for r in rows], PAPER_COLUMNS)
    authors = {a["id"]: a for r in rows for a in r.authors}
    known = existing_ids(store, "Author", authors)
    copy_rows(store, "Author", [a for i, a in sorted(authors.items()) if i not in known], ("id", "name", "orcid"))
    copy_rows(store, "AUTHORED", [e for r in rows for e in r.authored], (*EDGE, "position"), ("Author", "Paper"))
    copy_rows(store, "Result", [n for r in rows for n in r.results],
         ("id", "subject", "benchmark", "metric", "value"))
    copy_rows(store, "REPORTS", [e for r in rows for e in r.reports], EDGE, ("Paper", "Result"))
    by_ends: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for r in rows:
        for e in r.roles:
            by_ends[e["type"], e["label"]].append(e)
        for type_, found in (("ACHIEVES", r.achieves), ("HAS_RESULT", r.has_result)):
            for e in found:
                by_ends[type_, e["label"]].append(e)
    for label in ENTITY_LABELS:
        for type_ in ROLE_TYPES.values():
            copy_rows(store, type_, by_ends[type_, label], ROLE_COLUMNS, ("Paper", label))
        for type_ in ("ACHIEVES", "HAS_RESULT"):
            copy_rows(store, type_, by_ends[type_, label], EDGE, (label, "Result"))
    copy_rows(store, "KgExtraction", [
        {"id": i.extraction.paper.id, "extractor": i.extraction.extractor, "keys": sorted(i.keys),
         "record": pack_record(i.extraction)}
        for i in items
    ], ("id", "extractor", "keys", "record"))
    copy_rows(store, "KgPaperKey", [{"key": k, "paper": i.extraction.paper.id} for i in items for k in sorted(i.keys)],
         ("key", "paper"))
