"""The type the words around one mention of a name give it.

Two readings, each of one mention: the head noun beside the name or in
an apposition ("the X benchmark", "X, a framework", "the environment X",
"X is a simulator", "X, a family of open models", the title's "X:
On-device Language Model for ...") in `head_type`, and the words before it ("results on
X, Y and Z", "agents navigate in X", "fine-tune X-7B", "questions drawn
from X") in `kg.extract.words_before.context_type`, which keeps the
sentence-level checks it reads and imports the word lists and the
phrase checks kept here. `kg.extract.entity_types` lets a name's
mentions vote with what these return.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from spacy.strings import get_string_id
from spacy.tokens import Doc, Token

from kg.extract import flags, lexicon
from kg.extract.arena_clauses import DATA_AFTER_NAME, SPLIT_KINDS, SPLITS, WHERE_WORDS, where_acting
from kg.extract.boundaries import citation_end
from kg.extract.cues import CLOSE, COMMA, COORDINATION, HEAD_TYPE, NAMING_CUES, OPEN, WORLD_MODIFIERS
from kg.extract.mentions import norm
from kg.extract.noun_phrases import COMPOUND_STOPS, compound_head, counted_set, last_head
from kg.extract.sentences import STARTS
from kg.extract.trained import CLAUSE_STARTS, clause_type, trained_head

# Prepositions before a bare noun that make it a place, not an apposition: "In simulation KeyAct is evaluated".
PREPOSITIONS = {"in", "on", "at", "from", "by"}
# Words that make a plural head before a comma introduce the names after it: "we fine-tune two smaller models, X and Y".
COUNTED = {"two", "three", "four", "five", "six", "both", "our", "the", "these", "its", "their"}
# Verbs of scoring that make the name before them its sentence's subject (`verb_follows`), and adverbs between them.
SUBJECT_VERBS = set(
    "reaches achieves attains obtains outperforms surpasses improves beats scores yields matches exceeds lowers raises reduces "
    "cuts gains boosts sets delivers ranks leads trails lifts".split()
)
AND_OR = {get_string_id(w) for w in ("and", "or")}
SUBJECT_ADVERBS = {"also", "consistently", "further", "still", "clearly", "significantly", "again"}
# Participles after a name that make it a trained checkpoint: "X trained on Y".
TRAINED = {get_string_id(w) for w in ("trained", "pretrained", "pre-trained", "fine-tuned", "finetuned", "tuned", "distilled")}
TRAINED_ON = {get_string_id(w) for w in ("on", "with", "using", "from", "for", "via", "by")}
# A name ending in a way of learning is a method, trained or not: "WebRL trained on the same backbone" ran WebRL.
LEARNING_END = re.compile(r"(RL|PO|Learning|Tuning)$")
# What is done to data taken from a source, before "from X": "problems sampled from X", "statements autoformalized from X".
DATA_PARTICIPLES = {"sampled", "drawn", "taken", "collected", "sourced", "derived", "scraped", "crawled", "mined", "curated", "filtered",
                    "translated", "converted", "rewritten", "formalized", "formalised", "autoformalized", "autoformalised"}
# Plural nouns of data before "from X", and those participles: "images from X", "real scenes from X", "pages crawled from X".
DATA_NOUNS = {"images", "scenes", "samples", "examples", "questions", "problems", "videos", "sentences", "documents", "utterances",
              "recordings", "clips", "instances", "dialogues", "articles", "pairs", "annotations", "captions", "passages", "queries",
              "records", "reports", "transcripts", "datasets", "corpora"} | DATA_PARTICIPLES
# Verbs after a name that say what it holds ("X contains 10K images"), and what a collection of data counts.
HOLDS = {"contains", "consists", "comprises", "includes", "covers", "holds", "spans"}
COUNTED_DATA = DATA_NOUNS - DATA_PARTICIPLES | {
    "classes", "categories", "hours", "subjects", "patients", "speakers", "labels", "graphs", "molecules", "proteins", "problems",
    "screenshots", "photographs", "photos", "tables", "programs", "proofs", "statements", "trajectories"}
# The words before a name that an apposition or a naming cue puts between it and its head noun: "a benchmark called X", "the agent, X".
APPOSITION_LEADS = NAMING_CUES | {"as", ",", '"', "“"}
# Head nouns that are verbs too, and the words after them that make them the verb: "X sets a new record", "X models each
# relation", "X models how agents move".
VERB_HEADS = {"sets", "models"}
VERB_OBJECTS = {"a", "an", "the", "new", "each", "every", "how", "its", "their", "it", "them", "both", "all"}
# Nouns of a group whose members' head noun, after "of", says what the name is: "X, a family of open models".
GROUPS = {"family", "series", "collection", "suite", "set", "line", "pair"}
# One model as the head of the title's phrase after its lead name, and the words that may end that phrase (`_titled_model`).
TITLE_MODEL_HEADS = {"model", "llm", "vlm", "mllm", "lmm", "slm"}
TITLE_MODEL_ENDS = {"for", "of", "with", "that", "in", "on", "to", "via", "and", "from", "towards", "through"}
# The first words of "X is a", "X serves as a", "X, which is a" (`_is_a`).
IS_A_LEADS = {"is", "serves", ","}
# Prepositions that open a sentence's opening phrase: "On X, ...", "In X, ...".
OPENING_PREPOSITIONS = {"on", "in", "across", "for"}
# The hashes of the marks after which a sentence or a clause starts (`closes_opening_phrase`).
STOPS = frozenset(get_string_id(w) for w in (".", ";", ":"))


def _after_acronym(doc: Doc, orth: list[int], i: int) -> int:
    """The index after a parenthesised short form "(GRF)" starting at `i`, else `i` (read by the hashes, `orth`)."""
    if i + 2 < len(orth) and orth[i] == OPEN and orth[i + 2] == CLOSE and any(ch.isupper() for ch in doc.vocab.strings[orth[i + 1]]):
        return i + 3
    return i


# The words after a name that `_list_end` steps past: a citation or a short form, or a list's punctuation and conjunctions.
LIST_STEPS = COORDINATION | {"[", "("}


def _list_end(doc: Doc, orth: list[int], end: int, ends: dict[int, int]) -> tuple[int, str]:
    """The index after the list that the name ending at `end` opens or continues, past citations and short forms
    ("ILSVRC [28] dataset", "the SMAC and the GRF environments"), and the word there ("" at the end).

    One word is read per step, by its hash (`orth`) from the vocab's strings: most names are followed by no aside and no list.
    """
    n = len(orth)
    strings = doc.vocab.strings
    i = end
    word = strings[orth[i]] if i < n else ""
    while True:
        if word in {"[", "("}:
            i = _after_acronym(doc, orth, citation_end(doc, i) if word == "[" else i)
            word = strings[orth[i]] if i < n else ""
        if not (word in COORDINATION and i < n and (i + 1 in ends or (i + 2 in ends and doc[i + 1].lower_ == "the"))):
            return i, word
        i = ends[i + 1] if i + 1 in ends else ends[i + 2]
        word = strings[orth[i]] if i < n else ""


def listed_clause_type(doc: Doc, orth: list[int], end: int, ends: dict[int, int]) -> str | None:
    """What a clause after the list the name ending at `end` belongs to says of it (`kg.extract.trained.clause_type`).
    Read for names the registries type too: `Mask2Former` is an architecture in one and a checkpoint in another, and
    "Mask2Former trained with the same schedule" says which."""
    i = _list_end(doc, orth, end, ends)[0]
    return clause_type(doc, orth, _past_last_word(doc, i) if orth[i] in AND_OR else i) if i < len(doc) else None


def head_type(doc: Doc, orth: list[int], start: int, end: int, ends: dict[int, int]) -> str | None:
    """The type a head noun beside the name gives it: "X benchmark", "X, a framework", "the environment X"
    (`kg.extract.arena_clauses.evaluation_suite` then makes a framework of evaluation a benchmark).

    This runs for every name the lists do not type, so each word beside the name is read once, by its hash from the
    vocab's strings where only its text is read (37 ns, where a Token costs 100-150 ns to build and read), and the
    checks a word cannot pass are skipped (the hook's 3,933 calls replayed: 18.40 -> 16.78 ms CPU with the words around a
    name read by hash, min of 11).
    """
    n = len(orth)
    i, word = end, doc.vocab.strings[orth[end]] if end < n else ""
    if word in LIST_STEPS:  # most names are followed by no aside and no list: `_list_end` is called only for the others
        # (replay of the hook's 3,933 calls, in-process alternating with base: median 24.05 -> 22.43 ms CPU, min unchanged)
        i, word = _list_end(doc, orth, end, ends)
    return (_type_after(doc, orth, start, end, ends, i, word) if i < n else None) or _type_before(doc, orth, start, end)


def _type_after(doc: Doc, orth: list[int], start: int, end: int, ends: dict[int, int], i: int, word: str) -> str | None:
    """The type the words after the name's list, from `doc[i]` (`word`) on, give it: "X benchmark", "X, a framework",
    "X is a simulator", "X trained on", "X, which are fine-tuned". The word after `word` is read only where a check
    needs it: after most names none does."""
    n = len(doc)
    lower = word.lower()  # the lexeme's `lower_`, without a Token
    if HEAD_TYPE.get(lower) and not (lower in VERB_HEADS and _lower(doc, i + 1) in VERB_OBJECTS):
        return last_head(doc, orth, i)  # not the verb: "X sets a new state of the art", "X models each relation as a rotation"
    if lower in DATA_AFTER_NAME or lower in SPLIT_KINDS and _lower(doc, i + 1) in SPLITS:
        return "Benchmark"  # "the X collection", "X test split", "X validation set", with or without an article
    if word.isalpha() and word.islower() and lower not in COMPOUND_STOPS and not word.endswith("ed") and (
        t := compound_head(doc, orth, i, start) or counted_set(doc, orth, start, word)
    ):
        return t
    if (o := orth[i]) in CLAUSE_STARTS and (t := clause_type(doc, orth, _past_last_word(doc, i) if o in AND_OR else i)):
        return t  # "X and Y, which are fine-tuned on", "X trained from scratch": what the paper did with them
    k = i + (word == ",")
    if k + 1 < n and orth[k] in TRAINED and orth[k + 1] in TRAINED_ON and not LEARNING_END.search(doc[end - 1].text):
        plural_of_listed = doc[end - 1].text.endswith("s") and norm(doc[start:end].text[:-1]) in lexicon.by_name()  # "LoRAs trained on"
        if not plural_of_listed:
            return "Model"  # "For CTGAN trained on Credit", "SPOCK, trained using the CLASS framework": a trained checkpoint
    if word not in {",", "(", ":"}:
        if word in {"-", "–"} and (t := HEAD_TYPE.get(_lower(doc, i + 1))):
            return t
        if lower in HOLDS and _counted_data(doc, i + 1 + (_lower(doc, i + 1) == "of"), 4):
            return "Benchmark"  # "X consists of 1,000 object classes": a collection of data
        if lower in {"is", "serves"} and (k := _is_a(doc, orth, i)):
            return _apposition_type(doc, orth, start, end, ends, k - 2, True)  # "X is a benchmark"
        return None
    following = doc.vocab.strings[orth[i + 1]].lower() if i + 1 < n else ""
    if word == "," and following in WHERE_WORDS and where_acting(doc, i):
        return "Environment"  # "X, where the agent interacts with a simulated customer": a world the agent acts in
    # A count holds a digit or is a number word: a word of letters that is none is no count (most words after a comma).
    if i + 2 < n and not (following.isalpha() and following not in flags.NUMBER_WORDS) and _counted_data(doc, i + 1):
        return "Benchmark"  # "X, 48K problems with tests": a collection of data
    described = i + 2 < n and following in {"a", "an", "the", "our", "two", "three", "four", "both"}
    if described and following == "our" and word == "," and _opens_sentence(doc, start - 1 - (start > 0 and doc[start - 1].lower_ == "the")):
        described = False  # "On the X, our method improves": the comma closes an opening phrase ("On X, a game that ..." is an apposition)
    if not described and lower == "," and following == "which" and (k := _is_a(doc, orth, i)):
        i, described = k - 2, True  # "X, which is a simulation sandbox"
    if described or (i + 1 < n and word == ":" and start == 0):
        return _apposition_type(doc, orth, start, end, ends, i, described)  # "X, a framework", the title's "X: Multi-Agent RL Environments in JAX"
    return None


def _lower(doc: Doc, i: int) -> str:
    """The lower-case text of `doc[i]`, "" past the end."""
    return doc[i].lower_ if i < len(doc) else ""


def _apposition_type(doc: Doc, orth: list[int], start: int, end: int, ends: dict[int, int], i: int, described: bool) -> str | None:
    """The head noun of the apposition after `doc[i]` ("X, a framework", "X is a benchmark"; `described`), or of the
    title's phrase after its lead name ("X: Multi-Agent RL Environments in JAX")."""
    n = len(orth)
    strings = doc.vocab.strings
    for k in range(i + 1 + described, min(i + 10, n)):
        text = strings[orth[k]]
        word = text.lower()
        if (head := HEAD_TYPE.get(word)) and _introduces_name(doc, orth, k, ends):
            break  # "..., our method Y reaches": the head noun introduces the name after it, not this one
        if head and ((t := last_head(doc, orth, k)) in {"Benchmark", "Environment"} or described):
            return "Model" if described and trained_head(doc, orth, k) else t  # "X, a GUI agent trained on ..."
        if not described and word in TITLE_MODEL_HEADS and _titled_model(doc, start, end, i + 1, k):
            return "Model"  # the title's "X: An On-Device Language Model for Planning"
        if word == "of" and strings[orth[k - 1]].lower() in GROUPS:
            if _counted_data(doc, k + 1, 2):
                return "Benchmark"  # "X, an unseen collection of 2,000 clinical photographs"
            continue  # "X, a family of open-weight models": the group's members are the head
        if word in {"that", "which", "for", "of", "to", "with"} or text != "," and not text[:1].isalnum() and flags.is_punct(text):
            break
    return None


