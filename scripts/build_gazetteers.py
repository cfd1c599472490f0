#!/usr/bin/env python3
"""Build `kg/extract/gazetteer.tsv`: the field's well-known names, read from the registries the field maintains.

usage: build_gazetteers.py [-o kg/extract/gazetteer.tsv]

Run it with a Python that has the registry packages installed, kept apart
from kg's own dependencies (they are big and never needed at run time):

    python3 -m venv /tmp/gazenv
    /tmp/gazenv/bin/pip install torch==2.14.1 torchvision==0.29.1
    /tmp/gazenv/bin/pip install transformers timm tensorflow-datasets tensorflow-cpu \
        gymnasium ale-py minigrid pettingzoo metaworld wordfreq -e .
    /tmp/gazenv/bin/python scripts/build_gazetteers.py

Why registries: kg reads papers from the whole field, and the names a paper
writes for datasets, simulators and model families are the names these
packages register. Registry ids are turned into the names papers write
(`HalfCheetah-v4` -> `HalfCheetah`, `imagenet2012` -> `ImageNet 2012` and
`ImageNet`), with the casing taken from the package's own docstrings and
descriptions where it has one. A package that does not install or import is
skipped with a note on stderr; the output names every package==version it
used, one per row, and is sorted so that the same packages give the same file.

`common` is 1 when the name is also an everyday English word or phrase
(`Adam`, `Transformer`, `Pile`, `Hopper`): the matcher must see evidence in
the context (capitals, an apposition, a cue verb) before it counts such a name.
Names that `exclusions.tsv` rules out (metrics, libraries, generic words) and
very short ids are left out.
"""

from __future__ import annotations

import argparse
import ast
import importlib
import importlib.metadata
import importlib.util
import inspect
import os
import re
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from kg.extract.lexicon import is_excluded
from kg.records import ENTITY_TYPES, norm

OUT = Path(__file__).resolve().parent.parent / "kg" / "extract" / "gazetteer.tsv"
HEADER = "name\ttype\taliases\tsource\tcommon"
COMMON_ZIPF = 3.0  # wordfreq's Zipf scale: 3 is about once per million words ('pong', 'hopper', 'transformer')
SHORT_OK = {"go"}  # two-letter names kept: the game of Go
# Which source wins when two give one name different types (first wins): hand-made
# method names and architecture families before the big model-type list.
PRIORITY = ("torch", "torchvision", "scikit-learn", "hand", "tensorflow-datasets", "torchtext", "torchaudio", "ogb", "torch_geometric",
            "gymnasium", "ale-py", "minigrid", "metaworld", "gymnasium-robotics", "highway-env", "dm_control", "pettingzoo",
            "transformers", "timm", "mmdet", "mmsegmentation", "mmpretrain", "mmaction2", "mmocr")


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
    return re.sub(r"(?<=[a-z])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])", " ", name)


def strip_version(name: str) -> str | None:
    """`ImageNet 2012` -> `ImageNet`, `COCO2017` -> `COCO`: the stem papers write alone, or None."""
    match = re.fullmatch(r"(.*?[A-Za-z])[\s\-_]*(?:v\d+(?:\.\d+)?|20\d\d|19\d\d)", name)
    stem = match.group(1) if match else None
    return stem if stem and len(norm(stem)) >= 3 and stem != name else None


# ---------------------------------------------------------------- datasets

TFDS_NAMES = {  # ids whose registry form is not what papers write
    "coco": ("COCO", ["MS COCO", "MS-COCO", "Microsoft COCO"]),
    "voc": ("PASCAL VOC", ["Pascal VOC", "VOC"]),
    "imagenet2012": ("ImageNet 2012", ["ILSVRC 2012", "ILSVRC-2012", "ILSVRC2012"]),
    "wmt_t2t_translate": ("WMT T2T", []),
}
TFDS_SKIP = re.compile(r"converted_externally|^asimov_|^rlu_|_checkpoints|_ordered$|^downsampled_|^gpt3$")  # `gpt3`: GPT-3's eval data, a model's name


def tfds_rows() -> list[Row]:
    os.environ.setdefault("NO_GCE_CHECK", "true")  # keep TensorFlow from probing a cloud metadata server
    import tensorflow_datasets as tfds

    source, rows = version("tensorflow-datasets"), []
    for key in tfds.list_builders():
        if TFDS_SKIP.search(key):
            continue
        try:
            cls = tfds.builder_cls(key)
        except Exception as err:  # a builder whose module needs an extra package
            note(f"skipped tfds {key}: {err}")
            continue
        try:
            description = cls.get_metadata().description or ""
        except Exception:  # a builder without metadata files still has its docstring
            description = ""
        prose = f"{cls.__doc__ or ''}\n{description}"
        if key in TFDS_NAMES:
            name, aliases = TFDS_NAMES[key]
        else:
            name = cased(key, prose) or cased(re.sub(r"_(translate|dataset|data|subset|small|full)$", "", key), prose)
            if name is None and "_" in key:
                continue  # snake ids the package's prose never writes (`berkeley_gnm_sac_son`)
            name, aliases = name or key.capitalize(), []
        full = long_form(name, prose)
        rows.append(Row(name, "Benchmark", source, aliases + ([full] if full else [])))
        for config in getattr(cls, "BUILDER_CONFIGS", [])[:40] if key in {"glue", "super_glue"} else []:
            sub = cased(config.name, config.description or "", prose) or config.name.upper()
            rows.append(Row(sub, "Benchmark", source))
        if key.startswith("d4rl_"):  # D4RL datasets as papers name them: `halfcheetah-medium-replay-v2`
            task = key.rsplit("_", 1)[1]
            for config in getattr(cls, "BUILDER_CONFIGS", []):
                ver, _, level = config.name.partition("-")
                if level:
                    rows.append(Row(f"{task}-{level}-{ver}", "Benchmark", source, [f"{task}-{level}"]))
    return rows


