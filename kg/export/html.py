"""An interactive HTML view of the graph: one self-contained file, offline.

pyvis turns the graph into vis-network's nodes, edges and options, and ships
the vis-network script and style that the page inlines. pyvis's own page
template is not used: it always links Bootstrap from a CDN (so a page made
with it fetches from the network) and puts its heading in unescaped. The page
here (`html_assets/`) inlines everything and carries the graph as one JSON
block that Jinja's `tojson` escapes; its script only ever puts text into the
document with `textContent`, so titles read from input files cannot inject
markup.

The view is chosen with Cypher through a reader (the focus found by name,
the walk of `hops` links, degrees counted by the database, the best-connected
`max_nodes` kept), and only that view is read into a networkx graph, so a
page of 1,500 nodes costs the same whatever the size of the store.

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
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from importlib.resources import files
from pathlib import Path
from typing import Any

import networkx as nx
from jinja2 import ChoiceLoader, Environment, FileSystemLoader, select_autoescape

from kg.export.cards import cards as node_cards, names as _names
from kg.records import ROLES, arxiv_id, title_id
from kg.search import search
from kg.store.rows import ENTITY_LABELS, edges, nodes_with_ids, tables

MAX_NODES = 1500
PYTHON_LAYOUT = 300
# What `render` reports to its `progress`: the nodes chosen, their cards, the layout, the page.
STEPS = 4
LABELS = ("Paper", *ENTITY_LABELS, "Result")
LINKS = (*ROLES, "variant_of", "reports", "achieves", "has_result")
# Every link the page can draw; a node's degree counts these (not its authors).
ALL_LINKS = "|".join(link.upper() for link in LINKS)

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


def select(reader: Any, view: View = View()) -> Selection:
    """The subgraph `view` asks for, read through `reader`, with nodes and edges in a fixed order.

    Raises ViewError naming what is unknown. Focus nodes are always kept;
    among the rest, `max_nodes` keeps the best-connected (ties by id). Each
    node carries `label`, its properties and its `degree` in the whole graph.
    """
    types = _choose(view.types, LABELS, "type")
    links = _choose(view.roles, LINKS, "role")
    walk = "|".join(link.upper() for link in LINKS if link in links)
    focus = _find(reader, view.focus) if view.focus is not None else []
    if focus:
        around, frontier = set(focus), list(focus)
        for _ in range(view.hops):
            found = reader.run(f"MATCH (a)-[:{walk}]-(b) WHERE a.id IN $ids RETURN DISTINCT b.id AS id", {"ids": frontier})
            frontier = sorted({row["id"] for row in found} - around)
            if not frontier:
                break
            around.update(frontier)
        candidates = [
            (row["id"], label, int(row["degree"])) for label in LABELS for row in reader.run(
                f"MATCH (n:{label}) WHERE n.id IN $ids RETURN n.id AS id, COUNT {{ MATCH (n)-[:{ALL_LINKS}]-() }} AS degree",
                {"ids": sorted(around)})
        ]
        wanted = [c for c in candidates if c[0] in focus or (c[1] in types and c[2] >= view.min_degree)]
        matched = len(wanted)
    else:
        wanted, matched = [], 0
        linked = f" AND EXISTS {{ MATCH (n)-[:{walk}]-() }}" if view.roles else ""
        for label in (label for label in LABELS if label in types):
            chosen = f"MATCH (n:{label}) WITH n, COUNT {{ MATCH (n)-[:{ALL_LINKS}]-() }} AS degree WHERE degree >= $least{linked} "
            # LadybugDB 0.22 drops the rows whose COUNT {} is 0 from an aggregation that follows it,
            # so with no lower bound the label's own count is the number of matches.
            counted = chosen if view.min_degree or view.roles else f"MATCH (n:{label}) "
            matched += int(next(iter(reader.run(counted + "RETURN count(*) AS n", {"least": view.min_degree})))["n"])
            rows = reader.run(chosen + "RETURN n.id AS id, degree ORDER BY degree DESC, id LIMIT $most",
                              {"least": view.min_degree, "most": view.max_nodes})
            wanted += [(row["id"], label, int(row["degree"])) for row in rows]
    wanted.sort(key=lambda c: (c[0] not in focus, -c[2], c[0]))
    keep = {node: (label, degree) for node, label, degree in wanted[: max(view.max_nodes, len(focus))]}
    return Selection(_subgraph(reader, keep, links), focus, matched)


def _subgraph(reader: Any, keep: dict[str, tuple[str, int]], links: set[str]) -> nx.MultiDiGraph:
    """The kept nodes with their properties and degrees, and the links of `links` between them."""
    by_label: dict[str, list[str]] = defaultdict(list)
    for node, (label, _) in sorted(keep.items()):
        by_label[label].append(node)
    sub = nx.MultiDiGraph()
    for label, ids in by_label.items():
        for row in nodes_with_ids(reader, label, ids):
            props = {k: v for k, v in row.items() if v is not None and k != "id"}
            sub.add_node(row["id"], label=label, degree=keep[row["id"]][1], **props)
    found = []
    for type_ in (link.upper() for link in LINKS if link in links):
        for start, end in tables().ends[type_]:
            if by_label.get(start) and by_label.get(end):
                for row in edges(reader, start, type_, end, by_label[start]):
                    if row["end_id"] in keep:
                        props = {k: v for k, v in row.items() if v is not None and k not in ("start_id", "end_id")}
                        found.append((row["start_id"], row["end_id"], type_, props))
    sub.add_edges_from(sorted(found, key=lambda edge: edge[:3]))
    return sub


def render(reader: Any, view: View = View(), title: str = "Knowledge graph", progress: Callable[[int], None] | None = None) -> Page:
    """The HTML page showing `view` of the graph `reader` reads; raises ViewError for an unknown focus, type or role.

    `progress(1)` hears of each of its `STEPS` as it ends: on a large
    store choosing the nodes and reading their cards take most of the time.
    """
    from pyvis.network import Network

    step = progress or (lambda n: None)
    selection = select(reader, view)
    step(1)
    sub = selection.graph
    cards = node_cards(reader, sub)
    step(1)
    positions = _layout(sub) if len(sub) > PYTHON_LAYOUT else {}
    step(1)
    net = Network(directed=True)
    for node, data in sub.nodes(data=True):
        extra = dict(zip("xy", positions[node])) if positions else {}
        net.add_node(
            node,
            label=_label(data),
            shape=TYPE_STYLE[data["label"]]["shape"],
            group=data["label"],
            value=data["degree"],
            names=_names(node, data),
            card=cards[node],
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
        title=title, summary=_summary(reader, view, selection), data=payload
    )
    step(1)
    return Page(html, selection)


def write_html(reader: Any, path: str | Path, view: View = View(), title: str = "Knowledge graph",
               progress: Callable[[int], None] | None = None) -> Selection:
    """Write the page for `view` of the graph `reader` reads to `path`; OSError when it cannot be written."""
    page = render(reader, view, title, progress)
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


def _find(reader: Any, name: str) -> list[str]:
    """The nodes `name` names: a node id, an arXiv id, a paper's title, or an entity's name or alias."""
    for wanted in (name, f"arxiv:{arxiv_id(name)}" if arxiv_id(name) else None):
        for label in LABELS if wanted else ():
            if list(reader.run(f"MATCH (n:{label}) WHERE n.id = $id RETURN n.id AS id", {"id": wanted})):
                return [wanted]
    papers = reader.run("MATCH (p:Paper) WHERE p.id = $id OR toLower(p.title) = $title RETURN p.id AS id",
                        {"id": title_id(name), "title": name.lower()})
    hits = search(reader, name, limit=50) if any(ch.isalnum() for ch in name) else []
    found = sorted({row["id"] for row in papers} | {hit.id for hit in hits if hit.exact})
    if found:
        return found
    near = sorted({hit.name for hit in hits})[:3]
    hint = f"; did you mean {', '.join(repr(n) for n in near)}?" if near else ""
    raise ViewError(f"no entity or paper named '{name}' in the graph{hint}")


def _label(data: dict) -> str:
    text = _names("", data)[0]
    return text if len(text) <= LABEL_CHARS else text[: LABEL_CHARS - 1].rstrip() + "…"


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


def _summary(reader: Any, view: View, selection: Selection) -> str:
    """One line saying what is shown and which options chose it."""
    sub = selection.graph
    nodes = sum(int(next(iter(reader.run(f"MATCH (n:{label}) RETURN count(*) AS n")))["n"]) for label in LABELS)
    links = sum(int(next(iter(reader.run(f"MATCH ()-[r:{link.upper()}]->() RETURN count(*) AS n")))["n"]) for link in LINKS)
    parts = [f"{len(sub):,} of {nodes:,} nodes and {sub.number_of_edges():,} of {links:,} links"]
    if selection.focus:
        names = ", ".join(_names(n, sub.nodes[n])[0] for n in selection.focus)
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
