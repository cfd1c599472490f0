"""The overview map: the entities of the whole graph, linked when papers name them together.

A whole-corpus graph of papers and entities draws as a dense ball. The map
answers "what is in here" instead: entities only (the most-named ones), one
link per pair that papers name together, weighted by those papers, grouped
into communities by networkx's Louvain (seeded, so the same graph gives the
same map), one colour per community, labelled by its top entities. Node size
is the entity's papers; the best-known names are labelled at first sight.
A click lists an entity's papers and the command that opens its focus view.

Cypher counts the papers per entity and per pair (the same text on both
stores); networkx finds the communities and igraph lays the map out, with
the strongest links of each entity as springs so the clusters stay apart.
"""

from __future__ import annotations

import math
import random
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import networkx as nx

from kg.answers.entities import ROLE_TYPES, Reader, entity_type

MAX_ENTITIES = 400
LABELLED = 40
PAPERS_PER_ENTITY = 25
LINKS_PER_ENTITY = 6
SEED = 7
# Tableau 10 and two more, as distinct as colours get; smaller communities are grey.
PALETTE = ("#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948",
           "#b07aa1", "#ff9da7", "#9c755f", "#17becf", "#8c564b", "#bcbd22")
OTHER = "#b5b5b5"
NODE_SIZE = (5, 30)  # the smallest and largest radius, in pixels at zoom 1
FONT_SIZE = (12, 20)  # label sizes, in pixels at zoom 1
# What `render` reports to its `progress`: the entities and communities, their papers, the layout, the page.
STEPS = 4
SPAN = 850  # the map's width before dots are pushed apart: about a window, so it opens near zoom 1

ENTITIES = f"""
MATCH (p:Paper)-[:{ROLE_TYPES}]->(x)
RETURN x.id AS id, x.name AS name, count(DISTINCT p) AS papers
"""
PAIRS = f"""
MATCH (a)<-[:{ROLE_TYPES}]-(p:Paper)-[:{ROLE_TYPES}]->(b)
WHERE a.id < b.id AND a.id IN $ids AND b.id IN $ids
RETURN a.id AS source, b.id AS target, count(DISTINCT p) AS papers
"""
# One row per entity: its papers as 'date id' strings, which sort newest first in Python
# (a per-group LIMIT has no spelling that means the same on both stores).
PAPER_KEYS = f"""
MATCH (p:Paper)-[:{ROLE_TYPES}]->(x)
WHERE x.id IN $ids
RETURN x.id AS id, collect(coalesce(p.date, '') + ' ' + p.id) AS papers
"""
# A key lookup per id: `WHERE p.id IN $ids` scans every paper on the embedded store (1.9 s against 0.17 s for 10k ids of 20k).
PAPER_DETAILS = """
UNWIND $ids AS key
MATCH (p:Paper {id: key})
RETURN p.id AS paper_id, p.title AS title, p.arxiv_id AS arxiv_id, p.url AS url, p.date AS date
"""
SIZE = "MATCH (n) RETURN count(*) AS nodes"


@dataclass
class Overview:
    """The map's graph (entities with `name`, `type`, `papers`, `community`; links with `papers`) and its communities."""

    graph: nx.Graph
    communities: list[list[str]]  # entity ids, the largest community (by papers) first
    entities: int  # entities in the whole graph


def node_count(reader: Reader) -> int:
    """Nodes in the whole graph: above the page's limit, the map is the default view."""
    return next(reader.run(SIZE))["nodes"]


