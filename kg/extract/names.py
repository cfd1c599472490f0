"""`kg_names`: the spaCy component that finds entity names and their types.

Names come from four places, in order of trust: the curated lexicon
(PhraseMatcher), model checkpoints by shape (`Llama-3.1-8B`, extended over
a following version or variant word: `Claude 3.5 Sonnet`), names a cue
introduces ("dubbed X", "a benchmark called X", the title's lead name
"X: ...", an acronym's definition "Long Form (LF)"), and coined shapes
(`AgentGym`, `GAIA`). The type of a name not in the lexicon is read from
the head noun beside it ("the X benchmark", "X, a framework", "on X and Y
datasets"), then from its own shape (`...Bench`, `...Gym`), else Method.
Each entity span gets `id_` = the name it is grouped under and
`_.kg_origin` = where it came from (confidence and roles read it).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from kg.extract import lexicon, shapes
from kg.records import norm

Span.set_extension("kg_origin", default="shape", force=True)

HEADS = {
    "Benchmark": "benchmark benchmarks dataset datasets corpus corpora leaderboard test-set testset suite",
    "Environment": "environment environments simulator simulators simulation game games platform world worlds arena sandbox gym playground testbed",
    "Model": "model models llm llms checkpoint checkpoints vlm vlms",
    "Method": "framework frameworks method methods approach approaches algorithm algorithms technique techniques strategy "
    "agent agents system systems pipeline pipelines module modules architecture architectures paradigm mechanism planner "
    "scheme prompting toolkit library optimizer",
}
HEAD_TYPE = {word: type_ for type_, words in HEADS.items() for word in words.split()}
# Name-internal cues for names no head noun types.
INTERNAL = (
    ("Environment", re.compile(r"(Gym|World|Arena|Env|Sim|Craft|Town|Game)(-[\w.]+)?$|Gym|World|Arena")),
    ("Benchmark", re.compile(r"(Bench|bench|QA|Eval|Set|Data|Dataset|Corpus)(-[\w.]+)?$|-\d+K$")),
    ("Model", re.compile(r"(GPT|LM|BERT|LLaMA|Llama|Diffusion)(-[\w.]+)?$")),
)
NAMING_CUES = {"named", "called", "dubbed", "termed", "coined", "namely", "entitled"}
PROPOSE_VERBS = {"propose", "proposes", "introduce", "introduces", "present", "presents", "develop", "develops", "release", "releases"}
CONNECTORS = {"of", "and", "for", "with", "&", "in", "the", "to", "via", "on", "from"}
COORDINATION = {",", "and", "or", "&", "/"}
TITLE_LEAD_WORDS = {"survey", "review", "position", "tutorial", "overview", "perspective", "towards", "toward", "beyond", "rethinking", "benchmarking"}
VARIANT_MODIFIERS = set(
    "offline online hybrid hierarchical inverse deep conditional automatic interactive decentralized decentralised centralized "
    "centralised distributed federated continual contrastive bayesian cartesian supervised unsupervised semi-supervised "
    "self-supervised multi-agent in-context few-shot model-based model-free off-policy on-policy goal-conditioned "
    "multi-turn single-turn tree-based".split()
)
# Long forms ending in these words name metrics and tasks, not entities ("Task Success Rate (TSR)").
NON_ENTITY_HEADS = set(
    "rate rates score scores accuracy metric metrics error loss navigation tracking detection recognition segmentation "
    "classification answering understanding summarization translation dialogue dialog interaction intelligence".split()
)
# Where a variant's suffix starts: `WebArena-Lite`, `AIME'24`.
VARIANT_SPLIT = re.compile(r"(?<=\w)['-]")
ORIGIN_RANK = {"lexicon": 0, "checkpoint": 1, "variant": 2, "title": 3, "definition": 4, "cue": 5, "shape": 6}


@dataclass
class Candidate:
    start: int
    end: int
    origin: str
    label: str | None = None
    key: str | None = None


def _lexicon_matchers(nlp: Language) -> tuple[PhraseMatcher, PhraseMatcher, dict[str, lexicon.Term]]:
    """Case-insensitive patterns for lower-case and multi-word terms, exact ones for cased single names.

    `MATH` the benchmark must not match "math"; `reinforcement learning`
    must match "Reinforcement Learning" in a title.
    """
    lower, exact = PhraseMatcher(nlp.vocab, attr="LOWER"), PhraseMatcher(nlp.vocab, attr="ORTH")
    by_id = {}
    for number, term in enumerate(lexicon.load()):
        by_id[str(number)] = term
        for name in dict.fromkeys(v for n in (term.name, *term.aliases) for v in _spellings(n)):
            words = name.split()
            titled = len(words) > 1 and all(w[:1].isupper() or not w[:1].isalpha() for w in words)
            titled = titled and not any(shapes.CAMEL.search(w) or w.isupper() for w in words)  # `StarCraft II` matches "Starcraft II"
            marked = len(words) == 1 and any(ch.isdigit() or ch == "-" for ch in name)
            # A CamelCase name is no English word in any case: "Webshop", "Alfworld" are `WebShop`, `ALFWorld`.
            marked = marked or (len(words) == 1 and len(name) >= 6 and bool(shapes.CAMEL.search(name)) and not name[1:].isupper())
            if name == name.lower() or (len(words) > 1 and not titled) or marked:
                lower.add(str(number), [nlp.make_doc(name.lower())])
                if name != name.lower():
                    lower.add(str(number), [nlp.make_doc(name)])
            else:
                exact.add(str(number), [nlp.make_doc(name)])
    return lower, exact, by_id


def _extend_variant(doc: Doc, start: int) -> int:
    """Start of a named variant of a technique: "offline model-based reinforcement learning", "multi-turn RL".

    The guidelines count a paradigm's named variants as entities of their
    own; the established modifiers below make one, ordinary adjectives
    ("adaptive", "efficient", "cross-domain") do not.
    """
    while start > 0:
        word = doc[start - 1]
        if word.lower_ in VARIANT_MODIFIERS:
            start -= 1
        else:
            break
    return start


SPELLINGS = (("fine-tun", "finetun"), ("pre-train", "pretrain"), ("behavior", "behaviour"), ("optimization", "optimisation"), ("modeling", "modelling"))


def _spellings(name: str) -> list[str]:
    """`name` and its common other spellings: "fine-tuning"/"finetuning", "behavior"/"behaviour"."""
    forms = [name]
    for a, b in SPELLINGS:
        forms += [f.replace(a, b) for f in forms if a in f] + [f.replace(b, a) for f in forms if b in f]
    return forms


def _is_titled(token) -> bool:
    return token.text[:1].isupper() or shapes.is_coined(token.text)


def _titled_run(doc: Doc, start: int, limit: int = 6) -> int:
    """End of the run of capitalised words from `start` ("Meta Agent Search"), connectors allowed inside."""
    end = start
    i = start
    while i < len(doc) and i - start < limit:
        token = doc[i]
        if _is_titled(token) and not token.is_punct:
            end = i + 1
        elif token.lower_ not in CONNECTORS or i == start:
            break
        i += 1
    return end


def _acronym_long_form(doc: Doc, paren: int) -> int | None:
    """Start of the long form that `doc[paren+1]`, the acronym in parentheses, abbreviates.

    Words whose initials spell the acronym win ("Proximal Policy
    Optimization (PPO)"); else the shortest span whose letters contain it
    in order from a word start (Schwartz & Hearst, 2003: "Generative
    Pretrained Transformer (GPT)", "Decomposition of thought (DotaMath)").
    """
    short = doc[paren + 1].text
    letters = "".join(ch.lower() for ch in short if ch.isalnum())
    if short.endswith("s") and short[:-1].isupper():
        letters = letters[:-1]
    if len(letters) < 2 or not short[0].isalpha():
        return None
    starts = []
    for start in range(paren - 1, max(paren - len(letters) - 4, 0) - 1, -1):
        if doc[start].is_punct and doc[start].text not in "-/":
            break
        starts.append(start)
    starts = [start for start in starts if doc[start].lower_ not in CONNECTORS]
    for start in starts:
        words = [w for w in re.split(r"[\s\-/]+", doc[start:paren].text.lower()) if w]
        initials = "".join(w[0] for w in words)
        content = "".join(w[0] for w in words if w not in CONNECTORS)
        if letters in (initials, content):
            return start
    for start in starts:
        long_form = doc[start:paren].text.lower()
        if long_form[0] != letters[0]:
            continue
        i, j = len(letters) - 1, len(long_form) - 1
        while i >= 0 and j >= 0:
            if long_form[j] == letters[i] and (i > 0 or j == 0 or not long_form[j - 1].isalnum()):
                i -= 1
            j -= 1
        if i < 0:
            return start
    return None


def _head_type(doc: Doc, start: int, end: int, ends: dict[int, int]) -> str | None:
    """The type a head noun beside the name gives it: "X benchmark", "X, a framework", "the environment X"."""
    i = end
    while i < len(doc) and doc[i].text in COORDINATION and i + 1 in ends:
        i = ends[i + 1]
    if i < len(doc) and (t := HEAD_TYPE.get(doc[i].lower_)):
        return t
    if i + 1 < len(doc) and doc[i].text in {"-", "–"} and (t := HEAD_TYPE.get(doc[i + 1].lower_)):
        return t
    described = i + 2 < len(doc) and doc[i].text in {",", "(", ":"} and doc[i + 1].lower_ in {"a", "an", "the", "our"}
    if described or (i + 1 < len(doc) and doc[i].text == ":" and start == 0):
        # "X, a framework", and the title's "X: Multi-Agent RL Environments in JAX"
        for token in doc[i + 1 + described : min(i + 10, len(doc))]:
            if (t := HEAD_TYPE.get(token.lower_)) and (described or t in {"Benchmark", "Environment"}):
                return t
            if token.is_punct and token.text != "," or token.lower_ in {"that", "which", "for", "of", "to", "with"}:
                break
    j = start - 1
    while j >= 0 and doc[j].lower_ in NAMING_CUES | {"as", ",", '"', "“"}:
        j -= 1
    return HEAD_TYPE.get(doc[j].lower_) if j >= 0 else None


EVALUATION_WORDS = re.compile(r"\b(datasets?|benchmarks?|experiments?|evaluat\w*|results?|state-of-the-art|outperform\w*|performance|achiev\w*)\b", re.I)
# Words just before "on X" that make X what is trained or tested on: "pretrained on X", "accuracy on X".
TRAINED_OR_TESTED = re.compile(
    r"\b((pre-?)?train\w*|fine-?tun\w*|evaluat\w*|test\w*|benchmark\w*|accuracy|performance|results?|scores?|experiments?|validat\w*|assess\w*)\b(?!.*[.;:])",
    re.I,
)
# A sentence about agents acting makes the place they act in an Environment: "agents navigate in X", "we train agents to play X".
ACTING = re.compile(r"\b(act|acts|acting|navigat\w*|play|plays|playing|interact\w*|explor\w*|operat\w*|manipulat\w*)\b", re.I)
AGENTS = re.compile(r"\b(agents?|robots?|players?|polic(y|ies))\b", re.I)
NOT_ARENA_BEFORE = {"based", "built", "relies", "rely", "focus", "focuses", "depend", "depends", "conditioned", "runs", "run", "deployed"}
# Verbs whose object, when it carries a version or size (`Aya-101`), is a model: "distil from Aya-101".
MODEL_VERBS = {
    "fine-tune", "fine-tunes", "fine-tuned", "fine-tuning", "finetune", "finetunes", "finetuned", "distil", "distill", "distils",
    "distills", "distilled", "outperform", "outperforms", "outperforming", "surpass", "surpasses", "surpassing", "initialize", "initialise",
}


LIST_INTRO = ({"such", "as"}, {"including"}, {"like"}, {":"}, {"namely"}, {"e.g."}, {"e.g.", ","})


def _list_head_type(doc: Doc, i: int) -> str | None:
    """The type of the head noun that introduces a list: "datasets such as X and Y", "five new benchmarks: A, B"."""
    j = i
    while j > 0 and doc[j - 1].lower_ in {"such", "as", "including", "like", ":", "namely", "e.g.", ","}:
        j -= 1
    if j == i or {t.lower_ for t in doc[j:i]} - {","} not in [w - {","} for w in LIST_INTRO]:
        return None
    for token in reversed(doc[max(0, j - 3) : j]):
        if t := HEAD_TYPE.get(token.lower_):
            return t if t in {"Benchmark", "Environment"} else None
        if token.is_punct:
            break
    return None


def _context_type(doc: Doc, start: int, starts_by_end: dict[int, int], text: str) -> str | None:
    """The type the words before a coined name give it.

    A name listed after "on"/"across" in a sentence about training or
    evaluation is what was trained or tested on ("results on X, Y and Z",
    "pretrained on X"): a Benchmark, or an Environment where the sentence is
    about agents acting in it; "agents navigate in X" is an Environment; a
    name with a version after "fine-tune"/"distil from"/"outperforms" is a
    Model (`Aya-101`).
    """
    i = start
    while True:
        j = i
        while j > 0 and doc[j - 1].text in COORDINATION:
            j -= 1
        if j == i or j not in starts_by_end:
            break
        i = starts_by_end[j]
    if i == 0:
        return None
    if (t := _list_head_type(doc, i)) is not None:
        return t
    while i > 1 and doc[i - 1].lower_ in {"both", "the", "all", "two", "three", "four", "five", "several"}:
        i -= 1  # "results on both R2R and RxR"
    sent_start = max(0, text.rfind(". ", 0, doc[start].idx))
    sent_end = text.find(". ", doc[start].idx)
    sentence = text[sent_start : sent_end if sent_end > 0 else None]
    before = text[max(sent_start, doc[i - 1].idx - 60) : doc[i - 1].idx]
    word = doc[i - 1].lower_
    verb = doc[i - 2].lower_ if word == "from" and i > 1 else word
    if verb in MODEL_VERBS and any(ch.isdigit() for ch in doc[start].text):
        return "Model"
    acting = bool(AGENTS.search(sentence) and ACTING.search(sentence))
    if word == "in":
        return "Environment" if ACTING.search(before[-25:]) and AGENTS.search(sentence) else None
    if word in {"play", "plays", "playing", "explore", "explores", "exploring", "navigate", "navigates", "navigating"}:
        return "Environment" if AGENTS.search(sentence) else None  # "agents play NetHack"
    if word not in {"on", "across", "over"} or (i > 1 and doc[i - 2].lower_ in NOT_ARENA_BEFORE):
        return None
    if EVALUATION_WORDS.search(sentence) or TRAINED_OR_TESTED.search(before):
        return "Environment" if acting else "Benchmark"
    return None


def _internal_type(text: str) -> str | None:
    for type_, pattern in INTERNAL:
        if pattern.search(text):
            return type_
    return None


class NameFinder:
    def __init__(self, nlp: Language):
        self.lower, self.exact, self.terms = _lexicon_matchers(nlp)
        self.lexicon_names = {norm(n): term for term in lexicon.load() for n in (term.name, *term.aliases)}

    def __call__(self, doc: Doc) -> Doc:
        found = self._lexicon(doc)
        covered = {i for c in found for i in range(c.start, c.end)}
        found += self._shapes(doc, covered)
        found += self._cued(doc)
        found += self._title_lead(doc)
        found = self._definitions(doc, found)
        found = _non_overlapping(found)
        found = _non_overlapping(found + self._repeats(doc, found))
        found = self._sized(doc, found)
        found += self._size_list(doc, found)
        self._type(doc, found)
        doc.ents = self._spans(doc, found)
        return doc

    def _lexicon(self, doc: Doc) -> list[Candidate]:
        found = []
        for match_id, start, end in [*self.lower(doc), *self.exact(doc)]:
            term = self.terms[doc.vocab.strings[match_id]]
            extended = self._extend_model(doc, end) if term.type == "Model" else end
            first = _extend_variant(doc, start) if term.type == "Method" else start
            # An extended name (`Claude 3.5 Sonnet`, `multi-turn RL`) is its own entity, not the lexicon's.
            found.append(Candidate(first, extended, "lexicon", term.type, term.name if (first, extended) == (start, end) else None))
        return found

    @staticmethod
    def _extend_model(doc: Doc, end: int) -> int:
        """`Claude 3.5 Sonnet`, `Llama 3.1 8B`, `GPT-4 Turbo`: the family's name with what follows."""
        while end < len(doc) and (shapes.VERSION.match(doc[end].text) or doc[end].text in shapes.VARIANT_WORDS):
            if doc[end].text.isdigit() and len(doc[end].text) > 2:
                break
            end += 1
        return end

    def _shapes(self, doc: Doc, covered: set[int]) -> list[Candidate]:
        found = []
        for token in doc:
            text = token.text
            if token.i in covered or not text[:1].isalnum() or (text.isalpha() and (text.islower() or text.istitle())):
                continue  # most tokens are plain words
            if shapes.is_model_checkpoint(text) and not lexicon.is_excluded(text):  # `ROUGE-L` has a checkpoint's shape
                origin = "checkpoint" if shapes.known_family(text) else "shape"
                found.append(Candidate(token.i, self._extend_model(doc, token.i + 1), origin, "Model"))
                continue
            if shapes.INNER_DIGIT.match(text) and token.i + 1 < len(doc) and shapes.RELEASE.match(doc[token.i + 1].text):
                found.append(Candidate(token.i, token.i + 2, "shape", "Model"))  # `wav2vec 2.0`
                continue
            stem, suffix = (VARIANT_SPLIT.split(text, maxsplit=1) + [""])[:2]
            base = self.lexicon_names.get(norm(stem)) if suffix else None
            if base and base.type != "Model" and suffix[:1].isupper() or base and suffix[:1].isdigit():
                # `WebArena-Lite`, `AIME'24`: a variant of a known entity, of its type.
                found.append(Candidate(token.i, token.i + 1, "variant", base.type))
            elif shapes.is_coined(text) and not lexicon.is_excluded(text):
                end = self._extend_model(doc, token.i + 1) if _internal_type(text) == "Model" else token.i + 1
                found.append(Candidate(token.i, end, "shape", "Model" if end > token.i + 1 else None))
        return found

    def _cued(self, doc: Doc) -> list[Candidate]:
        """Names after "named", "called", "dubbed (as)", and after "we propose/introduce" when capitalised."""
        found = []
        for token in doc:
            cue = token.lower_ in NAMING_CUES
            propose = token.lower_ in PROPOSE_VERBS and token.i > 0 and doc[token.i - 1].lower_ in {"we", "paper", "work", "study"}
            if not (cue or propose):
                continue
            i = token.i + 1
            while i < len(doc) and doc[i].lower_ in {"as", '"', "“", "'", "‘", "it", "them"} | ({"the"} if propose else set()):
                i += 1
            if i >= len(doc) or not _is_titled(doc[i]) or doc[i].lower_ in {"a", "an", "we", "our", "this", "it"}:
                continue
            end = _titled_run(doc, i, limit=6)
            quoted = doc[i - 1].text in {'"', "“", "'", "‘"}
            follows = doc[end].text if end < len(doc) else "."
            if propose and not quoted and not (follows in {",", "(", ":", ".", ";"} or follows.lower() in HEAD_TYPE):
                continue
            if not lexicon.is_excluded(doc[i:end].text):
                found.append(Candidate(i, end, "cue"))
        return found

    def _title_lead(self, doc: Doc) -> list[Candidate]:
        """The name before the title's colon, as in "DotaMath: Decomposition of Thought ..."."""
        for token in doc[:8]:
            if token.text in {":", "--", "—"} and token.i > 0:
                return self._lead(doc[0 : token.i])
            if "\n" in token.text_with_ws:
                break
        return []

    def _lead(self, lead: Span) -> list[Candidate]:
        """A lead of one name, or of two or three capitalised words that are not a phrase about a class.

        "Generative Agents: ..." and "Motion Avatar: ..." name what the paper
        builds; "Large Action Models: ...", "From Persona to Personalization: ..."
        and "Towards General Computer Control: ..." do not.
        """
        words = [t for t in lead if not t.is_space]
        if not words or "\n" in lead.text or words[0].lower_ in TITLE_LEAD_WORDS | CONNECTORS | {"is", "are", "can", "do", "does", "how", "what", "why", "when"}:
            return []
        if len(words) == 1:
            ok = _is_titled(words[0]) or shapes.is_coined(words[0].text)
        else:
            ok = len(words) <= 3 and all(_is_titled(t) or t.lower_ in CONNECTORS for t in words)
            ok = ok and words[-1].lower_ not in HEAD_TYPE and not words[-1].text.endswith(("ing", "ed"))
        if not ok or lexicon.is_excluded(lead.text) or any(t.is_punct and t.text not in "-" for t in words):
            return []
        if len(words) > 1 and lead.text.lower() not in lead.doc.text[lead.end_char :].lower():
            return []  # a phrase of plain words is a name only if the abstract uses it again
        return [Candidate(lead.start, lead.end, "title")]

    def _definitions(self, doc: Doc, found: list[Candidate]) -> list[Candidate]:
        """Join "Long Form (LF)": one entity under its long form, with the acronym as alias.

        An acronym whose long form is an ordinary lower-case phrase that
        no cue proposes ("interactive digital agents (IDAs)") is a
        generic class or a concept, so it is dropped.
        """
        by_start = {c.start: c for c in found}
        drop: set[int] = set()
        added = []
        title_names = {norm(doc[c.start : c.end].text) for c in found if c.origin == "title"}
        text = doc.text
        for token in doc[:-2]:
            if token.text != "(" or doc[token.i + 2].text != ")":
                continue
            short = by_start.get(token.i + 1)
            start = _acronym_long_form(doc, token.i)
            if start is None or short is None:
                continue
            long_form = doc[start : token.i]
            inner = [c for c in found if c.start >= start and c.end <= token.i]
            known = [c for c in inner if c.origin == "lexicon" and c.start == start and c.end == token.i]
            if known:
                short.label, short.key, short.origin = known[0].label, known[0].key, "lexicon"
                continue
            titled = all(_is_titled(t) or t.lower_ in CONNECTORS or t.text in "-/" for t in long_form)
            sent_text = text[max(0, text.rfind(". ", 0, token.idx)) : token.idx].lower()
            proposed = bool(re.search(r"\b(we|our|this (paper|work))\b.*\b(propos|introduc|present|develop|call|name|dub|term)", sent_text))
            if (
                lexicon.is_excluded(long_form.text)
                or lexicon.is_excluded(short.key or doc[short.start].text)
                or long_form[-1].lower_ in NON_ENTITY_HEADS
            ):
                drop.add(id(short))
            elif titled or proposed or norm(long_form.text) in title_names:
                key = long_form.text
                short.key, short.origin = key, "definition"
                drop.update(id(c) for c in inner)
                added.append(Candidate(start, token.i, "definition", short.label, key))
            elif short.origin == "shape":
                drop.add(id(short))
        # Later mentions of a defined acronym ("HSC learns ...") belong to the same entity.
        defined = {doc[c.start].text: c for c in found if c.origin in {"definition", "lexicon"} and c.key and c.end - c.start == 1}
        for c in found:
            twin = defined.get(doc[c.start].text) if c.end - c.start == 1 else None
            if twin and c.origin == "shape":
                c.key, c.label, c.origin = twin.key, twin.label, twin.origin
        return [c for c in found if id(c) not in drop] + added

    @staticmethod
    def _repeats(doc: Doc, found: list[Candidate]) -> list[Candidate]:
        """Other mentions of a name a cue introduced: "Clicker: ..." in the title, then "Clicker achieves 46.6"."""
        cued = {}
        for c in found:
            if c.origin in {"title", "cue", "definition"}:
                cued.setdefault(tuple(t.text for t in doc[c.start : c.end]), c)
        added = []
        if not cued:
            return added
        texts = [t.text for t in doc]
        for words, c in cued.items():
            n = len(words)
            for i, text in enumerate(texts):
                if text == words[0] and i != c.start and tuple(texts[i : i + n]) == words:
                    added.append(Candidate(i, i + n, c.origin, c.label, c.key))
        return added

    @staticmethod
    def _sized(doc: Doc, found: list[Candidate]) -> list[Candidate]:
        """A name followed by a parameter count is a checkpoint: "Mistral 7B", "Lingma SWE-GPT 72B"."""
        starts = {c.start for c in found}
        for c in found:
            if c.end < len(doc) and c.end not in starts and shapes.BARE_SIZE.match(doc[c.end].text) and c.label in {None, "Model", "Method"}:
                c.end, c.label, c.key = c.end + 1, "Model", None
        return found

    def _size_list(self, doc: Doc, found: list[Candidate]) -> list[Candidate]:
        """"AgentLM-7B, 13B, and 70B" gives AgentLM-13B and AgentLM-70B too."""
        added = []
        for c in found:
            if c.label != "Model" or c.end - c.start != 1:
                continue
            stem, _, size = doc[c.start].text.rpartition("-")
            if not stem or not shapes.BARE_SIZE.match(size):
                continue
            i = c.end
            while i + 1 < len(doc) and doc[i].text in COORDINATION | {"and"}:
                while i < len(doc) and doc[i].text in COORDINATION:
                    i += 1
                if i < len(doc) and shapes.BARE_SIZE.match(doc[i].text):
                    added.append(Candidate(i, i + 1, "checkpoint", "Model", f"{stem}-{doc[i].text}"))
                    i += 1
                else:
                    break
        return added

    def _type(self, doc: Doc, found: list[Candidate]) -> None:
        """Give each untyped name the type its mentions' head nouns vote for, else its shape's, else Method."""
        ends = {c.start: c.end for c in found}
        starts_by_end = {c.end: c.start for c in found}
        text = doc.text
        votes: dict[str, dict[str, int]] = {}
        for c in found:
            if c.label is None or c.origin in {"title", "definition", "cue"}:
                t = _head_type(doc, c.start, c.end, ends) or _context_type(doc, c.start, starts_by_end, text)
                if t:
                    votes.setdefault(norm(c.key or doc[c.start : c.end].text), {}).setdefault(t, 0)
                    votes[norm(c.key or doc[c.start : c.end].text)][t] += 1
        for c in found:
            if c.label is not None and c.origin not in {"title", "definition", "cue"}:
                continue
            name = c.key or doc[c.start : c.end].text
            counts = votes.get(norm(name))
            internal = _internal_type(name)
            if internal == "Environment":
                c.label = internal  # an agent benchmark built around a world (`BoxingGym`) is an Environment
            elif counts:
                c.label = max(counts, key=lambda t: (counts[t], t))
            elif c.label is None:
                c.label = _internal_type(name) or "Method"

    def _spans(self, doc: Doc, found: list[Candidate]) -> list[Span]:
        spans = []
        for c in sorted(found, key=lambda c: c.start):
            span = Span(doc, c.start, c.end, label=c.label, span_id=c.key or doc[c.start : c.end].text)
            span._.kg_origin = c.origin
            spans.append(span)
        return spans


def _non_overlapping(found: list[Candidate]) -> list[Candidate]:
    """Longest names first, then the more trusted origin; a token belongs to one name."""
    taken: set[int] = set()
    kept = []
    for c in sorted(found, key=lambda c: (-(c.end - c.start), ORIGIN_RANK[c.origin], c.start)):
        tokens = set(range(c.start, c.end))
        if not tokens & taken:
            kept.append(c)
            taken |= tokens
    return sorted(kept, key=lambda c: c.start)


@Language.factory("kg_names")
def make_name_finder(nlp: Language, name: str) -> NameFinder:
    return NameFinder(nlp)
