"""Names listed with a known name are of its kind.

"On Cora, Citeseer and PubMed", "in Connect 4 and Lunar Lander", "with
ChatGPT, Bard, and Claude 2": a capitalised name that stands in a list
beside a dataset, environment or model the lists know is one of the same
kind, even when it is written in plain words, with a number or a
possessive inside (`Connect 4`, `Montezuma's Revenge`).
"""

from __future__ import annotations

from spacy.tokens import Doc

from kg.extract import flags, lexicon
from kg.extract.boundaries import NOT_MODIFIERS
from kg.extract.candidates import Candidate, covered, extend_model


def list_members(doc: Doc, text: str, found: list[Candidate]) -> list[Candidate]:
    """Capitalised names listed with a known dataset, environment or model are of its kind: "On Cora, Citeseer and PubMed",
    "in Connect 4 and Lunar Lander", "on Habitat and Montezuma's Revenge", "with ChatGPT, Bard, and Claude 2".

    A name counts where the list's own punctuation frames it: "and X" or "or X" ends a list, ", X," and "on X,"
    stand inside one; "On WebArena, Claude reaches ..." lists nothing. A listed name may be several capitalised
    words, with a number (`Connect 4`) or a possessive (`Montezuma's Revenge`) inside. `text` is the doc's: the
    words beside a name are cut from it, which costs less than making their tokens.
    """
    idx, length = flags.offsets(doc)
    taken = None  # the names' tokens, gathered only once a capitalised word stands beside a name and a list's link
    added: list[Candidate] = []
    anchors = [c for c in found if c.label in {"Benchmark", "Environment", "Model"} and c.origin in {"lexicon", "gazetteer", "checkpoint"}]
    for c in anchors:  # grows: a member found anchors the next one ("GPT-4o, Falconet and Orrery 2.5")
        right = flags.cut(text, idx, length, c.end, c.end + 1) if c.end < len(doc) else ""
        left = flags.cut(text, idx, length, c.start - 1, c.start) if c.start > 0 else ""
        if right not in LIST_LINKS and left not in LIST_LINKS:
            continue  # most names stand in no list
        for i in (c.start - 2, c.start - 1, c.end, c.end + 1):
            if not 0 < i < len(doc) - 1 or not (text[idx[i]].isupper() or text[idx[i]].isdigit()):
                continue  # a member's first or last word starts with a capital or a digit: no Token for the rest
            # The names' tokens, built for 207 of the hook's 1,086 docs (was 312): list_members replay 5.5-6.6 -> 5.1-5.5 ms CPU
            # (min of 31, alternating with base4's, within noise on a loaded host).
            taken = taken if taken is not None else covered(found)
            if i in taken:
                continue
            first, last = (_member_start(doc, i), i) if i < c.start else (i, _member_end(doc, i))
            if first is None or last is None or taken.intersection(range(first, last + 1)) or first == 0 or last + 1 >= len(doc):
                continue
            before, after = doc[first - 1].lower_, doc[last + 1].lower_
            if doc[first].text in NOT_MODIFIERS or doc[first].is_sent_start or lexicon.is_excluded(doc[first : last + 1].text):
                continue
            inside = after in {",", "and", "or"} and before in {",", "on", "in", "across", "over"}
            if inside or before in {"and", "or"} and (first > c.start or after in {",", "and", "or"}):
                end = extend_model(doc, last + 1) if c.label == "Model" else last + 1  # "GPT-4o and Claude 3.5"
                added.append(Candidate(first, end, "cue", c.label))
                anchors.append(added[-1])
                taken.update(range(first, end))
    return added


# What stands beside a listed name: "A, B and C", "on A or B".
LIST_LINKS = {",", "and", "or", "on", "in", "across", "over"}


def _member_word(token) -> bool:
    return token.is_alpha and token.text[:1].isupper()


def _member_inner(token) -> bool:
    """A number or possessive inside a listed name: `Connect 4`, `StarCraft II`, `Montezuma's Revenge`."""
    return token.text in {"'s", "’s"} or token.is_digit and len(token) <= 2 or token.text in {"II", "III", "IV"}


def _member_end(doc: Doc, i: int) -> int | None:
    """The last token of a listed name starting at `i`, or None when `i` starts none."""
    if not _member_word(doc[i]):
        return None
    last = i
    while last + 1 < len(doc) and last - i < 3 and (_member_word(doc[last + 1]) or _member_inner(doc[last + 1])):
        if doc[last + 1].text in {"'s", "’s"} and not (last + 2 < len(doc) and _member_word(doc[last + 2])):
            break
        last += 1
    return last


def _member_start(doc: Doc, i: int) -> int | None:
    """The first token of a listed name ending at `i`, or None when `i` ends none."""
    if not (_member_word(doc[i]) or _member_inner(doc[i]) and doc[i].text not in {"'s", "’s"}):
        return None
    first = i
    while first > 0 and i - first < 3 and not doc[first].is_sent_start and (_member_word(doc[first - 1]) or _member_inner(doc[first - 1])):
        if doc[first - 1].text in NOT_MODIFIERS:
            break
        first -= 1
    return first if _member_word(doc[first]) else None
