"""The interactive HTML view: which subgraph it draws, and the page in a real headless Chromium."""

from __future__ import annotations

import os
import random
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kg.cli import app
from kg.export.html import MAX_NODES, PYTHON_LAYOUT, TYPE_STYLE, View, ViewError, render, select, write_html
from kg.graph import build_graph
from kg.records import Entity, Evidence, Extraction, Paper

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
PPO = "method:ppo"  # an entity's id is its shortest name key (kg.graph.resolve)
WEBPILOT = "arxiv:2501.00001"
ROBOTS = "title:10c3abf9ab6c7b7c"
# Markup in a title must stay text: it would set window.pwned if it ran.
HOSTILE = 'Robots </script><img src=x onerror="window.pwned=1"> & <b>co</b>'


def synthetic_graph(papers: int, entities: int, seed: int = 1):
    """A graph of the real shape, built by the real builder from made-up extractions."""
    rng = random.Random(seed)
    types = ("Model", "Method", "Benchmark", "Environment")
    names = [(f"Entity {i}", types[i % 4]) for i in range(entities)]
    extractions = []
    for p in range(papers):
        title = f"Paper {p}"
        chosen = {rng.randrange(entities) if rng.random() < 0.5 else min(rng.randrange(entities), rng.randrange(entities)) for _ in range(3)}
        found = [
            Entity(names[e][0], names[e][1], rng.choice(("uses", "evaluates_on", "mentions")), confidence=0.9,
                   evidence=[Evidence(f"We use {names[e][0]}.", 0, 10)])
            for e in sorted(chosen)
        ]
        extractions.append(Extraction(Paper(f"arxiv:2501.{p:05d}", title, "x", [], f"2501.{p:05d}"), found, [], "test"))
    return build_graph(extractions)


# -- the subgraph: no browser needed


def test_focus_by_alias_takes_the_neighbourhood(sample_graph):
    one = select(sample_graph, View(focus="PPO", hops=1))
    assert one.focus == [PPO]
    assert set(one.graph) == {PPO, WEBPILOT, ROBOTS}
    assert sorted(k for _, _, k in one.graph.edges(keys=True)) == ["USES", "USES"]
    two = select(sample_graph, View(focus="ppo", hops=2))
    assert set(two.graph) == {PPO, WEBPILOT, ROBOTS} | set(sample_graph.successors(WEBPILOT)) | set(sample_graph.successors(ROBOTS))


def test_focus_by_title_or_arxiv_id(sample_graph):
    assert select(sample_graph, View(focus="robots in mujoco: a study of sim-to-real transfer", hops=0)).focus == [ROBOTS]
    assert select(sample_graph, View(focus="https://arxiv.org/abs/2501.00001v3", hops=0)).focus == [WEBPILOT]


def test_types_keep_the_focus_and_walk_through_other_types(sample_graph):
    models = select(sample_graph, View(focus="PPO", hops=2, types=("model",)))
    # Llama-3.1-8B and GPT-4o share a paper with PPO; the papers themselves are left out.
    assert set(models.graph) == {PPO, "model:llama318b", "model:gpt4o"}
    only = select(sample_graph, View(types=("Model",)))
    assert {d["label"] for _, d in only.graph.nodes(data=True)} == {"Model"}
    assert [k for _, _, k in only.graph.edges(keys=True)] == ["VARIANT_OF"]


def test_roles_keep_only_those_links_and_the_nodes_they_join(sample_graph):
    view = select(sample_graph, View(roles=("proposes", "evaluates_on")))
    assert {d["role"] for _, _, d in view.graph.edges(data=True)} == {"proposes", "evaluates_on"}
    assert set(view.graph) == {u for u, _ in view.graph.edges()} | {v for _, v in view.graph.edges()}
    assert "benchmark:gsm8k" in view.graph and "model:gpt4" not in view.graph


