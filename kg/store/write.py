"""Streaming builds: papers in, batch by batch, one transaction each.

Per batch: the papers are matched to stored ones (`kg.store.batch`), only
new or changed papers and those extracted by another extractor version are
extracted, entities are resolved incrementally (`kg.graph.resolve`), and the
new rows are written in one transaction (`kg.store.entities.copy_rows`:
inserts from Arrow tables, ends matched by primary key). A stored paper that
changes (re-keyed from `title:` to `arxiv:`, new metadata, re-extracted) is
rewritten: its old rows are deleted and its new ones copied, inside the same
transaction. Memory holds two batches, whatever the corpus size; a killed
build keeps every committed batch, and running it again completes the work.

A build keeps two cores busy. LadybugDB lets go of the GIL while it
commits and checkpoints (a third of a build), so a batch commits in a
second thread while this one resolves the next batch's entities, makes its
rows and packs its records, and a third thread reads (parses) the batch
after that. What the next batch needs from the store (the stored papers and
entities it meets) is read before the commit, inside the transaction of the
batch before it, which sees its own writes: the state the next batch would
find after the commit. So the store is the same as if the batches ran one
after another; and as errors in the next batch wait for the commit, a bad
record still stops the build after the batches before it are stored.
"""

from __future__ import annotations

import copy
from collections import defaultdict
from collections.abc import Callable, Iterable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from itertools import islice

from kg.errors import InputError, OnError, RunError, raise_error
from kg.graph.resolve import Resolution, resolve
from kg.graph.rows import ENTITY_LABELS, ROLE_TYPES, PaperRows, paper_props, paper_rows
from kg.records import Extraction, Paper, merge_paper, paper_keys
from kg.store.batch import BuildReport, Conflict, Pending, check_text, match_stored, merge_in_batch, source
from kg.collector import fewer_collections
from kg.store.embedded import pack_record
from kg.store.entities import EDGE, ROLE_COLUMNS, Prefetched, StoreState, apply, copy_rows, existing_ids, update_variants

PAPER_COLUMNS = ("id", "title", "abstract", "arxiv_id", "doi", "url", "date", "venue", "categories", "sources")
Extractor = Callable[[list[Paper]], Iterable[Extraction]]


class _ReadAhead:
    """Batches of `items`, the next one read in a thread while the store writes this one.

    Reading a batch (parsing `kg extract` lines into records) needs no store.
    The next batch is read only when this one's inputs are used up (`ahead`,
    called once its extraction is done): a source may keep state for the
    batch being built (`kg.api` holds one batch of extractions), so batches
    are still read one after another, in order.
    """

    def __init__(self, items: Iterable, size: int):
        self.iterator, self.size = iter(items), size
        self.pool = ThreadPoolExecutor(1, thread_name_prefix="kg-read")
        self.pending: Future | None = None

    def ahead(self) -> None:
        if self.pending is None:
            self.pending = self.pool.submit(lambda: list(islice(self.iterator, self.size)))

    def next(self) -> list:
        """The next batch; empty at the end."""
        self.ahead()
        pending, self.pending = self.pending, None
        return pending.result()

    def close(self) -> None:
        self.pool.shutdown(cancel_futures=True)


@dataclass
class _Plan:
    """One batch, matched and extracted, and what its transaction writes.

    `_plan` reads what the batch meets in the store; `make` does the Python
    work that needs nothing more from it (resolution, rows, records), while
    the batch before commits; `_write` writes it. `errors` (record-level)
    and `failure` (one that stops the build) wait for that commit.
    """

    read: int = 0  # papers read; 0 at the end of the input
    added: list[Pending] = field(default_factory=list)
    rewrite: list[Pending] = field(default_factory=list)
    state: Prefetched | None = None  # None: nothing to write
    errors: list[InputError] = field(default_factory=list)
    failure: BaseException | None = None
    resolution: Resolution | None = None
    rows: list[PaperRows] = field(default_factory=list)
    records: list[bytes] = field(default_factory=list)

    def make(self) -> None:
        if self.state is None:
            return
        items = self.added + self.rewrite
        self.resolution = resolve(self.state, [i.extraction for i in items], [i.stored for i in self.rewrite])
        self.rows = [paper_rows(i.extraction, self.resolution.key_ids) for i in items]
        self.records = [pack_record(i.extraction) for i in items]


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
    overlap: bool = True,
) -> BuildReport:
    """Add `papers` to `store`, `batch_size` at a time, each batch one transaction.

    `extract` turns papers into extractions (default: `kg.extract.extract`),
    `extractor` names its version (stored papers extracted by another version
    are extracted again). `on_error` gets each record-level failure (bad
    text, a paper the extractor fails on); `progress` gets the number of
    papers of each batch once it is stored (or found to need nothing).
    `overlap` commits each batch in a thread while the next one is made
    (two cores); without it, in this thread, with the same store.
    """
    if extract is None or extractor is None:
        from kg.extract import EXTRACTOR
        from kg.extract import extract as default_extract

        extract, extractor = extract or default_extract, extractor or EXTRACTOR
    report = BuildReport()
    batches = _ReadAhead(papers, batch_size)

    def plan() -> _Plan:
        return _plan(store, batches, extract, extractor, replace, report)

    try:
        with fewer_collections(), ThreadPoolExecutor(1, thread_name_prefix="kg-commit") as committer:
            committing: Future | None = None
            committed = 0  # papers of the batch `committing` stores
            current = plan()
            while True:
                try:
                    current.make()
                finally:
                    if committing is not None:
                        committing.result()
                        if progress:
                            progress(committed)
                for error in current.errors:
                    on_error(error)
                if current.failure is not None:
                    raise current.failure
                if not current.read:
                    break
                if current.state is None:
                    committing = None
                    if progress:
                        progress(current.read)
                    current = plan()
                    continue
                with store.uncommitted():
                    _write(store, current, report)
                    following = plan()
                committing, committed = (committer.submit if overlap else _now)(store.commit), current.read
                current = following
            report.variants_changed = update_variants(store)
    finally:
        batches.close()
    store.set_meta("extractor", extractor)
    report.papers = len(store)
    return report


