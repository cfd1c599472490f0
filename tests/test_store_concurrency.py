"""Two writers and readers on one store: one line for whoever must wait, never a traceback or a corrupt store."""

from __future__ import annotations

import subprocess
import sys
import time

import kg
from store_corpus import BUILD_CHILD, many_papers
from store_helpers import snapshot

READER = """
import sys, kg
try:
    with kg.open_store(sys.argv[1], read_only=True) as store:
        print(next(store.run("MATCH (p:Paper) RETURN count(*) AS n"))["n"])
except kg.StoreError as error:
    print(error, file=sys.stderr)
    sys.exit(2)
"""


def test_two_writers_and_readers(tmp_path):
    first, second = many_papers(tmp_path / "a.jsonl", 400), many_papers(tmp_path / "b.jsonl", 10, offset=400)
    store = tmp_path / "kg.db"
    writer = subprocess.Popen([sys.executable, "-c", BUILD_CHILD, str(first), str(store), "2"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert writer.stdout.readline().startswith("batch")
    refused = subprocess.run([sys.executable, "-m", "kg", "build", str(second), "--store", str(store)], capture_output=True, text=True, timeout=120)
    waiting = subprocess.Popen([sys.executable, "-m", "kg", "build", str(second), "--store", str(store), "--wait", "300"],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    reads = []
    while writer.poll() is None and len(reads) < 8:
        reads.append(subprocess.run([sys.executable, "-c", READER, str(store)], capture_output=True, text=True, timeout=120))
        time.sleep(0.2)
    out, err = writer.communicate(timeout=300)
    assert writer.returncode == 0, err
    _, waited = waiting.communicate(timeout=300)
    assert waiting.returncode == 0 and "Traceback" not in waited, waited

    assert refused.returncode == 2 and "Traceback" not in refused.stderr
    assert refused.stderr.strip().count("\n") == 0 and f"in use by kg process {writer.pid}" in refused.stderr
    assert reads, "the writer finished before any read"
    for read in reads:
        assert "Traceback" not in read.stderr
        if read.returncode == 0:
            assert 0 <= int(read.stdout) <= 320  # 320 distinct papers in the first file
        else:
            assert read.returncode == 2 and read.stderr.strip().count("\n") == 0 and "busy" in read.stderr, read.stderr
    reference = tmp_path / "reference.db"
    kg.build([first], reference, batch_size=2)
    kg.build([second], reference, batch_size=2)
    assert snapshot(store) == snapshot(reference)
