"""Model families and architectures: torchvision.models, timm, transformers, OpenMMLab model-zoo metafiles."""

from __future__ import annotations

import ast
import importlib
import importlib.util
import inspect
import re
from collections import defaultdict
from pathlib import Path

from .common import SIZED, Row, cased, common_word, dict_keys, module_docstrings, note, version

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
        if not name or not name[0].isalpha() or '"' in name or name.lower().startswith("construct") or len(name.split()) > 4:
            continue
        # a size letter makes a checkpoint as a digit does: `Swin-T`, `MaxViT-T` (the guidelines' sized variant)
        sized = bool(vit) or (bool(re.search(r"\d", name)) and not re.fullmatch(r"[A-Za-z]+-?R-CNN|SSD\d*|R\(2\+1\)D", name)) or bool(re.search(r" (?:Base|Large|Small|Tiny)$", name))
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


TIMM_NOT_FAMILIES = {"wide", "legacy", "test", "tf", "gluon", "ssl", "swsl", "ig", "tv", "samvit", "lambda",
                     "deepseek", "qwen3", "gemma4"}  # the last three: vision towers of language models, named for the model  # prefixes of variants, not names


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



MM_PACKAGES = {  # module -> (distribution, its model-zoo metafiles: mmpose names each after its config, not `metafile.yml`)
    "mmdet": ("mmdet", "metafile.y*ml"), "mmseg": ("mmsegmentation", "metafile.y*ml"), "mmpretrain": ("mmpretrain", "metafile.y*ml"),
    "mmaction": ("mmaction2", "metafile.y*ml"), "mmocr": ("mmocr", "metafile.y*ml"), "mmdet3d": ("mmdet3d", "metafile.y*ml"),
    "mmpose": ("mmpose", "*.yml"),
}
# metafile dataset ids that are not the names papers write
MM_DATASET_NAMES = {"NuScenes": "nuScenes", "SUNRGBD": "SUN RGB-D", "SUNRGBD-2D": "SUN RGB-D", "SUNRGBD-3D": "SUN RGB-D",
                    "AIC": "AI Challenger", "FreiHand2d": "FreiHAND", "FreiHand": "FreiHAND", "RHD2d": "RHD", "Waymo": "Waymo Open Dataset"}
MM_DATASET_PART = re.compile(r"\s+Area\s?\d$|-(?:half-)?(?:train|val|test)$")  # `S3DIS Area5`: a split of a set
MM_DATASET_MIX = re.compile(r"^(?:Body|Face|Hand)\d+$|_P\d")  # `Body8`, `AnimalKingdom_P1`: the zoo's own mixes and splits
MM_NOT_METHOD = re.compile(r"Albumentations|(?i:loss)")  # a library and losses (GUIDELINES: neither is an entity)
MM_NOT_ARCH = re.compile(r"Diffusion|Decoder|Encoder|Extractor|Layer\b|Head\b|Block\b|Module|Activation|Stage|\bwith\b|-style|"
                         r"^(?:\dx\d )?(?:Convolution|(?:Max |Average )?Pooling|Softmax|Affine|Linear|Naive)$|^[A-Z]+-\d|[(_@+]|^\w$|^[A-Z]-|\d-D\d")


def mm_rows() -> list[Row]:
    """OpenMMLab's model zoo metafiles: method collections (`Cascade R-CNN`), their architectures, and the datasets they train and test on."""
    import yaml

    def listed(value) -> list:
        return value if isinstance(value, list) else [value] if value else []

    rows = []
    for module, (dist, pattern) in MM_PACKAGES.items():
        spec = importlib.util.find_spec(module)
        if spec is None:
            note(f"skipped {dist}: not installed")
            continue
        source = version(dist)
        for path in sorted((Path(spec.origin).parent / ".mim" / "configs").rglob(pattern)):
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
            rows += [Row(n, "Method", source) for n in methods if len(n.split()) <= 4 and not common_word(n) and not MM_NOT_METHOD.search(n)]
            rows += [Row(a, "Model" if SIZED.search(a) else "Method", source) for a in archs
                     if not MM_NOT_ARCH.search(a) and not MM_NOT_METHOD.search(a) and not common_word(a) and len(a.split()) <= 4]
            for entry in data:
                for name in re.split(r"\s*(?:\+|,| and )\s*", re.sub(r"\s*\(.*?\)", "", entry)):  # `Human-Art(GT)`, `InterHand2.6M (H+M)`
                    name = MM_DATASET_PART.sub("", name.strip())
                    if name[:1].isalpha() and not common_word(name) and not name.endswith("Dataset") and not MM_DATASET_MIX.search(name):
                        rows.append(Row(MM_DATASET_NAMES.get(name, name), "Benchmark", source, [name] if name in MM_DATASET_NAMES else []))
    return rows



def torchaudio_model_rows() -> list[Row]:
    """torchaudio's model classes (`Conformer`, `Emformer`, `WaveRNN`), read from its source: it does not import beside this torch."""
    spec = importlib.util.find_spec("torchaudio")
    if spec is None:
        raise ImportError("torchaudio is not installed")
    folder = Path(spec.origin).parent / "models"
    docs: dict[str, str] = {}
    for path in sorted(folder.rglob("*.py")):
        docs.update(module_docstrings(path))
    source, rows = version("torchaudio"), []
    for key in dict_keys(folder / "__init__.py", "__all__"):
        if key in docs and key[0].isupper() and key not in {"Hypothesis", "RNNTBeamSearch"}:
            base = re.sub(r"(PretrainModel|Model|Objective|Subjective)$", "", key)
            type_ = "Model" if key.endswith("Model") else "Method"  # `Wav2Vec2Model`, `HuBERTPretrainModel`: pretrained families
            rows.append(Row(cased(base, docs[key]) or base, type_, source, [key] if key != base else []))
    return rows
