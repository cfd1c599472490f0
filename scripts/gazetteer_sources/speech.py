"""Speech corpora: the recipes of Lhotse, one module per corpus, cased as the recipe's own docstrings write the corpus (never imported)."""

from __future__ import annotations

import ast
import importlib.util
import re
from pathlib import Path

from .common import Row, cased, common_word, long_form, version

LHOTSE_NOT_CORPORA = {"__init__", "utils", "medical", "radio", "slu", "rir_noise", "yesno"}  # helpers and generic collections


def lhotse_rows() -> list[Row]:
    """Lhotse's recipes (`aishell3` -> AISHELL-3, `must_c` -> MuST-C); a recipe whose docstrings never write its corpus is skipped.

    An acronym of three letters or fewer (`AMI`, `MLS`) is ambiguous in other fields (adjusted mutual
    information), so such a corpus is kept only under the long form its docstring gives.
    """
    spec = importlib.util.find_spec("lhotse")
    if spec is None:
        raise ImportError("lhotse is not installed")
    source, rows = version("lhotse"), []
    for path in sorted((Path(spec.origin).parent / "recipes").glob("*.py")):
        if path.stem in LHOTSE_NOT_CORPORA:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        text = "\n".join(ast.get_docstring(n) or "" for n in ast.walk(tree) if isinstance(n, (ast.Module, ast.FunctionDef, ast.ClassDef)))
        name = cased(path.stem, text) or cased(path.stem.replace("_", ""), text)
        words = name.split() if name else []
        if not name or " s " in f" {name} " or any(not re.search(r"[A-Z0-9]", w) for w in words) or (len(words) == 1 and common_word(name)):
            continue  # never written as a name, or an English word (`Grid`)
        full = long_form(name, text)
        full = full if full and re.search(r"Corpus|Speech|Accents|Recognition|Dataset", full) else None  # not the lab (`ICSI`)
        if len(re.sub(r"\W", "", name)) <= 3:
            if full:
                rows.append(Row(full, "Benchmark", source))
            continue
        rows.append(Row(name, "Benchmark", source, [full] if full else []))
    return rows
