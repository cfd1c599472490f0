#!/usr/bin/env python3
"""How fast an HTML view is ready to use in headless Chromium, and how big it is.

Writes a synthetic LadybugDB store of the real shape (`tests/known_graph.py`'s
`synthetic`, by COPY), exports its 1,500 best-connected nodes through a
reader (the view chosen with Cypher), and opens the page in
/usr/bin/chromium. "Ready" is the page's own signal: laid out, drawn, physics
stopped. The page records that moment as `performance.now()`, i.e. measured
from the start of navigation, so it includes parsing the inlined scripts and
data. Also times one full redraw and one search-and-centre once ready, which
is what a user feels. With --store it measures that store's whole graph too.

    .venv/bin/python scripts/bench_html.py [--store kg.db] [--runs 3]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

from kg.export.html import View, render
from kg.store.reader import LadybugReader

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
from known_graph import synthetic  # noqa: E402

CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]


def measure(browser, path: Path, search: str) -> dict:
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    start = time.perf_counter()
    page.goto(path.as_uri())
    page.wait_for_function("() => window.kg && window.kg.ready", timeout=120_000)
    wall = time.perf_counter() - start
    ready = page.evaluate("kg.readyAt") / 1000
    redraw = page.evaluate("() => { const t = performance.now(); kg.network.redraw(); return performance.now() - t; }")
    find = page.evaluate(
        "(q) => { const t = performance.now(); const id = kg.find(q); kg.focusNode(id); return performance.now() - t; }", search
    )
    page.close()
    if errors:
        sys.exit(f"page errors in {path}: {errors[:3]}")
    return {"ready": ready, "wall": wall, "redraw": redraw, "find": find}


def report(name: str, reader, view: View, browser, runs: int, folder: Path) -> None:
    start = time.perf_counter()
    page = render(reader, view)
    export = time.perf_counter() - start
    path = folder / f"{name.replace(' ', '-')}.html"
    path.write_text(page.html, encoding="utf-8")
    shown = page.selection.graph
    search = next(data.get("name") or data["title"] for _, data in shown.nodes(data=True))
    results = [measure(browser, path, search) for _ in range(runs)]
    median = {key: statistics.median(r[key] for r in results) for key in results[0]}
    print(
        f"{name}: {len(shown):,} nodes, {shown.number_of_edges():,} links; file {path.stat().st_size / 1e6:.2f} MB; "
        f"export {export:.2f} s; ready (from navigation start) {median['ready']:.2f} s "
        f"[{', '.join(format(r['ready'], '.2f') for r in results)}], goto-to-ready {median['wall']:.2f} s; "
        f"redraw {median['redraw']:.0f} ms; search+centre {median['find']:.0f} ms  (median of {runs})"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", type=Path, help="also measure the default view of this embedded store")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--chromium", default="/usr/bin/chromium")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=args.chromium, args=CHROMIUM_ARGS)
        if args.store:
            with LadybugReader(args.store) as reader:
                report(f"store {args.store.name}", reader, View(), browser, args.runs, Path(tmp))
        store = synthetic(Path(tmp) / "synthetic.db", 2000, 900)
        with LadybugReader(store) as reader:
            report("synthetic 1500", reader, View(max_nodes=1500), browser, args.runs, Path(tmp))
        browser.close()


if __name__ == "__main__":
    main()
