// What both pages build with: the gold scorer's name normalisation, elements made
// from text (textContent, never markup), links to papers that open only http(s), search by name.
const kgCommon = (function () {
  "use strict";
  // The gold scorer's normalisation: accents dropped, casefolded, letters and digits only.
  const norm = (text) =>
    String(text).normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase().replace(/[^\p{L}\p{N}]/gu, "");

  function element(tag, text, className) {
    const node = document.createElement(tag);
    if (text !== undefined) node.textContent = text;
    if (className) node.className = className;
    return node;
  }

  function paperLink(paper) {
    const safe = paper.url && /^https?:\/\//i.test(paper.url);
    const link = element(safe ? "a" : "span", paper.title, "kg-paper");
    if (safe) {
      link.href = paper.url;
      link.target = "_blank";
      link.rel = "noopener noreferrer";
    }
    return link;
  }

  // Search by name, the same on both pages: the datalist offers every name once, sorted;
  // `find` tries exact names, then prefixes, then parts, and `best` picks among the ids
  // matched at the first of those that matches any. `entries` are [norm(name), id, name].
  function nameFinder(entries, best) {
    const datalist = document.getElementById("kg-names");
    for (const name of [...new Set(entries.map((entry) => entry[2]))].sort()) {
      const option = element("option");
      option.value = name;
      datalist.append(option);
    }
    return function find(query) {
      const q = norm(query);
      if (!q) return null;
      for (const test of [(k) => k === q, (k) => k.startsWith(q), (k) => k.includes(q)]) {
        const hits = [...new Set(entries.filter((entry) => test(entry[0])).map((entry) => entry[1]))];
        if (hits.length) return best(hits);
      }
      return null;
    };
  }

  return { norm, element, paperLink, nameFinder };
})();
