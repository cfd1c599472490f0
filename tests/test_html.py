"""The interactive HTML view: which subgraph it draws (chosen with Cypher), and the page in a real headless Chromium."""

from __future__ import annotations

import copy

import pytest
from typer.testing import CliRunner

from browser import Opened
from kg.cli import app
from kg.export.html import MAX_NODES, PYTHON_LAYOUT, TYPE_STYLE, View, ViewError, render, select, write_html
from kg.store.reader import LadybugReader
from known_graph import PAPERS, create, entity_id, pid, synthetic

PPO = "method:ppo"
WEBPILOT, BROWSEBENCH, PLANNING, LOCOBENCH, COT, SIMWORLD = (pid(paper) for paper in PAPERS)
# Markup in a title must stay text: it would set window.pwned if it ran.
HOSTILE = 'LocoBench </script><img src=x onerror="window.pwned=1"> & <b>co</b>'


@pytest.fixture(scope="module")
def hostile_store(tmp_path_factory):
    """The known graph with markup in a title."""
    papers = copy.deepcopy(PAPERS)
    papers[3]["title"] = HOSTILE
    return create(tmp_path_factory.mktemp("hostile") / "hostile.db", papers)


@pytest.fixture(scope="module")
def large_store(tmp_path_factory):
    return synthetic(tmp_path_factory.mktemp("large") / "large.db", 900, 400)


def linked(paper: dict) -> set[str]:
    """What a paper links to: its entities and results."""
    return {entity_id(name) for name, _ in paper["roles"]} | {f"result:{pid(paper)}:{n}" for n in range(len(paper["results"]))}


# -- the subgraph: no browser needed


def test_focus_by_alias_takes_the_neighbourhood(known):
    one = select(known, View(focus="Proximal Policy Optimization", hops=1))
    assert one.focus == [PPO]
    assert set(one.graph) == {PPO, WEBPILOT, PLANNING, LOCOBENCH}
    assert sorted(k for _, _, k in one.graph.edges(keys=True)) == ["USES", "USES", "USES"]
    two = select(known, View(focus="ppo", hops=2))
    assert set(two.graph) == {PPO, WEBPILOT, PLANNING, LOCOBENCH} | linked(PAPERS[0]) | linked(PAPERS[2]) | linked(PAPERS[3])


def test_focus_by_title_or_arxiv_id(known):
    assert select(known, View(focus="locobench: legged locomotion in mujoco", hops=0)).focus == [LOCOBENCH]
    assert select(known, View(focus="Planning Helps Web Agents", hops=0)).focus == [PLANNING]
    assert select(known, View(focus="https://arxiv.org/abs/2502.00001v3", hops=0)).focus == [WEBPILOT]


def test_types_keep_the_focus_and_walk_through_other_types(known):
    models = select(known, View(focus="PPO", hops=2, types=("model",)))
    # The models that share a paper with PPO; the papers themselves are left out.
    assert set(models.graph) == {PPO, "model:llama318b", "model:gpt4o", "model:llama3170b"}
    only = select(known, View(types=("Model",)))
    assert {d["label"] for _, d in only.graph.nodes(data=True)} == {"Model"}
    assert [k for _, _, k in only.graph.edges(keys=True)] == ["VARIANT_OF", "VARIANT_OF"]


def test_roles_keep_only_those_links_and_the_nodes_they_join(known):
    view = select(known, View(roles=("proposes", "evaluates_on")))
    assert {d["role"] for _, _, d in view.graph.edges(data=True)} == {"proposes", "evaluates_on"}
    assert set(view.graph) == {u for u, _ in view.graph.edges()} | {v for _, v in view.graph.edges()}
    assert "benchmark:gsm8k" in view.graph and "model:gpt4o" not in view.graph


def test_degrees_are_counted_in_the_whole_graph_without_authors(known):
    view = select(known, View(min_degree=4))
    assert set(view.graph) == {WEBPILOT, BROWSEBENCH, PLANNING, LOCOBENCH, COT, SIMWORLD, "environment:webarena", "model:gpt4o"}
    assert view.graph.nodes[WEBPILOT]["degree"] == 7 and view.graph.nodes["model:gpt4o"]["degree"] == 4


def test_max_nodes_keeps_the_best_connected_and_the_focus(known, large_store):
    five = select(known, View(max_nodes=5))
    assert sorted(five.graph) == sorted([WEBPILOT, BROWSEBENCH, PLANNING, LOCOBENCH, COT]) and five.matched == 27
    with LadybugReader(large_store) as reader:
        whole = select(reader, View(max_nodes=100_000))
        view = select(reader, View(max_nodes=100))
        assert len(view.graph) == 100 and view.matched == len(whole.graph)
        kept = [whole.graph.nodes[n]["degree"] for n in view.graph]
        dropped = [whole.graph.nodes[n]["degree"] for n in whole.graph if n not in view.graph]
        assert min(kept) >= max(dropped)
        assert view.graph.number_of_edges() == sum(1 for u, v in whole.graph.edges() if u in view.graph and v in view.graph)
        lonely = min((n for n in whole.graph if whole.graph.nodes[n]["degree"]), key=lambda n: (whole.graph.nodes[n]["degree"], n))
        focused = select(reader, View(focus=lonely, hops=3, max_nodes=10))
        assert lonely in focused.graph and len(focused.graph) == 10


