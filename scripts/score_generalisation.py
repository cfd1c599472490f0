#!/usr/bin/env python3
"""How well the extractor holds up on papers it was not tuned on: three measures, printed as tables.

usage: score_generalisation.py [--shared DIR] [--passages FILE] [--scier] [--errors N]

(a) Leave one file out over the five corpus files. The extractor is rules and
    curated lists, not a trained model, so "train on four, test on the fifth"
    means: a lexicon entry is only justified by the fold whose gold is the
    only gold that names it. For each fold the table gives the score as
    shipped and the score with those fold-only lexicon entries taken out
    ("held out"), the honest estimate for papers like that file's that
    nobody has seen; it then lists the fold-only entries of `lexicon.tsv`
    and of `gazetteer.tsv` (the gazetteer comes from package registries,
    so its fold-only names are listed for information, never removed).
(b) The passages of `tests/data/outside_passages.jsonl`: abstracts written
    for kg from fields outside the corpus's topics, annotated under the
    guidelines.
(c) With --scier, the SciER dev passages of `shared/outside`, scored by
    their own script.

Scores use the gold scorer `shared/gold/score.py`, imported from its file so
that the figures are the ones the team reports.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import subprocess
import sys
import tempfile
from collections import defaultdict
from collections.abc import Callable, Iterable
from contextlib import contextmanager
from importlib.resources import files
from pathlib import Path

import kg.extract
from kg.extract import lexicon
from kg.records import ENTITY_TYPES, Paper, norm, paper_id
from kg.sources import read_papers

ROOT = Path(__file__).resolve().parent.parent
COLUMNS = ("papers", "P", "R", "F1", *ENTITY_TYPES, "untyped", "roles", "results")


def find_shared(given: str | None) -> Path:
    """`shared/` beside the checkout: ../shared from the main checkout, ../../shared from a worktree."""
    for candidate in ([Path(given)] if given else [ROOT.parent / "shared", ROOT.parent.parent / "shared"]):
        if (candidate / "gold" / "score.py").is_file():
            return candidate
    sys.exit("score_generalisation.py: no shared/gold/score.py found; name the folder with --shared")


def load_scorer(shared: Path):
    spec = importlib.util.spec_from_file_location("gold_score", shared / "gold" / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def predict(papers: Iterable[Paper]) -> dict[str, dict]:
    """The extractor's JSON lines, keyed as the gold scorer keys papers (normalised title)."""
    return {norm(x.paper.title): x.to_json() for x in kg.extract.extract(papers)}


def row(label: str, report: dict) -> list[str]:
    e, t = report["entity"], report["by_type"]
    return [label, str(report["papers"]), f"{e['precision']:.3f}", f"{e['recall']:.3f}", f"{e['f1']:.3f}",
            *(f"{t[k]['f1']:.3f}" for k in ENTITY_TYPES), f"{report['untyped']['f1']:.3f}",
            f"{report['role_accuracy']:.3f}", f"{report['results']['f1']:.3f}"]


def table(title: str, rows: list[list[str]]) -> None:
    header = ["", *COLUMNS]
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
    print(f"\n{title}")
    for r in [header, *rows]:
        print("  ".join(cell.ljust(w) if i == 0 else cell.rjust(w) for i, (cell, w) in enumerate(zip(r, widths))))


def gold_forms(papers: Iterable[dict]) -> set[tuple[str, str]]:
    return {(norm(form), e["type"]) for p in papers for e in p["entities"] for form in [e["name"], *(e.get("aliases") or [])]}


def gazetteer() -> list[lexicon.Term]:
    """The rows of gazetteer.tsv as terms (name, type, aliases, source)."""
    lines = files("kg.extract").joinpath("gazetteer.tsv").read_text(encoding="utf-8").splitlines()[1:]
    rows = [line.split("\t") for line in lines if line]
    return [lexicon.Term(t, name, tuple(a for a in aliases.split("|") if a), source) for name, t, aliases, source, _ in rows]


def fold_only(terms: Iterable[lexicon.Term], folds: dict[str, set]) -> dict[str, list[lexicon.Term]]:
    """Terms that the gold of exactly one fold names (same type, any of the term's forms)."""
    out = defaultdict(list)
    for term in terms:
        forms = {(norm(f), term.type) for f in (term.name, *term.aliases)}
        hits = [fold for fold, gold in folds.items() if forms & gold]
        if len(hits) == 1:
            out[hits[0]].append(term)
    return out


