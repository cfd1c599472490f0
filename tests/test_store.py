import pytest

from conftest import write_hf_daily
from kg.extract import EXTRACTOR, extract
from kg.sources import read_papers
from kg.store import EmbeddedStore, StoreError


def _merge(store_path, files):
    with EmbeddedStore(store_path) as db:
        return db.merge(read_papers(files), extract, EXTRACTOR), len(db)


def test_building_twice_changes_nothing(tmp_path, abstracts):
    day = write_hf_daily(tmp_path / "day.txt", abstracts)
    store = tmp_path / "kg.sqlite"
    report, total = _merge(store, [day])
    assert (report.added, total) == (3, 3)
    before = store.read_bytes()
    report, total = _merge(store, [day])
    assert (report.added, report.unchanged, total) == (0, 3, 3)
    assert store.read_bytes() == before


def test_a_new_file_adds_only_its_new_papers_and_remembers_sources(tmp_path, abstracts):
    first = write_hf_daily(tmp_path / "a.txt", abstracts[:2])
    second = write_hf_daily(tmp_path / "b.txt", abstracts[1:])
    store = tmp_path / "kg.sqlite"
    _merge(store, [first])
    report, total = _merge(store, [second])
    assert (report.added, report.sources_updated, total) == (1, 1, 3)
    with EmbeddedStore(store) as db:
        shared = next(ex for ex in db.extractions() if ex.paper.title == abstracts[1]["title"])
        graph = db.graph()
    assert shared.paper.sources == sorted([str(first.resolve()), str(second.resolve())])
    assert sum(1 for _, d in graph.nodes(data=True) if d["label"] == "Paper") == 3


def test_an_interrupted_merge_leaves_the_store_as_it_was(tmp_path, abstracts):
    store = tmp_path / "kg.sqlite"
    _merge(store, [write_hf_daily(tmp_path / "a.txt", abstracts[:1])])
    before = store.read_bytes()

    def dies_midway(papers):
        iterator = extract(papers)
        yield next(iterator)
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt), EmbeddedStore(store) as db:
        db.merge(read_papers([write_hf_daily(tmp_path / "b.txt", abstracts)]), dies_midway, EXTRACTOR)
    assert store.read_bytes() == before
    with EmbeddedStore(store) as db:
        assert [ex.paper.title for ex in db.extractions()] == [abstracts[0]["title"]]


def test_a_new_extractor_version_re_extracts(tmp_path, abstracts):
    store = tmp_path / "kg.sqlite"
    day = write_hf_daily(tmp_path / "a.txt", abstracts)
    _merge(store, [day])
    with EmbeddedStore(store) as db:
        report = db.merge(read_papers([day]), extract, "kg-rules/next")
        assert (report.reextracted, len(db)) == (3, 3)


def test_a_file_that_is_not_a_store_is_refused_untouched(tmp_path):
    other = tmp_path / "notes.sqlite"
    other.write_text("hello")
    with pytest.raises(StoreError, match="not a kg store"):
        EmbeddedStore(other)
    assert other.read_text() == "hello"
