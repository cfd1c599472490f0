"""A build killed (SIGKILL) at random points, then run again, equals an uninterrupted build."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time

import kg
from store_corpus import BUILD_CHILD, many_papers
from store_helpers import snapshot

BATCH = 3


def _start(corpus, store):
    return subprocess.Popen([sys.executable, "-c", BUILD_CHILD, str(corpus), str(store), str(BATCH)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def test_killed_builds_completed_by_a_rerun_equal_an_uninterrupted_build(tmp_path):
    seed = int(os.environ.get("KG_FAULT_SEED", time.time()))
    rng = random.Random(seed)
    corpus = many_papers(tmp_path / "papers.jsonl", 120)  # 96 papers, 40 batches
    reference = tmp_path / "reference.db"
    kg.build([corpus], reference, batch_size=BATCH)
    store = tmp_path / "killed.db"
    kills = []
    for _ in range(3):
        child = _start(corpus, store)
        batches = rng.randint(1, 12)
        for _ in range(batches):
            line = child.stdout.readline()
            if not line.startswith("batch"):
                break
        time.sleep(rng.uniform(0, 0.4))  # often lands inside the next batch's transaction
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=60)
        kills.append(batches)
    with kg.open_store(store, read_only=True) as db:
        assert len(db) < 96, f"seed {seed}: the kills left nothing to complete"
    child = _start(corpus, store)
    out, err = child.communicate(timeout=300)
    assert child.returncode == 0 and "Traceback" not in err, f"seed {seed}: {err}"
    assert snapshot(store) == snapshot(reference), f"seed {seed}, killed after batches {kills}"
