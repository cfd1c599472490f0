"""A small graph with known answers, written into a fresh LadybugDB store with plain Cypher CREATEs.

Six papers written by hand (three about web agents, two that propose
benchmarks, one that proposes a method and an environment together), with
authors, dates of every precision, DOIs, categories and venues; entities of
all four types with aliases; every role; two variants; three results. The
store's tables come from `schemas/embedded/schema.cypher`, so the readers are
tested on exactly the tables the real store has.

`PAPERS` is the truth the tests compute their expected answers from; `create`
writes it. Evidence sentences and offsets are computed from the text, so
`text[start_char:end_char] == sentence` holds as in a real build.
"""

from __future__ import annotations

import re
from importlib.resources import files
from pathlib import Path

from kg.records import norm, paper_id

EXTRACTOR = "kg-rules/test"
SOURCE = "/data/written.jsonl"

# (name, type, aliases) of every entity; its id is `<type>:<normalised name>`.
ENTITIES = [
    ("WebPilot", "Method", []),
    ("PPO", "Method", ["Proximal Policy Optimization"]),
    ("ReAct", "Method", []),
    ("chain-of-thought prompting", "Method", ["CoT"]),
    ("HomePlanner", "Method", []),
    ("Llama-3.1", "Model", []),
    ("Llama-3.1-8B", "Model", ["Llama 3.1 8B"]),
    ("Llama-3.1-70B", "Model", []),
    ("GPT-4o", "Model", ["GPT4o"]),
    ("Claude 3.5 Sonnet", "Model", []),
    ("BrowseBench", "Benchmark", []),
    ("LocoBench", "Benchmark", []),
    ("GSM8K", "Benchmark", ["GSM-8K"]),
    ("WebArena", "Environment", []),
    ("MiniWoB++", "Environment", ["MiniWoB"]),
    ("Mind2Web", "Environment", []),
    ("MuJoCo", "Environment", []),
    ("SimWorld", "Environment", []),
]
VARIANTS = [("Llama-3.1-8B", "Llama-3.1"), ("Llama-3.1-70B", "Llama-3.1")]
AUTHORS = {  # name -> (id, orcid)
    "Ada Lovelace": ("author:0000-0002-1825-0097", "0000-0002-1825-0097"),
    "Alan Turing": ("author:alanturing", None),
    "Grace Hopper": ("author:gracehopper", None),
}

