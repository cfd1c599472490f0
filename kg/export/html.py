"""An interactive HTML view of the graph: one self-contained file, offline.

pyvis turns the graph into vis-network's nodes, edges and options, and ships
the vis-network script and style that the page inlines. pyvis's own page
template is not used: it always links Bootstrap from a CDN (so a page made
with it fetches from the network) and puts its heading in unescaped. The page
here (`html_assets/`) inlines everything and carries the graph as one JSON
block that Jinja's `tojson` escapes; its script only ever puts text into the
document with `textContent`, so titles read from input files cannot inject
markup.

Small views lay themselves out in the browser (physics runs until the layout
is stable, then stops); above `PYTHON_LAYOUT` nodes the positions are
computed here with igraph's Fruchterman-Reingold, which places 1,500 nodes in
about a tenth of a second where networkx's `spring_layout` takes seconds,
and the page starts with physics off. Either way the same graph and options
give the same file, byte for byte.
"""

from __future__ import annotations

import math
import random
from collections import Counter
from dataclasses import dataclass, field
from functools import cache
from importlib.resources import files
from pathlib import Path

import networkx as nx
from jinja2 import ChoiceLoader, Environment, FileSystemLoader, select_autoescape

from kg.graph.build import LABELS
from kg.records import ROLES, arxiv_id, norm

MAX_NODES = 1500
PYTHON_LAYOUT = 300
LINKS = (*ROLES, "variant_of", "reports", "achieves", "has_result")

# Tableau 10 colours: distinct, readable on white, and safe for the common
# colour-vision deficiencies when paired with the shapes.
TYPE_STYLE = {
    "Paper": {"color": "#4e79a7", "shape": "square"},
    "Model": {"color": "#e15759", "shape": "dot"},
    "Method": {"color": "#f28e2b", "shape": "dot"},
    "Benchmark": {"color": "#59a14f", "shape": "diamond"},
    "Environment": {"color": "#b07aa1", "shape": "diamond"},
    "Result": {"color": "#9c755f", "shape": "triangle"},
}
LINK_STYLE = {
    "proposes": {"color": "#d62728", "width": 3, "dashes": False},
    "evaluates_on": {"color": "#2ca02c", "width": 2, "dashes": False},
    "uses": {"color": "#1f77b4", "width": 2, "dashes": False},
    "compares_to": {"color": "#9467bd", "width": 1.5, "dashes": False},
    "mentions": {"color": "#b8b8b8", "width": 1, "dashes": False},
    "variant_of": {"color": "#7f7f7f", "width": 1.5, "dashes": True},
    "reports": {"color": "#c49c94", "width": 1, "dashes": True},
    "achieves": {"color": "#c49c94", "width": 1, "dashes": True},
    "has_result": {"color": "#c49c94", "width": 1, "dashes": True},
}
EVIDENCE_PER_NODE = 3
LABEL_CHARS = 40


class ViewError(ValueError):
    """A view option that names nothing in the graph (a focus, type or role)."""


@dataclass(frozen=True)
class View:
    """Which part of the graph to draw.

    `hops` walks links of the chosen roles through nodes of any type, so
    `focus="PPO", hops=2, types=("Model",)` shows the models that share a
    paper with PPO. With `roles` and no focus, only nodes with a link of
    those roles are kept. Degrees are always counted in the whole graph.
    """

    focus: str | None = None
    hops: int = 1
    types: tuple[str, ...] = ()
    roles: tuple[str, ...] = ()
    min_degree: int = 0
    max_nodes: int = MAX_NODES


@dataclass
class Selection:
    """The subgraph to draw, and what was asked for, for the page's summary."""

    graph: nx.MultiDiGraph
    focus: list[str] = field(default_factory=list)
    matched: int = 0


@dataclass
class Page:
    """A rendered page and the subgraph it shows."""

    html: str
    selection: Selection


def link_of(key: str, data: dict) -> str:
    """The kind of an edge as the page names it: its role, or its relationship type."""
    return data.get("role") or key.lower()


