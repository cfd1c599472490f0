"""The shapes names take in this field, as predicates on one token's text.

Most entity names in a new paper are new, but they are coined in a few
recognisable shapes: CamelCase (`AgentGym`, `InstantNGP`), acronyms
(`GAIA`, `A3C`), letters with digits (`Interactive3D`, `D4RL`),
capitalised hyphenated compounds (`Go-Explore`), and model checkpoints
with a version and a size (`Qwen2.5-7B-Instruct`). Plain words, however
capitalised, are names only where a cue says so (see `kg.extract.names`).
The predicates are cached by string: the same tokens recur paper after paper.
"""

from __future__ import annotations

import re
from functools import lru_cache

from kg.extract import lexicon
from kg.extract.known import known_type

SIZE = r"\d+(?:\.\d+)?[BMKbmk]"
# A size on its own ("13B" in "AgentLM-7B, 13B, and 70B"), and a name that
# carries one (`Mistral-7B`, `DotaMath-deepseek-7B`, `Qwen2.5-7B-Instruct`).
BARE_SIZE = re.compile(rf"^(?:\d+x)?{SIZE}$")
WITH_SIZE = re.compile(r"^[A-Za-z][\w.+]*(?:-[\w.+]+)*-(?:\d+x)?[0-9.]*\d[BM]\d*(?:-[\w.]+)*$")
# A size word after a name (`mT5-XL`, `Whisper-large-v3`, `ViT-L/14`, `CodeT5-base`, `SegFormer-B0`): a checkpoint of that name.
# Vision backbones name their sizes by a letter (`-T` tiny, `-S`, `-B`, `-L`) or by their width (`-W32`, `-W48`).
WITH_SIZE_WORD = re.compile(
    r"^[A-Za-z][\w.]*(?:-[\w.]+)*-(?:XXS|XS|T|S|M|L|B|B[0-7]|W\d{2}|XL|XXL|XXXL|small|base|large|medium|tiny|huge|giant|xl|xxl)(?:[-/][\w.]+)*$"
)
# A release word after a capitalised name, as the field ships chat, code and sized checkpoints (`Kormo-Chat`,
# `Talvex-Coder`, `Hunyuan-Large`); not `-Lite`, `-Pro` or `-Max`, which benchmarks and techniques take as often
# (`WebArena-Lite`, `MMLU-Pro`, `PPO-max`), nor `-Instruct`, which instruction datasets take too.
WITH_RELEASE_WORD = re.compile(r"^[A-Z][A-Za-z0-9.]{2,}(?:-[\w.]+)*-(?:Chat|chat|Coder|Turbo|turbo|Large|Base|Small|Medium|Tiny|Huge)$")
# Prefixes of ordinary compounds, never a model's name: `Multi-Chat`, `Self-Instruct`.
COMPOUND_PREFIXES = frozenset("multi self cross single non pre post sub super".split())
# A lower-case coined word with a digit inside, then a release number: `wav2vec 2.0`, `word2vec 1.0`.
INNER_DIGIT = re.compile(r"^[a-z]+\d[a-z]+$")
RELEASE = re.compile(r"^\d+\.\d+$")
# A release number after a model family's name, as its own token: `3.5`, `2`, `v2`. A number with
# two digits before its point (`37.9`) is a score from a flattened table, never part of a name.
RELEASE_NUMBER = re.compile(r"^(?:v\d+(?:\.\d+)*[a-z]?|\d(?:\.\d+)*[a-z]?)$")
# A release number after one lower-case letter: `k1.5`, `r1.0`.
LETTER_RELEASE = re.compile(r"^[a-z]\d+(?:\.\d+)+$")
# Capitalised words a number follows that number a part of the paper, never a release: "GPT-4 in Table 3", "Llama Stage 2".
NOT_RELEASE_WORDS = frozenset("Table Tables Figure Fig Figures Section Sec Appendix Eq Equation Algorithm Step Stage Phase Round Level Part Task Setting".split())
# Words that name a model's variant after its family and version (`Claude 3.5 Sonnet`, `BERT BASE`).
VARIANT_WORDS = frozenset(
    "Sonnet Opus Haiku Flash Pro Ultra Nano Turbo turbo Instruct Chat Base Coder Math mini Mini Vision Large Medium Small XL XXL Plus Max Lite Preview BASE LARGE SMALL TINY".split()
)
# The same words in lower case, and the effort levels of reasoning models: `o3-mini-high`, `o1-preview`.
LOWER_VARIANT_WORDS = frozenset({w.lower() for w in VARIANT_WORDS} | {"high", "low"})
# A count in millions of one or two digits is a dataset's size (`MovieLens-1M`, `ML-20M`); parameter counts in millions have three (`BERT-110M`).
SMALL_COUNT = re.compile(r"-\d{1,2}M$")
# OpenAI's reasoning models by their shape: a lower-case "o", one digit, a size and an effort level.
O_SERIES = re.compile(r"^o[1-9](?:-(?:mini|preview|pro))?(?:-(?:high|medium|low))?$")
# Prefixes that make a size into a size class: "sub-32B models", "super-70B".
SIZE_PREFIXES = frozenset("sub super over under non pre post up about".split())
# Where a variant's suffix starts: `WebArena-Lite`, `AIME'24`.
VARIANT_SPLIT = re.compile(r"(?<=\w)['-]")
# Small words that join the capitalised parts of a hyphenated coined phrase (`Plan-and-Solve`).
LINK_WORDS = frozenset("and of by in the for or with on".split())
# The last part of a hyphenated network name (`Dilated-Net`, `Swin-Former`), and of a benchmark's or a world's
# (`Quill-Bench`, `Kiln-Gym`): a title-case pair that ends in one is a name, where `Multi-Agent` is a word.
NAME_ENDING_PARTS = frozenset("Net net Former former GAN CNN RNN Bench Gym Arena".split())
CAMEL = re.compile(r"[a-z][A-Z]|[A-Z]{2,}[a-z]{2,}|^[a-z]+[A-Z]")
ACRONYM = re.compile(r"^[A-Z0-9&+-]*[A-Z][A-Z0-9&+-]*[A-Z0-9+][a-z]?$")
ALNUM = re.compile(r"^[A-Z][A-Za-z]*\d[\w.]*$|^[A-Z][A-Za-z]+-?\d+[A-Za-z]*$")
CAPITAL_COMPOUND = re.compile(r"^[A-Z][\w+]*(?:\.\d+)*(?:-[A-Za-z0-9][\w+]*(?:\.\d+)*)+$")  # `DOTA-v1.0`, `Seed1.5-VL`
# A first part with a dotted release number (`FLUX.1`, `Seed1.5`): what follows it names a variant of a release, not an adjective.
DOTTED_RELEASE = re.compile(r"^(?:[A-Z]{2,}|[A-Z][A-Za-z]*\d+)\.\d+$")
# A capitalised participle: `Guided`, `Powered`.
PARTICIPLE = re.compile(r"^[A-Z][a-z]+(ed|ing)$")
NUMBERISH = re.compile(r"^[\d.,%x×-]+[A-Za-z]{0,2}$|^(?:19|20)\d\d")


