"""Evaluation registries: lm-evaluation-harness tasks and MTEB tasks, both read from their files, never imported.

Both hold far more ids than names: prompt variants (`arc_easy_mt_de`), language
splits and the harness's own bundles. A task counts only where the package's own
prose (its README, its description or citation) writes the id as a name, so the
casing is the authors' (`hellaswag` -> HellaSwag, `MSMARCO` -> MS MARCO).
"""

from __future__ import annotations

import ast
import importlib.util
import re
from pathlib import Path

from .common import Row, cased, common_word, long_form, note, version

# The harness's own bundles, leaderboards and toy tasks: folders, not names papers write.
LM_EVAL_NOT_NAMES = {"benchmarks", "leaderboard", "japanese_leaderboard", "arabic_leaderboard_complete", "arabic_leaderboard_light",
                     "llama3", "score", "unitxt", "translation", "arithmetic", "unscramble", "simple_cooccurrence_bias",
                     "squad_completion", "lambada_cloze", "pile_10k", "model_written_evals", "okapi", "bangla",
                     "lambada_multilingual_stablelm", "arc_mt", "mimic_repsum", "e2lmc", "med_prescriptions", "med_text_classification",
                     "fda", "pisa"}  # the last two: an agency's and a school study's acronym before they are task names
# Task ids papers write by a name their README does not spell out (`arc_easy` -> ARC-Easy); each is kept only if registered.
LM_EVAL_NAMES = {"arc_easy": ("ARC-Easy", ["ARC Easy", "ARC-e"]), "arc_challenge": ("ARC-Challenge", ["ARC Challenge", "ARC-c"]),
                 "arc": ("ARC", ["AI2 Reasoning Challenge"]), "bbh": ("BIG-Bench Hard", ["BBH", "BigBench Hard"]),
                 "bigbench": ("BIG-bench", ["BIG-Bench", "BigBench"]), "nq_open": ("Natural Questions", ["NQ-Open"]),
                 "medmcqa": ("MedMCQA", []), "medqa_4options": ("MedQA", []), "realtoxicityprompts": ("RealToxicityPrompts", []),
                 "hendrycks_ethics": ("ETHICS", []), "squadv2": ("SQuAD 2.0", ["SQuAD v2", "SQuADv2"]),
                 "code_x_glue": ("CodeXGLUE", []), "mmlu-redux": ("MMLU-Redux", []), "csatqa": ("CSAT-QA", []),
                 "alghafa": ("AlGhafa", []), "social_iqa": ("Social IQa", ["SIQA", "SocialIQA"])}
HEADING = re.compile(r"^#\s+(.+?)\s*$", re.M)
HEADING_TAIL = re.compile(r"\s+(?:Dataset|Datasets|Benchmark|Tasks|evaluations)$|\s*\((?:Validation|Gujarati)\)$")
TASK_ID = re.compile(r"^task:\s*([\w.-]+)\s*$", re.M)


def lm_eval_rows() -> list[Row]:
    """lm-evaluation-harness: each task folder's benchmark, cased as its README writes it, and the sub-tasks the README names."""
    spec = importlib.util.find_spec("lm_eval")
    if spec is None:
        raise ImportError("lm_eval is not installed")
    root, source, rows = Path(spec.origin).parent / "tasks", version("lm-eval"), []
    registered: set[str] = set()
    for folder in sorted(p for p in root.iterdir() if p.is_dir() and not p.name.startswith("_")):
        readme = folder / "README.md"
        text = readme.read_text(encoding="utf-8") if readme.is_file() else ""
        ids = {m.group(1) for path in folder.rglob("*.yaml") for m in TASK_ID.finditer(path.read_text(encoding="utf-8", errors="replace"))}
        registered |= ids | {folder.name}
        if folder.name in LM_EVAL_NOT_NAMES or folder.name in LM_EVAL_NAMES:
            continue
        name = cased(folder.name, text) or heading_name(text)
        if name and benchmark_like(name):
            full = long_form(name, text)
            rows.append(Row(name, "Benchmark", source, [full] if full and not re.search(r"\d", full) else []))  # not a citation key
        for task in sorted(ids - {folder.name}):
            sub = cased(task, text)
            if sub and len(re.sub(r"\W", "", sub)) >= 4 and benchmark_like(sub):  # not a bare split acronym (`NCB`)
                rows.append(Row(sub, "Benchmark", source))
    for task, (name, aliases) in LM_EVAL_NAMES.items():
        if task in registered:
            rows.append(Row(name, "Benchmark", source, list(aliases)))
        else:
            note(f"lm_eval has no task {task}")
    return rows


def heading_name(text: str) -> str | None:
    """`LogiQA 2.0` from "# LogiQA 2.0", `ETHICS` from "# ETHICS Dataset"; None for a sentence or an id (`# mmlu_pro`)."""
    match = HEADING.search(text)
    if not match:
        return None
    name = HEADING_TAIL.sub("", match.group(1)).strip()
    return None if ":" in name or "_" in name or name.lower() == "task-name" or len(name.split()) > 4 else name


def benchmark_like(name: str) -> bool:
    """Every word carries a capital or a digit (`COPA-ca`, `Bangla MMLU`, not `arabic leaderboard acva`), and no common word in title case."""
    words = name.split()
    if len(words) > 4 or any(not re.search(r"[A-Z0-9]", w) for w in words):
        return False
    return not (common_word(name) and not name.isupper())


MTEB_SUFFIX = re.compile(r"(?:Instruction)?(?:BitextMining|PairClassification|MultilabelClassification|Classification|Clustering"
                         r"|Retrieval|Reranking|RR|STS|Summarization|HardNegatives)+$|\.v\d+$")
RARE_WORD = 1.5  # wordfreq Zipf under which a one-word title-case name is no English word (`Tatoeba`, not `Headline`)


def mteb_rows() -> list[Row]:
    """MTEB's task metadata: the dataset behind each task (`SciFactRetrieval` -> SciFact), where its description or citation names it."""
    from wordfreq import zipf_frequency

    spec = importlib.util.find_spec("mteb")
    if spec is None:
        raise ImportError("mteb is not installed")
    source, rows = version("mteb"), [Row("MTEB", "Benchmark", version("mteb"), ["Massive Text Embedding Benchmark"])]
    for path in sorted((Path(spec.origin).parent / "tasks").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Call) and getattr(node.func, "id", None) == "TaskMetadata"):
                continue
            fields = {k.arg: k.value.value for k in node.keywords if isinstance(k.value, ast.Constant) and isinstance(k.value.value, str)}
            stem = MTEB_SUFFIX.sub("", MTEB_SUFFIX.sub("", fields.get("name", "")))
            name = cased(stem, fields.get("description", ""), fields.get("bibtex_citation", "")) if stem else None
            if not name or not benchmark_like(name):
                continue
            if re.fullmatch(r"[A-Z][a-z]+", name) and zipf_frequency(name.lower(), "en") >= RARE_WORD:
                continue
            rows.append(Row(name, "Benchmark", source, [stem] if stem != name and "-" not in stem else []))
    return rows