def _type_before(doc: Doc, orth: list[int], start: int, end: int) -> str | None:
    """The type a head noun just before the name gives it: "the environment X", "a benchmark called X", "the agent, X"."""
    strings = doc.vocab.strings
    j = start - 1
    before = strings[orth[j]].lower() if j >= 0 else ""
    while before in APPOSITION_LEADS:
        j -= 1
        before = strings[orth[j]].lower() if j >= 0 else ""
    t = HEAD_TYPE.get(before) if j >= 0 else None
    if not t:
        return None  # most names follow no head noun
    if j > 0 and strings[orth[j - 1]].lower() in PREPOSITIONS:
        return None  # "In simulation KeyAct is evaluated": a bare noun after a preposition is no apposition
    comma = orth[j + 1] == COMMA
    if t in {"Benchmark", "Environment"} and not comma and verb_follows(doc, orth, end):
        return None  # "On the X val split EdgeKD lifts", "of the Y suite TabRAG attains": what scores is the sentence's subject, not data
    if comma and (closes_opening_phrase(doc, j + 1) or verb_follows(doc, orth, end)) and not _enclosed_apposition(doc, j, end):
        return None  # "On the Navier-Stokes dataset, X achieves": the comma closes the phrase the sentence opens with
    if comma and before.endswith("s") and not {strings[h].lower() for h in orth[max(0, j - 2) : j]} & COUNTED:
        return None  # "Built on open and proprietary models, X outperforms": a plural before a comma ends a phrase ("two models, X and Y" lists)
    if t in {"Method", "Benchmark"} and j > 0 and strings[orth[j - 1]].lower() in WORLD_MODIFIERS:
        return "Environment"  # "a simulation system called X"
    return t