@lru_cache(maxsize=1)
def _family() -> tuple[re.Pattern, frozenset[str] | None]:
    """The pattern of `known_family`, and the first three letters of its stems (None where one is not ASCII)."""
    stems = lexicon.model_stems()
    joined = "|".join(re.escape(stem) for stem in stems)
    # `DeepSeek-Prover`, not `Text-Based` or `Decision-Making`: a participle after a stem that is also a word is an adjective.
    pattern = re.compile(rf"^(?i:{joined})(?:-?(?:\d|[A-Z]\d|v\d|[oR]\d)|-(?![A-Z][a-z]+(?:ed|ing)(?:-|$))[A-Z][A-Za-z]*(?:-|$))")
    heads = frozenset(stem[:3] for stem in stems)
    return pattern, heads if all(head.isascii() for head in heads) else None


@lru_cache(maxsize=1 << 16)
def known_family(text: str) -> bool:
    """`Llama-3.1-8B`, `Qwen2.5`, `GPT4`, `DeepSeek-Prover-v1.5`: a known family's stem, then a version, size or variant.

    Each stem has three letters or more, so an ASCII string whose first three, lower-cased, begin no stem is answered
    by a set lookup: the pattern tries its 89 stems ignoring case (~1 µs a string; 874 strings a corpus pass)."""
    pattern, heads = _family()
    if heads is not None and text[:3].isascii() and text[:3].lower() not in heads:
        return False
    return bool(pattern.match(text))


@lru_cache(maxsize=1 << 16)
def is_model_checkpoint(text: str) -> bool:
    """A known family's checkpoint, or any name that carries a parameter count (`AgentLM-70B`) or a size word (`mT5-XL`)."""
    if not text[:1].isalpha() or text.isalpha():
        return False  # each shape below starts with a letter and holds a digit or a hyphen: numbers and words are none
    if "-" not in text:
        # the shapes but `O_SERIES` and a known family's join parts with a hyphen: a string without one (`Qwen2.5`, `D4RL`,
        # 869 of the 1,377 strings a corpus pass asks) skips four searches: 1.84 -> 1.22 ms for the 1,377, with
        # `known_family`'s test of the first three letters (min of 5 x 10, replay)
        return bool(O_SERIES.match(text)) or known_family(text)
    first = text.split("-")[0]
    if WITH_SIZE_WORD.match(text) and (first != first.lower() or any(ch.isdigit() for ch in first)):
        return known_type(first) not in {"Benchmark", "Environment"}  # `mT5-XL`, `Whisper-large-v3`; not `fine-large`,
        # nor `Hopper-medium-replay`, a split of a listed world's data by the quality of its policy
    if WITH_RELEASE_WORD.match(text) and first.lower() not in COMPOUND_PREFIXES:
        return True  # `Kormo-Chat`, `Hunyuan-Large`: a released checkpoint
    if O_SERIES.match(text):
        return True  # `o3`, `o4-mini-high`: a reasoning model's release and effort
    if first in SIZE_PREFIXES or SMALL_COUNT.search(text):
        return False  # `sub-32B`, `over-7B`: a size class, not a model; `MovieLens-1M`: a count of ratings, not of parameters
    # a size is a "B" or an "M" after a hyphen: most hyphenated words have neither, and `WITH_SIZE` backtracks over their parts
    return ("B" in text or "M" in text) and bool(WITH_SIZE.match(text)) or known_family(text)


