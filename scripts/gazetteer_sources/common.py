"""What every registry reader shares: the row, the package version, and the casing of registry ids."""

from __future__ import annotations

import ast
import importlib
import importlib.metadata
import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from kg.records import norm

COMMON_ZIPF = 3.0  # wordfreq's Zipf scale: 3 is about once per million words ('pong', 'hopper', 'transformer')
SIZED = re.compile(r"-(?:[A-Z]{1,3}\d*|\d+|[Bb]ase|[Ll]arge|[Ss]mall|[Tt]iny)$")  # `PoolFormer-S24`, `DeiT-B`: a trained size of a family


@dataclass
class Row:
    name: str
    type: str
    source: str
    aliases: list[str] = field(default_factory=list)


def version(dist: str) -> str:
    return f"{dist}=={importlib.metadata.version(dist)}"


def note(message: str) -> None:
    print(f"build_gazetteers: {message}", file=sys.stderr)


# ---------------------------------------------------------------- casing


WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9+'.\-/]*[A-Za-z0-9+]|[A-Za-z0-9]")


def cased(key: str, *texts: str, max_words: int = 5) -> str | None:
    """The form of `key` (a registry id) that the package's own prose writes, the most frequent one.

    `cifar10` -> `CIFAR-10` from "CIFAR-10.", `bool_q` -> `BoolQ`; None when the prose never writes it.
    """
    target, seen = norm(key), Counter()
    for text in texts:
        words = WORD.findall(text or "")
        for i in range(len(words)):
            for j in range(i + 1, min(i + max_words, len(words)) + 1):
                span = " ".join(words[i:j])
                n = norm(span)
                if n == target:
                    seen[span] += 1
                if len(n) >= len(target):
                    break
    seen = Counter({s: c for s, c in seen.items() if not s.islower()})  # lower case is how ids are quoted, not names
    return max(seen, key=lambda s: (shape(s), seen[s], s)) if seen else None


def shape(form: str) -> int:
    """How deliberately a form is cased: `SQuAD`, `LibriSpeech` (2) over `BERT` (1) over `Bert` (0)."""
    return 2 if re.search(r"[a-z][A-Z]", form) else 1 if form.upper() == form else 0


def long_form(name: str, text: str) -> str | None:
    """`Stanford Question Answering Dataset` from "Stanford Question Answering Dataset (SQuAD)"."""
    match = re.search(r"((?:[A-Z][\w'-]*\s+(?:of\s+|for\s+|and\s+|the\s+)?){2,8})\(\s*" + re.escape(name) + r"\s*\)", text or "")
    return re.sub(r"^The\s+", "", match.group(1).strip()) if match else None


def split_camel(name: str) -> str:
    """`SpaceInvaders` -> `Space Invaders`; acronyms stay whole (`CoLA`, `DBpedia`)."""
    return re.sub(r"(?<=[a-z])(?=[A-Z][a-z])", " ", name)


def strip_version(name: str) -> str | None:
    """`ImageNet 2012` -> `ImageNet`, `COCO2017` -> `COCO`: the stem papers write alone, or None."""
    match = re.fullmatch(r"(.*?[A-Za-z])[\s\-_]*(?:v\d+(?:\.\d+)?|20\d\d|19\d\d)", name)
    stem = match.group(1) if match else None
    return stem if stem and len(norm(stem)) >= 3 and stem != name else None



def letters_digits(name: str) -> tuple[str, list[str]]:
    """`WikiText103` -> (`WikiText-103`, [`WikiText103`, `WikiText 103`]); other names unchanged."""
    match = re.fullmatch(r"([A-Z]+)-?(\d+)", name)
    if not match:
        return name, []
    return f"{match.group(1)}-{match.group(2)}", [f"{match.group(1)}{match.group(2)}", f"{match.group(1)} {match.group(2)}"]



def module_docstrings(path: Path) -> dict[str, str]:
    """Class name -> docstring of a module, read without importing it (its package may not import beside this torch)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return {node.name: ast.get_docstring(node) or "" for node in ast.walk(tree) if isinstance(node, ast.ClassDef)}


def dict_keys(path: Path, variable: str) -> list[str]:
    """The string keys or items of a module-level dict or list assignment, read without importing."""
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.Assign) and any(getattr(t, "id", None) == variable for t in node.targets):
            items = node.value.keys if isinstance(node.value, ast.Dict) else getattr(node.value, "elts", [])
            return [k.value for k in items if isinstance(k, ast.Constant) and isinstance(k.value, str)]
    return []



def attr_path(root, dotted: str):
    obj = root
    for part in dotted.split("."):
        obj = getattr(obj, part, None) if obj is not None else None
        if obj is None:
            try:
                obj = importlib.import_module(f"{root.__name__}.{dotted.rsplit('.', 1)[0]}")
                return getattr(obj, dotted.rsplit(".", 1)[1], None)
            except ImportError:
                return None
    return obj



def common_word(name: str) -> bool:
    from wordfreq import zipf_frequency

    return bool(re.fullmatch(r"[A-Za-z]+(?: [A-Za-z]+)*", name)) and zipf_frequency(name.lower(), "en") >= COMMON_ZIPF