def _titled_model(doc: Doc, start: int, end: int, first: int, head: int) -> bool:
    """The title's lead name `doc[start:end]` is put in apposition to a noun phrase from `first` that ends in one model
    at `head`: "X: An On-Device Language Model for ...", "X: One Vision-Language-Action Model". Not a phrase that opens
    with a verb ("X: Enhancing Large Language Models with ..."), not a model that modifies the phrase's head ("X: A
    Large Language Model Agent for ..."), and not the expansion the lead name abbreviates ("ISR-LLM: Iterative
    Self-Refined Large Language Model"), which names a method as often as a model."""
    after = doc[head + 1] if head + 1 < len(doc) else None
    if after is not None and not (after.lower_ in TITLE_MODEL_ENDS or after.is_space or after.is_punct and after.text not in {"-", "/"}):
        return False
    words = doc[first:head + 1]
    if any(t.lower_.endswith("ing") or t.is_lower and t.lower_ not in {"of", "and"} and "-" not in t.text for t in words):
        return False
    initials = "".join(t.text[0] for t in words if t.text[:1].isupper() and t.lower_ not in {"a", "an", "one", "the"}).upper()
    capitals = "".join(ch for ch in doc[start:end].text if ch.isupper())
    return not (len(capitals) >= 2 and (_subsequence(capitals, initials) or _subsequence(initials, capitals)))