TV_DATASET_SUFFIX = re.compile(r"(Detection|Segmentation|Captions|Classification|People|Pairs|Dataset)$")
TV_DATASET_NAMES = {"VOC": "PASCAL VOC", "Coco": "COCO", "SBD": "SBD", "INaturalist": "iNaturalist", "LFW": "LFW",
                    "WIDERFace": "WIDER FACE", "Flowers102": "Oxford 102 Flowers", "OxfordIIITPet": "Oxford-IIIT Pet",
                    "FGVCAircraft": "FGVC-Aircraft", "FashionMNIST": "Fashion-MNIST", "PCAM": "PatchCamelyon",
                    "KittiFlow": "KITTI", "Kitti": "KITTI", "CLEVR": "CLEVR", "MovingMNIST": "Moving MNIST"}


def torchvision_dataset_rows() -> list[Row]:
    from torchvision import datasets

    source, rows = version("torchvision"), []
    for cls_name in datasets.__all__:
        cls = getattr(datasets, cls_name)
        if not inspect.isclass(cls) or cls_name in {"ImageFolder", "DatasetFolder", "FakeData", "VisionDataset", "LSUNClass"}:
            continue
        base = TV_DATASET_SUFFIX.sub("", cls_name) or cls_name
        name = TV_DATASET_NAMES.get(base) or cased(base, cls.__doc__ or "") or split_camel(base)
        aliases = [base] if norm(base) != norm(name) else []
        hyphen = re.fullmatch(r"([A-Za-z]+?)-?(\d+)", name)
        if hyphen:  # CIFAR10 -> CIFAR-10, CIFAR10 and CIFAR 10: papers write all three
            name = f"{hyphen.group(1)}-{hyphen.group(2)}"
            aliases += [f"{hyphen.group(1)}{hyphen.group(2)}", f"{hyphen.group(1)} {hyphen.group(2)}"]
        rows.append(Row(name, "Benchmark", source, [a for a in aliases if a != name]))
    return rows


# ---------------------------------------------------------------- environments

GYM_SUITES = {  # entry-point module -> the suite name papers write
    "gymnasium.envs.classic_control": ("Classic Control", []),
    "gymnasium.envs.box2d": ("Box2D", []),
    "gymnasium.envs.mujoco": ("MuJoCo", ["Mujoco"]),
    "gymnasium.envs.toy_text": ("Toy Text", []),
    "ale_py": ("Arcade Learning Environment", ["ALE", "Atari", "Atari 2600"]),
    "minigrid": ("MiniGrid", ["Minigrid"]),
    "metaworld": ("Meta-World", ["MetaWorld", "Metaworld"]),
    "gymnasium_robotics.envs.adroit_hand": ("Adroit", ["Adroit Hand"]),
    "gymnasium_robotics.envs.franka_kitchen": ("Franka Kitchen", []),
    "gymnasium_robotics.envs.shadow_dexterous_hand": ("Shadow Dexterous Hand", []),
    "gymnasium_robotics.envs.maze.point_maze": ("PointMaze", ["Point Maze"]),
    "gymnasium_robotics.envs.maze.ant_maze": ("AntMaze", ["Ant Maze"]),
    "gymnasium_robotics.envs.fetch": ("Fetch", ["Fetch robotics tasks"]),
    "gymnasium_robotics": ("Gymnasium-Robotics", []),
    "highway_env": ("highway-env", ["HighwayEnv"]),
}
ALE_SUFFIX = re.compile(r"(NoFrameskip|Deterministic)?(-ram)?$")


def gym_rows() -> list[Row]:
    import gymnasium
    from gymnasium.envs.registration import registry

    for module in ("ale_py", "minigrid", "metaworld", "gymnasium_robotics", "highway_env", "miniworld"):
        try:
            gymnasium.register_envs(importlib.import_module(module))
        except Exception as err:  # a suite that does not import here is skipped, and said so
            note(f"skipped {module}: {err}")
    dists = {"gymnasium": "gymnasium", "ale_py": "ale-py", "minigrid": "minigrid", "metaworld": "metaworld",
             "gymnasium_robotics": "gymnasium-robotics", "highway_env": "highway-env"}
    rows, suites = [], set()
    for env_id in sorted(registry):
        spec = registry[env_id]
        entry = spec.entry_point if isinstance(spec.entry_point, str) else getattr(spec.entry_point, "__module__", "")
        package = entry.split(":")[0].split(".")[0]
        if package not in dists:
            continue
        source = version(dists[package])
        name, aliases = spec.name, [env_id] if "/" not in env_id else [env_id.split("/", 1)[1]]
        if package == "ale_py":
            name = ALE_SUFFIX.sub("", name)
            aliases += [split_camel(name), f"Atari {split_camel(name)}"]
        elif package == "gymnasium_robotics":  # `AntMaze_UMazeDense` -> `AntMaze-UMaze`
            name = re.sub(r"(Dense|Sparse)$", "", name).rstrip("_").replace("_", "-")
        elif package == "highway_env":  # `merge-v0`: the bare word would be no name at all
            name, aliases = env_id, []
        elif package == "gymnasium" and re.search(r"[a-z][A-Z]", name):
            aliases.append(split_camel(name))
        elif package == "metaworld" and "/" in env_id:
            name = env_id.split("/", 1)[1]
            aliases = [f"Meta-World {name}"]
        if package == "metaworld" and name.islower() and "-" in name:  # metaworld tasks: `door-open-v3` -> `door-open`
            name = re.sub(r"-v\d+$", "", name)
        rows.append(Row(name, "Environment", source, [a for a in aliases if a != name]))
        module = next((m for m in GYM_SUITES if entry.startswith(m)), None)
        if module and module not in suites:
            suites.add(module)
            suite, suite_aliases = GYM_SUITES[module]
            rows.append(Row(suite, "Environment", source, list(suite_aliases)))
    rows.append(Row("Gymnasium", "Environment", version("gymnasium"), ["OpenAI Gym", "Gym"]))
    import metaworld

    for task in metaworld.ALL_V3_ENVIRONMENTS:
        rows.append(Row(re.sub(r"-v\d+$", "", task), "Environment", version("metaworld"), [task]))
    return rows


