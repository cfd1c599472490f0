"""Websites and apps an agent operates: Environments by the guidelines, even where the name is an organisation's.

The guidelines count "a named website the agent operates" as an
Environment, but such names are written as plain words (`Amazon`) or as
domains (`shop.com`), which no shape marks, and are often listed as
organisations or software elsewhere. So they are found only where the text
says they are websites: the members of a list that a word for websites or
apps introduces ("live sites such as Amazon and Redmine"), a capitalised
word before "website" ("the Redmine website"), and a bare domain after
"on", "in" or "at" in a sentence about agents ("evaluated on shop.com").
A domain inside a URL is no name (the tokenizer keeps a URL one token).
"""

from __future__ import annotations

import re
from bisect import bisect_left

from spacy.tokens import Doc

from kg.extract import flags
from kg.extract.candidates import Candidate

# A list of websites or apps ("sites such as X", "web apps like X, Y and Z"); its end is where the names start.
SITE_LIST = re.compile(r"(?:\b(?:web)?sites|\b(?:web |mobile )?apps|\bapplications) (?:such as|like|including|e\.g\.,?) ", re.I)
# A capitalised word before "website" ("the Redmine website"), and a bare domain that is no part of a URL.
NAMED_SITE = re.compile(r"(?<=[a-z,] )[A-Z][A-Za-z]+(?= website\b)")
DOMAIN = re.compile(r"(?<![/@.\w])[a-z][a-z0-9-]*\.(?:com|org|net|io)\b(?![/\w])")
AGENTS = re.compile(r"\b(agents?|policies|policy|robots?|assistants?)\b", re.I)
NOT_NAMES = {"We", "Our", "The", "This", "These", "In", "On", "For", "It"}


def _name_end(doc: Doc, i: int) -> int:
    """The end of one or two capitalised words from `i` ("Redmine", "Google Maps"), else `i`."""
    end = i
    while end < len(doc) and end - i < 2 and doc[end].text[:1].isupper() and doc[end].is_alpha and doc[end].text not in NOT_NAMES:
        end += 1
    return end


def from_websites(doc: Doc, text: str, found: list[Candidate]) -> list[Candidate]:
    """Websites the text names as such, as Environments (see the module's docstring)."""
    idx = flags.offsets(doc)[0]
    added = []
    for m in SITE_LIST.finditer(text):
        i = bisect_left(idx, m.end())
        while i < len(doc) and (end := _name_end(doc, i)) > i:
            added.append(Candidate(i, end, "term", "Environment"))  # "live sites such as Amazon and Redmine"
            i = end
            if i + 1 >= len(doc) or doc[i].text not in {",", "and", "or"}:
                break
            i += 1 + (doc[i].text == "," and doc[i + 1].text in {"and", "or"})
    for m in NAMED_SITE.finditer(text):
        i = bisect_left(idx, m.start())
        if i < len(doc) and idx[i] == m.start():
            added.append(Candidate(i, i + 1, "term", "Environment"))  # "the Redmine website"
    for m in DOMAIN.finditer(text):
        i = bisect_left(idx, m.start())
        before = text[max(0, m.start() - 4) : m.start()]
        stop = text.find(". ", m.end())
        sentence = text[max(0, text.rfind(". ", 0, m.start())) : stop if stop > 0 else None]
        if i < len(doc) and doc[i].text == m.group() and before.endswith(("on ", "in ", "at ", "and ", ", ")) and AGENTS.search(sentence):
            added.append(Candidate(i, i + 1, "term", "Environment"))  # "agents evaluated on shop.com and buy.com"
    if not added:
        return added
    taken = {i for c in found for i in range(c.start, c.end)}
    return [c for c in added if not taken.intersection(range(c.start, c.end))]
