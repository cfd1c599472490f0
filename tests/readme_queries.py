"""The example queries of README.md, read from it so that the tests run exactly what users read."""

from __future__ import annotations

import re
from pathlib import Path

README = Path(__file__).resolve().parent.parent / "README.md"
EXAMPLE = re.compile(r"^\*\*(\d+)\. ([^*]+)\*\*.*?\n\n```cypher\n(.*?)```", re.S | re.M)


def readme_queries() -> dict[int, tuple[str, str]]:
    """Number -> (title, Cypher) for every example under 'Example queries'."""
    text = README.read_text(encoding="utf-8").split("### Example queries", 1)[1]
    return {int(number): (title, cypher.strip()) for number, title, cypher in EXAMPLE.findall(text)}


# The parameters the README gives for the queries that take one.
PARAMS = {5: {"family": "Llama-3.1"}, 6: {"name": "WebArena"}}