def dm_control_rows() -> list[Row]:
    """The DeepMind Control Suite's domain-task pairs, written as papers do (`cheetah-run`)."""
    from dm_control import suite

    source = version("dm_control")
    rows = [Row("DeepMind Control Suite", "Environment", source, ["DMC", "DM Control", "dm_control", "DMControl", "DeepMind Control"])]
    for domain, task in suite.ALL_TASKS:
        name = f"{domain}-{task}".replace("_", "-")
        rows.append(Row(name, "Environment", source, [f"{domain} {task}".replace("_", " ").title(), f"{domain}_{task}"]))
    return rows


PETTINGZOO_NAMES = {"go": "Go", "rps": "Rock Paper Scissors", "tictactoe": "Tic-Tac-Toe", "texas_holdem": "Texas Hold'em",
                    "texas_holdem_no_limit": "No-Limit Texas Hold'em", "leduc_holdem": "Leduc Hold'em", "simple": "MPE Simple"}


def pettingzoo_rows() -> list[Row]:
    """Environment modules (`chess_v6`) found by walking the package: importing each would need every game's extras."""
    import pkgutil

    import pettingzoo

    source, rows = version("pettingzoo"), [Row("PettingZoo", "Environment", version("pettingzoo"))]
    suites = {"atari": None, "butterfly": None, "classic": None, "mpe": "Multi-Particle Environment", "sisl": "SISL"}
    for suite, suite_name in suites.items():
        path = Path(pettingzoo.__file__).parent / suite
        if suite_name:
            rows.append(Row(suite_name, "Environment", source, ["MPE"] if suite == "mpe" else []))
        for info in pkgutil.iter_modules([str(path)]):
            key = re.sub(r"_v\d+$", "", info.name)
            if key == info.name:
                continue
            name = PETTINGZOO_NAMES.get(key) or " ".join(w.capitalize() for w in key.split("_"))
            rows.append(Row(name, "Environment", source, [key] if "_" in key else []))
    return rows


ROBOTS = [  # physical platforms used as an agent's body (GUIDELINES.md, Environment)
    ("Franka Emika Panda", ["Franka Panda", "Franka"]), ("UR5", ["UR5e", "Universal Robots UR5"]), ("UR10", ["UR10e"]),
    ("KUKA LBR iiwa", ["KUKA iiwa", "LBR iiwa"]), ("Rethink Sawyer", ["Sawyer"]), ("Baxter", []), ("Fetch", ["Fetch robot"]),
    ("PR2", ["Willow Garage PR2"]), ("TIAGo", []), ("Hello Robot Stretch", ["Stretch RE1"]), ("Boston Dynamics Spot", []),
    ("Boston Dynamics Atlas", []), ("ANYmal", ["ANYmal C", "ANYmal D"]), ("Unitree A1", []), ("Unitree Go1", []),
    ("Unitree Go2", []), ("Unitree Aliengo", []), ("Unitree B1", []), ("Unitree H1", []), ("Unitree G1", []),
    ("Cassie", ["Agility Cassie"]), ("Agility Digit", []), ("MIT Mini Cheetah", ["Mini Cheetah"]), ("Kinova Gen3", []),
    ("Kinova Jaco", ["Jaco"]), ("xArm", ["UFactory xArm", "xArm6", "xArm7"]), ("WidowX", ["WidowX 250"]),
    ("ALOHA", ["Mobile ALOHA"]), ("Shadow Dexterous Hand", ["Shadow Hand"]), ("Allegro Hand", []), ("TurtleBot", ["TurtleBot3"]),
    ("LoCoBot", []), ("Clearpath Jackal", []), ("Clearpath Husky", []), ("Crazyflie", []), ("iCub", []), ("NAO", []),
    ("Pepper", []), ("DJI Tello", []), ("Stretch 3", []), ("Fourier GR-1", []), ("Tesla Optimus", []),
]


def robot_rows() -> list[Row]:
    return [Row(name, "Environment", "hand:robot-platforms", list(aliases)) for name, aliases in ROBOTS]


# ---------------------------------------------------------------- models

TV_MODEL_PREFIX = re.compile(r"^(?:Constructs|Construct)\s+(?:an?\s+)?(?:improved\s+|high resolution\s+|large\s+|small\s+|base\s+)?|^(?:Low resolution|Improved|The)\s+", re.I)
TV_MODEL_CUT = re.compile(r"\s+(?:model|architecture|from|with|as|network|is)\b.*$|\s*\(.*$|,.*$")
VIT = re.compile(r"^(vit|swin|swin3d|swin_v2|maxvit)_([bhlst])(?:_(\d+))?$")
BACKBONE = re.compile(r"with an? ([A-Z][\w.-]*?)(?:-FPN)? backbone")