def test_unknown_names_are_errors(known):
    with pytest.raises(ViewError, match="no entity or paper named 'Gemini'"):
        select(known, View(focus="Gemini"))
    with pytest.raises(ViewError, match="did you mean 'Llama-3.1'"):
        select(known, View(focus="llama 3"))
    with pytest.raises(ViewError, match="unknown type 'Dataset'; choose from Paper, Model"):
        select(known, View(types=("Dataset",)))
    with pytest.raises(ViewError, match="unknown role 'cites'"):
        select(known, View(roles=("cites",)))


def test_page_is_deterministic_inlined_and_escaped(hostile_store):
    with LadybugReader(hostile_store) as reader:
        first = render(reader, title="<i>Robots</i>").html
        assert first == render(reader, title="<i>Robots</i>").html
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


def test_paper_cards_show_authors_date_venue_and_doi(known):
    page = render(known, View(focus=WEBPILOT, hops=0))
    assert '["authors", "Ada Lovelace, Alan Turing"]' in page.html
    assert '["date", "2025-02-03"]' in page.html and '["venue", "ICML 2025"]' in page.html
    assert '["doi", "10.1234/webpilot.2025"]' in page.html and '["names", "6 entities"]' in page.html


def test_large_views_are_laid_out_in_python_deterministically(large_store):
    with LadybugReader(large_store) as reader:
        page = render(reader, View(max_nodes=400))
        assert len(page.selection.graph) > PYTHON_LAYOUT
        assert '"physics": {"enabled": false' in page.html and '"x": ' in page.html
        assert page.html == render(reader, View(max_nodes=400)).html


def test_cli_writes_the_page_and_reports_bad_options_in_one_line(tmp_path, known_store):
    runner = CliRunner(env={"NEO4J_URI": None, "KG_STORE": None})
    store = known_store
    out = tmp_path / "graph.html"
    result = runner.invoke(app, ["export", "html", "-o", str(out), "--store", str(store), "--focus", "PPO", "--types", "Paper,Method"])
    assert result.exit_code == 0, result.output
    assert "wrote 4 nodes and 3 links" in result.output
    assert "within 1 hop of PPO · types: Paper, Method" in out.read_text()
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
def sample_page(browser, tmp_path_factory, hostile_store):
    path = tmp_path_factory.mktemp("html") / "sample.html"
    with LadybugReader(hostile_store) as reader:
        graph = write_html(reader, path).graph
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
    assert opened.page.inner_text("#kg-summary") == "27 of 27 nodes and 36 of 36 links"
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
    assert "PPO" in text and "aliases\nProximal Policy Optimization" in text and "degree\n3" in text and "papers\n3" in text
    assert "Policies are trained with PPO in MuJoCo from Llama-3.1-70B plans." in text
    assert HOSTILE in text  # the hostile title of the second paper, as text
    assert tooltip.locator("a").first.get_attribute("href") == "https://arxiv.org/abs/2502.00001"
    page.mouse.move(0, 0)


def test_search_finds_a_node_by_alias_and_centres_it(sample_page):
    opened, _ = sample_page
    page = opened.page
    page.fill("#kg-search", "cot")
    page.press("#kg-search", "Enter")
    node = "method:chainofthoughtprompting"
    page.wait_for_function(
        f"""() => {{
            const p = kg.network.getPosition('{node}'), v = kg.network.getViewPosition();
            return Math.hypot(p.x - v.x, p.y - v.y) < 1;
        }}"""
    )
    assert page.evaluate("kg.network.getSelectedNodes()") == [node]
    assert page.inner_text("#kg-search-status") == "found chain-of-thought prompting"
    assert page.inner_text("#kg-details h2") == "chain-of-thought prompting"
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
    assert page.evaluate("kg.edges.get({filter: (e) => !e.hidden}).map((e) => e.link).sort()") == [
        "achieves", "achieves", "has_result", "has_result", "variant_of", "variant_of"]
    page.screenshot(path=tmp_path / "sample-no-papers.png")
    page.check('#kg-types input[value="Paper"]')
    page.wait_for_timeout(100)
    assert opened.pixels(paper) == before[0]
    page.uncheck('#kg-links input[value="mentions"]')
    shown = page.evaluate("kg.edges.get({filter: (e) => !e.hidden}).map((e) => e.link)")
    assert "mentions" not in shown and len(shown) == graph.number_of_edges() - 1
    assert page.evaluate("kg.nodes.get({filter: (n) => n.hidden}).length") == 0
    page.check('#kg-links input[value="mentions"]')


def test_a_large_view_opens_laid_out_with_physics_off(browser, tmp_path, large_store):
    path = tmp_path / "large.html"
    with LadybugReader(large_store) as reader:
        selection = write_html(reader, path, View(max_nodes=600))
    assert len(selection.graph) == 600 < selection.matched and MAX_NODES > 600
    opened = Opened(browser, path)
    assert opened.errors == [] and opened.requests == [path.as_uri()]
    assert opened.page.evaluate("[kg.nodes.length, kg.edges.length]") == [600, selection.graph.number_of_edges()]
    assert opened.page.evaluate("kg.network.physics.physicsEnabled") is False
    assert "the 600 best-connected of" in opened.page.inner_text("#kg-summary")
    opened.page.screenshot(path=tmp_path / "large.png")
    opened.page.close()


def test_an_empty_view_still_opens(browser, known, tmp_path):
    path = tmp_path / "empty.html"
    assert len(write_html(known, path, View(min_degree=1000)).graph) == 0
    opened = Opened(browser, path)
    assert opened.errors == [] and opened.page.evaluate("kg.nodes.length") == 0
    assert opened.page.inner_text("#kg-summary") == "0 of 27 nodes and 0 of 36 links · degree ≥ 1000"
    opened.page.close()
