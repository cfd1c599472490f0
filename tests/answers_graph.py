"""A small graph with known answers, written by plain Cypher into a real LadybugDB store.

The leaderboard, trends, related-work and overview tests read this graph
through the reader contract (`run(cypher, params)` yielding dicts), so they
exercise the same Cypher as the stores do. The same CREATE statements write
it into Neo4j for the comparison tests. Every paper, entity and result here
is made up; values are written the ways papers write them ('41.0%', '0.35',
'38.2 ± 1.1', a perplexity, an error rate).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from decimal import Decimal
from pathlib import Path
from typing import Any

SCHEMA = Path(__file__).parent.parent / "schemas" / "embedded" / "schema.cypher"

# (id, title, arxiv_id, date)
PAPERS = [
    ("arxiv:2401.00001", "WebPilot: Teaching Small Models to Browse", "2401.00001", "2024-01-15"),
    ("arxiv:2402.00002", "AgentTuner: Tuning Web Agents at Scale", "2402.00002", "2024-02-03"),
    ("arxiv:2403.00009", "WebArena-Lite: A Cheaper Web Benchmark", "2403.00009", "2024-03-05"),
    ("arxiv:2404.00003", "Why Web Agents Fail", "2404.00003", "2024-04-20"),
    ("arxiv:2405.00004", "TinyLM: Small Language Models that Read", "2405.00004", "2024-05"),
    ("arxiv:2407.00005", "Preference Tuning for Math", "2407.00005", "2024-07-11"),
    ("arxiv:2410.00006", "PPO Policies in MuJoCo", "2410.00006", "2024-10-01"),
    ("arxiv:2501.00007", "Math with Preferences, Again", "2501.00007", "2025-01-20"),
    ("arxiv:2502.00008", "WebArena-Hard: Harder Web Tasks", "2502.00008", "2025-02-14"),
    ("title:00000000000000aa", "Locomotion Notes", None, "2024"),
    ("doi:10.1000/undated", "An Undated Study of Preference Tuning", None, None),
]

# (label, id, name, aliases)
ENTITIES = [
    ("Model", "model:llama318b", "Llama-3.1-8B", ["Llama 3.1 8B"]),
    ("Model", "model:llama31", "Llama-3.1", []),
    ("Model", "model:gpt4o", "GPT-4o", ["GPT4o"]),
    ("Model", "model:tinylm", "TinyLM", []),
    ("Method", "method:webpilot", "WebPilot", []),
    ("Method", "method:agenttuner", "AgentTuner", []),
    ("Method", "method:proximalpolicyoptimization", "Proximal Policy Optimization", ["PPO"]),
    ("Method", "method:directpreferenceoptimization", "Direct Preference Optimization", ["DPO"]),
    ("Benchmark", "benchmark:webarena", "WebArena", ["WA"]),
    ("Benchmark", "benchmark:webarenalite", "WebArena-Lite", []),
    ("Benchmark", "benchmark:webarenahard", "WebArena-Hard", []),
    ("Benchmark", "benchmark:wikitext103", "WikiText-103", []),
    ("Benchmark", "benchmark:gsm8k", "GSM8K", []),
    ("Environment", "environment:mujoco", "MuJoCo", []),
]
LABEL = {key: label for label, key, _, _ in ENTITIES}

# (variant, base)
VARIANTS = [
    ("model:llama318b", "model:llama31"),
    ("benchmark:webarenalite", "benchmark:webarena"),
    ("benchmark:webarenahard", "benchmark:webarena"),
]

WEBPILOT = "WebPilot raises the success rate of Llama-3.1-8B on WebArena-Lite from 4.8% to 41.0%."
TUNER = "AgentTuner reaches a success rate of 38.2 ± 1.1 on WebArena, where GPT-4o reaches 0.35 and a random baseline 1.2%."
LITE = "We release WebArena-Lite, on which GPT-4o succeeds at a rate of 0.297."
FAIL = "On WebArena, GPT-4o has an error rate of 22% and Llama-3.1-8B of 0.61."
TINY = "TinyLM reaches a perplexity of 8.2 on WikiText-103, against 6.9 for Llama-3.1-8B."
MATH = "With DPO, Llama-3.1-8B reaches 56.3% accuracy on GSM8K."
MUJOCO = "PPO reaches a return of 3120 in MuJoCo."
AGAIN = "GPT-4o scores 0.92 accuracy on GSM8K."
HARD = "We propose WebArena-Hard, where Llama-3.1-8B tuned with DPO succeeds 9.1% of the time."

# (paper, role, entity, sentence)
ROLES = [
    ("arxiv:2401.00001", "proposes", "method:webpilot", WEBPILOT),
    ("arxiv:2401.00001", "uses", "method:proximalpolicyoptimization", "WebPilot trains open models with PPO."),
    ("arxiv:2401.00001", "uses", "model:llama318b", WEBPILOT),
    ("arxiv:2401.00001", "evaluates_on", "benchmark:webarenalite", WEBPILOT),
    ("arxiv:2402.00002", "proposes", "method:agenttuner", TUNER),
    ("arxiv:2402.00002", "uses", "method:proximalpolicyoptimization", "AgentTuner tunes agents with PPO."),
    ("arxiv:2402.00002", "compares_to", "model:gpt4o", TUNER),
    ("arxiv:2402.00002", "evaluates_on", "benchmark:webarena", TUNER),
    ("arxiv:2403.00009", "proposes", "benchmark:webarenalite", LITE),
    ("arxiv:2403.00009", "evaluates_on", "benchmark:webarena", "WebArena-Lite is a subset of WebArena."),
    ("arxiv:2403.00009", "uses", "model:gpt4o", LITE),
    ("arxiv:2404.00003", "uses", "model:llama318b", FAIL),
    ("arxiv:2404.00003", "uses", "model:gpt4o", FAIL),
    ("arxiv:2404.00003", "evaluates_on", "benchmark:webarena", FAIL),
    ("arxiv:2405.00004", "proposes", "model:tinylm", TINY),
    ("arxiv:2405.00004", "evaluates_on", "benchmark:wikitext103", TINY),
    ("arxiv:2405.00004", "compares_to", "model:llama318b", TINY),
    ("arxiv:2407.00005", "uses", "method:directpreferenceoptimization", MATH),
    ("arxiv:2407.00005", "uses", "model:llama318b", MATH),
    ("arxiv:2407.00005", "evaluates_on", "benchmark:gsm8k", MATH),
    ("arxiv:2410.00006", "uses", "method:proximalpolicyoptimization", MUJOCO),
    ("arxiv:2410.00006", "evaluates_on", "environment:mujoco", MUJOCO),
    ("arxiv:2501.00007", "uses", "method:directpreferenceoptimization", "We tune with DPO."),
    ("arxiv:2501.00007", "uses", "model:gpt4o", AGAIN),
    ("arxiv:2501.00007", "evaluates_on", "benchmark:gsm8k", AGAIN),
    ("arxiv:2502.00008", "proposes", "benchmark:webarenahard", HARD),
    ("arxiv:2502.00008", "uses", "method:directpreferenceoptimization", HARD),
    ("arxiv:2502.00008", "uses", "model:llama318b", HARD),
    ("arxiv:2502.00008", "evaluates_on", "benchmark:webarena", "WebArena-Hard extends WebArena."),
    ("title:00000000000000aa", "uses", "method:proximalpolicyoptimization", "We train with PPO."),
    ("title:00000000000000aa", "uses", "environment:mujoco", "Policies run in MuJoCo."),
    ("doi:10.1000/undated", "uses", "method:directpreferenceoptimization", "We study DPO."),
    ("doi:10.1000/undated", "uses", "benchmark:gsm8k", "We test on GSM8K."),
    ("doi:10.1000/undated", "mentions", "model:llama31", "Llama-3.1 is a common base."),
]

# (paper, n, subject entity or None, subject as written, benchmark entity, metric, value)
RESULTS = [
    ("arxiv:2401.00001", 1, "method:webpilot", "WebPilot", "benchmark:webarenalite", "success rate", "41.0%"),
    ("arxiv:2401.00001", 2, "model:llama318b", "Llama-3.1-8B", "benchmark:webarenalite", "success rate", "4.8%"),
    ("arxiv:2402.00002", 1, "method:agenttuner", "AgentTuner", "benchmark:webarena", "success rate", "38.2 ± 1.1"),
    ("arxiv:2402.00002", 2, "model:gpt4o", "GPT-4o", "benchmark:webarena", "Success Rate", "0.35"),
    ("arxiv:2402.00002", 3, None, "random baseline", "benchmark:webarena", "success rate", "1.2%"),
    ("arxiv:2403.00009", 1, "model:gpt4o", "GPT-4o", "benchmark:webarenalite", "success rate", "0.297"),
    ("arxiv:2404.00003", 1, "model:gpt4o", "GPT-4o", "benchmark:webarena", "error rate", "22%"),
    ("arxiv:2404.00003", 2, "model:llama318b", "Llama-3.1-8B", "benchmark:webarena", "error rate", "0.61"),
    ("arxiv:2405.00004", 1, "model:tinylm", "TinyLM", "benchmark:wikitext103", "perplexity", "8.2"),
    ("arxiv:2405.00004", 2, "model:llama318b", "Llama-3.1-8B", "benchmark:wikitext103", "perplexity", "6.9"),
    ("arxiv:2407.00005", 1, "model:llama318b", "Llama-3.1-8B", "benchmark:gsm8k", "accuracy", "56.3%"),
    ("arxiv:2410.00006", 1, "method:proximalpolicyoptimization", "PPO", "environment:mujoco", "return", "3120"),
    ("arxiv:2501.00007", 1, "model:gpt4o", "GPT-4o", "benchmark:gsm8k", "accuracy", "0.92"),
    ("arxiv:2502.00008", 1, "model:llama318b", "Llama-3.1-8B", "benchmark:webarenahard", "success rate", "9.1%"),
]

Execute = Callable[[str, Mapping[str, Any]], Any]


def write_known_graph(execute: Execute) -> None:
    """Write the known graph with `execute(cypher, params)`: plain CREATEs that both stores run."""
    for pid, title, arxiv, date in PAPERS:
        url = f"https://arxiv.org/abs/{arxiv}" if arxiv else None
        execute(
            "CREATE (:Paper {id: $id, title: $title, abstract: $abstract, arxiv_id: $arxiv, url: $url, date: $date})",
            {"id": pid, "title": title, "abstract": f"An abstract about {title}.", "arxiv": arxiv, "url": url, "date": date},
        )
    for label, key, name, aliases in ENTITIES:
        # An empty list parameter has no element type in LadybugDB; a literal does.
        if aliases:
            execute(f"CREATE (:{label} {{id: $id, name: $name, aliases: $aliases}})", {"id": key, "name": name, "aliases": aliases})
        else:
            execute(f"CREATE (:{label} {{id: $id, name: $name, aliases: []}})", {"id": key, "name": name})
    for variant, base in VARIANTS:
        label = LABEL[base]
        execute(f"MATCH (v:{label} {{id: $v}}), (b:{label} {{id: $b}}) CREATE (v)-[:VARIANT_OF]->(b)", {"v": variant, "b": base})
    for paper, role, key, sentence in ROLES:
        execute(
            f"MATCH (p:Paper {{id: $p}}), (x:{LABEL[key]} {{id: $x}}) "
            f"CREATE (p)-[:{role.upper()} {{role: $role, confidence: 0.9, extractor: 'hand', sentence: $s, start_char: 0, end_char: $n}}]->(x)",
            {"p": paper, "x": key, "role": role, "s": sentence, "n": len(sentence)},
        )
    for paper, n, subject, written, bench, metric, value in RESULTS:
        rid = f"result:{paper}:{n}"
        execute(
            "MATCH (p:Paper {id: $p}) CREATE (p)-[:REPORTS]->(:Result {id: $id, subject: $s, benchmark: $b, metric: $m, value: $v})",
            {"p": paper, "id": rid, "s": written, "b": _name(bench), "m": metric, "v": value},
        )
        execute(f"MATCH (b:{LABEL[bench]} {{id: $b}}), (r:Result {{id: $r}}) CREATE (b)-[:HAS_RESULT]->(r)", {"b": bench, "r": rid})
        if subject:
            execute(f"MATCH (s:{LABEL[subject]} {{id: $s}}), (r:Result {{id: $r}}) CREATE (s)-[:ACHIEVES]->(r)", {"s": subject, "r": rid})


def _name(key: str) -> str:
    return next(name for _, k, name, _ in ENTITIES if k == key)


class LadybugReader:
    """A LadybugDB connection read through the reader contract: one dict per row, nodes as property maps."""

    def __init__(self, path: str | Path):
        import ladybug

        self.db = ladybug.Database(str(path))
        self.conn = ladybug.Connection(self.db)

    def execute(self, cypher: str, params: Mapping[str, Any] | None = None) -> None:
        self.conn.execute(cypher, dict(params or {}))

    def run(self, cypher: str, params: Mapping[str, Any] | None = None) -> Iterator[dict[str, Any]]:
        result = self.conn.execute(cypher, dict(params or {}))
        columns = result.get_column_names()
        while result.has_next():
            yield {column: _plain(value) for column, value in zip(columns, result.get_next())}

    def close(self) -> None:
        self.conn.close()
        self.db.close()


def _plain(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items() if not k.startswith("_")}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    return value


def create_store(path: str | Path) -> LadybugReader:
    """A fresh LadybugDB store at `path` with the tables of schemas/embedded/schema.cypher."""
    reader = LadybugReader(path)
    for statement in schema_statements():
        reader.execute(statement)
    return reader


def schema_statements() -> list[str]:
    text = "\n".join(line for line in SCHEMA.read_text(encoding="utf-8").splitlines() if not line.strip().startswith("//"))
    return [part.strip() for part in text.split(";") if part.strip()]


def known_store(path: str | Path) -> LadybugReader:
    """The known graph in a fresh LadybugDB store at `path`, open for reading."""
    reader = create_store(path)
    write_known_graph(reader.execute)
    return reader


class Neo4jReader:
    """A Neo4j session read through the same contract (for the comparison tests)."""

    def __init__(self, session: Any):
        self.session = session

    def execute(self, cypher: str, params: Mapping[str, Any] | None = None) -> None:
        self.session.run(cypher, dict(params or {})).consume()

    def run(self, cypher: str, params: Mapping[str, Any] | None = None) -> Iterator[dict[str, Any]]:
        from neo4j.graph import Node

        for record in self.session.run(cypher, dict(params or {})):
            yield {key: dict(value) if isinstance(value, Node) else value for key, value in record.items()}


# -- a large synthetic graph, for the overview map at scale

TOPICS = (
    ("web agents", "Web"), ("math reasoning", "Math"), ("code generation", "Code"), ("robot control", "Robo"),
    ("image generation", "Diff"), ("speech", "Whisper"), ("retrieval", "RAG"), ("alignment", "Pref"),
    ("vision-language", "VL"), ("games", "Atari"), ("graphs", "GNN"), ("time series", "TS"),
)
SHAPES = {
    "Model": ("{p}-{n}B", "{p}Net-{n}", "{p}LM-{n}"),
    "Method": ("{p}-PO-{n}", "{p}Tune-{n}", "{p}-Distill-{n}"),
    "Benchmark": ("{p}Bench-{n}", "{p}QA-{n}", "{p}Eval-{n}"),
    "Environment": ("{p}Gym-{n}", "{p}Sim-{n}", "{p}World-{n}"),
}


def synthetic_store(path: str | Path, papers: int = 20_000, entities: int = 3_000, seed: int = 5) -> LadybugReader:
    """A store of `papers` made-up papers naming 4-8 of `entities` entities each, loaded with COPY from pandas.

    Entities belong to topics and are picked by a Zipf law, mostly from the
    paper's own topic, so the graph has the co-occurrence structure of a real
    corpus: a few very common names, a long tail, and topical clusters.
    """
    import numpy as np
    import pandas as pd

    rng = np.random.default_rng(seed)
    reader = create_store(path)
    types = list(SHAPES)
    rows = []
    for i in range(entities):
        label, (topic, prefix) = types[i % 4], TOPICS[(i // 4) % len(TOPICS)]
        name = SHAPES[label][(i // 48) % 3].format(p=prefix, n=i // 144 + 1)
        rows.append((label, f"{label.lower()}:{name.lower().replace('-', '')}", name, topic))
    rows = list({key: (label, key, name, topic) for label, key, name, topic in rows}.values())
    by_topic = {topic: [r for r in rows if r[3] == topic] for topic, _ in TOPICS}
    # Across topics, the common names are spread over every topic (as GPT-4 or ImageNet are).
    anywhere = [rows[i] for i in rng.permutation(len(rows))]
    for label in types:
        frame = pd.DataFrame([(key, name) for lab, key, name, _ in rows if lab == label], columns=["id", "name"])
        frame["aliases"] = [[] for _ in range(len(frame))]
        reader.conn.execute(f"COPY {label} FROM frame")
    months = [f"{y}-{m:02d}-15" for y in (2023, 2024, 2025) for m in range(1, 13)]
    frame = pd.DataFrame({
        "id": [f"arxiv:2600.{p:05d}" for p in range(papers)],
        "title": [f"Synthetic paper {p}" for p in range(papers)],
        "arxiv_id": [f"2600.{p:05d}" for p in range(papers)],
        "date": [months[int(m)] for m in rng.integers(0, len(months), papers)],
    })
    reader.conn.execute("COPY Paper(id, title, arxiv_id, date) FROM frame")
    links: dict[tuple[str, str], set[tuple[str, str]]] = {}
    for p in range(papers):
        topic = TOPICS[int(rng.integers(len(TOPICS)))][0]
        chosen = {}
        for _ in range(int(rng.integers(4, 9))):
            pool = by_topic[topic] if rng.random() < 0.8 else anywhere
            pick = pool[min(int(rng.zipf(1.6)) - 1, len(pool) - 1)]
            chosen[pick[1]] = pick[0]
        for key, label in chosen.items():
            links.setdefault((("USES", "EVALUATES_ON")[label in ("Benchmark", "Environment")], label), set()).add((f"arxiv:2600.{p:05d}", key))
    for (rel, label), pairs in sorted(links.items()):
        frame = pd.DataFrame(sorted(pairs), columns=["from", "to"])
        frame["role"] = rel.lower()
        frame["confidence"] = 0.9
        frame["extractor"] = "synthetic"
        frame["sentence"] = "We use " + frame["to"] + "."
        frame["start_char"] = 0
        frame["end_char"] = frame["sentence"].str.len()
        reader.conn.execute(f"COPY {rel} FROM frame (from='Paper', to='{label}')")
    return reader