def torchvision_model_rows() -> list[Row]:
    from torch import nn
    from torchvision import models

    source, rows = version("torchvision"), []
    for key in models.list_models():
        doc = (models.get_model_builder(key).__doc__ or "").strip()
        first = " ".join(doc.split("\n\n")[0].split())
        vit = VIT.match(key)
        if vit:
            family = {"vit": "ViT", "swin": "Swin", "swin3d": "Swin3D", "swin_v2": "SwinV2", "maxvit": "MaxViT"}[vit.group(1)]
            name = f"{family}-{vit.group(2).upper()}" + (f"/{vit.group(3)}" if vit.group(3) else "")
        else:
            name = TV_MODEL_CUT.sub("", TV_MODEL_PREFIX.sub("", first)).strip()
        if not name or not name[0].isalpha() or name.lower().startswith(("construct", "\"")) or len(name.split()) > 4:
            continue
        sized = bool(re.search(r"\d", name)) and not re.fullmatch(r"[A-Za-z]+-?R-CNN|SSD\d*|R\(2\+1\)D", name)
        rows.append(Row(name, "Model" if sized else "Method", source))
        backbone = BACKBONE.search(first)
        if backbone:
            rows.append(Row(backbone.group(1), "Model", source))
        title = re.search(r"`([A-Z][\w+() -]{1,30}?):", doc)
        if title and not re.search(r"\d{2}", title.group(1)):  # the cited paper's lead name: `Faster R-CNN: Towards ...`
            rows.append(Row(title.group(1).strip(), "Method", source))
    for cls_name, cls in sorted(vars(models).items()):  # architecture families: ResNet, ConvNeXt, GoogLeNet
        if inspect.isclass(cls) and issubclass(cls, nn.Module) and cls.__module__.startswith("torchvision.models"):
            name = {"VisionTransformer": "Vision Transformer", "SwinTransformer": "Swin Transformer", "Inception3": "Inception-v3"}.get(cls_name, cls_name)
            aliases = {"Vision Transformer": ["ViT"], "Swin Transformer": ["Swin"]}.get(name, [])
            rows.append(Row(name, "Method", source, aliases))
    return rows


TIMM_NOT_FAMILIES = {"wide", "legacy", "test", "tf", "gluon", "ssl", "swsl", "ig", "tv", "samvit"}  # prefixes of variants, not names


def timm_rows() -> list[Row]:
    """Family names (`convnext`, `deit3`) of timm's registered models, cased from the defining module's docstring."""
    import timm
    from timm.models import _registry

    source, rows = version("timm"), []
    families: dict[str, set[str]] = defaultdict(set)
    for model in timm.list_models():
        families[model.split("_")[0].split(".")[0]].add(_registry._model_to_module[model])
    for family, modules in sorted(families.items()):
        if family in TIMM_NOT_FAMILIES:
            continue
        texts = [importlib.import_module(f"timm.models.{m}").__doc__ or "" for m in sorted(modules)]
        stem = family.rstrip("0123456789")
        name = cased(family, *texts)
        if name is None and stem != family and len(stem) >= 3:
            stem_name = cased(stem, *texts)
            name = f"{stem_name}-{family[len(stem):]}" if stem_name else None
        if name:
            rows.append(Row(name, "Method" if name == cased(stem, *texts) else "Model", source))
            rows += [Row(v, "Model", source) for v in sorted({variant(name, m) for m in timm.list_models(f"{family}_*")} - {None})]
    return rows


SIZES = {"atto": "A", "femto": "F", "pico": "P", "nano": "N", "tiny": "T", "small": "S", "base": "B", "medium": "M", "large": "L", "huge": "H", "giant": "g"}


def variant(family: str, model: str) -> str | None:
    """The name papers give a timm model: `vit_base_patch16_224` -> `ViT-B/16`, `efficientnet_b3` -> `EfficientNet-B3`."""
    parts = model.split("_")[1:]
    size = next((SIZES[p] for p in parts if p in SIZES), None) or next((p.upper() for p in parts if re.fullmatch(r"b\d|l\d|s\d|m\d", p)), None)
    patch = next((p[5:] for p in parts if re.fullmatch(r"patch\d+", p)), None)
    return f"{family}-{size}" + (f"/{patch}" if patch else "") if size else None


# model types the guidelines class as Methods: techniques and architectures, not trained checkpoints
TRANSFORMERS_METHODS = {"rag", "decision_transformer", "trajectory_transformer"}
TRANSFORMERS_PARTS = {"text", "vision", "audio", "encoder", "decoder", "model", "tokenizer", "thinker", "talker", "code2wav",
                      "hifigan", "assistant", "streaming", "realtime", "prior", "qformer", "backbone", "adapter"}


def transformers_rows() -> list[Row]:
    """The model types of `transformers`, cased as the model's own configuration module writes them."""
    import transformers
    from transformers.models.auto.configuration_auto import CONFIG_MAPPING_NAMES, model_type_to_module_name

    source, rows, root = version("transformers"), [], Path(transformers.__file__).parent / "models"
    for model_type, config in sorted(CONFIG_MAPPING_NAMES.items()):
        if set(re.split(r"[_-]", model_type)[1:]) & TRANSFORMERS_PARTS:
            continue
        module = model_type_to_module_name(model_type)
        texts = [ast.get_docstring(ast.parse(p.read_text(encoding="utf-8"))) or "" for p in sorted((root / module).glob("*.py"))[:6]] if (root / module).is_dir() else []
        class_form = config.removesuffix("Config")
        name = cased(model_type, *texts) or cased(model_type, class_form) or class_form
        type_ = "Method" if model_type in TRANSFORMERS_METHODS else "Model"
        rows.append(Row(name, type_, source, [model_type] if "-" in model_type or "_" in model_type else []))
    checkpoints = set()
    for path in sorted(root.glob("*/*.py")):
        checkpoints.update(CHECKPOINT.findall(path.read_text(encoding="utf-8")))
    for repo in sorted(checkpoints):
        name = re.sub(r"-hf$", "", repo.split("/", 1)[1])
        if not re.search(r"tiny|random|test|dummy|internal", repo, re.I) and re.search(r"[A-Z]|\d+(\.\d+)?[bBmM]\b", name):
            rows.append(Row(name, "Model", source))
    return rows


