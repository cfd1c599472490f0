// The overview map's behaviour: entity cards with their papers, community legend, search, focus.
// Everything shown comes from the JSON block #kg-data and goes into the page as text
// (textContent), never as markup.
(function () {
  "use strict";
  const data = JSON.parse(document.getElementById("kg-data").textContent);
  const { norm, element, paperLink, nameFinder } = kgCommon;

  function swatch(colour) {
    const mark = element("span", undefined, "kg-swatch");
    mark.style.background = colour;
    return mark;
  }
  function plural(n, word, words) {
    return n.toLocaleString("en") + " " + (n === 1 ? word : words || word + "s");
  }
  // A name as one shell word: single quotes, with any single quote closed, escaped and reopened.
  const shellWord = (text) => "'" + String(text).replaceAll("'", "'\\''") + "'";

  const hover = (id) => {
    const info = data.info[id];
    const root = element("div");
    root.append(element("strong", info.name), element("span", " · " + info.type + " · " + plural(info.papers, "paper")));
    return root;
  };
  const nodes = new vis.DataSet(data.nodes.map((n) => Object.assign({}, n, { title: hover(n.id) })));
  const edges = new vis.DataSet(data.edges);
  const network = new vis.Network(document.getElementById("kg-network"), { nodes, edges }, data.options);
  const kg = { network, nodes, edges, data, ready: false, focused: null };
  window.kg = kg;
  // Ready once the whole map is fitted to the window and drawn: the moment a user can work.
  network.once("afterDrawing", () => {
    if (!kg.focused) network.fit({ animation: false });
    network.once("afterDrawing", () => {
      kg.ready = true;
      document.body.dataset.ready = "true";
    });
    network.redraw();
  });

  // The card of one entity: its community, frequent companions, papers, and how to open its focus view.
  const panel = document.getElementById("kg-entity");
  function showEntity(id) {
    const info = data.info[id];
    const community = data.communities[info.community];
    const root = element("div", undefined, "kg-card");
    root.append(element("h2", info.name));
    const type = element("span", info.type, "kg-type");
    type.style.background = community.color;
    root.append(type, element("span", " " + plural(info.papers, "paper"), "kg-count"));
    const facts = element("dl");
    facts.append(element("dt", "community"), element("dd", community.label));
    if (info.neighbours.length) facts.append(element("dt", "often with"), element("dd", info.neighbours.join(", ")));
    root.append(facts);
    const focus = element("a", "Focus on " + info.name + " and its links");
    focus.href = "#focus=" + encodeURIComponent(id);
    focus.id = "kg-focus-link";
    root.append(focus);
    root.append(element("p", "Its full focus view (papers, roles, evidence):", "kg-hint"));
    root.append(element("code", "kg export html --focus " + shellWord(info.name) + " -o focus.html", "kg-command"));
    root.append(element("h2", info.list.length < info.papers ? "Its " + info.list.length + " newest papers" : "Its papers"));
    const list = element("ol", undefined, "kg-papers");
    for (const paper of info.list) {
      const item = element("li");
      item.append(paperLink(paper), element("span", " " + (paper.date || "undated") + " · " + paper.id, "kg-id"));
      list.append(item);
    }
    root.append(list);
    panel.replaceChildren(root);
  }

  // Focus: the entity and the entities linked to it; everything else is hidden until "show the whole map".
  const showAll = document.getElementById("kg-show-all");
  function setHidden(keep) {
    nodes.update(nodes.get().map((n) => ({ id: n.id, hidden: keep !== null && !keep.has(n.id) })));
    edges.update(edges.get().map((e) => ({ id: e.id, hidden: keep !== null && !(keep.has(e.from) && keep.has(e.to)) })));
    showAll.hidden = keep === null;
  }
  function focusOn(id) {
    if (!data.info[id]) return;
    const keep = new Set([id, ...network.getConnectedNodes(id)]);
    setHidden(keep);
    kg.focused = id;
    network.selectNodes([id]);
    network.fit({ nodes: [...keep], animation: false });
    showEntity(id);
  }
  function applyHash() {
    const match = /^#focus=(.+)$/.exec(location.hash);
    if (match) focusOn(decodeURIComponent(match[1]));
    else {
      kg.focused = null;
      setHidden(null);
    }
  }
  window.addEventListener("hashchange", applyHash);
  showAll.addEventListener("click", () => {
    history.replaceState(null, "", location.pathname + location.search);
    applyHash();
    network.fit({ animation: false });
  });
  network.on("click", (params) => {
    if (params.nodes.length) showEntity(params.nodes[0]);
  });

  // The legend: one line per community; a click selects its entities.
  const legend = document.getElementById("kg-communities");
  for (const community of data.communities) {
    const item = element("li");
    item.dataset.community = community.index;
    item.append(swatch(community.color), element("span", community.label),
      element("span", " " + plural(community.entities, "entity", "entities") + ", " + plural(community.papers, "mention"), "kg-count"));
    item.addEventListener("click", () => {
      const members = data.nodes.filter((n) => n.community === community.index).map((n) => n.id);
      network.selectNodes(members);
      network.fit({ nodes: members, animation: false });
    });
    legend.append(item);
  }

  // Search by name: exact, then prefix, then part; the first node (the most-named entity) wins.
  const find = nameFinder(data.nodes.map((n) => [norm(data.info[n.id].name), n.id, data.info[n.id].name]), (hits) => hits[0]);
  document.getElementById("kg-search-form").addEventListener("submit", (event) => {
    event.preventDefault();
    const query = document.getElementById("kg-search").value;
    const id = find(query);
    const status = document.getElementById("kg-search-status");
    if (id === null) {
      status.textContent = query.trim() ? "nothing named “" + query.trim() + "” on the map" : "";
      return;
    }
    status.textContent = "found " + data.info[id].name;
    network.selectNodes([id]);
    network.focus(id, { scale: Math.max(network.getScale(), 1.0), animation: false });
    showEntity(id);
  });
  Object.assign(kg, { find, focusOn, showEntity });
  applyHash();
})();