def select(graph: nx.MultiDiGraph, view: View = View()) -> Selection:
    """The subgraph `view` asks for, with nodes and edges in a fixed order.

    Raises ViewError naming what is unknown. Focus nodes are always kept;
    among the rest, `max_nodes` keeps the best-connected (ties by id).
    """
    types = _choose(view.types, LABELS, "type")
    links = _choose(view.roles, LINKS, "role")
    walkable = nx.subgraph_view(graph, filter_edge=lambda u, v, k: link_of(k, graph.edges[u, v, k]) in links)
    focus = _find(graph, view.focus) if view.focus is not None else []
    if focus:
        layers = nx.bfs_layers(walkable.to_undirected(as_view=True), focus)
        around = {node for _, layer in zip(range(view.hops + 1), layers) for node in layer}
    elif view.roles:
        around = {node for node in graph if walkable.degree(node)}
    else:
        around = set(graph)
    wanted = [
        node for node in around
        if node in focus or (graph.nodes[node]["label"] in types and graph.degree(node) >= view.min_degree)
    ]
    wanted.sort(key=lambda node: (node not in focus, -graph.degree(node), node))
    keep = set(wanted[: max(view.max_nodes, len(focus))])
    sub = nx.MultiDiGraph()
    sub.add_nodes_from((node, graph.nodes[node]) for node in sorted(keep))
    edges = [(u, v, k, data) for u, v, k, data in walkable.edges(keys=True, data=True) if u in keep and v in keep]
    sub.add_edges_from(sorted(edges, key=lambda edge: edge[:3]))
    return Selection(sub, focus, len(wanted))


def render(graph: nx.MultiDiGraph, view: View = View(), title: str = "Knowledge graph") -> Page:
    """The HTML page showing `view` of `graph`; raises ViewError for an unknown focus, type or role."""
    from pyvis.network import Network

    selection = select(graph, view)
    sub = selection.graph
    positions = _layout(sub) if len(sub) > PYTHON_LAYOUT else {}
    net = Network(directed=True)
    for node, data in sub.nodes(data=True):
        extra = dict(zip("xy", positions[node])) if positions else {}
        net.add_node(
            node,
            label=_label(data),
            shape=TYPE_STYLE[data["label"]]["shape"],
            group=data["label"],
            value=graph.degree(node),
            names=_names(node, data),
            card=_card(graph, node),
            **extra,
        )
    for u, v, key, data in sub.edges(keys=True, data=True):
        link = link_of(key, data)
        net.add_edge(u, v, id=f"{u}|{key}|{v}", link=link, title=_edge_title(link, data), **LINK_STYLE[link])
    type_counts = Counter(data["label"] for _, data in sub.nodes(data=True))
    link_counts = Counter(link_of(k, d) for _, _, k, d in sub.edges(keys=True, data=True))
    payload = {
        "nodes": net.nodes,
        "edges": net.edges,
        # An empty view has nothing to stabilise (and vis would never say it is done).
        "options": _options(physics=0 < len(sub) <= PYTHON_LAYOUT),
        "types": [{"name": t, "count": type_counts[t], **TYPE_STYLE[t]} for t in LABELS if t in type_counts],
        "links": [{"name": k, "count": link_counts[k], **LINK_STYLE[k]} for k in LINKS if k in link_counts],
        "focus": selection.focus,
    }
    html = _environment().get_template("page.html").render(
        title=title, summary=_summary(graph, view, selection), data=payload
    )
    return Page(html, selection)


def write_html(graph: nx.MultiDiGraph, path: str | Path, view: View = View(), title: str = "Knowledge graph") -> Selection:
    """Write the page for `view` of `graph` to `path`; OSError when it cannot be written."""
    page = render(graph, view, title)
    Path(path).write_text(page.html, encoding="utf-8")
    return page.selection


def _choose(asked: tuple[str, ...], known: tuple[str, ...], what: str) -> set[str]:
    """The known names `asked` names (any case); all of them when nothing is asked."""
    if not asked:
        return set(known)
    by_fold = {name.casefold(): name for name in known}
    unknown = [name for name in asked if name.casefold() not in by_fold]
    if unknown:
        raise ViewError(f"unknown {what} '{unknown[0]}'; choose from {', '.join(known)}")
    return {by_fold[name.casefold()] for name in asked}


