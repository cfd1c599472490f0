// The page's behaviour: cards, search, type and link filters, readiness.
// Everything shown comes from the JSON block #kg-data and goes into the page
// as text (textContent), never as markup.
(function () {
  "use strict";
  const data = JSON.parse(document.getElementById("kg-data").textContent);
  const colours = Object.fromEntries(data.types.map((t) => [t.name, t.color]));

  const { norm, element, paperLink, nameFinder } = kgCommon;

  function card(info) {
    const root = element("div", undefined, "kg-card");
    root.append(element("h2", info.name));
    const type = element("span", info.type, "kg-type");
    type.style.background = colours[info.type] || "#888";
    root.append(type);
    const facts = element("dl");
    for (const [key, value] of info.facts) facts.append(element("dt", key), element("dd", value));
    root.append(facts);
    if (info.paper) {
      const line = element("p", undefined, "kg-source");
      line.append(paperLink(info.paper), element("span", " " + info.paper.id, "kg-id"));
      root.append(line);
    }
    if (info.evidence.length) {
      const list = element("ol", undefined, "kg-evidence");
      for (const ev of info.evidence) {
        const item = element("li");
        item.append(element("q", ev.sentence), element("span", " " + ev.role.replaceAll("_", " ") + ", in ", "kg-role"));
        item.append(paperLink(ev.paper), element("span", " " + ev.paper.id, "kg-id"));
        list.append(item);
      }
      root.append(list);
    }
    return root;
  }

  const nodes = new vis.DataSet(data.nodes.map((n) => Object.assign({}, n, { title: card(n.card) })));
  const edges = new vis.DataSet(data.edges);
  const network = new vis.Network(document.getElementById("kg-network"), { nodes, edges }, data.options);
  const kg = { network, nodes, edges, ready: false, readyAt: null };
  window.kg = kg;

  // Ready means laid out, drawn and no longer moving: the moment a user can work.
  function markReady() {
    kg.ready = true;
    kg.readyAt = performance.now();
    document.body.dataset.ready = "true";
  }
  if (data.options.physics.enabled) {
    const status = document.getElementById("kg-search-status");
    network.on("stabilizationProgress", (p) => {
      status.textContent = "laying out " + Math.round((100 * p.iterations) / p.total) + "%";
    });
    network.once("stabilizationIterationsDone", () => {
      network.setOptions({ physics: { enabled: false } });
      status.textContent = "";
      network.once("afterDrawing", markReady);
      network.fit();
    });
  } else {
    network.once("afterDrawing", markReady);
  }

  // Details: the card of the clicked node, pinned beside the graph.
  const details = document.getElementById("kg-details");
  function showDetails(id) {
    details.replaceChildren(card(nodes.get(id).card));
  }
  network.on("click", (params) => {
    if (params.nodes.length) showDetails(params.nodes[0]);
  });

  // Filters: one checkbox per node type and per kind of link.
  const shown = { types: new Set(data.types.map((t) => t.name)), links: new Set(data.links.map((l) => l.name)) };
  function applyFilters() {
    const hiddenNode = (n) => !shown.types.has(n.group);
    nodes.update(nodes.get({ filter: (n) => Boolean(n.hidden) !== hiddenNode(n) }).map((n) => ({ id: n.id, hidden: hiddenNode(n) })));
    const hiddenEdge = (e) =>
      !shown.links.has(e.link) || hiddenNode(nodes.get(e.from)) || hiddenNode(nodes.get(e.to));
    edges.update(edges.get({ filter: (e) => Boolean(e.hidden) !== hiddenEdge(e) }).map((e) => ({ id: e.id, hidden: hiddenEdge(e) })));
  }
  function checkboxes(fieldset, items, set, swatch) {
    for (const item of items) {
      const label = element("label");
      const box = element("input");
      box.type = "checkbox";
      box.checked = true;
      box.value = item.name;
      box.addEventListener("change", () => {
        box.checked ? set.add(item.name) : set.delete(item.name);
        applyFilters();
      });
      const mark = element("span", undefined, "kg-swatch");
      swatch(mark, item);
      label.append(box, mark, element("span", item.name.replaceAll("_", " ") + " (" + item.count.toLocaleString("en") + ")"));
      fieldset.append(label);
    }
  }
  checkboxes(document.getElementById("kg-types"), data.types, shown.types, (mark, t) => {
    mark.style.background = t.color;
    mark.classList.add("kg-shape-" + t.shape);
  });
  checkboxes(document.getElementById("kg-links"), data.links, shown.links, (mark, l) => {
    mark.classList.add("kg-line");
    mark.style.borderTop = Math.max(2, l.width) + "px " + (l.dashes ? "dashed " : "solid ") + l.color;
  });

  // Search: by any name or alias; exact matches first, then prefixes, then parts; the largest node wins.
  const names = [];
  nodes.forEach((n) => n.names.forEach((name) => names.push([norm(name), n.id, name])));
  const find = nameFinder(names, (hits) => hits.sort((a, b) => nodes.get(b).value - nodes.get(a).value || (a < b ? -1 : 1))[0]);
  function focusNode(id) {
    const node = nodes.get(id);
    if (!shown.types.has(node.group)) {
      shown.types.add(node.group);
      document.querySelector('#kg-types input[value="' + node.group + '"]').checked = true;
      applyFilters();
    }
    network.selectNodes([id]);
    network.focus(id, { scale: Math.max(network.getScale(), 1.0), animation: { duration: 400, easingFunction: "easeInOutQuad" } });
    showDetails(id);
  }
  document.getElementById("kg-search-form").addEventListener("submit", (event) => {
    event.preventDefault();
    const query = document.getElementById("kg-search").value;
    const id = find(query);
    const status = document.getElementById("kg-search-status");
    if (id === null) {
      status.textContent = query.trim() ? "nothing named “" + query.trim() + "”" : "";
      return;
    }
    status.textContent = "found " + nodes.get(id).card.name;
    focusNode(id);
  });
  Object.assign(kg, { find, focusNode, norm });
})();