# checkpoints the model docs load: `from_pretrained("Qwen/Qwen2-VL-7B-Instruct")`, `checkpoint="..."`
CHECKPOINT = re.compile(r'(?:from_pretrained\(|checkpoint\s*=\s*|_CHECKPOINT_FOR_DOC\s*=\s*)"([\w.-]+/[\w.-]+)"')


# ---------------------------------------------------------------- methods

TORCH_METHODS = {  # class in torch.nn / torch.optim -> (what papers write, aliases); losses are left out (GUIDELINES: losses are not entities)
    "optim.Adam": ("Adam", []), "optim.AdamW": ("AdamW", []), "optim.SGD": ("stochastic gradient descent", ["SGD"]),
    "optim.RMSprop": ("RMSProp", ["RMSprop"]), "optim.Adagrad": ("AdaGrad", ["Adagrad"]), "optim.Adadelta": ("AdaDelta", ["Adadelta"]),
    "optim.Adamax": ("Adamax", []), "optim.NAdam": ("NAdam", ["Nadam"]), "optim.RAdam": ("RAdam", []),
    "optim.LBFGS": ("L-BFGS", ["LBFGS"]), "optim.ASGD": ("averaged SGD", ["ASGD"]), "optim.Rprop": ("Rprop", ["RProp"]),
    "optim.SparseAdam": ("SparseAdam", []), "optim.Adafactor": ("Adafactor", []), "optim.Muon": ("Muon", []),
    "optim.swa_utils.AveragedModel": ("stochastic weight averaging", ["SWA"]),
    "optim.lr_scheduler.CosineAnnealingLR": ("cosine annealing", []),
    "optim.lr_scheduler.CosineAnnealingWarmRestarts": ("SGDR", ["stochastic gradient descent with warm restarts"]),
    "optim.lr_scheduler.OneCycleLR": ("one-cycle policy", ["1cycle"]),
    "nn.BatchNorm2d": ("batch normalization", ["BatchNorm", "batch normalisation", "batch norm"]),
    "nn.LayerNorm": ("layer normalization", ["LayerNorm", "layer normalisation", "layer norm"]),
    "nn.GroupNorm": ("group normalization", ["GroupNorm", "group normalisation"]),
    "nn.InstanceNorm2d": ("instance normalization", ["InstanceNorm", "instance normalisation"]),
    "nn.LocalResponseNorm": ("local response normalization", ["LRN"]), "nn.RMSNorm": ("RMSNorm", ["RMS normalization"]),
    "nn.SyncBatchNorm": ("synchronized batch normalization", ["SyncBN", "SyncBatchNorm"]),
    "nn.utils.spectral_norm": ("spectral normalization", ["spectral norm"]),
    "nn.utils.weight_norm": ("weight normalization", ["weight norm"]),
    "nn.Dropout": ("dropout", ["Dropout"]), "nn.AlphaDropout": ("alpha dropout", []),
    "nn.LSTM": ("LSTM", ["long short-term memory", "LSTMs"]), "nn.GRU": ("GRU", ["gated recurrent unit", "GRUs"]),
    "nn.RNN": ("recurrent neural network", ["RNN", "RNNs"]), "nn.Transformer": ("Transformer", ["Transformers"]),
    "nn.MultiheadAttention": ("multi-head attention", ["multi-head self-attention", "MHSA", "multihead attention"]),
    "nn.ReLU": ("ReLU", ["rectified linear unit"]), "nn.LeakyReLU": ("Leaky ReLU", ["LeakyReLU"]), "nn.PReLU": ("PReLU", []),
    "nn.ELU": ("ELU", ["exponential linear unit"]), "nn.SELU": ("SELU", []), "nn.CELU": ("CELU", []),
    "nn.GELU": ("GELU", ["Gaussian error linear unit"]), "nn.SiLU": ("SiLU", ["Swish"]), "nn.Mish": ("Mish", []),
    "nn.Hardswish": ("hard swish", ["h-swish", "Hardswish"]), "nn.GLU": ("gated linear unit", ["GLU"]),
    "nn.Softplus": ("Softplus", []), "nn.PixelShuffle": ("pixel shuffle", ["sub-pixel convolution"]),
    "nn.ConvTranspose2d": ("transposed convolution", ["deconvolution"]),
    "nn.AdaptiveAvgPool2d": ("global average pooling", ["GAP"]), "nn.Embedding": ("embedding layer", []),
    "nn.CTCLoss": ("connectionist temporal classification", ["CTC"]),
    "nn.parallel.DistributedDataParallel": ("distributed data parallel", ["DDP"]),
    "nn.utils.clip_grad_norm_": ("gradient clipping", []), "nn.utils.prune.l1_unstructured": ("magnitude pruning", []),
    "ao.quantization.quantize_dynamic": ("dynamic quantization", []),
    "ao.quantization.prepare_qat": ("quantization-aware training", ["QAT"]),
    "utils.checkpoint.checkpoint": ("gradient checkpointing", ["activation checkpointing"]),
    "amp.autocast": ("mixed-precision training", ["mixed precision training", "AMP"]),
}
TORCHVISION_METHODS = {  # torchvision.ops and transforms -> what papers write
    "ops.nms": ("non-maximum suppression", ["NMS"]), "ops.batched_nms": ("non-maximum suppression", ["NMS"]),
    "ops.RoIAlign": ("RoIAlign", ["RoI Align", "ROI Align"]), "ops.RoIPool": ("RoI pooling", ["RoIPool", "ROI pooling"]),
    "ops.FeaturePyramidNetwork": ("Feature Pyramid Network", ["FPN"]), "ops.DeformConv2d": ("deformable convolution", ["DCN"]),
    "ops.StochasticDepth": ("stochastic depth", ["DropPath"]), "ops.DropBlock2d": ("DropBlock", []),
    "ops.SqueezeExcitation": ("squeeze-and-excitation", ["SE block", "SENet"]),
    "ops.generalized_box_iou": ("generalized IoU", ["GIoU"]),
    "transforms.RandAugment": ("RandAugment", []), "transforms.AutoAugment": ("AutoAugment", []),
    "transforms.TrivialAugmentWide": ("TrivialAugment", []), "transforms.AugMix": ("AugMix", []),
    "transforms.RandomErasing": ("random erasing", ["Random Erasing"]),
    "transforms.v2.MixUp": ("mixup", ["MixUp"]), "transforms.v2.CutMix": ("CutMix", []),
}


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