def test_min_degree_counts_links_in_the_whole_graph(sample_graph):
    view = select(sample_graph, View(min_degree=3))
    assert set(view.graph) == {n for n in sample_graph if sample_graph.degree(n) >= 3}
    assert set(view.graph) == {WEBPILOT, "arxiv:2501.00002", ROBOTS, "model:llama318b"}


def test_max_nodes_keeps_the_best_connected_and_the_focus():
    graph = synthetic_graph(400, 160)
    view = select(graph, View(max_nodes=100))
    assert len(view.graph) == 100 and view.matched == len(graph)
    kept = [graph.degree(n) for n in view.graph]
    dropped = [graph.degree(n) for n in graph if n not in view.graph]
    assert min(kept) >= max(dropped)
    assert view.graph.number_of_edges() == sum(1 for u, v in graph.edges() if u in view.graph and v in view.graph)
    lonely = min(graph, key=lambda n: (graph.degree(n), n))
    focused = select(graph, View(focus=lonely, hops=3, max_nodes=10))
    assert lonely in focused.graph and len(focused.graph) == 10


def test_unknown_names_are_errors(sample_graph):
    with pytest.raises(ViewError, match="no entity or paper named 'Gemini'"):
        select(sample_graph, View(focus="Gemini"))
    with pytest.raises(ViewError, match="did you mean 'Llama-3.1'"):
        select(sample_graph, View(focus="llama 3"))
    with pytest.raises(ViewError, match="unknown type 'Dataset'; choose from Paper, Author, Model"):
        select(sample_graph, View(types=("Dataset",)))
    with pytest.raises(ViewError, match="unknown role 'cites'"):
        select(sample_graph, View(roles=("cites",)))


def test_page_is_deterministic_inlined_and_escaped(sample_graph):
    sample_graph.nodes[ROBOTS]["title"] = HOSTILE
    first = render(sample_graph, title="<i>Robots</i>").html
    assert first == render(sample_graph, title="<i>Robots</i>").html
    assert "<i>Robots</i>" not in first and "&lt;i&gt;Robots&lt;/i&gt;" in first
    assert "</script><img" not in first and "<b>co</b>" not in first
    assert "vis.Network" in first and _fetching_tags(first) == []


def _fetching_tags(html: str) -> list[tuple]:
    """The tags of `html` that would load something (a script or style sheet by URL, an image...)."""
    from html.parser import HTMLParser

    found = []

    class Tags(HTMLParser):
        def handle_starttag(self, tag, attrs):
            found.extend((tag, name, value) for name, value in attrs if name in ("src", "href", "srcset", "data"))

    Tags().feed(html)
    return found


def test_large_views_are_laid_out_in_python_deterministically():
    graph = synthetic_graph(400, 160)
    assert len(graph) > PYTHON_LAYOUT
    page = render(graph)
    assert '"physics": {"enabled": false' in page.html and '"x": ' in page.html
    assert page.html == render(graph).html


def test_cli_writes_the_page_and_reports_bad_options_in_one_line(tmp_path, jsonl_file):
    runner = CliRunner()
    store = tmp_path / "kg.sqlite"
    assert runner.invoke(app, ["build", str(jsonl_file), "--store", str(store)]).exit_code == 0
    out = tmp_path / "graph.html"
    result = runner.invoke(app, ["export", "html", "-o", str(out), "--store", str(store), "--focus", "PPO", "--types", "Paper,Method"])
    assert result.exit_code == 0, result.output
    assert "wrote 3 nodes and 2 links" in result.output
    assert "within 1 hop of Proximal Policy Optimization · types: Paper, Method" in out.read_text()
    empty = runner.invoke(app, ["export", "html", "-o", str(out), "--store", str(store), "--min-degree", "1000"])
    assert empty.exit_code == 0 and "warning: nothing in the graph matches these options" in empty.output
    for args, message in [
        (["--focus", "Gemini"], "error: no entity or paper named 'Gemini' in the graph"),
        (["--types", "Model", "--types", "Dataset"], "error: unknown type 'Dataset'"),
        (["--roles", "cites"], "error: unknown role 'cites'"),
        (["-o", str(tmp_path / "missing" / "g.html")], f"error: {tmp_path / 'missing' / 'g.html'}: cannot write"),
        (["-o", str(tmp_path)], f"error: {tmp_path}: cannot write: Is a directory"),
    ]:
        result = runner.invoke(app, ["export", "html", "-o", str(out), "--store", str(store), *args])
        assert result.exit_code == 2, result.output
        assert result.output.startswith(message) and result.output.count("\n") == 1, result.output