def _find(graph: nx.MultiDiGraph, name: str) -> list[str]:
    """The nodes `name` names: a node id, an arXiv id, or an entity's name, alias or paper's title."""
    if name in graph:
        return [name]
    if (arxiv := arxiv_id(name)) and f"arxiv:{arxiv}" in graph:
        return [f"arxiv:{arxiv}"]
    wanted = norm(name)
    names = {node: [norm(n) for n in _names(node, data)] for node, data in graph.nodes(data=True)}
    found = sorted(node for node, known in names.items() if wanted and wanted in known)
    if found:
        return found
    near = sorted({
        _names(node, graph.nodes[node])[0] for node, known in names.items() if wanted and any(wanted in n for n in known)
    })[:3]
    hint = f"; did you mean {', '.join(repr(n) for n in near)}?" if near else ""
    raise ViewError(f"no entity or paper named '{name}' in the graph{hint}")


def _names(node: str, data: dict) -> list[str]:
    """Every name the search box and `--focus` know a node by."""
    if data["label"] == "Paper":
        return [data["title"], node, *([data["arxiv_id"]] if data.get("arxiv_id") else [])]
    if data["label"] == "Result":
        return [_result_name(data)]
    return [data["name"], *data.get("aliases", [])]


def _result_name(data: dict) -> str:
    metric = f" {data['metric']}" if data.get("metric") else ""
    bench = f" on {data['benchmark']}" if data.get("benchmark") else ""
    return f"{data['subject']}: {data['value']}{metric}{bench}"


def _label(data: dict) -> str:
    text = _names("", data)[0]
    return text if len(text) <= LABEL_CHARS else text[: LABEL_CHARS - 1].rstrip() + "…"


def paper_link(data: dict) -> str | None:
    """Where a paper can be read: its arXiv page when known, else its http(s) URL."""
    if data.get("arxiv_id"):
        return f"https://arxiv.org/abs/{data['arxiv_id']}"
    url = data.get("url") or ""
    return url if url.startswith(("https://", "http://")) else None


def _paper(graph: nx.MultiDiGraph, node: str) -> dict:
    data = graph.nodes[node]
    return {"title": data.get("title", node), "id": node, "url": paper_link(data)}


def _card(graph: nx.MultiDiGraph, node: str) -> dict:
    """What the hover card and the side panel show for `node`, as plain strings."""
    data = graph.nodes[node]
    label = data["label"]
    facts = []
    evidence = []
    paper = None
    if label == "Paper":
        paper = _paper(graph, node)
        facts.append(["id", node])
        if data.get("date"):
            facts.append(["date", data["date"]])
        named = sum(1 for _, _, d in graph.out_edges(node, data=True) if d.get("role"))
        facts.append(["names", f"{named} entities"])
    elif label == "Result":
        papers = [u for u in graph.predecessors(node) if graph.nodes[u]["label"] == "Paper"]
        paper = _paper(graph, papers[0]) if papers else None
        facts += [[key, data[key]] for key in ("subject", "value", "metric", "benchmark") if data.get(key)]
    else:
        if data.get("aliases"):
            facts.append(["aliases", ", ".join(data["aliases"])])
        roles = [(u, d) for u, _, d in graph.in_edges(node, data=True) if d.get("role")]
        facts.append(["papers", str(len(roles))])
        roles.sort(key=lambda item: (ROLES.index(item[1]["role"]), -item[1]["confidence"], item[0]))
        evidence = [
            {"role": d["role"], "sentence": d["sentence"], "paper": _paper(graph, u)}
            for u, d in roles[:EVIDENCE_PER_NODE]
            if d.get("sentence")
        ]
    facts.insert(0, ["degree", str(graph.degree(node))])
    return {"name": _names(node, data)[0], "type": label, "facts": facts, "paper": paper, "evidence": evidence}


def _edge_title(link: str, data: dict) -> str:
    """The plain-text hover of an edge: its kind, confidence and evidence sentence."""
    title = link.replace("_", " ")
    if "confidence" in data:
        title += f" (confidence {data['confidence']:.2f})"
    if data.get("sentence"):
        title += f"\n{data['sentence']}"
    return title