def method_rows() -> list[Row]:
    """Methods papers name that torch and torchvision implement: only those the installed release has."""
    import torch
    import torchvision

    rows = []
    for root, table in ((torch, TORCH_METHODS), (torchvision, TORCHVISION_METHODS)):
        source = version(root.__name__)
        for dotted, (name, aliases) in table.items():
            if attr_path(root, dotted) is None:
                note(f"{root.__name__}.{dotted} not in this release")
                continue
            rows.append(Row(name, "Method", source, list(aliases)))
    return rows


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


def letters_digits(name: str) -> tuple[str, list[str]]:
    """`WikiText103` -> (`WikiText-103`, [`WikiText103`, `WikiText 103`]); other names unchanged."""
    match = re.fullmatch(r"([A-Za-z]*[A-Za-z])-?(\d+)", name)
    if not match:
        return name, []
    return f"{match.group(1)}-{match.group(2)}", [f"{match.group(1)}{match.group(2)}", f"{match.group(1)} {match.group(2)}"]


TORCHTEXT_NAMES = {"AG_NEWS": "AG News", "CoNLL2000Chunking": "CoNLL-2000", "SQuAD1": "SQuAD 1.1", "SQuAD2": "SQuAD 2.0",
                   "EnWik9": "enwik9", "UDPOS": "Universal Dependencies", "STSB": "STS-B", "SST2": "SST-2"}


def torchtext_rows() -> list[Row]:
    """torchtext's dataset registry (`DATASETS`), read from its source: torchtext does not import beside a current torch."""
    spec = importlib.util.find_spec("torchtext")
    if spec is None:
        raise ImportError("torchtext is not installed")
    source, rows = version("torchtext"), []
    for key in dict_keys(Path(spec.origin).parent / "datasets" / "__init__.py", "DATASETS"):
        name, aliases = letters_digits(TORCHTEXT_NAMES.get(key) or split_camel(key).replace("_", " "))
        rows.append(Row(name, "Benchmark", source, aliases + ([key] if key != name else [])))
    return rows


def torchaudio_rows() -> list[Row]:
    """torchaudio's dataset classes, cased as their docstrings write them (`LIBRISPEECH` -> `LibriSpeech`)."""
    spec = importlib.util.find_spec("torchaudio")
    if spec is None:
        raise ImportError("torchaudio is not installed")
    folder = Path(spec.origin).parent / "datasets"
    docs: dict[str, str] = {}
    for path in sorted(folder.glob("*.py")):
        docs.update(module_docstrings(path))
    source, rows = version("torchaudio"), []
    for key in dict_keys(folder / "__init__.py", "__all__"):
        base = re.sub(r"(Identification|Verification|Biasing|_HQ|_\d+)$", "", key)
        name = cased(base, docs.get(key, "")) or (split_camel(base) if not base.isupper() else base)
        rows.append(Row(name, "Benchmark", source, [key] if norm(key) != norm(name) else []))
    return rows


PYG_SKIP = {"MessagePassing", "SimpleConv", "GraphConv", "GeneralConv", "HeteroConv", "MetaLayer", "MLP", "MaskLabel"}


def pyg_rows() -> list[Row]:
    """PyTorch Geometric: its dataset classes and the names their docstrings offer (`Cora`), its layers and models (`GCN`)."""
    import torch_geometric.datasets as datasets
    import torch_geometric.nn.conv as conv
    import torch_geometric.nn.models as models

    source, rows = version("torch_geometric"), []
    for cls_name in datasets.__all__:
        doc = getattr(datasets, cls_name).__doc__ or ""
        name, aliases = letters_digits(re.sub(r"Dataset$", "", cls_name).replace("_", "-"))
        if (len(name) > 3 or name.isupper()) and not common_word(name):
            rows.append(Row(name, "Benchmark", source, aliases))
        listed = re.search(r"name \(str\):(.*?)(?:\n\s*\w+ \(|$)", doc, re.S)
        for sub in re.findall(r':obj:`"([^"]+)"`', listed.group(1) if listed else ""):
            if not sub.islower() and not common_word(sub):
                rows.append(Row(sub, "Benchmark", source))
    for cls_name in [*conv.__all__, *models.__all__]:
        if cls_name in PYG_SKIP or not cls_name[:1].isupper() or cls_name.startswith("CuGraph") or cls_name.startswith("Fused"):
            continue
        name = cls_name.removesuffix("Conv") if cls_name.endswith("Conv") else cls_name
        if len(name) >= 3 and (name.isupper() or re.search(r"[a-z][A-Z]|[A-Z]{2}", name)):
            rows.append(Row(name.replace("PlusPlus", "++"), "Method", source))
    return rows


