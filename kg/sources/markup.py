"""Markup in titles and abstracts turned into the plain text the extractor reads.

Sources write the same abstract in different markups: arXiv in LaTeX
(`$\\alpha$`, `\\emph{}`, `\\'e`, `--`, hard line breaks), OpenAlex and
Crossref in JATS/HTML (`<jats:p>`, `<i>`, `&amp;`). `clean` makes one plain
text of each BEFORE a `Paper` is made, so the stored text is the text the
extractor saw and evidence offsets slice it exactly, and the same abstract
from two sources compares equal when the merge looks for conflicts.

LaTeX is converted by pylatexenc, but only the LaTeX islands of a text (a
formula, a command with its arguments, an accent, a brace group, `--`):
in plain text `%` would start a comment, `&` an alignment cell and `$5 and
$10` a formula, and parsing a whole abstract costs ten times more than its
few islands. Inside an island those characters are escaped, and a
`$...$` counts as math only by pandoc's rule (no space inside the dollars,
no digit right after the closing one). Islands repeat across a corpus
(`\\'e`, `$\\alpha$`), so their conversions are cached.
"""

from __future__ import annotations

import html
import re
import unicodedata
from functools import lru_cache

from pylatexenc.latex2text import LatexNodes2Text, MacroTextSpec, get_default_latex_context_db
from pylatexenc.latexwalker import LatexWalker
from pylatexenc.latexwalker import get_default_latex_context_db as get_parsing_context_db
from pylatexenc.macrospec import MacroSpec

LONE_SURROGATE = re.compile("[\ud800-\udfff]")
CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# Only HTML's inline and block tags and namespaced JATS/MathML tags are
# stripped, so "a <b and c> d" in prose stays.
TAG_NAMES = (
    r"(?:jats|mml|xlink|xhtml):[\w.-]+|p|br|hr|i|b|em|strong|sup|sub|span|div|a|u|s|sc|tt|code|small|big|font"
    r"|italic|bold|underline|title|abstract|sec|list|list-item|inline-formula|tex-math|math|mi|mo|mn|mrow|msub|msup|mtext"
)
ATTRIBUTES = r"""(?:\s+[\w:.-]+\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'<>]+))*"""
TAG = re.compile(rf"</?(?:{TAG_NAMES}){ATTRIBUTES}\s*/?>", re.I)
BLOCK_TAGS = {"p", "br", "hr", "div", "title", "sec", "list", "list-item", "abstract"}
ENTITY = re.compile(r"&(?:#\d{1,7}|#x[0-9a-f]{1,6}|[a-z][a-z0-9]{1,31});", re.I)
# pandoc's rule for `$...$` math: no space just inside the dollars, no digit right after.
MATH_PATTERN = r"(?<![\\$])\$(?=[^\s$])(?:[^$\\]|\\.)*?(?<=\S)\$(?!\d)"
MATH = re.compile(MATH_PATTERN)
LATEX_SIGN = re.compile(r"\\[A-Za-z'\"`^~=.]|\{\\|" + MATH_PATTERN)
ISLAND = re.compile(
    MATH_PATTERN
    + r"|\\[A-Za-z]+\*?(?:\s*\[[^\]{}]*\])?(?:\s*\{(?:[^{}]|\{[^{}]*\})*\})*"  # \command[opt]{arg}{arg}
    r"|\\[^A-Za-z](?:\{[^{}]*\}|[A-Za-z])?"  # \'e, \'{e}, \%, \\, "\ "
    r"|\{(?:[^{}]|\{[^{}]*\})*\}"  # {group}
    r"|-{2,3}"
)
# Anything `clean` would change; most metadata fields (ids, names, dates) have none.
NEEDS_WORK = re.compile(r"[<&\\${}\x00-\x1f\x7f\ud800-\udfff]|[^\S ]|  ")
DASHES = {"--": "\u2013", "---": "\u2014"}
# Characters that are special in LaTeX but plain in abstracts: kept literally.
LITERAL = re.compile(r"(?<!\\)([%&#~])")
DROPPED_MACROS = ("cite", "citep", "citet", "ref", "eqref", "label", "footnote", "thanks")
# Abbreviation macros authors define and arXiv abstracts keep.
ABBREVIATIONS = {"eg": "e.g.", "ie": "i.e.", "etal": "et al.", "etc": "etc.", "vs": "vs.", "wrt": "w.r.t."}


