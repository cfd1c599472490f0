"""Related work: the entities papers name together with an entity, and the papers that propose its variants.

The association score is the Jaccard index over papers: of the papers that
name either entity, the share that name both, |A ∩ B| / |A ∪ B|. It is 1 for
two entities that always appear together and falls as either appears
without the other, so a ubiquitous entity (GPT-4, ImageNet) does not top
every list the way a raw co-occurrence count would, and a rare one seen once
beside the target does not top it the way PMI would.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from kg.answers.entities import ROLE_TYPES, Entity, Reader, entity_type, resolve, variants

SCORE = "Jaccard over papers: papers naming both / papers naming either"
PAPERS_PER_ENTITY = 3
TOGETHER = f"""
MATCH (a)<-[:{ROLE_TYPES}]-(p:Paper)-[:{ROLE_TYPES}]->(b)
WHERE a.id IN $ids AND NOT b.id IN $ids
RETURN b.id AS id, b.name AS name, count(DISTINCT p) AS together
"""
PAPERS = f"""
MATCH (p:Paper)-[:{ROLE_TYPES}]->(x)
WHERE x.id IN $ids
RETURN x.id AS id, count(DISTINCT p) AS papers
"""
ANY_PAPERS = f"""
MATCH (p:Paper)-[:{ROLE_TYPES}]->(x)
WHERE x.id IN $ids
RETURN count(DISTINCT p) AS papers
"""
SHARED = f"""
MATCH (a)<-[:{ROLE_TYPES}]-(p:Paper)-[:{ROLE_TYPES}]->(b)
WHERE a.id IN $ids AND b.id IN $related
RETURN DISTINCT b.id AS id, p.id AS paper_id, p.title AS title, p.arxiv_id AS arxiv_id, p.date AS date
"""
PROPOSED = """
MATCH (p:Paper)-[:PROPOSES]->(v)
WHERE v.id IN $ids
RETURN v.id AS id, v.name AS name, p.id AS paper_id, p.title AS title, p.arxiv_id AS arxiv_id, p.date AS date
"""


@dataclass(frozen=True)
class PaperRef:
    id: str
    title: str
    arxiv_id: str | None
    date: str | None


@dataclass
class Neighbour:
    """An entity named together with the target, its score and some of the papers naming both."""

    id: str
    name: str
    type: str
    together: int
    papers: int
    score: float
    shared: list[PaperRef] = field(default_factory=list)


@dataclass(frozen=True)
class VariantPaper:
    variant: str
    paper: PaperRef


@dataclass
class Related:
    entities: list[Entity]
    papers: int  # papers naming the target
    neighbours: list[Neighbour]
    variant_papers: list[VariantPaper]
    score: str = SCORE


def related(reader: Reader, name: str, top: int = 10) -> Related:
    """The `top` entities most associated with `name` (by Jaccard over papers), and the papers proposing its variants.

    Raises AnswerError when `name` is no entity's name or alias.
    """
    found = resolve(reader, name)
    ids = [e.id for e in found]
    own = next(reader.run(ANY_PAPERS, {"ids": ids}))["papers"]
    together = {row["id"]: row for row in reader.run(TOGETHER, {"ids": ids})}
    totals = {row["id"]: row["papers"] for row in reader.run(PAPERS, {"ids": sorted(together)})} if together else {}
    neighbours = [
        Neighbour(key, row["name"], entity_type(key), row["together"], totals[key],
                  round(row["together"] / (own + totals[key] - row["together"]), 4))
        for key, row in together.items()
    ]
    neighbours.sort(key=lambda n: (-n.score, -n.together, n.name.casefold(), n.id))
    neighbours = neighbours[:top]
    if neighbours:
        shared: dict[str, list[PaperRef]] = {}
        for row in reader.run(SHARED, {"ids": ids, "related": [n.id for n in neighbours]}):
            shared.setdefault(row["id"], []).append(_paper(row))
        for neighbour in neighbours:
            neighbour.shared = _latest(shared.get(neighbour.id, []))[:PAPERS_PER_ENTITY]
    variant_ids = sorted(variants(reader, found))
    proposed = [VariantPaper(row["name"], _paper(row)) for row in reader.run(PROPOSED, {"ids": variant_ids})] if variant_ids else []
    proposed.sort(key=lambda v: (v.variant.casefold(), v.paper.date or "", v.paper.id))
    return Related(found, own, neighbours, proposed)


def _paper(row: dict) -> PaperRef:
    return PaperRef(row["paper_id"], row["title"], row["arxiv_id"], row["date"])


def _latest(papers: list[PaperRef]) -> list[PaperRef]:
    """Newest first; undated papers last, then by id, so the order is fixed."""
    dated = sorted((p for p in papers if p.date), key=lambda p: (p.date, p.id), reverse=True)
    return dated + sorted((p for p in papers if not p.date), key=lambda p: p.id)