def ogb_rows() -> list[Row]:
    """The Open Graph Benchmark's datasets, from the master tables the package ships (`ogbn-arxiv`)."""
    import csv

    import ogb

    source, root = version("ogb"), Path(ogb.__file__).parent
    rows = [Row("Open Graph Benchmark", "Benchmark", source, ["OGB"])]
    for table in sorted(root.glob("*/master.csv")):
        with table.open(encoding="utf-8") as handle:
            header = next(csv.reader(handle))
        rows += [Row(name, "Benchmark", source) for name in header if name.startswith("ogb")]
    return rows


SKLEARN = {  # scikit-learn function or estimator -> what papers write
    "datasets.load_iris": ("Iris", []), "datasets.load_wine": ("Wine", ["Wine Recognition"]),
    "datasets.load_breast_cancer": ("Breast Cancer Wisconsin", ["WDBC"]), "datasets.load_diabetes": ("Diabetes", []),
    "datasets.load_digits": ("Optical Recognition of Handwritten Digits", []), "datasets.load_linnerud": ("Linnerud", []),
    "datasets.fetch_california_housing": ("California Housing", []), "datasets.fetch_covtype": ("Covertype", ["Forest Covertype", "CoverType"]),
    "datasets.fetch_20newsgroups": ("20 Newsgroups", ["20NG", "20 Newsgroup"]), "datasets.fetch_lfw_people": ("Labeled Faces in the Wild", ["LFW"]),
    "datasets.fetch_olivetti_faces": ("Olivetti Faces", []), "datasets.fetch_kddcup99": ("KDD Cup 99", ["KDDCup99", "KDD Cup 1999"]),
    "datasets.fetch_rcv1": ("RCV1", ["Reuters Corpus Volume I"]),
    "ensemble.RandomForestClassifier": ("random forest", ["random forests"]), "ensemble.GradientBoostingClassifier": ("gradient boosting", []),
    "ensemble.AdaBoostClassifier": ("AdaBoost", []), "ensemble.ExtraTreesClassifier": ("extremely randomized trees", ["extra trees"]),
    "ensemble.IsolationForest": ("isolation forest", []), "ensemble.BaggingClassifier": ("bagging", []),
    "svm.SVC": ("support vector machine", ["SVM", "SVMs", "support vector machines"]), "svm.OneClassSVM": ("one-class SVM", []),
    "linear_model.LogisticRegression": ("logistic regression", []), "linear_model.Ridge": ("ridge regression", []),
    "linear_model.Lasso": ("Lasso", ["LASSO"]), "linear_model.ElasticNet": ("elastic net", []),
    "linear_model.QuantileRegressor": ("quantile regression", []), "isotonic.IsotonicRegression": ("isotonic regression", []),
    "neighbors.KNeighborsClassifier": ("k-nearest neighbors", ["kNN", "k-NN", "KNN"]), "tree.DecisionTreeClassifier": ("decision tree", ["decision trees"]),
    "naive_bayes.GaussianNB": ("naive Bayes", []), "neural_network.MLPClassifier": ("multilayer perceptron", ["MLP", "multi-layer perceptron"]),
    "cluster.KMeans": ("k-means", ["K-means", "k-means clustering"]), "cluster.DBSCAN": ("DBSCAN", []), "cluster.OPTICS": ("OPTICS", []),
    "cluster.SpectralClustering": ("spectral clustering", []), "cluster.AgglomerativeClustering": ("agglomerative clustering", []),
    "cluster.MeanShift": ("mean shift", []), "cluster.Birch": ("BIRCH", []), "mixture.GaussianMixture": ("Gaussian mixture model", ["GMM"]),
    "decomposition.PCA": ("principal component analysis", ["PCA"]), "decomposition.FastICA": ("independent component analysis", ["ICA"]),
    "decomposition.NMF": ("non-negative matrix factorization", ["NMF"]), "decomposition.TruncatedSVD": ("truncated SVD", []),
    "decomposition.LatentDirichletAllocation": ("latent Dirichlet allocation", []), "cross_decomposition.CCA": ("canonical correlation analysis", ["CCA"]),
    "manifold.TSNE": ("t-SNE", ["tSNE"]), "manifold.Isomap": ("Isomap", []), "manifold.LocallyLinearEmbedding": ("locally linear embedding", ["LLE"]),
    "discriminant_analysis.LinearDiscriminantAnalysis": ("linear discriminant analysis", []), "kernel_ridge.KernelRidge": ("kernel ridge regression", []),
    "gaussian_process.GaussianProcessRegressor": ("Gaussian process", ["Gaussian processes", "GP"]),
    "semi_supervised.LabelPropagation": ("label propagation", []), "semi_supervised.SelfTrainingClassifier": ("self-training", []),
}


def sklearn_rows() -> list[Row]:
    import sklearn

    rows, source = [], version("scikit-learn")
    for dotted, (name, aliases) in SKLEARN.items():
        if attr_path(sklearn, dotted) is None:
            note(f"sklearn.{dotted} not in this release")
            continue
        rows.append(Row(name, "Benchmark" if dotted.startswith("datasets.") else "Method", source, list(aliases)))
    return rows


MM_PACKAGES = {"mmdet": "mmdet", "mmseg": "mmsegmentation", "mmpretrain": "mmpretrain", "mmaction": "mmaction2", "mmocr": "mmocr"}
MM_NOT_ARCH = re.compile(r"Diffusion|Loss|Decoder|Encoder|Head\b|Block\b|Module|^[A-Z]+-\d|[(_@+]|^\w$|^[A-Z]-|\d-D\d")
SIZED = re.compile(r"-(?:[A-Z]{1,3}\d*|\d+|[Bb]ase|[Ll]arge|[Ss]mall|[Tt]iny)$")  # `PoolFormer-S24`, `DeiT-B`: a trained size of a family


