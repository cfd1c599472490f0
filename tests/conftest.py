"""Shared fixtures: small inputs written by hand, never copied from the corpus."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

ABSTRACTS = [
    {
        "title": "WebPilot: Teaching Small Models to Browse with Reinforcement Learning",
        "abstract": (
            "Web agents built on large language models still fail at long tasks. "
            "We propose WebPilot, a framework that trains open models with Proximal Policy Optimization (PPO). "
            "We fine-tune Llama-3.1-8B and evaluate it on WebArena-Lite and MiniWoB++. "
            "WebPilot improves Llama-3.1-8B from 4.8% to 41.0% on WebArena-Lite and surpasses GPT-4o."
        ),
        "arxiv_id": "2501.00001",
    },
    {
        "title": "Aligning Helpers with Reinforcement Learning from Human Feedback",
        "abstract": (
            "Reinforcement Learning from Human Feedback (RLHF) is the standard recipe for aligning assistants. "
            "We study how RLHF interacts with chain-of-thought prompting on GSM8K and MATH. "
            "Our analysis covers Llama-3.1 and GPT-4 and compares against direct preference optimization."
        ),
        "url": "https://arxiv.org/abs/2501.00002v2",
    },
    {
        "title": "Robots in MuJoCo: A Study of Sim-to-Real Transfer",
        "abstract": (
            "Sim-to-real transfer remains hard for legged robots. "
            "We train locomotion policies with PPO in the MuJoCo simulator and apply domain randomization. "
            "Experiments in MuJoCo show gains over behavior cloning baselines."
        ),
    },
]


def extract_one(title: str, abstract: str, **options):
    """The extraction of one paper made of `title` and `abstract` (`options` go to `kg.extract.extract`)."""
    from kg.extract import extract
    from kg.records import Paper, paper_id

    (extraction,) = extract([Paper(id=paper_id(title), title=title, abstract=abstract)], **options)
    return extraction


def types_of(title: str, abstract: str) -> dict[str, str]:
    """Each entity name of the paper made of `title` and `abstract`, with its type."""
    return {e.name: e.type for e in extract_one(title, abstract).entities}


def write_jsonl(path: Path, records: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def write_hf_daily(path: Path, records: list[dict], date: str = "Mar 12") -> Path:
    header = "new\n\nGet trending papers in your email inbox!\n\nSubscribe\n\nDaily Papers\n\nbyAK and the research community\n\n"
    body = "".join(f"{r['title']}\n\n{r['abstract']}\n\n" for r in records)
    path.write_text(header + date + "\n\n" + body, encoding="utf-8")
    return path


@pytest.fixture
def abstracts() -> list[dict]:
    return [dict(r) for r in ABSTRACTS]


@pytest.fixture
def jsonl_file(tmp_path: Path, abstracts: list[dict]) -> Path:
    return write_jsonl(tmp_path / "papers.jsonl", abstracts)


def load_sample_graph():
    """The graph of the written abstracts, from extraction records kept in `data/`.

    The records are fixed (made once by the extractor, then checked by hand) so
    that tests of the graph's stores and exports do not change whenever the
    extractor gets better; the extractor has its own tests.
    """
    from kg.graph import build_graph
    from kg.records import Extraction

    lines = (Path(__file__).parent / "data" / "sample_extractions.jsonl").read_text(encoding="utf-8").splitlines()
    return build_graph(Extraction.from_json(json.loads(line)) for line in lines)


@pytest.fixture
def sample_graph():
    return load_sample_graph()


@pytest.fixture(scope="session")
def known_store(tmp_path_factory) -> Path:
    """The known graph (`known_graph.PAPERS`) in a LadybugDB store, made once per run; never written to."""
    from known_graph import create

    return create(tmp_path_factory.mktemp("known") / "known.db")


@pytest.fixture(scope="session")
def known(known_store):
    """A read-only reader of the known store."""
    from kg.store.reader import LadybugReader

    with LadybugReader(known_store) as reader:
        yield reader


@pytest.fixture(scope="module")
def browser():
    """Headless Chromium (`browser.CHROMIUM`), once per module."""
    from browser import CHROMIUM, CHROMIUM_ARGS

    if not CHROMIUM.exists():
        message = "/usr/bin/chromium is not installed (scripts/test.sh installs it when run as root)"
        if os.environ.get("CI"):
            pytest.fail(message + "; CI must run the browser tests")
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


def results_of(abstract: str, title: str = "A method") -> set[tuple]:
    """The (subject, benchmark, value) of each result extracted from one paper."""
    return {(r.subject, r.benchmark, r.value) for r in extract_one(title, abstract).results}