def _layout(graph: nx.MultiDiGraph) -> dict[str, tuple[int, int]]:
    """Pixel positions from a fixed start, so the same graph is always drawn the same way."""
    import igraph

    index = {node: i for i, node in enumerate(graph)}
    ig = igraph.Graph(n=len(index), edges=[(index[u], index[v]) for u, v in graph.edges()])
    # A sunflower spiral: an even, deterministic start that needs no random numbers.
    start = [
        [math.sqrt(i + 0.5) * math.cos(i * 2.39996), math.sqrt(i + 0.5) * math.sin(i * 2.39996)] for i in range(len(index))
    ]
    # igraph draws its random numbers from one process-wide generator; seed it
    # for this call, then give back the default (Python's `random` module).
    igraph.set_random_number_generator(random.Random(7))
    try:
        coords = ig.layout_fruchterman_reingold(seed=start, niter=500).coords
    finally:
        igraph.set_random_number_generator(random)
    xs, ys = zip(*coords)
    span = max(max(xs) - min(xs), max(ys) - min(ys)) or 1.0
    size = 60 * math.sqrt(len(index))  # about 60 px between neighbours on average
    cx, cy = (max(xs) + min(xs)) / 2, (max(ys) + min(ys)) / 2
    return {node: (round((x - cx) / span * size), round((y - cy) / span * size)) for node, (x, y) in zip(graph, coords)}


def _options(physics: bool) -> dict:
    """vis-network options; without physics the positions given are final."""
    return {
        "autoResize": True,
        "layout": {"randomSeed": 7, "improvedLayout": physics},
        "nodes": {
            "scaling": {"min": 8, "max": 36, "label": {"enabled": True, "min": 11, "max": 22, "drawThreshold": 10}},
            "font": {"size": 13, "face": "system-ui, sans-serif"},
            "borderWidth": 1,
        },
        "edges": {"smooth": False, "arrows": {"to": {"enabled": True, "scaleFactor": 0.4}}, "selectionWidth": 2},
        "groups": {label: {"color": style["color"], "shape": style["shape"]} for label, style in TYPE_STYLE.items()},
        "interaction": {"hover": True, "tooltipDelay": 120, "hideEdgesOnDrag": not physics, "navigationButtons": False},
        "physics": {
            "enabled": physics,
            "solver": "forceAtlas2Based",
            "forceAtlas2Based": {"gravitationalConstant": -60, "springLength": 80, "avoidOverlap": 0.4},
            "stabilization": {"enabled": physics, "iterations": 400, "updateInterval": 50, "fit": True},
        },
    }


def _summary(graph: nx.MultiDiGraph, view: View, selection: Selection) -> str:
    """One line saying what is shown and which options chose it."""
    sub = selection.graph
    parts = [
        f"{len(sub):,} of {len(graph):,} nodes and {sub.number_of_edges():,} of {graph.number_of_edges():,} links"
    ]
    if selection.focus:
        names = ", ".join(_names(n, graph.nodes[n])[0] for n in selection.focus)
        parts.append(f"within {view.hops} hop{'s' if view.hops != 1 else ''} of {names}")
    if view.types:
        parts.append("types: " + ", ".join(sorted(_choose(view.types, LABELS, "type"), key=LABELS.index)))
    if view.roles:
        parts.append("roles: " + ", ".join(sorted(_choose(view.roles, LINKS, "role"), key=LINKS.index)))
    if view.min_degree:
        parts.append(f"degree ≥ {view.min_degree}")
    if selection.matched > len(sub):
        parts.append(f"the {len(sub):,} best-connected of {selection.matched:,} matching nodes")
    return " · ".join(parts)


@cache
def _environment() -> Environment:
    """Templates from html_assets/, and vis-network from the copy pyvis ships."""
    import pyvis

    pyvis_templates = Path(pyvis.__file__).parent / "templates"
    loader = ChoiceLoader([FileSystemLoader(str(files("kg.export") / "html_assets")), FileSystemLoader(str(pyvis_templates))])
    return Environment(loader=loader, autoescape=select_autoescape(default=True), keep_trailing_newline=True)