PAPERS = [
    {
        "title": "WebPilot: Small Web Agents Trained with PPO",
        "abstract": "Web agents fail at long tasks. We propose WebPilot, trained with PPO on Llama-3.1-8B. "
        "We evaluate on WebArena and MiniWoB++ and compare against GPT-4o.",
        "arxiv_id": "2502.00001", "doi": "10.1234/webpilot.2025", "url": "https://arxiv.org/abs/2502.00001",
        "date": "2025-02-03", "venue": "ICML 2025", "categories": ["cs.CL", "cs.AI"],
        "authors": ["Ada Lovelace", "Alan Turing"],
        "roles": [("WebPilot", "proposes"), ("PPO", "uses"), ("Llama-3.1-8B", "uses"), ("WebArena", "evaluates_on"),
                  ("MiniWoB++", "evaluates_on"), ("GPT-4o", "compares_to")],
        "results": [("WebPilot", "WebArena", "success rate", "41.0%")],
    },
    {
        "title": "BrowseBench: A Benchmark for Web Agents",
        "abstract": "We introduce BrowseBench, a benchmark of shopping tasks for web agents. "
        "Tasks run in WebArena. ReAct agents built on GPT-4o and Claude 3.5 Sonnet are compared.",
        "arxiv_id": "2502.00002", "date": "2025-02", "categories": ["cs.CL"],
        "authors": ["Alan Turing", "Grace Hopper"],
        "roles": [("BrowseBench", "proposes"), ("WebArena", "evaluates_on"), ("ReAct", "uses"), ("GPT-4o", "compares_to"),
                  ("Claude 3.5 Sonnet", "compares_to")],
        "results": [("GPT-4o", "BrowseBench", "Success Rate", "30.2%")],
    },
    {
        "title": "Planning Helps Web Agents",
        "abstract": "A web agent that plans first does better. We evaluate on Mind2Web and WebArena, train with PPO "
        "and compare against GPT-4o. Plans also help on GSM8K.",
        "doi": "10.5555/plan.1", "date": "2024", "venue": "NeurIPS Workshop on Agents",
        "authors": ["Grace Hopper"],
        "roles": [("Mind2Web", "evaluates_on"), ("WebArena", "evaluates_on"), ("PPO", "uses"), ("GPT-4o", "compares_to"),
                  ("GSM8K", "evaluates_on")],
        "results": [],
    },
    {
        "title": "LocoBench: Legged Locomotion in MuJoCo",
        "abstract": "We release LocoBench, a locomotion benchmark. Policies are trained with PPO in MuJoCo "
        "from Llama-3.1-70B plans.",
        "arxiv_id": "2502.00004",
        "authors": [],
        "roles": [("LocoBench", "proposes"), ("MuJoCo", "evaluates_on"), ("PPO", "uses"), ("Llama-3.1-70B", "uses")],
        "results": [],
    },
    {
        "title": "Chain-of-Thought for Grade-School Math",
        "abstract": "We study chain-of-thought prompting on GSM8K. Our analysis covers Llama-3.1.",
        "arxiv_id": "2502.00005", "date": "2025-01-15", "categories": ["cs.LG"],
        "authors": ["Ada Lovelace"],
        "roles": [("chain-of-thought prompting", "uses"), ("GSM8K", "evaluates_on"), ("Llama-3.1", "mentions")],
        "results": [("Unnamed", None, None, "12")],
    },
    {
        "title": "SimWorld: A Simulator for Household Robots",
        "abstract": "We introduce SimWorld, a household simulator, and HomePlanner, a planning method. "
        "HomePlanner plans with Llama-3.1-8B and is compared with ReAct.",
        "arxiv_id": "2502.00006", "date": "2025-03-01", "categories": ["cs.RO"],
        "authors": ["Grace Hopper", "Ada Lovelace"],
        "roles": [("SimWorld", "proposes"), ("HomePlanner", "proposes"), ("Llama-3.1-8B", "uses"), ("ReAct", "compares_to")],
        "results": [],
    },
]


def entity_id(name: str) -> str:
    type_ = next(t for n, t, _ in ENTITIES if n == name)
    return f"{type_.lower()}:{norm(name)}"


def entity_type(name: str) -> str:
    return next(t for n, t, _ in ENTITIES if n == name)


def pid(paper: dict) -> str:
    return paper_id(paper["title"], paper.get("arxiv_id"), paper.get("doi"))


def text(paper: dict) -> str:
    return f"{paper['title']}\n\n{paper['abstract']}"


def evidence(paper: dict, name: str) -> tuple[str, int, int]:
    """The first sentence of the paper's text that names `name`, with its offsets."""
    for found in re.finditer(r"\S[^\n]*?(?:\.(?=\s|$)|(?=\n|$))", text(paper)):
        if name in found.group():
            return found.group(), found.start(), found.end()
    raise ValueError(f"{name!r} is not in {paper['title']!r}")


def confidence(role: str) -> float:
    return 0.8 if role == "uses" else 0.9


def schema_statements() -> list[str]:
    ddl = files("kg.schemas").joinpath("embedded", "schema.cypher").read_text(encoding="utf-8")
    ddl = re.sub(r"//[^\n]*", "", ddl)
    return [s.strip() for s in ddl.split(";") if s.strip()]