def overview(reader: Reader, max_entities: int = MAX_ENTITIES) -> Overview:
    """The `max_entities` most-named entities, their co-occurrence links and Louvain communities."""
    rows = sorted(reader.run(ENTITIES), key=lambda row: (-row["papers"], row["id"]))
    graph = nx.Graph()
    for row in rows[:max_entities]:
        graph.add_node(row["id"], name=row["name"], type=entity_type(row["id"]), papers=row["papers"])
    if graph:
        # In a fixed order: Louvain's result depends on the order it meets the links in, and stores return rows in their own.
        pairs = sorted((row["source"], row["target"], row["papers"]) for row in reader.run(PAIRS, {"ids": sorted(graph)}))
        graph.add_edges_from((source, target, {"papers": papers}) for source, target, papers in pairs)
    found = nx.community.louvain_communities(graph, weight="papers", seed=SEED) if graph else []
    weight = {key: graph.nodes[key]["papers"] for key in graph}
    communities = sorted(
        (sorted(c, key=lambda key: (-weight[key], key)) for c in found),
        key=lambda c: (-sum(weight[key] for key in c), c[0]),
    )
    for index, members in enumerate(communities):
        for key in members:
            graph.nodes[key]["community"] = index
    return Overview(graph, communities, len(rows))


def papers_of(reader: Reader, ids: list[str], limit: int = PAPERS_PER_ENTITY) -> dict[str, list[dict]]:
    """Up to `limit` papers per entity, newest first (undated last, then by id), as the page lists them."""
    chosen: dict[str, list[str]] = {}
    for row in reader.run(PAPER_KEYS, {"ids": ids}) if ids else ():
        keys = sorted(set(row["papers"]), key=lambda k: (k.split(" ", 1)[0] or "0", k.split(" ", 1)[1]), reverse=True)
        chosen[row["id"]] = [k.split(" ", 1)[1] for k in keys[:limit]]
    wanted = sorted({paper for papers in chosen.values() for paper in papers})
    details = {row["paper_id"]: _paper(row) for row in reader.run(PAPER_DETAILS, {"ids": wanted})} if wanted else {}
    return {key: [details[paper] for paper in papers] for key, papers in chosen.items()}


def render(reader: Reader, title: str = "Knowledge graph: overview", max_entities: int = MAX_ENTITIES,
           progress: Callable[[int], None] | None = None) -> tuple[str, Overview]:
    """The overview page (one self-contained HTML file) and the map it shows.

    `progress(1)` hears of each of its `STEPS` as it ends: on a large store
    counting every entity's papers and the pairs' take most of the time.
    """
    from kg.export.html import _environment

    step = progress or (lambda n: None)
    view = overview(reader, max_entities)
    step(1)
    graph = view.graph
    papers = papers_of(reader, sorted(graph))
    step(1)
    radius = _radii(graph)
    shown = backbone(graph)
    positions = _layout(view, radius, shown)
    step(1)
    ranked = sorted(graph, key=lambda key: (-graph.nodes[key]["papers"], key))
    top = graph.nodes[ranked[0]]["papers"] if ranked else 1
    fonts = {key: round(FONT_SIZE[0] + (FONT_SIZE[1] - FONT_SIZE[0]) * math.sqrt(graph.nodes[key]["papers"] / top)) for key in ranked}
    labelled = _labels(ranked, graph, positions, radius, fonts)
    nodes = []
    for key in ranked:
        data = graph.nodes[key]
        colour = _colour(data["community"])
        node = {
            "id": key, "value": data["papers"], "color": {"background": colour, "border": "#ffffff",
                                                          "highlight": {"background": colour, "border": "#222222"}},
            "community": data["community"], "x": positions[key][0], "y": positions[key][1],
        }
        if key in labelled:
            node["label"] = data["name"]
            node["font"] = {"size": fonts[key], "vadjust": labelled[key]}
        nodes.append(node)
    edges = [{"id": f"{u}|{v}", "from": u, "to": v, "value": graph[u][v]["papers"], "title": _papers(graph[u][v]["papers"])} for u, v in shown]
    info = {
        key: {
            "name": graph.nodes[key]["name"], "type": graph.nodes[key]["type"], "papers": graph.nodes[key]["papers"],
            "community": graph.nodes[key]["community"], "list": papers.get(key, []),
            "neighbours": [graph.nodes[n]["name"] for n in sorted(graph[key], key=lambda n: (-graph[key][n]["papers"], n))[:8]],
        }
        for key in ranked
    }
    communities = [
        {"index": i, "color": _colour(i), "label": " · ".join(graph.nodes[k]["name"] for k in members[:3]),
         "entities": len(members), "papers": sum(graph.nodes[k]["papers"] for k in members)}
        for i, members in enumerate(view.communities)
    ]
    summary = (
        f"{len(graph):,} of {view.entities:,} entities (the most-named) · linked when papers name both: "
        f"the {len(shown):,} strongest of {graph.number_of_edges():,} links · {len(view.communities):,} communities (Louvain)"
    )
    payload = {"nodes": nodes, "edges": edges, "info": info, "communities": communities, "options": _options()}
    html = _environment().get_template("overview.html").render(title=title, summary=summary, data=payload)
    step(1)
    return html, view


