#!/usr/bin/env python3
"""Precision of extracted entities at confidence thresholds, against gold annotations.

usage: scripts/confidence_report.py GOLD.jsonl PREDICTED.jsonl [--thresholds 0.5 0.7 0.85]

An entity counts as right when the gold paper has an entity of the same
type sharing a normalised name or alias (the matching of
../shared/gold/score.py). If confidence means something, precision rises
with the threshold.
"""

from __future__ import annotations

import argparse
import json

from kg.records import norm


def _load(path: str) -> dict[str, dict]:
    with open(path, encoding="utf-8") as handle:
        return {norm(obj["title"]): obj for obj in map(json.loads, filter(str.strip, handle))}


def _names(entity: dict) -> set[str]:
    return {norm(n) for n in (entity["name"], *entity.get("aliases", [])) if norm(n)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold")
    parser.add_argument("predicted")
    parser.add_argument("--thresholds", type=float, nargs="+", default=[0.5, 0.7, 0.85])
    args = parser.parse_args()
    gold, pred = _load(args.gold), _load(args.predicted)
    scored = []
    for key, paper in gold.items():
        for entity in pred.get(key, {}).get("entities", []):
            right = any(g["type"] == entity["type"] and _names(g) & _names(entity) for g in paper["entities"])
            scored.append((entity.get("confidence", 0.0), right))
    for threshold in args.thresholds:
        kept = [right for confidence, right in scored if confidence >= threshold]
        precision = sum(kept) / len(kept) if kept else 0.0
        print(f"confidence >= {threshold:.2f}: {len(kept):5d} entities, precision {precision:.3f}")


if __name__ == "__main__":
    main()