# -- the page in a real browser


@pytest.fixture(scope="module")
def browser():
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


class Opened:
    """A page loaded from a file, with every error and request it caused."""

    def __init__(self, browser, path: Path):
        self.page = browser.new_page(viewport={"width": 1280, "height": 860})
        self.errors: list[str] = []
        self.requests: list[str] = []
        self.page.on("console", lambda msg: self.errors.append(msg.text) if msg.type in ("error", "warning") else None)
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))
        self.page.on("request", lambda request: self.requests.append(request.url))
        self.page.goto(path.as_uri())
        self.page.wait_for_function("() => window.kg && window.kg.ready", timeout=30_000)

    def pixels(self, colour: str) -> int:
        """How many canvas pixels are exactly `colour`: what the network really drew."""
        return self.page.evaluate(
            """(hex) => {
                const canvas = document.querySelector('#kg-network canvas');
                const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
                const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
                let count = 0;
                for (let i = 0; i < data.length; i += 4) if (data[i] === r && data[i + 1] === g && data[i + 2] === b) count++;
                return count;
            }""",
            colour,
        )


@pytest.fixture(scope="module")
def sample_page(browser, tmp_path_factory):
    from conftest import load_sample_graph

    graph = load_sample_graph()
    graph.nodes[ROBOTS]["title"] = HOSTILE
    path = tmp_path_factory.mktemp("html") / "sample.html"
    write_html(graph, path)
    opened = Opened(browser, path)
    yield opened, graph
    opened.page.close()


def test_page_loads_offline_without_errors_and_holds_the_graph(sample_page):
    opened, graph = sample_page
    assert opened.errors == []
    assert opened.requests == [opened.page.url]
    counts = opened.page.evaluate("[kg.nodes.length, kg.edges.length, Object.keys(kg.network.body.nodes).length, kg.network.body.edgeIndices.length]")
    assert counts == [len(graph), graph.number_of_edges(), len(graph), graph.number_of_edges()]
    assert opened.page.evaluate("window.pwned") is None
    assert opened.page.inner_text("#kg-summary") == "21 of 21 nodes and 21 of 21 links"
    assert opened.page.evaluate("kg.network.physics.physicsEnabled") is False  # stabilised, then stopped


def test_hover_card_shows_aliases_degree_and_evidence(sample_page):
    opened, _ = sample_page
    page = opened.page
    page.evaluate("kg.network.fit()")
    point = page.evaluate(f"kg.network.canvasToDOM(kg.network.getPosition('{PPO}'))")
    box = page.locator("#kg-network").bounding_box()
    page.mouse.move(box["x"] + point["x"], box["y"] + point["y"])
    tooltip = page.locator("div.vis-tooltip")
    tooltip.wait_for(state="visible", timeout=5_000)
    text = tooltip.inner_text()
    assert "Proximal Policy Optimization" in text and "aliases\nPPO" in text and "degree\n2" in text
    assert "We propose WebPilot, a framework that trains open models with Proximal Policy Optimization (PPO)." in text
    assert HOSTILE in text  # the hostile title of the second paper, as text
    assert tooltip.locator("a").first.get_attribute("href") == "https://arxiv.org/abs/2501.00001"
    page.mouse.move(0, 0)


