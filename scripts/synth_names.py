"""Entity names for synthetic corpora: coined from parts, drawn by a Zipf law.

Most names in a new paper are new, but they take a few shapes: CamelCase
coinages (`WebPilot`), checkpoints with a version and a size
(`Velora-2.5-7B-Instruct`, `Qwen2.5-7B`), acronyms with their long form
(`Hierarchical Policy Refinement (HPR)`), suites with a variant
(`MathBench-Hard`, `FooArena-Lite`), family-task worlds (`MiniGrid-DoorKey`)
and established lower-case techniques with a modifier (`offline imitation
learning`). `vocabulary` coins a fixed set of them per seed; `Zipf` draws
from it so that a few names are in most papers and most names in few.
"""

from __future__ import annotations

import bisect
import itertools
import random

# Parts names are coined from. Suffixes avoid the ones that type a name
# (`...Bench`, `...Gym`) except for the types they mean.
PREFIXES = (
    "Web Code Math Tool Agent Plan Mind Vision Robo Nav Chem Med Legal Fin Geo Data Graph Query Doc Table Chart Screen App Story "
    "Music Speech Video Scene Task Skill Memo Reason Proof Logic Sci Bio Eco Auto Hyper Meta Omni Uni Poly Neuro Quant Sparse Flash "
    "Swift Deep Open Tiny Micro Mega Star Sky Terra Lumi Astra Nova Echo Pixel Cloud Stream Spark Bridge Atlas Orbit Prism Vector"
).split()
METHOD_SUFFIXES = (
    "Pilot Planner Forge Weaver Coder Mind Reflect Search Tune Align Distill Prompt Chain Router Former Net Flow Loop Critic Judge "
    "Guard Sage Scout Smith Mentor Compass Lens Weave Shift Boost Verify Refine Steer Probe Mixer"
).split()
BENCH_SUFFIXES = ("Bench", "QA", "Eval")
ENV_SUFFIXES = ("Arena", "Gym", "World", "Sim", "Town", "Craft")
VARIANTS = ("Lite", "Hard", "Pro", "Plus", "Mini", "Verified", "Live")
ACRONYM_WORDS = (
    "Hierarchical Adaptive Contrastive Recursive Iterative Structured Dynamic Latent Progressive Reflective Grounded Modular "
    "Causal Selective Guided Multi-Scale Self-Corrective Uncertainty-Aware Compositional Asynchronous".split(),
    "Policy Reward Memory Plan Value Token Graph Skill Search Preference Trajectory Tool Query Context State Action Feedback".split(),
    "Optimization Alignment Distillation Refinement Decoding Tuning Shaping Routing Retrieval Editing Verification Planning "
    "Exploration Abstraction Compression Regularization Aggregation".split(),
)
LOWER_MODIFIERS = "offline online hierarchical inverse multi-agent in-context model-based goal-conditioned decentralized continual".split()
LOWER_METHODS = (
    "reinforcement learning", "imitation learning", "behavior cloning", "chain-of-thought prompting", "knowledge distillation",
    "curriculum learning", "contrastive learning", "policy optimization", "tree search", "preference optimization",
)
# A few real family stems beside the coined ones, so that checkpoints of known families appear too.
REAL_FAMILIES = ("Llama", "Qwen", "Mistral", "Gemma", "Phi", "DeepSeek", "GLM", "MiniGrid", "Procgen")
SYLLABLES = tuple("ka lo ve ra zen mi tor qua sol vi na rex dal po li fen mor ta zu gra bel cor".split())
MODEL_TAILS = ("", "LM", "GPT", "-Coder", "-Math", "-VL")
MODEL_VARIANTS = ("", "", "-Instruct", "-Chat", "-Base")
SIZES = ("0.5B", "1.5B", "3B", "7B", "8B", "13B", "14B", "32B", "70B")
TASK_WORDS = "Door Key Corridor Maze Lava Crossing Room Switch Bridge Tower Vault Garden Harbor Market".split()
MONTHS = [(year, month) for year in range(2023, 2027) for month in range(1, 13)]
TYPES = ("Model", "Method", "Benchmark", "Environment")
VOCABULARY = {"Model": 3000, "Method": 4000, "Benchmark": 2000, "Environment": 1000}


class Name:
    """One entity as papers write it: `text` is the fullest form, `short` an acronym when it has one.

    The forms a paper writes and their JSON are computed once per name,
    since the same popular names go into hundreds of thousands of papers.
    """

    __slots__ = ("text", "type", "short", "birth", "first", "later", "quoted")

    def __init__(self, text: str, type_: str, short: str | None = None, birth: int = 0):
        self.text, self.type, self.short, self.birth = text, type_, short, birth
        self.first = f"{text} ({short})" if short else text  # the first mention defines the acronym
        self.later = short or text
        self.quoted = ""  # the JSON of its name and aliases in a record, filled on first use


class Rng(random.Random):
    def pick(self, seq):
        """`choice` without its checks: this runs some sixty times per paper."""
        return seq[int(self.random() * len(seq))]


def word(rng: Rng, syllables: tuple[str, ...], parts: int) -> str:
    return "".join(rng.pick(syllables) for _ in range(parts)).capitalize()


