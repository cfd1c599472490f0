"""Dataset registries: tensorflow-datasets, torchvision, torchtext, torchaudio, PyTorch Geometric, OGB."""

from __future__ import annotations

import importlib
import importlib.util
import inspect
import os
import re
from pathlib import Path

from kg.records import norm

from .common import Row, cased, common_word, dict_keys, letters_digits, long_form, module_docstrings, note, split_camel, version

TFDS_NAMES = {  # ids whose registry form is not what papers write
    "coco": ("COCO", ["MS COCO", "MS-COCO", "Microsoft COCO"]),
    "voc": ("PASCAL VOC", ["Pascal VOC", "VOC"]),
    "imagenet2012": ("ImageNet 2012", ["ILSVRC 2012", "ILSVRC-2012", "ILSVRC2012"]),
    "wmt_t2t_translate": ("WMT T2T", []),
    "conll2002": ("CoNLL-2002", ["CoNLL 2002"]),
    "conll2003": ("CoNLL-2003", ["CoNLL 2003"]),
}
GLUE_NAMES = {"cola": "CoLA", "sst2": "SST-2", "stsb": "STS-B", "boolq": "BoolQ", "multirc": "MultiRC", "record": "ReCoRD",
              "wic": "WiC", "axb": "AX-b", "axg": "AX-g", "mnli": "MNLI", "mrpc": "MRPC", "qqp": "QQP", "qnli": "QNLI",
              "rte": "RTE", "wnli": "WNLI", "cb": "CB", "copa": "COPA", "wsc": "WSC"}  # GLUE / SuperGLUE task ids as their papers write them
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
            name, aliases = name or (key.upper() if re.search(r"\d", key) else key.capitalize()), []  # `gsm8k` -> `GSM8K`
        full = long_form(name, prose)
        rows.append(Row(name, "Benchmark", source, aliases + ([full] if full else [])))
        for config in getattr(cls, "BUILDER_CONFIGS", [])[:40] if key in {"glue", "super_glue"} else []:
            if config.name in GLUE_NAMES:
                rows.append(Row(GLUE_NAMES[config.name], "Benchmark", source))
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
        name, aliases = letters_digits(name)  # CIFAR10 -> CIFAR-10, with CIFAR10 and CIFAR 10: papers write all three
        aliases += [base] if norm(base) != norm(name) else []
        rows.append(Row(name, "Benchmark", source, [a for a in aliases if a != name]))
    return rows



TORCHTEXT_NAMES = {"AG_NEWS": "AG News", "WikiText2": "WikiText-2", "WikiText103": "WikiText-103", "DBpedia": "DBpedia", "CoNLL2000Chunking": "CoNLL-2000", "SQuAD1": "SQuAD 1.1", "SQuAD2": "SQuAD 2.0",
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
        if re.search(r"(Decoder|Encoder|Layer|Memory|Predictor)$", name):
            continue
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