def mm_rows() -> list[Row]:
    """OpenMMLab's model zoo metafiles: method collections (`Cascade R-CNN`), their architectures, and the datasets they train and test on."""
    import yaml

    def listed(value) -> list:
        return value if isinstance(value, list) else [value] if value else []

    rows = []
    for module, dist in MM_PACKAGES.items():
        spec = importlib.util.find_spec(module)
        if spec is None:
            note(f"skipped {dist}: not installed")
            continue
        source = version(dist)
        for path in sorted((Path(spec.origin).parent / ".mim" / "configs").rglob("metafile.y*ml")):
            meta = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
            meta = meta if isinstance(meta, dict) else {"Models": meta}
            methods, archs, data = [], [], []
            for item in listed(meta.get("Collections")) + listed(meta.get("Models")):
                item = item if isinstance(item, dict) else {}
                info = item.get("Metadata") if isinstance(item.get("Metadata"), dict) else {}
                if "In Collection" not in item and item.get("Name"):
                    methods.append(str(item["Name"]))
                archs += map(str, listed(info.get("Architecture")))
                data += map(str, listed(info.get("Training Data")))
                data += [str(r.get("Dataset")) for r in listed(item.get("Results")) if isinstance(r, dict) and r.get("Dataset")]
            rows += [Row(n, "Method", source) for n in methods if len(n.split()) <= 4 and not common_word(n)]
            rows += [Row(a, "Model" if SIZED.search(a) else "Method", source) for a in archs
                     if not MM_NOT_ARCH.search(a) and not common_word(a) and len(a.split()) <= 4]
            for entry in data:
                for name in re.split(r"\s*(?:\+|,| and )\s*", entry):
                    name = re.sub(r"-(?:half-)?(?:train|val|test)$", "", name.strip())
                    if name and not name.startswith("#") and not common_word(name) and not name.endswith("Dataset"):
                        rows.append(Row(name, "Benchmark", source))
    return rows


# ---------------------------------------------------------------- merging

SOURCES = (("torch", method_rows), ("torchvision", torchvision_model_rows), ("torchvision", torchvision_dataset_rows),
           ("hand", robot_rows), ("tensorflow-datasets", tfds_rows), ("gymnasium", gym_rows), ("dm_control", dm_control_rows), ("pettingzoo", pettingzoo_rows),
           ("torchtext", torchtext_rows), ("torchaudio", torchaudio_rows), ("torch_geometric", pyg_rows), ("ogb", ogb_rows),
           ("scikit-learn", sklearn_rows), ("transformers", transformers_rows), ("timm", timm_rows), ("openmmlab", mm_rows))


def usable(form: str) -> bool:
    key = norm(form)
    return (len(key) >= 3 or key in SHORT_OK or (len(key) == 2 and any(c.isdigit() for c in key))) and not is_excluded(form)


def common_word(name: str) -> bool:
    from wordfreq import zipf_frequency

    return bool(re.fullmatch(r"[A-Za-z]+(?: [A-Za-z]+)*", name)) and zipf_frequency(name.lower(), "en") >= COMMON_ZIPF


def merge(rows: list[Row]) -> list[Row]:
    """One row per normalised name: forms of one name join; a name two sources type differently keeps the first type."""
    rank = {p: i for i, p in enumerate(PRIORITY)}
    rows = sorted(rows, key=lambda r: (rank.get(r.source.split("==")[0].split(":")[0], len(PRIORITY)), r.source, r.name))
    owner: dict[str, Row] = {}
    for row in rows:
        row.name, row.aliases = " ".join(row.name.split()), [" ".join(a.split()) for a in row.aliases]
        if row.type not in ENTITY_TYPES or not usable(row.name):
            continue
        target = owner.get(norm(row.name))
        if target is None:
            target = owner[norm(row.name)] = Row(row.name, row.type, row.source)
        elif target.type != row.type:
            continue
        elif row.source not in target.source.split(";"):
            target.source += f";{row.source}"
        for alias in (row.name, *row.aliases):
            key = norm(alias)
            if alias.lower() != target.name.lower() and alias not in target.aliases and usable(alias) and owner.setdefault(key, target) is target:
                target.aliases.append(alias)
    return sorted({id(r): r for r in owner.values()}.values(), key=lambda r: (norm(r.name), r.name))


def build() -> list[Row]:
    rows: list[Row] = []
    for package, read in SOURCES:
        try:
            rows += read()
        except ImportError as err:
            note(f"skipped {package} ({read.__name__}): {err}")
    stems = [Row(stem, r.type, r.source) for r in rows if r.type == "Benchmark" and (stem := strip_version(r.name))]
    return merge(rows + stems)


def write(rows: list[Row], path: Path) -> None:
    lines = [HEADER]
    for row in rows:
        aliases = sorted(dict.fromkeys(a for a in row.aliases if "\t" not in a and "|" not in a))
        sources = ";".join(sorted(set(row.source.split(";"))))
        lines.append(f"{row.name}\t{row.type}\t{'|'.join(aliases)}\t{sources}\t{int(common_word(row.name))}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-o", "--output", type=Path, default=OUT)
    args = parser.parse_args(argv)
    rows = build()
    write(rows, args.output)
    counts = Counter(r.type for r in rows)
    print(f"{args.output}: {len(rows)} names ({', '.join(f'{t} {counts[t]}' for t in ENTITY_TYPES)})")


if __name__ == "__main__":
    main(sys.argv[1:])