def test_search_finds_a_node_by_alias_and_centres_it(sample_page):
    opened, _ = sample_page
    page = opened.page
    page.fill("#kg-search", "rlhf")
    page.press("#kg-search", "Enter")
    node = "method:rlhf"
    page.wait_for_function(
        f"""() => {{
            const p = kg.network.getPosition('{node}'), v = kg.network.getViewPosition();
            return Math.hypot(p.x - v.x, p.y - v.y) < 1;
        }}"""
    )
    assert page.evaluate("kg.network.getSelectedNodes()") == [node]
    assert page.inner_text("#kg-search-status") == "found Reinforcement Learning from Human Feedback"
    assert page.inner_text("#kg-details h2") == "Reinforcement Learning from Human Feedback"
    page.fill("#kg-search", "Gemini")
    page.press("#kg-search", "Enter")
    assert page.inner_text("#kg-search-status") == "nothing named “Gemini”"
    assert opened.errors == []


def test_unticking_a_type_hides_its_nodes_and_only_those(sample_page, tmp_path):
    opened, graph = sample_page
    page = opened.page
    page.evaluate("kg.network.fit()")
    page.wait_for_timeout(100)
    paper, model = TYPE_STYLE["Paper"]["color"], TYPE_STYLE["Model"]["color"]
    before = (opened.pixels(paper), opened.pixels(model))
    page.screenshot(path=tmp_path / "sample.png")
    page.uncheck('#kg-types input[value="Paper"]')
    page.wait_for_timeout(100)
    assert before[0] > 0 and before[1] > 0
    assert opened.pixels(paper) == 0 and opened.pixels(model) == before[1]
    hidden = page.evaluate("kg.nodes.get({filter: (n) => n.hidden}).map((n) => n.id).sort()")
    assert hidden == sorted(n for n, d in graph.nodes(data=True) if d["label"] == "Paper")
    # Edges out of papers go with them; the variant and result links stay.
    assert page.evaluate("kg.edges.get({filter: (e) => !e.hidden}).map((e) => e.link).sort()") == ["achieves", "variant_of"]
    page.screenshot(path=tmp_path / "sample-no-papers.png")
    page.check('#kg-types input[value="Paper"]')
    page.wait_for_timeout(100)
    assert opened.pixels(paper) == before[0]
    page.uncheck('#kg-links input[value="mentions"]')
    shown = page.evaluate("kg.edges.get({filter: (e) => !e.hidden}).map((e) => e.link)")
    assert "mentions" not in shown and len(shown) == graph.number_of_edges() - 5
    assert page.evaluate("kg.nodes.get({filter: (n) => n.hidden}).length") == 0
    page.check('#kg-links input[value="mentions"]')


def test_a_large_view_opens_laid_out_with_physics_off(browser, tmp_path):
    graph = synthetic_graph(900, 400)
    path = tmp_path / "large.html"
    selection = write_html(graph, path, View(max_nodes=600))
    assert len(selection.graph) == 600 < len(graph) and MAX_NODES > 600
    opened = Opened(browser, path)
    assert opened.errors == [] and opened.requests == [path.as_uri()]
    assert opened.page.evaluate("[kg.nodes.length, kg.edges.length]") == [600, selection.graph.number_of_edges()]
    assert opened.page.evaluate("kg.network.physics.physicsEnabled") is False
    assert "the 600 best-connected of" in opened.page.inner_text("#kg-summary")
    opened.page.screenshot(path=tmp_path / "large.png")
    opened.page.close()


def test_an_empty_view_still_opens(browser, sample_graph, tmp_path):
    path = tmp_path / "empty.html"
    assert len(write_html(sample_graph, path, View(roles=("has_result",))).graph) == 0
    opened = Opened(browser, path)
    assert opened.errors == [] and opened.page.evaluate("kg.nodes.length") == 0
    assert opened.page.inner_text("#kg-summary") == "0 of 21 nodes and 0 of 21 links · roles: has_result"
    opened.page.close()
