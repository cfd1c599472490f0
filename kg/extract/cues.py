"""The words that signal a name and its type, shared by finding and typing.

Head nouns type the name beside them ("the X benchmark", "X, a
framework"); naming verbs introduce a name ("dubbed X"); connectors may
stand inside a multi-word name ("Tree of Thoughts"); a name's own ending
types it when nothing around it does (`...Bench`, `...Gym`).
"""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.strings import get_string_id

HEADS = {
    "Benchmark": "benchmark benchmarks dataset datasets corpus corpora leaderboard test-set testset set sets suite challenge treebank database split splits subset subsets scenes",
    "Environment": "environment environments simulator simulators simulation emulator game games platform world worlds arena sandbox gym playground testbed testbeds "
    "robot robots quadruped humanoid manipulator domains",
    "Model": "model models llm llms checkpoint checkpoints vlm vlms vocoder teacher teachers",
    "Method": "framework frameworks method methods approach approaches algorithm algorithms technique techniques strategy "
    "agent agents system systems pipeline pipelines module modules architecture architectures paradigm mechanism planner "
    "scheme prompting toolkit library optimizer rule procedure recipe regularizer regulariser estimator operator layer block "
    "objective objectives recommender recommenders forecaster forecasters detector detectors segmenter segmenters tracker trackers sampler samplers "
    "strategies schemes paradigms mechanisms procedures recipes planners optimizers estimators regularizers",
}
HEAD_TYPE = {word: type_ for type_, words in HEADS.items() for word in words.split()}
# Method head nouns as the last part of a hyphenated name: `LLM-Planner`, `GPT-Agent`.
METHOD_PARTS = "|".join(sorted(w.capitalize() for w in HEADS["Method"].split()))
# Name-internal cues for names no head noun types.
INTERNAL = (
    ("Model", re.compile(r"\bModels?$")),  # `World Knowledge Model` is no world
    ("Environment", re.compile(r"^(?!.*\b(from|via|with|by)\b).*(Simulation|Simulator|Environment|Env)$")),  # not "RL from Hindsight Simulation"
    ("Benchmark", re.compile(r"(Dataset|Datasets|Benchmark|Corpus|Treebank)$")),
    ("Environment", re.compile(r"(Gym|World|Arena|Env|Sim|Craft|Town|Game)(-[\w.]+)?$|Gym|World|Arena")),
    ("Benchmark", re.compile(r"(Bench|bench|QA|Eval|Set|Data|Dataset|Corpus)(-[\w.]+)?$|-\d+K$|[A-Za-z-](19|20)\d\d$")),
    # `CharacterRM`, `Skywork-RM`: a reward model; not `LLM-Planner`, whose last part is a Method's head noun
    ("Model", re.compile(rf"(GPT|LM|BERT|LLaMA|Llama|Diffusion)(-(?!(?:{METHOD_PARTS})$)[\w.]+)?$|[a-z-]RM$")),
)
PROPOSE_VERBS = {"propose", "proposes", "introduce", "introduces", "present", "presents", "develop", "develops", "release", "releases"}
NAMING_CUES = {"named", "called", "dubbed", "termed", "coined", "namely", "entitled"}
CONNECTORS = {"of", "and", "for", "with", "&", "in", "the", "to", "via", "on", "from"}
COORDINATION = {",", "and", "or", "&", "/"}
# Their hashes, read where a name may stand in a list.
COORDINATION_IDS = frozenset(get_string_id(w) for w in COORDINATION)
# The marks' hashes, compared with a doc's ORTH column around a name: "X (XY)" defines, "X, a framework" types.
OPEN, CLOSE, COMMA = get_string_id("("), get_string_id(")"), get_string_id(",")
# Words before a head noun that make what it heads a world agents act in: "a simulation system called X", "an interactive benchmark".
WORLD_MODIFIERS = {"simulation", "simulated", "game", "interactive", "virtual", "sandbox", "embodied"}

# Words before a technique that make it one the paper uses: "trained with X", "via X (XY)" (`kg.extract.definitions`,
# `kg.extract.terms`).
USE_CUES = frozenset("with using via use uses used apply applies applied applying adopt adopts adopted adopting employ employs employed employing".split())
# Head nouns of technique names whose modifier alone makes the name ("role-play prompting"): `kg.extract.terms`.
TECHNIQUE_HEADS = frozenset("learning prompting tuning optimization optimisation distillation".split())
# Head nouns of techniques said once in lower case, which count only after a cue of use: "training uses negative
# sampling", "selects points by farthest point sampling", "composes with secure aggregation" (`kg.extract.terms`).
# Not the heads of `TECHNIQUE_HEADS`, "search" nor "evolution": "via centralized optimization", "with query evolution" describe.
CUED_TECHNIQUE_HEADS = frozenset(
    "sampling aggregation scaling normalization normalisation regularization regularisation augmentation pooling "
    "decoding quantization quantisation pruning dropout clipping smoothing masking hashing matching attention encoding "
    "replay annealing debiasing reweighting reweighing boosting".split()
)
# Head nouns of techniques that, capitalised mid-sentence after capitalised words, end a name ("Locality-Sensitive Hashing").
TITLED_TECHNIQUE_HEADS = TECHNIQUE_HEADS | frozenset("inference hashing search sampling decoding attention processes".split())
# Lower-case network heads, which the kind of layer before them makes an architecture ("graph attention networks").
NETWORK_WORDS = frozenset("network networks nets".split())

# Capitalised head words that end an architecture's title-case name (`Global Convolutional Network`).
NETWORK_HEADS = {"Network": "Method", "Networks": "Method"}
# Names of network architectures and the models built on them (`AlexNet`, `VGG-16`, `Swin-Former`, `Faster R-CNN`);
# a year after the name makes it a dataset's edition (`ImageNet2015`), not a depth.
ARCHITECTURE = re.compile(r"(Net|Former|former|GAN|CNN|RNN|LSTM|BERT|VGG)(-?v?\d{1,3}[a-z]?)?$|^VGG|^ResNe")


@lru_cache(maxsize=1 << 16)
def internal_type(text: str) -> str | None:
    """The type a name's own ending gives it (`BoxingGym`, `PathQA`, `TinyGPT`), if any."""
    for type_, pattern in INTERNAL:
        if pattern.search(text):
            return type_
    return None
