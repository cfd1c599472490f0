"""Names a sentence treats as trained systems: Models by the guidelines' test.

The guidelines make a named system a Model when it is "a trained
checkpoint", and the field writes what is done only to trained networks in
a few fixed ways, whatever the network is called:
- an adjective of training before it: "pretrained X", "the frozen X";
- a verb that needs weights as its object: "we train X", "fine-tune X",
  "distil X into", "initialised from X", "encoded with X";
- a word for its weights after it: "X weights", "X embeddings";
- a part of another network it stands in as: "X as the backbone",
  "X as a teacher";
- an apposition that calls it an agent or system and says it was trained:
  "X, a GUI agent trained on 2M screenshots" (the guidelines' named agent
  that is a trained checkpoint).

"X is trained on" is not among them: a paper says it of the network it
proposes, which the guidelines' annotators type as a Method (an
architecture), and a plural acronym ("pretrained DiTs") is a class.

None of these fits a technique, a dataset or a world, so they type a name
that no list and no head noun types, in any field. `kg.extract.entity_types`
reads this only for a name that no head noun and no other context types: a
paper also trains the network it proposes ("to train X efficiently"), which
its apposition ("X, a method") calls a Method.
"""

from __future__ import annotations

import numpy
from spacy.strings import get_string_id
from spacy.tokens import Doc

from kg.extract.noun_phrases import COMPOUND_STOPS


def _ids(words: str) -> frozenset[int]:
    """The hashes of `words` as written in a sentence and at its start ("train", "Train")."""
    return frozenset(get_string_id(f) for w in words.split() for f in (w, w[:1].upper() + w[1:]))


# Adjectives that only a trained network takes: "pretrained X", "a frozen X" ("pre" "-trained" as the tokenizer splits it).
TRAINED_ADJECTIVES = _ids("pretrained pre-trained fine-tuned finetuned frozen -trained -tuned")
# Verbs whose direct object is a network with weights: "we train X", "fine-tune X", "distil X into a student".
WEIGHT_VERBS = _ids(
    "train trains retrain retrains fine-tune fine-tunes finetune finetunes distil distill distils distills "
    "initialize initializes initialise initialises"
)
# Participles that, with a preposition, make what follows the network used: "encoded with X", "initialised from X".
# "rewards from X", "rewarded by X": what gives a reward is a reward model (the guidelines' trained checkpoint).
FROM_WEIGHTS = _ids("encoded embedded initialized initialised initialize initialise distilled rewards rewarded")
FROM_WEIGHTS_PREPOSITIONS = _ids("with by from using")
FROM = get_string_id("from")
# Participles of training: "fine-tuned from X" (but "fine-tuned with X" names a technique as often).
TUNED = _ids("fine-tuned finetuned tuned trained pretrained pre-trained -tuned -trained")
# Words after a name for what a trained network has or gives: "X weights", "X embeddings" (not "a X backbone", an
# architecture trained inside another network as often as a pretrained one).
WEIGHT_NOUNS = _ids("weights embeddings checkpoint checkpoints")
AS = get_string_id("as")
# The parts of another network a trained one stands in as: "X as the backbone".
# A retriever, reader, judge or reward model is a trained network in the same way: "X as the retriever", "X as the judge".
ROLES = _ids(
    "backbone backbones encoder encoders decoder teacher teachers generator discriminator initialization initialisation "
    "retriever retrievers reader reranker judge judges verifier reward student"
)
DETERMINERS = _ids("the a an our its their")
# Heads of an apposition that a participle of training makes a trained checkpoint: "X, a GUI agent trained on".
AGENT_HEADS = _ids("agent agents system systems")
STOPS = _ids(" ".join(COMPOUND_STOPS))


def trained_system(doc: Doc, orth: numpy.ndarray, start: int, end: int) -> bool:
    """The words around `doc[start:end]` treat it as a trained network (see the module's docstring).

    `orth` is the doc's ORTH column: this runs for every name nothing else types, so it compares hashes, not strings.
    """
    n = len(orth)
    i = start - 1
    while i >= 0 and orth[i] in DETERMINERS:
        i -= 1
    before = orth[i] if i >= 0 else 0
    if end < n and doc[end].is_lower and doc[end].is_alpha and orth[end] not in STOPS:
        before = 0  # "trains a camera-and-LiDAR policy": the name modifies the noun the verb acts on
    found = (
        before in TRAINED_ADJECTIVES or before in WEIGHT_VERBS
        or i > 0 and (before in FROM_WEIGHTS_PREPOSITIONS and orth[i - 1] in FROM_WEIGHTS or before == FROM and orth[i - 1] in TUNED)
        or end < n and orth[end] in WEIGHT_NOUNS
        or end + 1 < n and orth[end] == AS and (orth[end + 1] in ROLES or end + 2 < n and orth[end + 1] in DETERMINERS and orth[end + 2] in ROLES)
    )
    if found and (last := doc[end - 1].text).endswith("s") and last[-2:-1].isupper():
        return False  # "pretrained DiTs": a class of networks, not one
    return bool(found)


def trained_head(doc: Doc, orth: numpy.ndarray, k: int) -> bool:
    """The head nouns from token `k` on end in "agent" or "system" and a participle of training follows them."""
    while k + 1 < len(orth) and orth[k + 1] in AGENT_HEADS:
        k += 1
    if orth[k] not in AGENT_HEADS or k + 1 >= len(orth):
        return False
    return orth[k + 1] in TUNED or k + 2 < len(orth) and orth[k + 2] in TUNED  # "trained", "fine" "-tuned"
