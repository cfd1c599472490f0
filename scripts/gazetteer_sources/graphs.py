"""Knowledge-graph registries: PyKEEN's datasets and embedding models, read from its source (it is never imported)."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

import yaml

from .common import Row, common_word, dict_keys, module_docstrings, version


def docdata(doc: str) -> dict:
    """The YAML block PyKEEN appends to a class docstring after `---` (its registry metadata), else {}."""
    if "\n---\n" not in doc:
        return {}
    meta = yaml.safe_load(doc.split("\n---\n", 1)[1])
    return meta if isinstance(meta, dict) else {}


def pykeen_rows() -> list[Row]:
    """PyKEEN's datasets (`FB15k-237`, `WN18RR`, `YAGO3-10`) and the published embedding models it registers (`TransE`, `RotatE`)."""
    spec = importlib.util.find_spec("pykeen")
    if spec is None:
        raise ImportError("pykeen is not installed")
    root, source, rows = Path(spec.origin).parent, version("pykeen"), []
    for folder, type_ in (("datasets", "Benchmark"), ("models", "Method")):
        docs: dict[str, str] = {}
        for path in sorted((root / folder).rglob("*.py")):
            docs.update(module_docstrings(path))
        for key in dict_keys(root / folder / "__init__.py", "__all__"):
            meta = docdata(docs.get(key, ""))
            if not meta or (type_ == "Method" and "citation" not in meta) or key.endswith(("Model", "Baseline")):
                continue  # helpers, base classes and unpublished baselines
            name = re.sub(r" Family$", "", str(meta.get("name") or key))
            name = key if "(" in name else name  # `WordNet-18 (RR)`: the class id is what papers write (`WN18RR`)
            name = re.sub(r"(?<=[a-z])(Small|Medium|Large)$", lambda m: f"-{m.group(1)[0]}", name)  # `CoDExSmall` -> `CoDEx-S`
            if common_word(name) or " Model" in name:
                continue  # `Countries`; and `ComplEx`, `SimplE`, `RotatE`, which the matcher reads in any case ("complex tasks")
            rows.append(Row(name, type_, source, [key] if key != name else []))
    return rows
