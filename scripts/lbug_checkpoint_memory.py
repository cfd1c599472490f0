#!/usr/bin/env python3
"""Why the embedded store's buffer pool cannot be small: a LadybugDB checkpoint holds a node group in the pool.

usage: scripts/lbug_checkpoint_memory.py [--pool-mb 256] [--chars 5000] [--batches 30]

A minimal reproducer, without kg: one node table with a string column, rows
added 2,000 per transaction, `CHECKPOINT` after each. The checkpoint
rewrites the table's last node group (up to 131,072 rows) whole, so its time
and the buffer pool it needs grow with the rows already in that group, not
with the rows just added. Measured with `ladybug` 0.22.0: with a 256 MB pool
and 5,000-character strings the checkpoint fails at about 14,000 rows (70 MB
of text) with "Unable to allocate memory! The buffer pool is full"; inside a
kg build the same shortage ended the process (a 384 MB pool, 50,000 papers).
"""

from __future__ import annotations

import argparse
import random
import resource
import string
import tempfile
import time
from pathlib import Path

import ladybug


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pool-mb", type=int, default=256)
    parser.add_argument("--chars", type=int, default=5000, help="length of each string")
    parser.add_argument("--batches", type=int, default=30, help="transactions of 2,000 rows")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        db = ladybug.Database(str(Path(folder) / "repro.db"), buffer_pool_size=args.pool_mb * 2**20, auto_checkpoint=False)
        conn = ladybug.Connection(db)
        conn.execute("CREATE NODE TABLE P(id STRING PRIMARY KEY, text STRING)")
        rng = random.Random(0)
        words = ["".join(rng.choices(string.ascii_lowercase, k=rng.randint(2, 9))) for _ in range(3000)]
        for batch in range(args.batches):
            rows = [{"id": f"p{batch * 2000 + i:08d}", "text": " ".join(rng.choices(words, k=args.chars // 5))[: args.chars]}
                    for i in range(2000)]
            started = time.perf_counter()
            conn.execute("BEGIN TRANSACTION")
            conn.execute("UNWIND $rows AS r CREATE (:P {id: r.id, text: r.text})", {"rows": rows})
            conn.execute("COMMIT")
            written = time.perf_counter()
            try:
                conn.execute("CHECKPOINT")
            except RuntimeError as error:
                print(f"{(batch + 1) * 2000:,} rows: CHECKPOINT failed: {str(error).splitlines()[0]}")
                return
            peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
            print(f"{(batch + 1) * 2000:,} rows: write {written - started:.2f} s, checkpoint {time.perf_counter() - written:.2f} s, "
                  f"peak RSS {peak:,.0f} MiB", flush=True)
        db.close()


if __name__ == "__main__":
    main()