def write_overview(reader: Reader, path: str | Path, title: str = "Knowledge graph: overview", max_entities: int = MAX_ENTITIES,
                   progress: Callable[[int], None] | None = None) -> Overview:
    """Write the overview page to `path`; OSError when it cannot be written."""
    html, view = render(reader, title, max_entities, progress)
    Path(path).write_text(html, encoding="utf-8")
    return view


def _papers(count: int) -> str:
    return f"{count:,} paper{'s' if count != 1 else ''} name both"


def _colour(community: int) -> str:
    return PALETTE[community] if community < len(PALETTE) else OTHER


def _paper(row: dict) -> dict:
    url = f"https://arxiv.org/abs/{row['arxiv_id']}" if row["arxiv_id"] else row["url"]
    safe = url if url and url.startswith(("https://", "http://")) else None
    return {"title": row["title"], "id": row["paper_id"], "date": row["date"], "url": safe}


def _radii(graph: nx.Graph) -> dict[str, float]:
    """Each node's radius as vis-network draws it: linear in papers between the scaling's min and max."""
    papers = [graph.nodes[key]["papers"] for key in graph]
    low, high = (min(papers), max(papers)) if papers else (0, 0)
    span = high - low
    return {
        key: NODE_SIZE[0] + (NODE_SIZE[1] - NODE_SIZE[0]) * ((graph.nodes[key]["papers"] - low) / span if span else 0.5)
        for key in graph
    }


def _labels(ranked: list[str], graph: nx.Graph, positions: dict, radius: dict, fonts: dict) -> dict[str, int]:
    """The best-known entities whose labels fit without covering one already placed, up to LABELLED.

    vis-network writes a dot's label centred below it; where that spot is
    taken, the label may go above the dot instead (a negative `vadjust`,
    returned per labelled entity). Label boxes are estimated from the font
    size (0.6 em per character), close enough to keep the first sight clear.
    """
    placed: list[tuple[float, float, float, float]] = []
    chosen: dict[str, int] = {}
    for key in ranked:
        if len(chosen) == LABELLED:
            break
        x, y = positions[key]
        size = fonts[key]
        width, height = 0.6 * size * len(graph.nodes[key]["name"]), 1.25 * size
        below = y + radius[key] + 2
        for top, shift in ((below, 0), (y - radius[key] - 2 - height, -round(2 * radius[key] + 4 + height))):
            box = (x - width / 2, top, x + width / 2, top + height)
            if all(box[2] < b[0] or box[0] > b[2] or box[3] < b[1] or box[1] > b[3] for b in placed):
                placed.append(box)
                chosen[key] = shift
                break
    return chosen


def backbone(graph: nx.Graph) -> list[tuple[str, str]]:
    """The links the map draws: each entity's LINKS_PER_ENTITY strongest, so clusters show and the hairball does not."""
    kept = set()
    for key in graph:
        strongest = sorted(graph[key], key=lambda n: (-graph[key][n]["papers"], n))[:LINKS_PER_ENTITY]
        kept.update(tuple(sorted((key, n))) for n in strongest)
    return sorted(kept)


