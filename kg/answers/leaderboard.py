"""Leaderboards: every result reported on a benchmark (and its variants), one ranked table per metric.

Papers write one score many ways: `41.0%`, `0.41`, `38.2 ± 1.1`. Each value
is kept as written for display and read into a number for sorting: the part
after `±` is dropped, and in a table where some values are percentages, a
bare value between 0 and 1 is taken as a fraction of one (so `0.35` sorts as
35%), unless the metric has no upper bound (perplexity, loss, latency...).
Lower is better where the metric's name says so (error, perplexity, loss,
latency, WER, FID...); higher is better where it says the opposite; else the
direction is unknown, larger values come first, and the board says so.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from kg.answers.entities import ROLE_TYPES, AnswerError, Entity, Reader, resolve, variants
from kg.records import norm

RESULTS = """
MATCH (b:{label})-[:HAS_RESULT]->(r:Result)<-[:REPORTS]-(p:Paper)
WHERE b.id IN $ids
OPTIONAL MATCH (s)-[:ACHIEVES]->(r)
RETURN b.id AS benchmark_id, b.name AS benchmark, r.id AS result, r.subject AS written, s.id AS subject_id,
       s.name AS subject, r.metric AS metric, r.value AS value,
       p.id AS paper_id, p.title AS title, p.arxiv_id AS arxiv_id, p.date AS date
"""
EVIDENCE = f"""
MATCH (p:Paper)-[e:{ROLE_TYPES}]->(x)
WHERE p.id IN $papers AND x.id IN $entities
RETURN p.id AS paper_id, x.id AS entity_id, e.sentence AS sentence
"""

LOWER = re.compile(
    r"\b(error|errors|err|perplexity|ppl|latency|loss|wer|cer|fid|kid|mae|mse|rmse|time|regret|distance|"
    r"bpb|bpc|bits|cost|ece|eer|fpr|runtime|memory|violations?)\b"
)
HIGHER = re.compile(
    r"\b(accuracy|acc|success|sr|f1|bleu|rouge\S*|score|pass@\S*|exact|em|auc|auroc|map|recall|precision|"
    r"reward|return|win|ndcg\S*|mrr|iou|miou|dice|cider|meteor|hits?@?\S*|spearman|pearson|correlation|elo)\b"
)
UNBOUNDED = re.compile(
    r"\b(perplexity|ppl|latency|loss|fid|kid|mae|mse|rmse|time|runtime|regret|distance|bpb|bpc|bits|cost|memory|"
    r"return|reward|elo)\b"
)
NUMBER = re.compile(r"[-+−]?\d+(?:\.\d+)?")


@dataclass(frozen=True)
class Row:
    """One result on the board: the value as written, and the number it sorts by."""

    rank: int | None
    subject: str
    value: str
    score: float | None
    benchmark: str
    variant_of: str | None
    paper_id: str
    title: str
    arxiv_id: str | None
    date: str | None
    evidence: str | None


@dataclass
class Board:
    """The results for one metric, best first."""

    metric: str
    direction: str  # 'higher', 'lower' or 'unknown'
    rows: list[Row] = field(default_factory=list)


@dataclass
class Leaderboard:
    benchmarks: list[Entity]
    variants: dict[str, str]  # variant name -> base name
    boards: list[Board]


def direction(metric: str) -> str:
    """'lower' or 'higher' when the metric's name says which is better, else 'unknown'."""
    words = metric.casefold().replace("-", " ")
    if LOWER.search(words):
        return "lower"
    if HIGHER.search(words):
        return "higher"
    return "unknown"


def number(value: str) -> tuple[float, bool] | None:
    """The number a value states (before any `±`), and whether it was written as a percentage."""
    head = re.split(r"±|\+/-|\+-", value, maxsplit=1)[0].replace(",", "")
    found = NUMBER.search(head)
    if not found:
        return None
    return float(found.group().replace("−", "-")), "%" in head


def scores(metric: str, values: list[str]) -> list[float | None]:
    """The values of one board as comparable numbers: fractions of one become percentages where the board uses them."""
    parsed = [number(v) for v in values]
    percent = any(p and (p[1] or 1 < abs(p[0]) <= 100) for p in parsed)
    scale = percent and not UNBOUNDED.search(metric.casefold())
    return [
        None if p is None else p[0] * 100 if scale and not p[1] and 0 <= p[0] <= 1 else p[0]
        for p in parsed
    ]


