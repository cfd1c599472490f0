"""Trends: how many papers name each entity, period by period, and who rose or fell most recently.

Periods come from `Paper.date`, an ISO string that may hold a day, a month or
only a year. Cypher cuts the date to the month (or year) with `left()`, which
means the same on both stores, and counts papers per entity and cut; Python
folds months into quarters and fills empty periods so that a chart's axis is
linear. A paper with no date, or with only a year when months or quarters are
asked for, cannot be placed: it is counted apart and the answer says so.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from kg.answers.entities import ROLE_TYPES, AnswerError, Reader, checked, choose_types
from kg.records import ROLES

PERIODS = ("month", "quarter", "year")
COUNTS = """
MATCH (p:Paper)-[:{roles}]->(x:{label})
RETURN x.id AS id, x.name AS name, left(p.date, $width) AS cut, count(DISTINCT p) AS papers
"""
# Papers that cannot be placed in a period, counted once each whatever they name.
UNPLACED = """
MATCH (p:Paper)-[:{roles}]->(x)
WHERE ({types}) AND (p.date IS NULL OR size(p.date) < $width)
RETURN p.date IS NULL AS undated, count(DISTINCT p) AS papers
"""


@dataclass(frozen=True)
class Change:
    """An entity's papers in the period before last and in the last period."""

    id: str
    name: str
    before: int
    after: int

    @property
    def delta(self) -> int:
        return self.after - self.before


@dataclass
class Trends:
    by: str
    periods: list[str]
    names: dict[str, str]  # entity id -> name
    counts: dict[str, list[int]]  # entity id -> papers per period, aligned with `periods`
    top: list[str]  # the entity ids with the most dated papers
    risers: list[Change] = field(default_factory=list)
    fallers: list[Change] = field(default_factory=list)
    undated: int = 0  # papers with no date
    coarse: int = 0  # papers dated only to a year, when months or quarters are asked for


def period(cut: str, by: str) -> str | None:
    """The period of a date cut to `YYYY` or `YYYY-MM`: `2025-01`, `2025-Q1` or `2025`; None when too coarse."""
    if by == "year":
        return cut[:4]
    if len(cut) < 7:
        return None
    return cut if by == "month" else f"{cut[:4]}-Q{(int(cut[5:7]) - 1) // 3 + 1}"


def following(value: str, by: str) -> str:
    """The period after `value`."""
    year = int(value[:4])
    if by == "year":
        return str(year + 1)
    if by == "quarter":
        quarter = int(value[-1])
        return f"{year + 1}-Q1" if quarter == 4 else f"{year}-Q{quarter + 1}"
    month = int(value[5:7])
    return f"{year + 1}-01" if month == 12 else f"{year}-{month + 1:02d}"


def trends(reader: Reader, types: tuple[str, ...] = (), roles: tuple[str, ...] = (), by: str = "quarter", top: int = 10) -> Trends:
    """Papers per entity per period, for entities of `types` named with `roles` (all when empty).

    Raises AnswerError for an unknown type, role or period.
    """
    if by not in PERIODS:
        raise AnswerError(f"unknown period '{by}'; choose from {', '.join(PERIODS)}")
    labels = choose_types(types)
    unknown = [role for role in roles if role.casefold() not in ROLES]
    if unknown:
        raise AnswerError(f"unknown role '{unknown[0]}'; choose from {', '.join(ROLES)}")
    pattern = "|".join(role.upper() for role in ROLES if role in {r.casefold() for r in roles}) or ROLE_TYPES
    width = 4 if by == "year" else 7
    per: dict[str, dict[str, int]] = {}
    names: dict[str, str] = {}
    for label in labels:
        for row in reader.run(COUNTS.format(roles=pattern, label=checked(label)), {"width": width}):
            names[row["id"]] = row["name"]
            when = period(row["cut"], by) if row["cut"] else None
            if when:
                counts = per.setdefault(row["id"], {})
                counts[when] = counts.get(when, 0) + row["papers"]
    periods = _span({p for counts in per.values() for p in counts}, by)
    counts = {key: [per[key].get(p, 0) for p in periods] for key in sorted(per)}
    ranked = sorted(counts, key=lambda key: (-sum(counts[key]), names[key].casefold(), key))
    result = Trends(by, periods, names, counts, ranked[:top])
    if len(result.periods) >= 2:
        changes = [Change(key, names[key], c[-2], c[-1]) for key, c in result.counts.items() if c[-2] != c[-1]]
        result.risers = sorted((c for c in changes if c.delta > 0), key=lambda c: (-c.delta, -c.after, c.name.casefold()))[:top]
        result.fallers = sorted((c for c in changes if c.delta < 0), key=lambda c: (c.delta, c.after, c.name.casefold()))[:top]
    types_clause = " OR ".join(f"x.id STARTS WITH '{label.lower()}:'" for label in labels)
    for row in reader.run(UNPLACED.format(roles=pattern, types=types_clause), {"width": width}):
        if row["undated"]:
            result.undated = row["papers"]
        else:
            result.coarse = row["papers"]
    return result


def _span(found: set[str], by: str) -> list[str]:
    """Every period from the first found to the last, empty ones included."""
    if not found:
        return []
    periods = [min(found)]
    while periods[-1] < max(found):
        periods.append(following(periods[-1], by))
    return periods