@lru_cache(maxsize=1 << 16)
def is_coined(text: str) -> bool:
    """True when `text` is shaped like a coined name rather than a word."""
    if text.islower() or (text.istitle() and text.isalpha()):
        # most tokens: plain words, which have no inner capital (`CAMEL`); a lower-case word with a digit inside is
        # coined (`doc2vec`, `seq2seq`)
        return len(text) >= 6 and bool(INNER_DIGIT.match(text))
    if len(text) < 2 or NUMBERISH.match(text) or not text[0].isalnum():
        return False
    # the first character answers both tests for most strings: a letter, then no size
    if not (text[0].isalpha() or any(ch.isalpha() for ch in text)) or text[0].isdecimal() and all(BARE_SIZE.match(part) for part in text.split("-")):
        return False  # a size range (`7B-13B`) names no model
    if "://" in text or "/" in text or text.lower().startswith(("www.", "arxiv:", "http")):
        return False
    if text.endswith("s") and text[:-1].isupper():
        return False  # a plural acronym names a class of things (`LLMs`, `FMs`), not one thing
    if ACRONYM.match(text):
        return len(text) >= 3
    parts = text.split("-")
    if len(parts) == 2 and parts[1].isalpha() and parts[1].islower() and parts[1].endswith(("ed", "ing")):
        return False  # `GitHub-sourced`, `LLaMA-based`: an adjective made from a name
    if CAMEL.search(text) or ALNUM.match(text):
        return True
    # `Mobile-Agent-E`, `Spider2-V`: a compound counts when a part is itself coined;
    # `Multi-Agent`, `Self-Evolving` and `Text-to-Image` are words.
    if len(parts) > 2 and parts[0].istitle() and parts[-1][:1].isupper() and all(p in LINK_WORDS for p in parts[1:-1]):
        return True  # `Detect-and-Track`, `Think-in-Memory`: a coined phrase (`State-of-the-Art` is listed as no name)
    if len(parts) == 2 and parts[0][:1].isupper() and parts[1] in NAME_ENDING_PARTS:
        return True  # `Deconv-Net`, `VGG-net`, `Quill-Bench`: a network's, a benchmark's or a world's name
    if DOTTED_RELEASE.match(parts[0]):
        return True  # `FLUX.1-dev`, `Seed1.5-VL`
    if PARTICIPLE.match(parts[-1]) and len(parts) == 2 or (parts[-1].isalpha() and parts[-1].islower() and len(parts[-1]) > 2):
        return False  # `UI-Guided`, `GPU-accelerated`, `FDA-approved`: an adjective; `KTE-Bench-Verified` is a name
    if "to" in parts[1:-1]:
        return False  # `Text-to-3D`, `Sketch-to-Code`: a task
    return len(parts) > 1 and bool(CAPITAL_COMPOUND.match(text)) and any(
        len(p) == 1 and p.isupper() or CAMEL.search(p) or p.isupper() and len(p) > 1 or any(ch.isdigit() for ch in p) for p in parts
    )


# A coined name with a release number after it (`StyleGAN2`, `NLLB-200`, `Zorblax 3`): the shape of a released network.
# A title-case pair counts too (`Open-Vista 1.2`). Not a year (`KITTI 2015` is an edition), not a "v" version (`ColBERTv2`, kept by methods as often), not a short stem (`I2V`, `T850`).
RELEASED = re.compile(r"^(?P<stem>[A-Za-z][A-Za-z+-]*[A-Za-z])[- ]?(?P<number>\d{1,3}(?:\.\d+)?)$")


@lru_cache(maxsize=1 << 16)
def is_release(text: str) -> bool:
    """`text` is a coined name and a release number: the field names released networks so far more often than techniques."""
    m = RELEASED.match(text)
    return bool(m) and sum(ch.isalpha() for ch in m["stem"]) >= 3 and not m["stem"].lower().endswith("v")