def clear_caches() -> None:
    """Drop every cached pipeline, matcher and list in kg.extract, so the next run reads the lexicon afresh."""
    for name, module in list(sys.modules.items()):
        if name.startswith("kg.extract"):
            for value in vars(module).values():
                if callable(getattr(value, "cache_clear", None)):
                    value.cache_clear()


@contextmanager
def lexicon_without(dropped: set[lexicon.Term]):
    """Run the extractor as if `lexicon.tsv` had no `dropped` rows (rules built without the held-out fold)."""
    shipped: Callable = lexicon.load
    kept = tuple(t for t in shipped() if t not in dropped)
    lexicon.load = lambda: kept
    clear_caches()
    try:
        yield
    finally:
        lexicon.load = shipped
        clear_caches()


def leave_one_file_out(shared: Path, scorer, errors: int) -> None:
    gold = scorer.load(shared / "gold" / "dev.jsonl")
    by_file = defaultdict(dict)
    for key, paper in gold.items():
        by_file[paper["source"]][key] = paper
    folds = {name: gold_forms(papers.values()) for name, papers in by_file.items()}
    only_lexicon, only_gazetteer = fold_only(lexicon.load(), folds), fold_only(gazetteer(), folds)
    shipped_rows, held_rows, listing = [], [], []
    for name in sorted(by_file):
        papers = read_papers([shared / "corpus" / name])
        report, _ = scorer.score(by_file[name], predict(papers))
        shipped_rows.append(row(name[:3], report))
        with lexicon_without(set(only_lexicon[name])):
            held, errs = scorer.score(by_file[name], predict(papers), errors)
        held_rows.append(row(name[:3], held))
        listing.append((name, only_lexicon[name], only_gazetteer[name], errs))
    everything = {k: v for papers in by_file.values() for k, v in papers.items()}
    report, _ = scorer.score(everything, predict(read_papers(sorted((shared / "corpus").glob("*.txt")))))
    table("(a) dev, every paper under the file it was first seen in: as shipped", [*shipped_rows, row("all", report)])
    table("(a) leave one file out: each file scored without the lexicon entries only its gold justifies", held_rows)
    for name, lex, gaz, errs in listing:
        print(f"\n{name}: {len(lex)} lexicon entries only this fold's gold names: " + ", ".join(f"{t.name} ({t.type})" for t in lex))
        print(f"{' ' * len(name)}  {len(gaz)} gazetteer names only this fold's gold names: " + ", ".join(f"{t.name} ({t.type})" for t in gaz))
        for kind, type_, entity, title in errs:
            print(f"    {kind:<8} {type_:<11} {entity!r:<40} in {title!r}")


def outside_passages(path: Path, scorer, errors: int) -> None:
    gold = scorer.load(path)
    papers = [Paper(id=paper_id(p["title"]), title=p["title"], abstract=p["abstract"]) for p in gold.values()]
    report, errs = scorer.score(gold, predict(papers), errors)
    table(f"(b) {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}", [row("outside", report)])
    for kind, type_, entity, title in errs:
        print(f"    {kind:<8} {type_:<11} {entity!r:<40} in {title!r}")


def scier(shared: Path) -> None:
    gold_path = shared / "outside" / "scier_dev.jsonl"
    units = [json.loads(line) for line in gold_path.read_text(encoding="utf-8").splitlines() if line.strip()]
    papers = [Paper(id=u["id"], title=u["title"], abstract=u["abstract"]) for u in units]
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", encoding="utf-8", delete=False) as out:
        for extraction in kg.extract.extract(papers):
            out.write(json.dumps(extraction.to_json(), ensure_ascii=False) + "\n")
    print("\n(c) SciER dev (shared/outside), its own scorer:")
    subprocess.run([sys.executable, str(shared / "outside" / "score_outside.py"), str(gold_path), out.name], check=True)
    Path(out.name).unlink()


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", help="the shared/ folder (default: found beside the checkout)")
    parser.add_argument("--passages", type=Path, default=ROOT / "tests" / "data" / "outside_passages.jsonl")
    parser.add_argument("--scier", action="store_true", help="also score the SciER dev passages")
    parser.add_argument("--errors", type=int, default=0, metavar="N", help="list up to N missed/spurious entities per table")
    args = parser.parse_args(argv)
    shared = find_shared(args.shared)
    scorer = load_scorer(shared)
    print(f"extractor {kg.extract.EXTRACTOR}")
    leave_one_file_out(shared, scorer, args.errors)
    outside_passages(args.passages, scorer, args.errors)
    if args.scier:
        scier(shared)


if __name__ == "__main__":
    main(sys.argv[1:])
