#!/usr/bin/env python3
"""End to end at scale: synthetic corpus -> kg extract -> store build -> stats -> N-Triples -> neo4j-csv.

usage: scripts/bench_scale.py --papers 100000 [--seed 0] [--jobs N] [--workdir DIR] [--keep]
       scripts/bench_scale.py --papers 100000 --records [--phases build,nt,csv]

Every phase is one run of the `kg` command in a subprocess, as a user runs
it, so its figures are the command's own: wall time, papers per second,
CPU seconds (of the command and every worker process it started), and
peak RSS (from `os.wait4`: the largest process of the phase, so a phase
with worker processes holds up to jobs x that). The reference line is spaCy's
blank English tokenizer over the same texts in this process, so that rates
read as a ratio that holds from one machine to the next (issue "Throughput":
extraction at half the tokenizer's rate or better).

`--records` measures the store and the exports alone: the corpus is what
`kg extract` would write for it (`synth_corpus.py --records`, the planted
names as entities), and the extract phase is skipped. `--phases` keeps
some of build, stats, nt and csv (each phase reads the store the build wrote).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import synth_corpus  # noqa: E402


@dataclass
class Phase:
    name: str
    seconds: float
    cpu: float
    peak_mib: float
    papers: int
    note: str = ""

    def line(self) -> str:
        rate = f"{self.papers / self.seconds:>9,.0f}" if self.seconds else "        -"
        cpu_rate = f"{self.papers / self.cpu:>11,.0f}" if self.cpu else "          -"
        return f"{self.name:<22} {self.seconds:>9.1f} {rate} {self.cpu:>9.1f} {cpu_rate} {self.peak_mib:>9.0f}  {self.note}"


# papers per CPU second reads the same on a busy machine; wall rates do not.
PHASES = ("extract", "build", "stats", "nt", "csv")
HEADER = f"{'phase':<22} {'seconds':>9} {'papers/s':>9} {'cpu s':>9} {'papers/cpu s':>11} {'peak MiB':>9}  notes"


def run(name: str, args: list[str], papers: int, cwd: Path) -> Phase:
    """Run one `kg` command and measure it; a failure stops the benchmark with the command's own message.

    `os.wait4` gives the child's own resource usage: its CPU time with that
    of the workers it waited for, and the peak RSS of the largest of them.
    """
    with tempfile.TemporaryFile("w+", encoding="utf-8") as err:
        started = time.perf_counter()
        proc = subprocess.Popen(args, cwd=cwd, stdout=subprocess.DEVNULL, stderr=err, text=True)
        tree = TreeCpu(proc.pid)
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - started
        tree.stop()
        proc.returncode = os.waitstatus_to_exitcode(status)
        err.seek(0)
        message = err.read().strip()
    if proc.returncode:
        sys.exit(f"{name} failed (exit {proc.returncode}): {' '.join(args)}\n{message[-2000:]}")
    last = (message.splitlines() or [""])[-1][:100]
    return Phase(name, seconds, max(usage.ru_utime + usage.ru_stime, tree.seconds()), usage.ru_maxrss / 1024, papers, last)


class TreeCpu:
    """The CPU seconds of a process and all its descendants, sampled every `interval` seconds in a thread.

    `os.wait4` counts only the children a process waited for: the workers of
    a fork server (`kg extract`) are the server's children, not the
    command's, so their CPU time would be missing. A sample misses at most the last `interval`
    of each process; a phase's CPU is the larger of the two.
    """

    def __init__(self, pid: int, interval: float = 0.5):
        import threading

        import psutil

        self.root, self.interval, self.seen = psutil.Process(pid), interval, {}
        self.done = threading.Event()
        self.thread = threading.Thread(target=self._sample, daemon=True)
        self.thread.start()

    def _sample(self) -> None:
        import psutil

        while not self.done.wait(self.interval):
            try:
                family = [self.root, *self.root.children(recursive=True)]
            except psutil.Error:
                continue
            for process in family:
                try:
                    times = process.cpu_times()
                    self.seen[process.pid] = times.user + times.system
                except psutil.Error:
                    pass

    def stop(self) -> None:
        self.done.set()
        self.thread.join()

    def seconds(self) -> float:
        return sum(self.seen.values())


def size_mib(path: Path) -> float:
    """Size on disk of a file or folder, with the files beside it that share its name (WAL, lock)."""
    total = 0
    for p in path.parent.glob(path.name + "*"):
        files = [p] if p.is_file() else [f for f in p.rglob("*") if f.is_file()]
        total += sum(f.stat().st_size for f in files)
    return total / 2**20


def tokenizer_rate(corpus: Path, limit: int = 20_000) -> tuple[float, float, int]:
    """Papers per second and per CPU second of spaCy's blank English tokenizer over the corpus's texts (title, blank line, abstract)."""
    import json

    import spacy

    texts = []
    with corpus.open(encoding="utf-8") as handle:
        for line in handle:
            obj = json.loads(line)
            texts.append(f"{obj['title']}\n\n{obj['abstract']}")
            if len(texts) == limit:
                break
    nlp = spacy.blank("en")
    started, cpu = time.perf_counter(), time.process_time()
    for _ in nlp.tokenizer.pipe(texts, batch_size=256):
        pass
    return len(texts) / (time.perf_counter() - started), len(texts) / (time.process_time() - cpu), len(texts)


def cli_has(kg: list[str], command: list[str], option: str) -> bool:
    """Whether today's `kg COMMAND --help` lists `option` (`--jobs` arrives with issue "Throughput")."""
    help_text = subprocess.run([*kg, *command, "--help"], capture_output=True, text=True, env={**os.environ, "COLUMNS": "200"}).stdout
    return option in help_text


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--papers", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="worker processes for extract and build, where kg has --jobs")
    parser.add_argument("--workdir", type=Path, help="where to write the corpus, store and exports (default: a temporary folder)")
    parser.add_argument("--keep", action="store_true", help="keep the working folder")
    parser.add_argument("--records", action="store_true", help="load-only: build from synthetic 'kg extract' records, no extract phase")
    parser.add_argument("--phases", default=",".join(PHASES), help=f"comma-separated phases to run after the corpus: {','.join(PHASES)}")
    args = parser.parse_args()
    wanted = set(args.phases.split(","))
    if wanted - set(PHASES):
        parser.error(f"unknown phase(s) {', '.join(sorted(wanted - set(PHASES)))}; choose from {','.join(PHASES)}")
    if args.records:
        wanted.discard("extract")
    work = args.workdir or Path(tempfile.mkdtemp(prefix="kg-scale-"))
    work.mkdir(parents=True, exist_ok=True)
    kg = [sys.executable, "-m", "kg"]
    n = args.papers
    corpus, extractions, store, nt, csv = work / "corpus.jsonl", work / "extractions.jsonl", work / "kg.db", work / "graph.nt", work / "neo4j-csv"
    for old in ((extractions,) if "extract" in wanted else ()) + (nt,):
        shutil.rmtree(old) if old.is_dir() else old.unlink(missing_ok=True)
    jobs = ["--jobs", str(args.jobs)] if cli_has(kg, ["extract"], "--jobs") else []
    build_jobs = ["--jobs", str(args.jobs)] if cli_has(kg, ["build"], "--jobs") else []
    phases = []
    started = time.perf_counter()
    with corpus.open("w", encoding="utf-8", buffering=1 << 20) as out:
        synth_corpus.write(out, n, args.seed, "records" if args.records else "jsonl", jobs=args.jobs)
    import resource

    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    phases.append(Phase("generate corpus", time.perf_counter() - started, 0, peak, n, f"{size_mib(corpus):.0f} MiB (CPU and RSS of workers not counted)"))
    rate, cpu_rate, sample = tokenizer_rate(corpus)
    if "extract" in wanted:
        phases.append(run("kg extract", [*kg, "extract", str(corpus), "-o", str(extractions), *jobs], n, work))
        phases[-1].note = f"jobs {args.jobs if jobs else 1}; {phases[-1].note}"
    elif not args.records and not extractions.exists():
        parser.error(f"without the extract phase, the build reads {extractions} from an earlier run (--workdir)")
    # The store is built from extract's output: a kg that reads extraction records loads them as they
    # are; kg 0.2 reads the file as papers (it has titles and abstracts) and extracts them again.
    if "build" in wanted:
        for old in store.parent.glob(store.name + "*"):
            old.unlink()
        records = corpus if args.records else extractions
        phases.append(run("kg build", [*kg, "build", str(records), "--store", str(store), *build_jobs], n, work))
        phases[-1].note = f"store {size_mib(store):.0f} MiB ({size_mib(store) * 2**20 / n / 1024:.1f} KiB/paper); {phases[-1].note}"
    if "stats" in wanted:
        phases.append(run("kg stats", [*kg, "stats", "--store", str(store)], n, work))
    if "nt" in wanted:
        phases.append(run("kg export rdf (nt)", [*kg, "export", "rdf", "-o", str(nt), "--store", str(store)], n, work))
        phases[-1].note = f"{size_mib(nt):.0f} MiB; {phases[-1].note}"
    if "csv" in wanted:
        phases.append(run("kg export neo4j-csv", [*kg, "export", "neo4j-csv", str(csv), "--store", str(store)], n, work))
    print(f"papers {n:,} (seed {args.seed}), {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f}, work folder {work}")
    print(f"reference: spaCy blank tokenizer {rate:,.0f} papers/s ({cpu_rate:,.0f} per CPU s) on {sample:,} of the same texts (one process)")
    print(HEADER)
    for phase in phases:
        print(phase.line())
    extract = next((p for p in phases if p.name == "kg extract"), None)
    if extract:
        print(f"extract / tokenizer: {n / extract.seconds / rate:.2f} wall ({args.jobs if jobs else 1} job(s)), {n / extract.cpu / cpu_rate:.2f} per CPU second")
    print(f"phases run ({', '.join(p.name for p in phases[1:])}): {sum(p.seconds for p in phases[1:]):.1f} s; "
          f"1,000,000 papers at this rate: {sum(p.seconds for p in phases[1:]) * 1_000_000 / n / 60:.0f} min (linear extrapolation)")
    if not args.keep and not args.workdir:
        shutil.rmtree(work)


if __name__ == "__main__":
    main()