def coin(rng: Rng, type_: str) -> Name:
    """One new name of `type_`, in one of the shapes such names take."""
    syllables = SYLLABLES
    kind = rng.random()
    if type_ == "Model":
        family = rng.pick(REAL_FAMILIES[:7]) if kind < 0.15 else word(rng, syllables, rng.pick((2, 3)))
        version = rng.pick(("1", "2", "2.5", "3", "3.1", "4"))
        if kind < 0.05:
            return Name(f"{family}{rng.pick(('-', ''))}{version}", type_)  # a known family's release: Llama-3.1, Qwen2.5
        if kind < 0.5:
            return Name(f"{family}-{version}-{rng.pick(SIZES)}{rng.pick(MODEL_VARIANTS)}", type_)  # Llama-3.1-8B-Instruct
        if kind < 0.8:
            return Name(f"{family}{version}-{rng.pick(SIZES)}{rng.pick(MODEL_VARIANTS)}", type_)  # Qwen2.5-7B-Instruct
        return Name(f"{family}{rng.pick(MODEL_TAILS[1:3])}-{rng.pick(SIZES)}", type_)  # VeloraLM-7B
    if type_ == "Method":
        if kind < 0.55:
            return Name(rng.pick(PREFIXES) + rng.pick(METHOD_SUFFIXES), type_)  # WebPilot
        if kind < 0.85:
            words = [rng.pick(part) for part in ACRONYM_WORDS]
            return Name(" ".join(words), type_, "".join(w[0] for w in words))  # Hierarchical Policy Refinement (HPR)
        return Name(f"{rng.pick(LOWER_MODIFIERS)} {rng.pick(LOWER_METHODS)}", type_)  # offline imitation learning
    if type_ == "Benchmark":
        stem = rng.pick(PREFIXES) + rng.pick(("", word(rng, syllables, 1)))
        if kind < 0.35:
            name = stem + rng.pick(BENCH_SUFFIXES)  # MathBench, DocQA
        elif kind < 0.6:
            name = "".join(rng.pick("ABCDEFGHKLMPRSTVW") for _ in range(rng.pick((2, 3, 4)))) + "-Bench"  # MLE-Bench
        elif kind < 0.8:
            name = f"{stem}{rng.pick((8, 10, 50, 100))}K"  # Geo8K
        else:
            name = stem + rng.pick(BENCH_SUFFIXES)
        return Name(name + (f"-{rng.pick(VARIANTS)}" if rng.random() < 0.25 else ""), type_)  # MathBench-Hard
    if kind < 0.6:
        name = rng.pick(PREFIXES) + rng.pick(ENV_SUFFIXES)  # WebArena-like
        return Name(name + (f"-{rng.pick(VARIANTS)}" if rng.random() < 0.3 else ""), type_)  # FooArena-Lite
    family = rng.pick(REAL_FAMILIES[7:]) if kind < 0.7 else rng.pick(PREFIXES) + rng.pick(("Grid", "Maze", "Room"))
    first = int(rng.random() * len(TASK_WORDS))
    second = (first + 1 + int(rng.random() * (len(TASK_WORDS) - 1))) % len(TASK_WORDS)
    return Name(f"{family}-{TASK_WORDS[first]}{TASK_WORDS[second]}", type_)  # MiniGrid-DoorKey


def vocabulary(seed: int, sizes: dict[str, int] = VOCABULARY) -> dict[str, list[Name]]:
    """Distinct names per type, most popular first; the most popular exist from the first month."""
    rng = Rng(f"vocabulary-{seed}")
    vocab: dict[str, list[Name]] = {}
    seen: set[str] = set()
    for type_ in TYPES:
        names: list[Name] = []
        for _ in range(sizes[type_] * 50):
            if len(names) == sizes[type_]:
                break
            name = coin(rng, type_)
            keys = {name.text.casefold(), (name.short or "").casefold()} - {""}
            if keys & seen:
                continue
            seen |= keys
            name.birth = 0 if len(names) < sizes[type_] // 20 else rng.randrange(len(MONTHS) - 6)
            names.append(name)
            if type_ == "Model" and name.text[-1].isdigit():  # a release and its checkpoints: Llama-3.1, Llama-3.1-8B
                for size in rng.sample(SIZES, 2):
                    if f"{name.text}-{size}".casefold() not in seen and len(names) < sizes[type_]:
                        seen.add(f"{name.text}-{size}".casefold())
                        names.append(Name(f"{name.text}-{size}", type_, None, name.birth))
        vocab[type_] = names
    return vocab


class Zipf:
    """Draws names by a Zipf law over their rank: p(rank r) is proportional to 1 / r**s."""

    def __init__(self, names: list[Name], s: float = 1.1):
        self.names = names
        self.cum = list(itertools.accumulate(1 / (r**s) for r in range(1, len(names) + 1)))

    def draw(self, rng: Rng, k: int, month: int) -> list[Name]:
        """`k` distinct names born by `month`."""
        picked: dict[str, Name] = {}
        total = self.cum[-1]
        for _ in range(k * 6):
            name = self.names[bisect.bisect(self.cum, rng.random() * total)]
            if name.birth <= month:
                picked.setdefault(name.text, name)
                if len(picked) == k:
                    return list(picked.values())
        for name in self.names[: 2 * k]:  # the most popular names exist from the first month
            if len(picked) < k:
                picked.setdefault(name.text, name)
        return list(picked.values())
