// What both pages build with: the gold scorer's name normalisation, elements made
// from text (textContent, never markup) and links to papers that open only http(s).
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

  return { norm, element, paperLink };
})();
