"""The overview map: its graph and communities on the known store, and the page in a real headless Chromium."""

from __future__ import annotations

import contextlib
from pathlib import Path

import pytest
from typer.testing import CliRunner

import kg.cli
from answers_graph import known_store, synthetic_store
from browser import Opened
from kg.export.overview import PALETTE, node_count, overview, papers_of, render, write_overview



@pytest.fixture(scope="module")
def known(tmp_path_factory):
    reader = known_store(tmp_path_factory.mktemp("known") / "kg.db")
    yield reader
    reader.close()


def test_map_counts_papers_and_links_by_shared_papers(known):
    view = overview(known)
    graph = view.graph
    assert view.entities == 14 and len(graph) == 14
    assert graph.nodes["model:llama318b"]["papers"] == 5 and graph.nodes["benchmark:webarenahard"]["papers"] == 1
    # WebArena and GPT-4o share three papers; WebArena-Lite and WikiText-103 none.
    assert graph["benchmark:webarena"]["model:gpt4o"]["papers"] == 3
    assert not graph.has_edge("benchmark:webarenalite", "benchmark:wikitext103")
    assert graph.number_of_edges() == 31
    # Every entity is in exactly one community, and the same graph always gives the same ones.
    assert sorted(key for c in view.communities for key in c) == sorted(graph)
    assert overview(known).communities == view.communities
    # The most-named first; ties at 4 papers go by id.
    top = overview(known, max_entities=3).graph
    assert sorted(top) == ["benchmark:webarena", "method:directpreferenceoptimization", "model:llama318b"]
    assert node_count(known) == 11 + 14 + 14


def test_papers_of_newest_first_undated_last(known):
    listed = papers_of(known, ["method:directpreferenceoptimization", "environment:mujoco"])
    assert [p["id"] for p in listed["method:directpreferenceoptimization"]] == [
        "arxiv:2502.00008", "arxiv:2501.00007", "arxiv:2407.00005", "doi:10.1000/undated",
    ]
    assert listed["environment:mujoco"][0] == {
        "title": "PPO Policies in MuJoCo", "id": "arxiv:2410.00006", "date": "2024-10-01", "url": "https://arxiv.org/abs/2410.00006",
    }
    assert listed["environment:mujoco"][1]["date"] == "2024"


def test_page_is_deterministic_and_offline(known):
    first, _ = render(known)
    assert first == render(known)[0]
    assert "vis.Network" in first and "https://" not in first.split('<script id="kg-data"')[0]


# -- the page in a real browser




def _ours(message: str) -> bool:
    """Chromium's hint about this test's own repeated canvas reads (`pixels`), not about the page."""
    return message.startswith("Canvas2D: Multiple readback operations using getImageData")


def open_map(browser, path: Path, hash: str = "") -> Opened:
    """The map in a larger window, given a minute to lay out, and not counting Chromium's hint about `pixels`."""
    return Opened(browser, path, hash, viewport=(1400, 900), timeout=60_000, ignore=_ours)


@pytest.fixture(scope="module")
def known_page(browser, known, tmp_path_factory):
    path = tmp_path_factory.mktemp("overview") / "overview.html"
    view = write_overview(known, path)
    opened = open_map(browser, path)
    yield opened, view, path
    opened.page.close()


def test_page_opens_offline_with_one_colour_per_community(known_page, tmp_path):
    opened, view, _ = known_page
    assert opened.errors == [] and opened.requests == [opened.page.url]
    assert opened.page.evaluate("[kg.nodes.length, Object.keys(kg.network.body.nodes).length]") == [14, 14]
    opened.shot("overview-known.png", tmp_path)
    # Each community's colour is really drawn, and its legend line names its top entities.
    for index, members in enumerate(view.communities):
        assert opened.pixels(PALETTE[index]) > 50, index
    legend = opened.page.locator("#kg-communities li").all_inner_texts()
    assert len(legend) == len(view.communities)
    names = {key: view.graph.nodes[key]["name"] for key in view.graph}
    assert legend[0].startswith(" · ".join(names[key] for key in view.communities[0][:3]))
    # The best-known entity is labelled at first sight.
    assert opened.page.evaluate("kg.nodes.get('model:llama318b').label") == "Llama-3.1-8B"