def _now(work: Callable[[], None]) -> Future:
    """`work` done in this thread, as a finished future."""
    done: Future = Future()
    done.set_result(work())
    return done


def _plan(store, batches: _ReadAhead, extract: Extractor, extractor: str, replace: bool, report: BuildReport) -> _Plan:
    """Read the next batch and what it meets in the store, and extract what needs it; errors are kept for later."""
    plan = _Plan()
    try:
        batch = batches.next()
        plan.read = len(batch)
        report.read += len(batch)
        good = []
        for paper in batch:
            try:
                check_text(paper)
            except InputError as error:
                report.skipped.append(error)
                plan.errors.append(error)
                continue
            good.append(paper)
        pending = match_stored(store, merge_in_batch(good, replace, report), replace, report)
        to_extract, rewrite = _changed(pending, extractor, replace, report)
        for item, extraction in zip(to_extract, _extract_each(extract, [i.paper for i in to_extract], plan.errors.append, report)):
            item.extraction = extraction
            if extraction is not None:
                if item.stored is None:
                    report.added += 1
                else:
                    report.reextracted += 1
        batches.ahead()
        plan.rewrite = [i for i in rewrite if i.extraction is not None]
        plan.added = [i for i in to_extract if i.stored is None and i.extraction is not None]
        if plan.added or plan.rewrite:
            plan.state = Prefetched(StoreState(store), [i.extraction for i in plan.added + plan.rewrite], [i.stored for i in plan.rewrite])
    except BaseException as failure:  # noqa: BLE001 - raised once the batch before this one has committed
        plan.failure = failure
    return plan


def _changed(pending: list[Pending], extractor: str, replace: bool, report: BuildReport) -> tuple[list[Pending], list[Pending]]:
    """The papers to extract (new, changed text, older extractor) and the stored papers to rewrite."""
    to_extract: list[Pending] = []
    rewrite: list[Pending] = []
    for item in pending:
        if item.stored is None:
            to_extract.append(item)
            continue
        known = copy.deepcopy(item.stored.paper)  # the stored record stays as it was: its rows are deleted by it
        before = (paper_props(known), known.authors, sorted(item.stored_keys))
        fields = merge_paper(known, item.paper, replace)
        if fields:
            report.conflicts.append(Conflict(item.stored.paper.id, source(item.paper), item.paper.title, fields))
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
    return to_extract, rewrite


def _write(store, plan: _Plan, report: BuildReport) -> None:
    """A planned batch's writes, inside its transaction."""
    bylines = _delete_papers(store, [i.stored for i in plan.rewrite], [k for i in plan.rewrite for k in i.stored_keys])
    report.merged_entities += len(plan.resolution.merged)
    apply(store, plan.resolution)
    _write_papers(store, plan.added + plan.rewrite, plan.rows, plan.records)
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
            failure = InputError(source(paper), f'paper "{paper.title[:80]}": extraction failed ({type(error).__name__}: {str(error)[:200]})')
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


def _write_papers(store, items: list[Pending], rows: list[PaperRows], records: list[bytes]) -> None:
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
        {"id": i.extraction.paper.id, "extractor": i.extraction.extractor, "keys": sorted(i.keys), "record": record}
        for i, record in zip(items, records)
    ], ("id", "extractor", "keys", "record"))
    copy_rows(store, "KgPaperKey", [{"key": k, "paper": i.extraction.paper.id} for i in items for k in sorted(i.keys)],
         ("key", "paper"))