def _layout(view: Overview, radius: dict[str, float], springs: list[tuple[str, str]]) -> dict[str, tuple[int, int]]:
    """Pixel positions: each entity's strongest links pull, communities start apart, no two dots overlap; fixed seed."""
    import igraph
    import numpy as np

    graph = view.graph
    keys = sorted(graph)
    if not keys:
        return {}
    index = {key: i for i, key in enumerate(keys)}
    # Start each community on its own spot of a circle, so Fruchterman-Reingold keeps them apart.
    rng = random.Random(SEED)
    count = max(1, len(view.communities))
    start = [[0.0, 0.0] for _ in index]
    for c, members in enumerate(view.communities):
        angle, ring = 2 * math.pi * c / count, 10 * math.sqrt(count)
        for key in members:
            start[index[key]] = [ring * math.cos(angle) + rng.uniform(-2, 2), ring * math.sin(angle) + rng.uniform(-2, 2)]
    ig = igraph.Graph(n=len(index), edges=[(index[u], index[v]) for u, v in springs])
    weights = [1 + math.log(graph[u][v]["papers"]) for u, v in springs]
    igraph.set_random_number_generator(random.Random(SEED))
    try:
        coords = np.array(ig.layout_fruchterman_reingold(seed=start, weights=weights or None, niter=800).coords)
    finally:
        igraph.set_random_number_generator(random)
    coords -= (coords.max(axis=0) + coords.min(axis=0)) / 2
    coords *= min(SPAN, 160 * math.sqrt(len(keys))) / (np.ptp(coords, axis=0).max() or 1.0)
    coords = _spread(coords, np.array([radius[key] for key in keys]))
    return {key: (round(x), round(y)) for key, (x, y) in zip(keys, coords)}


def _spread(coords, radii, gap: float = 6.0, rounds: int = 200):
    """Push overlapping dots apart until none overlap (or `rounds` is reached); deterministic."""
    import numpy as np

    need = radii[:, None] + radii[None, :] + gap
    np.fill_diagonal(need, 0)
    # A tiny fixed nudge along a sunflower spiral, so that no two dots coincide and every push has a direction.
    turns = np.arange(len(coords)) * 2.39996
    coords = coords + 1e-3 * np.stack([np.cos(turns), np.sin(turns)], axis=1)
    for _ in range(rounds):
        delta = coords[:, None, :] - coords[None, :, :]
        dist = np.sqrt((delta**2).sum(axis=2))
        overlap = np.clip(need - dist, 0, None)
        np.fill_diagonal(overlap, 0)
        if overlap.max() < 0.5:
            break
        direction = delta / np.maximum(dist, 1e-9)[:, :, None]
        coords = coords + 0.5 * (overlap[:, :, None] * direction).sum(axis=1)
    return coords


def _options() -> dict:
    """vis-network options: positions are final (no physics); sizes and link widths scale with papers."""
    return {
        "autoResize": True,
        "layout": {"improvedLayout": False},
        "physics": {"enabled": False},
        "nodes": {
            "shape": "dot",
            "borderWidth": 1,
            "scaling": {"min": NODE_SIZE[0], "max": NODE_SIZE[1], "label": {"enabled": False}},
            "font": {"face": "system-ui, sans-serif", "color": "#111111", "strokeWidth": 4, "strokeColor": "#ffffff"},
        },
        "edges": {
            "color": {"color": "#c8c8c8", "highlight": "#555555", "opacity": 0.55},
            "scaling": {"min": 0.5, "max": 6},
            "smooth": False,
            "selectionWidth": 1.5,
        },
        "interaction": {"hover": True, "tooltipDelay": 120, "hideEdgesOnDrag": True, "hideEdgesOnZoom": True},
    }