def _subsequence(short: str, long: str) -> bool:
    """The letters of `short` appear in `long` in their order."""
    rest = iter(long)
    return all(ch in rest for ch in short)


def _introduces_name(doc: Doc, orth: list[int], k: int, ends: dict[int, int]) -> bool:
    """The head nouns from token `k` on are followed by a name ("our method Y"): they are that name's, not an apposition.
    Read by the hashes (`orth`) from the vocab's strings."""
    strings = doc.vocab.strings
    while k + 1 < len(orth) and strings[orth[k + 1]].lower() in HEAD_TYPE:
        k += 1
    return k + 1 in ends


def verb_follows(doc: Doc, orth: list[int], end: int) -> bool:
    """A verb of scoring follows the name at `end` ("..., FreqAdapt reaches 54.8 mIoU"): the name is the subject of
    its sentence, whatever long phrase opens it, not one more item of a list before the comma (read by the hashes, `orth`)."""
    strings = doc.vocab.strings
    if end < len(orth) and strings[orth[end]].lower() in SUBJECT_ADVERBS:
        end += 1
    return end < len(orth) and strings[orth[end]].lower() in SUBJECT_VERBS


def _counted_data(doc: Doc, i: int, reach: int = 1) -> bool:
    """A count at `i` (or within `reach` words of it) followed by a plural noun of data ("48K problems", "10,000 images",
    "1,000 object classes")."""
    for k in range(i, min(i + reach, len(doc) - 1)):
        if _is_count(doc[k]):
            return any(doc[j].lower_ in COUNTED_DATA for j in range(k + 1, min(k + 3, len(doc))))
    return False


