"""Websites and apps an agent operates: Environments by the guidelines, even where the name is an organisation's.

The guidelines count "a named website the agent operates" as an
Environment, but such names are written as plain words (`Amazon`) or as
domains (`shop.com`), which no shape marks, and are often listed as
organisations or software elsewhere. So they are found only where the text
says they are websites: the members of a list that a word for websites or
apps introduces ("live sites such as Amazon and Redmine"), the object of
a verb of browsing in a sentence about agents ("the agent navigates
Redmine"), a capitalised word before "website" ("the Redmine website"),
and a bare domain after "on", "in" or "at" in a sentence about agents
("evaluated on shop.com").
A domain inside a URL is no name (the tokenizer keeps a URL one token).
"""

from __future__ import annotations

import re
from bisect import bisect_left

from spacy.tokens import Doc

from kg.extract import flags
from kg.extract.candidates import Candidate, covered

# A list of websites or apps ("sites such as X", "web apps like X, Y and Z"): the plural is found by `str.find`, the
# space and the words that open the list are matched after it; its end is where the names start. Found without the
# space: `str.find` skips ahead by the needle's last character, and a space is a text's commonest (the three finds over
# the corpus's 362 texts 1.67 -> 1.28 ms, min of 25).
SITE_WORDS = ("sites", "apps", "applications")
# Verbs whose object is a website an agent works in: "the agent navigates Redmine and Gitea" (in a sentence about agents).
WEB_VERB_STEMS = (" navigat", " brows")
WEB_VERBS = frozenset("navigate navigates navigating browse browses browsing".split())
WORD = re.compile(r"[a-z]+ ")
SITE_LIST = re.compile(r"(?:such as|like|including|e\.g\.,?) ")
# "the Redmine website": the capitalised word before it is read from the tokens.
WEBSITE = re.compile(r" website\b")
# A bare domain, no part of a URL: its top-level domain is found first (a pattern that starts with a literal is
# found many times faster), then the name before it.
TLD = re.compile(r"\.(?:com|org|net|io)\b(?![/\w])")
DOMAIN_NAME = re.compile(r"(?:^|[^/@.\w])([a-z][a-z0-9-]*)$")
AGENTS = re.compile(r"\b(agents?|policies|policy|robots?|assistants?)\b", re.I)
NOT_NAMES = {"We", "Our", "The", "This", "These", "In", "On", "For", "It"}


def _name_end(doc: Doc, i: int) -> int:
    """The end of one or two capitalised words from `i` ("Redmine", "Google Maps"), else `i`."""
    end = i
    while end < len(doc) and end - i < 2 and doc[end].text[:1].isupper() and doc[end].is_alpha and doc[end].text not in NOT_NAMES:
        end += 1
    return end


def _listed(doc: Doc, i: int) -> list[Candidate]:
    """The names of a list from token `i` on: "Amazon, Reddit and GitLab"."""
    found = []
    while i < len(doc) and (end := _name_end(doc, i)) > i:
        found.append(Candidate(i, end, "term", "Environment"))
        i = end
        if i + 1 >= len(doc) or doc[i].text not in {",", "and", "or"}:
            break
        i += 1 + (doc[i].text == "," and doc[i + 1].text in {"and", "or"})
    return found


def from_websites(doc: Doc, text: str, found: list[Candidate]) -> list[Candidate]:
    """Websites the text names as such, as Environments (see the module's docstring).

    Each pattern runs only on a text that holds its literal: most abstracts name no website.
    """
    idx = flags.offsets(doc)[0]
    added = []
    # "sites" and " website" both hold "site": one scan answers both for most texts (333 of the corpus's 362 hold
    # neither; 0.83 -> 0.62 ms a corpus pass, min of 25).
    site = "site" in text
    for word in SITE_WORDS:
        at = text.find(word) if site or "site" not in word else -1
        while at >= 0:
            if text[at + len(word) : at + len(word) + 1] == " " and (m := SITE_LIST.match(text, at + len(word) + 1)):
                added += _listed(doc, bisect_left(idx, m.end()))  # "live sites such as Amazon and Redmine"
            at = text.find(word, at + 1)
    for stem in WEB_VERB_STEMS:
        at = text.find(stem)
        while at >= 0:
            verb = WORD.match(text, at + 1)
            stop = text.find(". ", at)
            if verb and verb.group()[:-1] in WEB_VERBS and AGENTS.search(text, max(0, text.rfind(". ", 0, at)), stop if stop > 0 else len(text)):
                added += _listed(doc, bisect_left(idx, verb.end()))  # "the agent navigates Redmine and Gitea"
            at = text.find(stem, at + 1)
    if site and " website" in text:
        for m in WEBSITE.finditer(text):
            i = bisect_left(idx, m.start()) - 1  # the word before " website"
            if i > 0 and idx[i] + len(doc[i]) == m.start() and _name_end(doc, i) == i + 1 and not doc[i].is_sent_start and doc[i - 1].is_lower:
                added.append(Candidate(i, i + 1, "term", "Environment"))  # "the Redmine website"
    for m in TLD.finditer(text):  # one scan for "." and a domain ending costs less than four `in` tests
        if not (named := DOMAIN_NAME.search(text, max(0, m.start() - 40), m.start())):
            continue
        start = named.start(1)
        i = bisect_left(idx, start)
        before = text[max(0, start - 4) : start]
        stop = text.find(". ", m.end())
        sentence = text[max(0, text.rfind(". ", 0, start)) : stop if stop > 0 else None]
        if i < len(doc) and doc[i].text == text[start : m.end()] and before.endswith(("on ", "in ", "at ", "and ", ", ")) and AGENTS.search(sentence):
            added.append(Candidate(i, i + 1, "term", "Environment"))  # "agents evaluated on shop.com and buy.com"
    if not added:
        return added
    taken = covered(found)
    return [c for c in added if not taken.intersection(range(c.start, c.end))]
