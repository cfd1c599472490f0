"""Clauses that tell a Benchmark from an Environment: scored against references, or a world an agent acts in.

The guidelines' line: a suite whose items are scored against references
(questions, problems, test cases; accuracy, pass@k, exact match) is a
Benchmark even where agents run on it; a world an agent acts in (a
simulator, a game, an app, a robot; "where the agent interacts", "a
success rate in X") is an Environment. `kg.extract.contexts`,
`kg.extract.words_before` and `kg.extract.entity_types` read these clauses beside the head nouns and
the words before a name.
"""

from __future__ import annotations

import re

from spacy.strings import get_string_id
from spacy.tokens import Doc

from kg.extract import folding

# A sentence about agents acting makes the place they act in an Environment: "agents navigate in X", "we train agents to play X".
ACTING = re.compile(r"\b(act|acts|acting|navigat\w*|play|plays|playing|interact\w*|explor\w*|operat\w*|manipulat\w*|deploy\w*)\b", re.I)
AGENTS = re.compile(r"\b(agents?|robots?|players?|polic(y|ies))\b", re.I)
# "trained in X" where the sentence speaks of agents or of success ("a policy trained in X reaches a 73% success rate"),
# and "a success rate of 41% in X": a world the agent learns or acts in (not "models trained in X match rankings").
TRAINED_IN = re.compile(r"\btrained\s*$", re.I)
SUCCESS = re.compile(r"\bsuccess", re.I)
SUCCESS_IN = re.compile(r"success(es| rates?)?( of [\d.]+\s*%?)?\s*$", re.I)
# Words of a suite scored against references: what a clause with them reports is scored on is a Benchmark, agents or
# not ("the agent solves 41% of the problems", "pass@1 on X", "accuracy on X", "questions with reference answers").
REFERENCED = re.compile(
    r"\b(questions?|problems|test cases|unit tests|references?|ground[- ]truth|exact match|pass@\d+|accuracy|multiple-choice)\b", re.I
)
# A word every match of `REFERENCED` holds: a clause of ASCII text with none of them is answered unsearched.
folding.needs(
    REFERENCED, ("question", "problems", "test cases", "unit tests", "reference", "ground", "exact match", "pass@", "accuracy", "multiple-choice")
)
# Where a clause ends: a full stop, or a comma or "and" before a lower-case word (not "A, B and C", a list).
CLAUSE_BREAK = re.compile(r"\. |[,;] (?=[a-z])| and (?=[a-z])")
# A clause after a name that has agents act in it: "X, where the agent interacts with a simulated customer", "X, in which robots ...".
WHERE_ACTING = re.compile(r"^,\s*(where|wherein|in which)\b", re.I)
WHERE_WORDS = {"where", "wherein", "in"}
# Words right after a name that call it data, and the kinds of split: "the Union14M-L collection", "PolyRepo-Lite test split".
DATA_AFTER_NAME = {"collection", "collections"}
SPLIT_KINDS = {"test", "validation", "dev", "val", "eval", "evaluation", "training", "train", "held-out"}
SPLITS = {"set", "sets", "split", "splits", "subset", "subsets"}
# A framework of evaluation after a name, in its compound or its apposition: "X evaluation framework", "X, an automated
# benchmarking toolkit" (up to 60 characters of one phrase between), looked for only where one of its words follows.
EVALUATION_SUITE = re.compile(r"[^.;:()]{0,60}?\b(evaluation|benchmarking|assessment)\s+(frameworks?|toolkits?|protocols?|harness|platforms?)\b", re.I)
EVALUATION_IDS = {get_string_id(w) for w in ("evaluation", "Evaluation", "benchmarking", "Benchmarking", "assessment", "Assessment")}


def referenced(text: str, start: int, end: int) -> bool:
    """The clause of `text` around characters `start` to `end` scores against references: "pass@1 on X", "on X the
    agent answers 71% of the questions" ("and on Y it survives 40 episodes" is the next clause, of a world; "problems
    from A and B collections" one list)."""
    lead = max(0, start - 160)
    if not folding.may_match(REFERENCED, text[lead : end + 160]):  # the window holds the clause; most hold none of its words
        return False
    first = max((m.end() for m in CLAUSE_BREAK.finditer(text, lead, start)), default=lead)
    last = CLAUSE_BREAK.search(text, end, end + 160)
    return bool(REFERENCED.search(text, first, last.start() if last else end + 160))


def where_acting(doc: Doc, comma: int) -> bool:
    """A clause after the comma at `comma` says that agents act in the name before it: "X, where the agent interacts
    with a simulated customer", "X, in which robots stack blocks" (read to the end of the clause, at most 16 words).
    Asked only where one of `WHERE_WORDS` follows the comma."""
    clause = doc[comma : min(comma + 17, len(doc))].text.split(".")[0].split(";")[0]
    return bool(WHERE_ACTING.match(clause) and AGENTS.search(clause) and ACTING.search(clause))


def trained_in_world(before: str, agents: bool, sentence: str) -> bool:
    """"trained in X" in a sentence about agents or success: "the policy is trained in X and reaches a 73% success rate"."""
    return bool(TRAINED_IN.search(before)) and (agents or bool(SUCCESS.search(sentence)))


def evaluation_suite(doc: Doc, orth: list[int], end: int) -> bool:
    """A framework of evaluation follows the name ending at `end`: "X, the first dynamic evaluation framework for
    persona agents", "the X evaluation toolkit" (read by the token hashes first: few names have one)."""
    return not EVALUATION_IDS.isdisjoint(orth[end : end + 12]) and bool(EVALUATION_SUITE.match(doc[end : end + 12].text))