def create(path: Path, papers: list[dict] = PAPERS) -> Path:
    """A new LadybugDB store at `path` holding `papers` (the known graph by default)."""
    import ladybug

    db = ladybug.Database(str(path))
    conn = ladybug.Connection(db)
    run = conn.execute
    for statement in schema_statements():
        run(statement)
    named = {name for paper in papers for name, _ in paper["roles"]}
    for name, type_, aliases in ENTITIES:
        if name in named:
            run(f"CREATE (:{type_} {{id: $id, name: $name, aliases: $aliases}})", {"id": entity_id(name), "name": name, "aliases": aliases})
    for variant, base in VARIANTS:
        if {variant, base} <= named:
            run("MATCH (a:Model {id: $a}), (b:Model {id: $b}) CREATE (a)-[:VARIANT_OF]->(b)", {"a": entity_id(variant), "b": entity_id(base)})
    for name in sorted({a for paper in papers for a in paper["authors"]}):
        author, orcid = AUTHORS[name]
        run("CREATE (:Author {id: $id, name: $name, orcid: $orcid})", {"id": author, "name": name, "orcid": orcid})
    for paper in papers:
        props = {key: paper.get(key) for key in ("title", "abstract", "arxiv_id", "doi", "url", "date", "venue")}
        run(
            "CREATE (:Paper {id: $id, title: $title, abstract: $abstract, arxiv_id: $arxiv_id, doi: $doi, url: $url, "
            "date: $date, venue: $venue, categories: $categories, sources: $sources})",
            {"id": pid(paper), **props, "categories": paper.get("categories", []), "sources": [SOURCE]},
        )
        for position, name in enumerate(paper["authors"], 1):
            run("MATCH (a:Author {id: $a}), (p:Paper {id: $p}) CREATE (a)-[:AUTHORED {position: $n}]->(p)",
                {"a": AUTHORS[name][0], "p": pid(paper), "n": position})
        for name, role in paper["roles"]:
            sentence, start, end = evidence(paper, name)
            run(
                f"MATCH (p:Paper {{id: $p}}), (e:{entity_type(name)} {{id: $e}}) "
                f"CREATE (p)-[:{role.upper()} {{role: $role, confidence: $confidence, extractor: $extractor, "
                "sentence: $sentence, start_char: $first, end_char: $last}]->(e)",
                {"p": pid(paper), "e": entity_id(name), "role": role, "confidence": confidence(role), "extractor": EXTRACTOR,
                 "sentence": sentence, "first": start, "last": end},
            )
        for number, (subject, benchmark, metric, value) in enumerate(paper["results"]):
            result = f"result:{pid(paper)}:{number}"
            run("MATCH (p:Paper {id: $p}) CREATE (p)-[:REPORTS]->(:Result {id: $id, subject: $s, benchmark: $b, metric: $m, value: $v})",
                {"p": pid(paper), "id": result, "s": subject, "b": benchmark, "m": metric, "v": value})
            if subject in named:
                run(f"MATCH (e:{entity_type(subject)} {{id: $e}}), (r:Result {{id: $r}}) CREATE (e)-[:ACHIEVES]->(r)",
                    {"e": entity_id(subject), "r": result})
            if benchmark in named:
                run(f"MATCH (e:{entity_type(benchmark)} {{id: $e}}), (r:Result {{id: $r}}) CREATE (e)-[:HAS_RESULT]->(r)",
                    {"e": entity_id(benchmark), "r": result})
    conn.close()
    db.close()
    return path