def _is_count(token: Token) -> bool:
    """`token` is a number or a count in thousands or millions ("1,000", "three", "48K", "1.2M")."""
    return token.like_num or token.text[:-1].replace(".", "").isdigit() and token.text[-1] in "KkM"


def _past_last_word(doc: Doc, i: int) -> int:
    """Past "and Z" at `i` where Z is one capitalised word that ends a list ("PaiNN and Equiformer trained from
    scratch"): a clause after the list speaks of every name in it, found or not."""
    if i + 2 < len(doc) and doc[i].lower_ in {"and", "or"} and doc[i + 1].is_title and doc[i + 1].is_alpha:
        return i + 2
    return i



def _enclosed_apposition(doc: Doc, head: int, end: int) -> bool:
    """"On X the model, Y, scores": a bare "the <head>" set off by commas on both sides of the name is its apposition,
    though a phrase opens the sentence before it ("On the X dataset, Y scores" has no second comma, "In the
    simulator, Y, our agent," a preposition before the article)."""
    return (
        end < len(doc) and doc[end].text == ","
        and head > 1 and doc[head - 1].lower_ in {"the", "a", "an"}
        and doc[head - 2].lower_ not in PREPOSITIONS
    )


def _is_a(doc: Doc, orth: list[int], i: int) -> int:
    """The index after the article of "is a" / ", which is a" / "serves as a" at `i`, else 0 (the words read by their
    hashes from the vocab's strings, without a Span and its Tokens)."""
    strings = doc.vocab.strings
    if i >= len(orth) or strings[orth[i]].lower() not in IS_A_LEADS:
        return 0
    words = [strings[h].lower() for h in orth[i : i + 5]]
    for lead in (["is"], ["serves", "as"], [",", "which", "is"]):
        n = len(lead)
        if words[:n] == lead and len(words) > n and words[n] in {"a", "an"}:
            return i + n + 1
    return 0


def closes_opening_phrase(doc: Doc, comma: int) -> bool:
    """The comma at `comma` closes a phrase that opens its sentence with a preposition, at once or after a participle:
    "On the larger X benchmark, ...", "Trained only on X and Y, ...". What follows it is the sentence's subject."""
    # The words before the comma are read back to the sentence's start, the last of the sorted starts before it (the
    # doc's start, 0, where none is) or a word after a full stop, colon or semicolon, by its hash.
    starts, orth = doc.user_data[STARTS], flags.ids(doc)
    at = bisect_right(starts, comma - 1)
    first = starts[at - 1] if at else 0
    k = comma - 1
    while comma - k < 12 and k != first and orth[k - 1] not in STOPS:
        k -= 1
    if k != first and orth[k - 1] not in STOPS:
        return False  # no sentence start within reach: a long phrase, or none
    if doc[k].lower_ in OPENING_PREPOSITIONS:
        return True  # "On X, ...": `k` starts its sentence (found above), so only its word is tested, not its start again
    # "Trained only on": a participle opens the sentence, a preposition follows within two words
    return doc[k].lower_.endswith(("ed", "ing")) and any(doc[p].lower_ in {"on", "in", "across", "for", "with", "from"} for p in range(k + 1, min(k + 3, comma)))


def _opens_sentence(doc: Doc, i: int) -> bool:
    """Token `i` is a preposition that opens its sentence ("On X, ...", "In X, ...")."""
    return i >= 0 and doc[i].lower_ in OPENING_PREPOSITIONS and _starts_sentence(doc, i)


def _starts_sentence(doc: Doc, i: int) -> bool:
    """Token `i` is the first of its sentence, or follows a colon or semicolon. The sentence starts are read from
    the sorted list `kg.extract.sentences` keeps, by bisection: `Token.is_sent_end` builds three Tokens."""
    starts = doc.user_data[STARTS]
    k = bisect_left(starts, i)
    return i == 0 or k < len(starts) and starts[k] == i or doc[i - 1].text in {".", ";", ":"}