def leaderboard(reader: Reader, benchmark: str, metric: str | None = None) -> Leaderboard:
    """The leaderboard of `benchmark` (a name or alias of a benchmark or environment), with its variants' results.

    Raises AnswerError for a name that is no benchmark or environment, or a
    `metric` that has no result on it.
    """
    found = resolve(reader, benchmark, ("Benchmark", "Environment"))
    variant = variants(reader, found)
    ids = [e.id for e in found] + sorted(variant)
    rows = []
    for label in ("Benchmark", "Environment"):
        rows += reader.run(RESULTS.format(label=label), {"ids": ids})
    rows.sort(key=lambda row: row["result"])
    names = {row["benchmark_id"]: row["benchmark"] for row in rows}
    base_names = {e.id: e.name for e in found}
    evidence = _evidence(reader, rows)
    groups: dict[str, list[dict]] = defaultdict(list)
    for row in rows:
        groups[norm(row["metric"] or "")].append(row)
    if metric is not None:
        if norm(metric) not in groups:
            known = ", ".join(sorted({row["metric"] or "(no metric)" for row in rows})) or "none"
            raise AnswerError(f"no '{metric}' results on {found[0].name}; its metrics: {known}")
        groups = {norm(metric): groups[norm(metric)]}
    boards = [_board(group, names, base_names, variant, evidence) for group in groups.values()]
    boards.sort(key=lambda board: (-len(board.rows), board.metric.casefold()))
    variant_names = {names.get(v, v): base_names.get(b, b) for v, b in variant.items()}
    return Leaderboard(found, variant_names, boards)


def _board(rows: list[dict], names: dict, base_names: dict, variant: dict, evidence: dict) -> Board:
    # The metric as most of its results write it (ties: the first in sort order).
    metric = Counter(row["metric"] or "(no metric)" for row in rows).most_common(1)[0][0]
    way = direction(metric)
    numbers = scores(metric, [row["value"] for row in rows])
    sign = 1 if way == "lower" else -1
    order = sorted(range(len(rows)), key=lambda i: (numbers[i] is None, sign * (numbers[i] or 0), rows[i]["result"]))
    board = Board(metric, way)
    rank = 0
    for position, i in enumerate(order, 1):
        row = rows[i]
        if numbers[i] is not None and (position == 1 or numbers[i] != numbers[order[position - 2]]):
            rank = position
        base = variant.get(row["benchmark_id"])
        board.rows.append(Row(
            rank=rank if numbers[i] is not None else None,
            subject=row["subject"] or row["written"],
            value=row["value"],
            score=numbers[i],
            benchmark=names[row["benchmark_id"]],
            variant_of=base_names.get(base, names.get(base)) if base else None,
            paper_id=row["paper_id"],
            title=row["title"],
            arxiv_id=row["arxiv_id"],
            date=row["date"],
            evidence=evidence.get(row["result"]),
        ))
    return board


def _evidence(reader: Reader, rows: list[dict]) -> dict[str, str]:
    """For each result, the sentence of its paper that states it.

    Role edges carry the sentence that named the entity; the best one for a
    result names its benchmark or subject and holds the value as written.
    """
    if not rows:
        return {}
    entities = sorted({row["benchmark_id"] for row in rows} | {row["subject_id"] for row in rows if row["subject_id"]})
    sentences: dict[tuple[str, str], str] = {}
    for found in reader.run(EVIDENCE, {"papers": sorted({row["paper_id"] for row in rows}), "entities": entities}):
        if found["sentence"]:
            sentences[(found["paper_id"], found["entity_id"])] = found["sentence"]
    chosen = {}
    for row in rows:
        candidates = [sentences.get((row["paper_id"], key)) for key in (row["subject_id"], row["benchmark_id"]) if key]
        candidates = [s for s in candidates if s]
        stating = [s for s in candidates if row["value"] in s]
        if stating or candidates:
            chosen[row["result"]] = (stating or candidates)[0]
    return chosen