def test_clicking_an_entity_lists_its_papers_and_its_focus(known_page):
    opened, _, path = known_page
    page = opened.page
    opened.click_node("method:directpreferenceoptimization")
    page.wait_for_selector("#kg-entity h2")
    assert page.inner_text("#kg-entity h2") == "Direct Preference Optimization"
    papers = page.locator("#kg-entity .kg-papers li a, #kg-entity .kg-papers li span.kg-paper").all_inner_texts()
    assert papers == [
        "WebArena-Hard: Harder Web Tasks", "Math with Preferences, Again", "Preference Tuning for Math",
        "An Undated Study of Preference Tuning",
    ]
    assert page.locator("#kg-entity .kg-papers a").first.get_attribute("href") == "https://arxiv.org/abs/2502.00008"
    assert page.inner_text("#kg-entity .kg-command") == "kg export html --focus 'Direct Preference Optimization' -o focus.html"
    # The focus link keeps the entity and its links, and hides the rest.
    page.click("#kg-focus-link")
    page.wait_for_function("() => kg.focused === 'method:directpreferenceoptimization'")
    shown = page.evaluate("kg.nodes.get({filter: (n) => !n.hidden}).map((n) => n.id).sort()")
    assert shown == sorted(["method:directpreferenceoptimization", "benchmark:gsm8k", "benchmark:webarena", "benchmark:webarenahard",
                            "model:gpt4o", "model:llama318b", "model:llama31"])
    page.click("#kg-show-all")
    assert page.evaluate("kg.nodes.get({filter: (n) => n.hidden}).length") == 0
    assert opened.errors == []


def test_search_finds_exact_names_before_prefixes_and_parts(known_page):
    opened, view, _ = known_page
    page = opened.page
    options = page.eval_on_selector_all("#kg-names option", "els => els.map((e) => e.value)")
    assert options == sorted({view.graph.nodes[key]["name"] for key in view.graph})
    for query, found, node in (("webarena", "WebArena", "benchmark:webarena"),  # exact, though WebArena-Hard starts so too
                               ("direct pref", "Direct Preference Optimization", "method:directpreferenceoptimization"),
                               ("llama", "Llama-3.1-8B", "model:llama318b"),  # two prefixes: the most-named wins
                               ("Hard", "WebArena-Hard", "benchmark:webarenahard")):
        page.fill("#kg-search", query)
        page.press("#kg-search", "Enter")
        assert page.inner_text("#kg-search-status") == f"found {found}"
        assert page.evaluate("kg.network.getSelectedNodes()") == [node]
    page.fill("#kg-search", "Gemini")
    page.press("#kg-search", "Enter")
    assert page.inner_text("#kg-search-status") == "nothing named “Gemini” on the map"
    assert opened.errors == []


def test_a_focus_link_opens_straight_into_the_focus(browser, known_page):
    _, _, path = known_page
    opened = open_map(browser, path, "#focus=environment%3Amujoco")
    assert opened.page.evaluate("kg.nodes.get({filter: (n) => !n.hidden}).map((n) => n.id).sort()") == [
        "environment:mujoco", "method:proximalpolicyoptimization",
    ]
    assert opened.page.inner_text("#kg-entity h2") == "MuJoCo" and opened.errors == []
    opened.page.close()


def test_twenty_thousand_papers(browser, tmp_path_factory, tmp_path):
    folder = tmp_path_factory.mktemp("synthetic")
    reader = synthetic_store(folder / "kg.db", papers=20_000)
    path = folder / "overview.html"
    view = write_overview(reader, path)
    reader.close()
    assert len(view.graph) == 400 and len(view.communities) >= 10
    opened = open_map(browser, path)
    assert opened.errors == [] and opened.requests == [path.as_uri()]
    opened.shot("overview-20k.png", tmp_path)
    # The twelve topics come out as communities, each drawn in its own colour.
    assert sum(1 for colour in PALETTE if opened.pixels(colour) > 50) == min(len(view.communities), len(PALETTE))
    labels = opened.page.evaluate("kg.nodes.get({filter: (n) => n.label}).length")
    assert 15 <= labels <= 40
    opened.page.close()


def test_export_html_overview_command(tmp_path, known, monkeypatch, jsonl_file):
    @contextlib.contextmanager
    def opened(store):
        yield known

    monkeypatch.setattr(kg.cli.export, "_reader", opened)
    runner = CliRunner()
    out = tmp_path / "map.html"
    shown = runner.invoke(kg.cli.app, ["export", "html", "--overview", "-o", str(out), "--store", str(tmp_path / "any")])
    assert shown.exit_code == 0, shown.output
    assert "wrote the overview map of 14 entities, 31 links and" in shown.output and "kg-communities" in out.read_text()
    # Without a focus, a graph larger than --max-nodes gets the map; with one, the node view.
    store = tmp_path / "kg.sqlite"
    assert runner.invoke(kg.cli.app, ["build", str(jsonl_file), "--store", str(store)]).exit_code == 0
    default = runner.invoke(kg.cli.app, ["export", "html", "-o", str(out), "--store", str(store), "--max-nodes", "5"])
    assert default.exit_code == 0, default.output
    assert "more than --max-nodes: drawing the overview map" in default.output and "kg-communities" in out.read_text()
    both = runner.invoke(kg.cli.app, ["export", "html", "--overview", "--focus", "PPO", "-o", str(out), "--store", str(store)])
    assert both.exit_code == 2 and both.output.startswith("error: --overview draws the whole graph's entities")
    focused = runner.invoke(kg.cli.app, ["export", "html", "-o", str(out), "--store", str(store), "--max-nodes", "5", "--focus", "PPO"])
    assert focused.exit_code == 0 and "kg-communities" not in out.read_text()
