#!/usr/bin/env python3
"""Synthetic corpora of AI-paper abstracts, large and deterministic, for benchmarks.

usage: scripts/synth_corpus.py --papers 100000 -o corpus.jsonl [--seed 0] [--format jsonl|hf-daily]
       scripts/synth_corpus.py --papers 1000000 --records -o records.jsonl

Real corpora are small (a few thousand papers), so the store and throughput
benchmarks need made-up ones that look real to the extractor. Names are
coined from parts (`WebPilot`, `Velora-2.5-7B-Instruct`, `Hierarchical Policy
Refinement (HPR)`, `MathBench-Hard`, `TinyGrid-KeyCorridor`) in the shapes
real names take, about 10,000 of them; each paper draws 4-8 by a Zipf law
(a few names in most papers, most names in few), and names are born over
2023-2026 so that counts by year have a trend. The names sit in the
sentences the extractor reads ("We propose X, a framework ...", "We evaluate
on B1 and B2", "agents act in E", "X improves M from 4.8% to 41.0% on B").

`--records` writes what `kg extract` would write for these papers, with the
planted names as the entities, so a store can be loaded with a million
papers without running the NLP. Everything is a pure function of --seed:
the first N papers of a larger corpus are the corpus of N papers.
"""

from __future__ import annotations

import argparse
import bisect
import itertools
import json
import multiprocessing
import os
import sys
from collections.abc import Iterator
from dataclasses import dataclass

from synth_names import MONTHS, SYLLABLES, TYPES, Name, Rng, Zipf, coin, vocabulary, word
from synth_text import (
    ACT, BUILT, CATEGORIES, EVALUATE, FILLER_PREDICATES, FILLER_SUBJECTS, FILLERS, GIVEN, HEAD, IMPROVE, MENTION, OPENERS,
    OUTPERFORM, PROPOSE, VERSUS, WHAT, subtitle,
)