def _last_argument(node, l2tobj: LatexNodes2Text) -> str:
    """`\\url{u}` -> u, `\\href{u}{text}` -> text: the words a reader sees."""
    arguments = [arg for arg in (node.nodeargd.argnlist if node.nodeargd else []) if arg is not None]
    return l2tobj.nodelist_to_text(arguments[-1:])


def _converter() -> LatexNodes2Text:
    db = get_default_latex_context_db()
    db.add_context_category(
        "kg-abstracts",
        prepend=True,
        macros=[MacroTextSpec(name, simplify_repl="") for name in DROPPED_MACROS]
        + [MacroTextSpec(name, simplify_repl=text) for name, text in ABBREVIATIONS.items()]
        + [MacroTextSpec(name, simplify_repl=_last_argument) for name in ("url", "href")],
    )
    return LatexNodes2Text(latex_context=db, math_mode="text", strict_latex_spaces=False)


def _parsing_context():
    """How macros are parsed: `\\href` takes its link and its text."""
    db = get_parsing_context_db()
    db.add_context_category("kg-abstracts", prepend=True, macros=[MacroSpec("href", "{{")])
    return db


_LATEX = _converter()
_PARSING = _parsing_context()


def _protect(text: str) -> str:
    """Escape what LaTeX would misread in an abstract: `%`, `&`, `#`, `~` and dollars that are not math."""
    parts = []
    last = 0
    for found in MATH.finditer(text):
        parts.append(_literal(text[last : found.start()]))
        parts.append(found.group(0))
        last = found.end()
    parts.append(_literal(text[last:]))
    return "".join(parts)


def _literal(text: str) -> str:
    text = LITERAL.sub(lambda ch: r"\textasciitilde{}" if ch.group(1) == "~" else "\\" + ch.group(1), text)
    return re.sub(r"(?<!\\)\$", r"\\$", text)


def latex_to_text(text: str) -> str:
    """`text` with its LaTeX islands turned into Unicode, or unchanged when it shows no LaTeX."""
    if not LATEX_SIGN.search(text):
        return text
    return ISLAND.sub(lambda island: _island(island.group(0)), text)


@lru_cache(maxsize=1 << 16)
def _island(latex: str) -> str:
    if latex in DASHES:
        return DASHES[latex]
    try:
        nodes = LatexWalker(_protect(latex), latex_context=_PARSING, tolerant_parsing=True).get_latex_nodes()[0]
        return _LATEX.nodelist_to_text(nodes)
    except Exception:  # pylatexenc's parse errors (and RecursionError) have no common base; the island stays as given
        return latex


def clean(text: str) -> str:
    """Plain, single-spaced text: invalid Unicode repaired, tags, entities and LaTeX resolved.

    Lone surrogates (from JSON escapes such as "\\ud800") become U+FFFD and
    control characters become spaces, the same way every time, so such a
    record is read rather than refused.
    """
    if not NEEDS_WORK.search(text) and text == text.strip() and unicodedata.is_normalized("NFC", text):
        return text
    text = CONTROL.sub(" ", LONE_SURROGATE.sub("\ufffd", text))
    text = TAG.sub(lambda tag: " " if _is_block(tag.group(0)) else "", text)
    text = ENTITY.sub(lambda entity: html.unescape(entity.group(0)), text)
    text = latex_to_text(text)
    return unicodedata.normalize("NFC", " ".join(text.split()))


def _is_block(tag: str) -> bool:
    """Whether a tag separates words (`<jats:p>`, `<br/>`) rather than marks them (`<i>`)."""
    return re.match(r"</?([\w:.-]+)", tag).group(1).split(":")[-1].lower() in BLOCK_TAGS
