"""Many short, distinct papers written from templates, for the parallel and distributed tests.

The sentences are written for these tests (never copied from the corpus);
the names vary per paper so that every paper is distinct and the extractor
finds lexicon names, coined names, acronyms and scores in them.
"""

from __future__ import annotations

FAMILIES = ["Llama-3.1-8B", "GPT-4o", "Qwen2.5-7B", "Mistral-7B", "Claude 3.5 Sonnet"]
PLACES = ["WebArena", "MuJoCo", "GSM8K", "MiniWoB++", "HumanEval"]


def scale_records(count: int) -> list[dict]:
    """`count` JSON records with `title`, `abstract` and a made-up arXiv id, all distinct."""
    records = []
    for number in range(count):
        name = f"Tern{number}Net" if number % 2 else f"ORCA-{number}"
        family, place = FAMILIES[number % len(FAMILIES)], PLACES[number % len(PLACES)]
        records.append({
            "title": f"{name}: Learning to Plan with Sparse Rewards, Study {number}",
            "abstract": (
                f"Agents that plan over long horizons remain brittle. We propose {name}, a method that trains "
                f"{family} with Proximal Policy Optimization (PPO) and a learned critic. We evaluate {name} on "
                f"{place} and compare against direct preference optimization. {name} improves {family} from "
                f"{10 + number % 50}.0% to {40 + number % 50}.5% on {place}."
            ),
            "arxiv_id": f"2601.{number:05d}",
        })
    return records