# Paper i draws from the random stream of its chunk, so that chunks can be
# made in parallel and the output is the same whatever the number of jobs.
CHUNK = 1000
# Each cycle of 10,000 papers spreads over the 48 months, 4% more each month
# than the one before; a paper's month and arXiv number follow from its number.
CYCLE = 10_000
_SHARES = [1.04**m for m in range(len(MONTHS))]
MONTH_SIZES = [round(CYCLE * share / sum(_SHARES)) for share in _SHARES]
MONTH_SIZES[-1] += CYCLE - sum(MONTH_SIZES)
MONTH_STARTS = list(itertools.accumulate([0] + MONTH_SIZES[:-1]))
MAX_PAPERS = CYCLE * (99_999 // max(MONTH_SIZES))  # arXiv numbers have five digits; titles run out later


def month_and_arxiv(number: int) -> tuple[int, str]:
    """The month of paper `number` and its arXiv id (`2503.00042`), unique among all papers."""
    cycle, place = divmod(number, CYCLE)
    place = place * 7919 % CYCLE  # a permutation (7919 is prime to 10,000): neighbours land in different months
    month = bisect.bisect(MONTH_STARTS, place) - 1
    year, mon = MONTHS[month]
    return month, f"{year % 100:02d}{mon:02d}.{1 + cycle * MONTH_SIZES[month] + place - MONTH_STARTS[month]:05d}"


@dataclass
class Planted:
    name: Name
    role: str


@dataclass
class SynthPaper:
    """A generated paper and the truth about it: every entity it names, with its role, and the scores it states."""

    number: int
    title: str
    sentences: list[tuple[str, tuple[Name, ...]]]  # the abstract's sentences and the names each holds
    month: int
    planted: list[Planted]
    results: list[dict]
    authors: list[str]
    categories: list[str]
    doi: str | None
    arxiv_id: str

    @property
    def abstract(self) -> str:
        return " ".join(text for text, _ in self.sentences)

    @property
    def date(self) -> str:
        year, month = MONTHS[self.month]
        return f"{year}-{month:02d}-{1 + self.number % 28:02d}"


def _list(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def _score(rng: Rng, low: float, high: float) -> str:
    return f"{rng.uniform(low, high):.1f}%"


class Generator:
    """Papers from one seed: the vocabulary and the authors are fixed first, then each chunk of papers has its own stream."""

    def __init__(self, seed: int = 0, novel: float = 0.3):
        self.seed = seed
        self.novel = novel
        self.vocab = vocabulary(seed)
        self.zipf = {type_: Zipf(names) for type_, names in self.vocab.items()}
        names = Rng(f"authors-{seed}")  # 20,000 authors, a few of them prolific
        self.authors = [f"{names.pick(GIVEN)} {word(names, SYLLABLES, names.pick((2, 3, 3)))}" for _ in range(20_000)]
        self.author_cum = list(itertools.accumulate(1 / r**0.8 for r in range(1, len(self.authors) + 1)))
        self.category_sets = [sorted(set(c)) for c in itertools.product(CATEGORIES[:4], CATEGORIES)] + [[c] for c in CATEGORIES]

    def papers(self, start: int, stop: int) -> Iterator[SynthPaper]:
        """Papers number `start` to `stop - 1`; `start` begins a chunk."""
        for first in range(start, stop, CHUNK):
            rng = Rng(f"papers-{self.seed}-{first // CHUNK}")
            for number in range(first, min(first + CHUNK, stop)):
                yield self.paper(rng, number)

    def _proposal(self, rng: Rng, month: int) -> Name:
        type_ = rng.choices(TYPES, cum_weights=(15, 75, 90, 100))[0]
        name = coin(rng, type_) if rng.random() < self.novel else self.zipf[type_].draw(rng, 1, month)[0]
        while name.text.islower():  # a paper coins a name for what it proposes, not a phrase
            name = coin(rng, type_)
        return name

    def paper(self, rng: Rng, number: int) -> SynthPaper:
        month, arxiv_id = month_and_arxiv(number)
        topic, sub = subtitle(number)
        new = self._proposal(rng, month)
        base = self.zipf["Model"].draw(rng, 2, month)
        used = [u for u in self.zipf["Method"].draw(rng, rng.pick((0, 1, 1)), month) if u.text != new.text]
        benches = [b for b in self.zipf["Benchmark"].draw(rng, rng.pick((1, 1, 2, 2, 3)), month) if b.text != new.text]
        envs = [e for e in self.zipf["Environment"].draw(rng, rng.pick((0, 0, 1, 1, 2)), month) if e.text != new.text]
        baselines = [b for b in self.zipf["Method"].draw(rng, rng.pick((1, 1, 1, 2)), month) if b.text != new.text and b not in used]
        mentioned = self.zipf["Method"].draw(rng, rng.pick((0, 0, 0, 1)), month)
        mentioned = [m for m in mentioned if m.text != new.text and m not in used and m not in baselines]
        model = next(m for m in base if m.text != new.text) if base else None
        if len(base) > 1 and base[1] is not model and rng.random() < 0.3:
            baselines.append(base[1])  # a model compared against: "outperforms Velora-2-7B"
        s: list[tuple[str, tuple[Name, ...]]] = []
        planted = [Planted(new, "proposes")]

        def say(text: str, *names: Name) -> None:
            s.append((text, tuple([n for n in names if n.later in text])))  # templates that leave a name out drop it

        say(rng.pick(OPENERS).format(topic=topic))
        if rng.random() < 0.5:
            say(f"{rng.pick(FILLER_SUBJECTS)} {rng.pick(FILLER_PREDICATES)}.")
        if mentioned:
            say(rng.pick(MENTION).format(name=mentioned[0].first), mentioned[0])
            planted.append(Planted(mentioned[0], "mentions"))
        what = rng.pick(WHAT[new.type]).format(n=rng.pick((120, 300, 500, 1200, 2500)))
        say(rng.pick(PROPOSE).format(new=new.first, head=HEAD[new.type], what=what), new)
        ours = new.later
        if model:
            tail = f" and trained with {used[0].first}" if used else ""
            say(rng.pick(BUILT).format(ours=ours, model=model.first, tail=tail), new, model, *used[:1])
            planted.append(Planted(model, "uses"))
            planted += [Planted(u, "uses") for u in used[:1]]
        arena = benches + envs
        if benches:
            say(rng.pick(EVALUATE).format(ours=ours, list=_list([b.first for b in benches])), new, *benches)
        if envs:
            say(rng.pick(ACT).format(ours=ours, list=_list([e.first for e in envs])), new, *envs)
        planted += [Planted(a, "evaluates_on") for a in arena]
        results = []
        if model and arena:
            low, high = _score(rng, 2, 30), _score(rng, 31, 80)
            say(rng.pick(IMPROVE).format(ours=ours, model=model.later, low=low, high=high, arena=arena[0].later), new, model, arena[0])
            results.append({"subject": model.text, "benchmark": arena[0].text, "metric": "success rate", "value": high})
        if baselines and len(arena) > 1:
            score, theirs = _score(rng, 50, 90), _score(rng, 20, 49)
            b = baselines[0]
            say(rng.pick(VERSUS).format(arena=arena[1].later, ours=ours, score=score, theirs=theirs, baseline=b.first), arena[1], new, b)
            results += [
                {"subject": new.text, "benchmark": arena[1].text, "metric": "accuracy", "value": score},
                {"subject": b.text, "benchmark": arena[1].text, "metric": None, "value": theirs},
            ]
            baselines = baselines[1:] + [b]
        if baselines:
            texts = [b.later if any(b.text in t for t, _ in s) else b.first for b in baselines]
            say(rng.pick(OUTPERFORM).format(ours=ours, list=_list(texts)), new, *baselines)
            planted += [Planted(b, "compares_to") for b in baselines]
        length, target = sum(len(t) + 1 for t, _ in s), 1000 + int(rng.random() * 500)
        start = int(rng.random() * len(FILLERS))
        for filler in FILLERS[start:] + FILLERS[:start]:
            if length >= 1000 and length + len(filler) > target:
                continue
            s.insert(min(3, len(s) - 1) + int(rng.random() * max(1, len(s) - 3)), (filler.replace("{topic}", topic), ()))
            length += len(filler) + 1
        title = f"{new.later if new.short else new.text}: {sub}"
        authors = [self.authors[bisect.bisect(self.author_cum, rng.random() * self.author_cum[-1])] for _ in range(1 + int(rng.random() * 6))]
        return SynthPaper(
            number=number, title=title, sentences=s, month=month, planted=planted, results=results, authors=authors,
            categories=rng.pick(self.category_sets),
            doi=f"10.5555/synth.{self.seed}.{number}" if rng.random() < 0.3 else None,
            arxiv_id=arxiv_id,
        )


def paper_json(paper: SynthPaper) -> dict:
    """The paper as a JSON Lines record of `kg build`'s input."""
    record = {"title": paper.title, "abstract": paper.abstract, "arxiv_id": paper.arxiv_id, "date": paper.date,
              "authors": paper.authors, "categories": paper.categories}
    if paper.doi:
        record["doi"] = paper.doi
    return record


def record_line(paper: SynthPaper, extractor: str) -> str:
    """The `kg extract` line (`Extraction.to_json`) for the paper, its planted names as the entities.

    Built from JSON pieces rather than by `json.dumps` of a dict: each
    sentence is escaped once although the abstract and the evidence both
    hold it, which makes a million records a matter of a minute.
    """
    dumps = _dumps
    title = paper.title
    quoted = [text for text, _ in paper.sentences]
    if any('"' in text or "\\" in text for text in quoted):  # the templates and names never need escaping, but check
        quoted = [dumps(text)[1:-1] for text in quoted]
    evidence: dict[str, list[str]] = {paper.planted[0].name.text: [f'{{"sentence": {dumps(title)}, "start": 0, "end": {len(title)}}}']}
    offset = len(title) + 2  # the text is the title, a blank line, the abstract
    for (text, names), q in zip(paper.sentences, quoted):
        if names:
            ev = f'{{"sentence": "{q}", "start": {offset}, "end": {offset + len(text)}}}'
            for name in names:
                evidence.setdefault(name.text, []).append(ev)
        offset += len(text) + 1
    entities = []
    for planted in paper.planted:
        name = planted.name
        ev = evidence[name.text]
        confidence = CONFIDENCE[0.8 if name.short else 0.9 if name.later[-1] in "BKbk" else 0.55][min(len(ev), 9)]
        if not name.quoted:
            name.quoted = f'"name": {dumps(name.text)}, "type": "{name.type}", "aliases": [{dumps(name.short) if name.short else ""}]'
        entities.append(f'{{{name.quoted}, "role": "{planted.role}", "confidence": {confidence}, "evidence": [{", ".join(ev)}]}}')
    results = ", ".join(
        f'{{"subject": {dumps(r["subject"])}, "benchmark": {dumps(r["benchmark"])}, "metric": {dumps(r["metric"]) if r["metric"] else "null"}, '
        f'"value": "{r["value"]}"}}'
        for r in paper.results
    )
    authors = ", ".join(f'{{"name": "{a}", "id": null, "orcid": null}}' for a in paper.authors)  # plain letters
    doi = dumps(paper.doi) if paper.doi else "null"
    categories = '", "'.join(paper.categories)
    return (
        f'{{"id": "arxiv:{paper.arxiv_id}", "title": {dumps(title)}, "entities": [{", ".join(entities)}], "results": [{results}], '
        f'"abstract": "{" ".join(quoted)}", "sources": ["synthetic"], "arxiv_id": "{paper.arxiv_id}", '
        f'"url": "https://arxiv.org/abs/{paper.arxiv_id}", "date": "{paper.date}", "doi": {doi}, "venue": null, '
        f'"categories": ["{categories}"], "authors": [{authors}], "extractor": {dumps(extractor)}}}\n'
    )


_dumps = json.encoder.encode_basestring  # one string, in C
# As `kg extract` rates names: by how they were found (acronym definition, checkpoint, shape), more for repeated ones.
CONFIDENCE = {base: [f"{min(0.99, base + 0.05 * (n - 1)):.2f}" for n in range(10)] for base in (0.8, 0.9, 0.55)}
_dump_object = json.JSONEncoder(ensure_ascii=False).encode


def render(generator: Generator, start: int, stop: int, fmt: str) -> str:
    """Papers `start` to `stop - 1` as text in `fmt`: `jsonl`, `hf-daily` or `records`."""
    papers = generator.papers(start, stop)
    if fmt == "records":
        extractor = f"synthetic/{generator.seed}"
        return "".join(record_line(paper, extractor) for paper in papers)
    if fmt == "jsonl":
        return "".join(_dump_object(paper_json(paper)) + "\n" for paper in papers)
    return "".join(f"{paper.title}\n\n{paper.abstract}\n\n" for paper in papers)


_worker: Generator | None = None


def _render_chunk(task: tuple[int, float, int, int, str]) -> str:
    global _worker
    seed, novel, start, stop, fmt = task
    if _worker is None or (_worker.seed, _worker.novel) != (seed, novel):
        _worker = Generator(seed, novel)
    return render(_worker, start, stop, fmt)


def write(out, papers: int, seed: int = 0, fmt: str = "jsonl", novel: float = 0.3, jobs: int = 1) -> None:
    """Stream `papers` papers to the text file `out` in `fmt`, chunk by chunk, so memory stays flat.

    With `jobs` > 1, worker processes make the chunks and this process
    writes them in order: the output is the same as with one job.
    """
    if papers > MAX_PAPERS:
        raise SystemExit(f"error: at most {MAX_PAPERS:,} papers (arXiv numbers have five digits)")
    tasks = ((seed, novel, start, min(start + CHUNK, papers), fmt) for start in range(0, papers, CHUNK))
    if jobs <= 1:
        for task in tasks:
            out.write(_render_chunk(task))
        return
    with multiprocessing.get_context("spawn" if sys.platform == "win32" else "fork").Pool(jobs) as pool:
        for text in pool.imap(_render_chunk, tasks, chunksize=1):
            out.write(text)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--papers", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--format", choices=("jsonl", "hf-daily"), default="jsonl", help="papers as JSON Lines or as a daily-papers dump")
    parser.add_argument("--records", action="store_true", help="write 'kg extract' records with the planted names instead of papers")
    parser.add_argument("--novel", type=float, default=0.3, help="share of papers that propose a name of their own")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="worker processes (the output does not depend on it)")
    parser.add_argument("-o", "--output", default="-", help="file to write ('-' for stdout)")
    args = parser.parse_args()
    if args.records and args.format != "jsonl":
        parser.error("--records writes JSON Lines")
    with (sys.stdout if args.output == "-" else open(args.output, "w", encoding="utf-8", buffering=1 << 20)) as out:
        write(out, args.papers, args.seed, "records" if args.records else args.format, args.novel, args.jobs)


if __name__ == "__main__":
    main()
