"""Names before a head noun: "the Penn Treebank dataset", "the Parkour environment", "the Werewolf game".

A head noun that only a named dataset, simulator or network stands
before (`boundaries.NAME_HEADS`, `cues.NETWORK_HEADS`) makes the
capitalised words before it a name, two of them or a coined one; each
capitalised member of a list before a plural head is one ("the
Electricity, Traffic and Weather benchmarks"); games are named beside
"game" and after a verb of playing.
"""

from __future__ import annotations

from spacy.strings import StringStore
from spacy.tokens import Doc, Token

from kg.extract import flags, lexicon, shapes
from kg.extract.boundaries import NAME_HEADS, NOT_MODIFIERS
from kg.extract.candidates import Candidate, titled_run, titled_word
from kg.extract.cues import HEAD_TYPE, NETWORK_HEADS
from kg.extract.mentions import norm

# "environment" follows a capitalised plain word that names a world ("the Parkour environment"), where a capitalised word
# before "dataset" may still be a description; software is excluded (`Docker`, `Python`).
ENVIRONMENT_HEADS = {"environment", "environments"}
# "game" and "games" stand beside the names of games, before ("the Werewolf game") or after ("games such as Werewolf").
GAME_HEADS = {"game", "games"}
GAME_LIST_INTRO = {"such", "as", "like", "including", ",", "based", "on", "called", "named", "of"}


def from_heads(doc: Doc, text: str, heads: list[int], title_end: int) -> list[Candidate]:
    """Capitalised words before a dataset or environment head noun: "the Penn Treebank dataset", "Hockey Dataset [5]".

    `heads` are the tokens flagged `flags.ARENA_HEAD`; what a head noun is (`_head_noun`) is read by its hash, once per
    distinct string, and the word before it by its hash too: most heads follow a lower-case word, and no Token is made.
    """
    idx, orth, strings = flags.offsets(doc)[0], flags.ids(doc), doc.vocab.strings
    found = []
    for head in heads:
        if idx[head] < title_end:
            continue  # the title's words are capitalised whatever they are
        noun, game, type_, list_type = _HEAD_NOUNS.get(orth[head]) or _head_noun(strings, orth[head])
        if game:
            found += _games(doc, text, head)
            continue
        if type_ is None:
            if list_type and head > 2:
                found += _listed_before(doc, head - 1, head, list_type) if flags.may_be_titled(text, idx[head - 1]) and _list_word(doc[head - 1]) and doc[head - 2].lower_ in {"and", "or"} else []
            continue
        if head == 0 or not titled_word(strings[orth[head - 1]]):
            continue  # most heads follow a lower-case word: no name before them, and no Token made
        start = end = head
        while start > 0 and head - start < 5 and _name_word(strings[orth[start - 1]]):
            start -= 1
            if doc[start].is_sent_start:
                break
        if start == end:
            continue
        if doc[start].is_sent_start and not shapes.is_coined(doc[start].text):
            start += 1  # a sentence's first word is capitalised whatever it is
        if start == end:
            continue
        words = doc[start:end]
        # One plain capitalised word ("the Survival dataset", "the Value Network") is too weak; two, or a coined one, make a name.
        # A capitalised head is part of the name, which an excluded word alone does not make: `OpenAI Gym` is no organisation.
        named = flags.span_text(doc, text, start, head + 1 if type_ == "Method" or noun[:1].isupper() else end)
        # Mid-sentence, one capitalised word before "environment" names one: "a new procedural Parkour environment".
        single = noun.lower() in ENVIRONMENT_HEADS and words[0].is_alpha and not words[0].is_sent_start
        if len(words) == 1 and noun.endswith("s") and noun.islower() and start > 1 and doc[start - 1].lower_ in {"and", "or"} and (
            members := _listed_before(doc, start, end, type_)
        ):
            found += members  # "the Adult and Higgs datasets", "the Kitchen and Garage environments"
        elif (len(words) > 1 or single or shapes.is_coined(words[0].text)) and not lexicon.is_excluded(named):
            # "an Open-World Video Game Dataset": a capitalised head is part of the name.
            found.append(Candidate(start, head + 1 if noun[:1].isupper() else end, "cue", type_))
    return found


# What `from_heads` reads of each head noun, by its hash (`_head_noun`, `flags.kept`).
_HEAD_NOUNS: dict[int, tuple[str, bool, str | None, str | None]] = {}