def synthetic(path: Path, papers: int, entities: int, seed: int = 1, abstract_words: int = 60) -> Path:
    """A store of the real shape with `papers` made-up papers, written by `COPY` from pandas (fast at any size).

    Entities are named `Model 7`, `Benchmark 12`, ..., picked by a skewed law
    (a few are named by many papers), three to five per paper; a quarter of
    papers report a result; each paper has one to three of `papers // 2`
    authors. Evidence sentences are slices of the paper's text.
    """
    import random

    import ladybug
    import pandas as pd

    rng = random.Random(seed)
    types = ("Model", "Method", "Benchmark", "Environment")
    allowed = {"Model": ("proposes", "uses", "compares_to", "mentions"), "Method": ("proposes", "uses", "compares_to", "mentions"),
               "Benchmark": ("proposes", "evaluates_on", "uses", "mentions"), "Environment": ("proposes", "evaluates_on", "uses", "mentions")}
    names = [(f"{types[i % 4]} {i}", types[i % 4]) for i in range(entities)]
    ids = [f"{t.lower()}:{norm(n)}" for n, t in names]
    words = "agents plan act observe reward policy model benchmark learn search tool web robot language vision".split()
    paper_rows, author_rows, authored, results, reports, achieves, has_result = [], [], [], [], [], [], []
    roles: dict[tuple[str, str], list] = {}
    authors = max(1, papers // 2)
    author_rows = [{"id": f"author:person{i}", "name": f"Person {i}", "orcid": None} for i in range(authors)]
    for p in range(papers):
        pid_ = f"arxiv:{2400 + p // 90000}.{p % 90000:05d}"
        title = f"Paper {p}: how agents {rng.choice(words)} with \"quotes\""
        abstract = " ".join(rng.choice(words) for _ in range(abstract_words)) + "."
        text_ = f"{title}\n\n{abstract}"
        paper_rows.append({"id": pid_, "title": title, "abstract": abstract, "arxiv_id": pid_[6:], "doi": None,
                           "url": f"https://arxiv.org/abs/{pid_[6:]}", "date": f"2025-{1 + p % 12:02d}-{1 + p % 28:02d}",
                           "venue": "Synthetic Conference" if p % 3 == 0 else None, "categories": ["cs.AI", "cs.CL"][: 1 + p % 2],
                           "sources": ["/data/synthetic.jsonl"]})
        for position, a in enumerate(sorted({rng.randrange(authors) for _ in range(1 + p % 3)}), 1):
            authored.append({"from": f"author:person{a}", "to": pid_, "position": position})
        chosen = sorted({min(rng.randrange(entities), rng.randrange(entities)) for _ in range(3 + p % 3)})
        for e in chosen:
            role = rng.choice(allowed[names[e][1]])
            start = rng.randrange(0, len(text_) - 40)
            roles.setdefault((role.upper(), names[e][1]), []).append(
                {"from": pid_, "to": ids[e], "role": role, "confidence": rng.choice((0.6, 0.75, 0.9)), "extractor": EXTRACTOR,
                 "sentence": text_[start:start + 40], "start_char": start, "end_char": start + 40})
        if p % 4 == 0:
            result = f"result:{pid_}:0"
            model, bench = chosen[0] - chosen[0] % 4, chosen[-1] - chosen[-1] % 4 + 2
            results.append({"id": result, "subject": names[model][0], "benchmark": names[bench % entities][0] if bench < entities else None,
                            "metric": rng.choice(("accuracy", "Accuracy", "success rate")), "value": f"{rng.randrange(100)}.0%"})
            reports.append({"from": pid_, "to": result})
            achieves.append({"from": ids[model], "to": result})
            if bench < entities:
                has_result.append({"from": ids[bench], "to": result})
    db = ladybug.Database(str(path))
    conn = ladybug.Connection(db)
    for statement in schema_statements():
        conn.execute(statement)

    def copy(table: str, rows: list[dict], **pair: str) -> None:
        if rows:
            frame = pd.DataFrame(rows)  # noqa: F841 (COPY reads the local variable by name)
            options = f" (from='{pair['start']}', to='{pair['end']}')" if pair else ""
            conn.execute(f"COPY {table} FROM frame{options}")

    copy("Paper", paper_rows)
    copy("Author", author_rows)
    for type_ in types:
        copy(type_, [{"id": ids[i], "name": n, "aliases": [n.replace(" ", "-")] if i % 5 == 0 else []}
                     for i, (n, t) in enumerate(names) if t == type_])
    copy("Result", results)
    for (type_, label), rows in sorted(roles.items()):
        copy(type_, rows, start="Paper", end=label)
    copy("VARIANT_OF", [{"from": ids[i], "to": ids[i - 4]} for i in range(4, min(entities, 40)) if names[i][1] == "Model"],
         start="Model", end="Model")
    copy("REPORTS", reports)
    for label in ("Model", "Method"):
        copy("ACHIEVES", [r for r in achieves if r["from"].startswith(label.lower() + ":")], start=label, end="Result")
    for label in ("Benchmark", "Environment"):
        copy("HAS_RESULT", [r for r in has_result if r["from"].startswith(label.lower() + ":")], start=label, end="Result")
    copy("AUTHORED", authored)
    conn.close()
    db.close()
    return path