def _head_noun(strings: StringStore, key: int) -> tuple[str, bool, str | None, str | None]:
    """A head noun, whether games stand beside it, the type of a name before it, and the type of a list's members before a
    lower-case plural that heads no name itself ("benchmarks"), answered once per distinct string: a lookup by hash
    replaces a string read from the vocab and five tests per head (the hook's 3,417 heads past the title; replay of
    from_heads 8.8-9.7 -> 7.6-8.9 ms CPU, min of 31 alternating with base4's, two runs)."""
    noun = strings[key]
    lower = noun.lower()
    type_ = NAME_HEADS.get(lower) or NETWORK_HEADS.get(noun) or ("Environment" if lower in ENVIRONMENT_HEADS else None)
    list_type = HEAD_TYPE.get(lower) if noun.endswith("s") and noun.islower() else None
    head = (noun, noun in GAME_HEADS or lower in flags.PLAY_VERBS, type_, list_type if list_type in {"Benchmark", "Environment"} else None)
    return flags.kept(_HEAD_NOUNS, key, head)


def _listed_before(doc: Doc, start: int, end: int, type_: str) -> list[Candidate]:
    """The capitalised names of a list before a plural head noun: "the Electricity, Traffic and Weather benchmarks".

    `doc[start:end]`, the last member, follows "and"/"or"; each member is one or two capitalised plain words
    mid-sentence. Two members at least, or the words are no list.
    """
    members = [(start, end)]
    i = start - 1  # at "and"/"or"
    while i > 0:
        j = i - (doc[i - 1].text == "," and doc[i].lower_ in {"and", "or"})  # "X, and Y"
        first = last = j
        while first > 0 and last - first < 2 and _list_word(doc[first - 1]):
            first -= 1
        if first == last or doc[first - 1].text in {"and", "or"}:
            break
        members.append((first, last))
        if doc[first - 1].text != ",":
            break
        i = first - 1
    if len(members) < 2:
        return []
    return [Candidate(a, b, "cue", type_) for a, b in members if not lexicon.is_excluded(doc[a:b].text)]


def _list_word(token: Token) -> bool:
    """A capitalised plain word mid-sentence, none of `NOT_MODIFIERS`: a word of a list's member before a plural head."""
    return token.is_alpha and token.text.istitle() and not token.is_sent_start and token.text not in NOT_MODIFIERS


def _games(doc: Doc, text: str, head: int) -> list[Candidate]:
    """Games named beside the word "game": "the Werewolf game", "games such as Werewolf and Among Us",
    "a MOBA game, Honor of Kings", "a game based on Among Us", "the AAA game Red Dead Redemption II", and after a verb
    of playing ("the agent plays Pokemon Red"). A game an agent plays is an Environment. The words are read by their
    hashes from the vocab's strings (`flags.ids`), names cut from the `text`: a Token only asks where a sentence starts
    (from_heads replay 6.7-8.6 -> 5.4-7.5 ms CPU, min of 31 alternating with base4's, two runs)."""
    orth, strings = flags.ids(doc), doc.vocab.strings
    n = len(orth)
    found = []
    start = head
    played = strings[orth[head]].lower() in flags.PLAY_VERBS
    while not played and start > 0 and head - start < 3 and _name_word(strings[orth[start - 1]]):
        start -= 1
    if start < head and (doc[start].is_sent_start or norm(strings[orth[start]]) in lexicon.by_name()):
        start += 1  # a sentence's first word is capitalised whatever it is; "the Atari Seaquest game" names Seaquest
    i = head + 1
    # "the AAA game Red Dead Redemption II", "the game Minecraft": a name right after "game" is the game, the words before it its kind.
    direct = i < n and _name_word(word := strings[orth[i]]) and not lexicon.is_excluded(word)
    if not direct and start < head and start > 0 and strings[orth[start - 1]].lower() in {"the", "a", "an"} and not lexicon.is_excluded(flags.span_text(doc, text, start, head)):
        found.append(Candidate(start, head, "cue", "Environment"))
    while i < n and (word := strings[orth[i]].lower()) in GAME_LIST_INTRO and (word != "on" or strings[orth[i - 1]].lower() == "based"):
        i += 1  # "a game based on Among Us"; not "the pointing game on X", where X is what the game is scored on
    while (i > head + 1 or direct) and i < n and _name_word(strings[orth[i]]):
        end = titled_run(doc, i, limit=4)
        # a list, not one name; and a full stop inside a word ("Super Mario Bros. We") may end the sentence
        end = next((j for j in range(i + 1, end) if strings[orth[j]].lower() in {"and", "or", "&"} or strings[orth[j - 1]].endswith(".")), end)
        if not lexicon.is_excluded(flags.span_text(doc, text, i, end)):
            found.append(Candidate(i, end, "cue", "Environment"))
        i = end
        while i < n and strings[orth[i]] in {",", "and", "or"}:
            i += 1
    return found


def _name_word(word: str) -> bool:
    """A capitalised or coined word that is no mark and none of `NOT_MODIFIERS`: a word of a game's name."""
    return titled_word(word) and not flags.is_punct(word) and word not in NOT_MODIFIERS
