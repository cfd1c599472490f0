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

from spacy.tokens import Doc

from kg.extract.noun_phrases import COMPOUND_STOPS

# Adjectives that only a trained network takes: "pretrained X", "a frozen X".
TRAINED_ADJECTIVES = frozenset("pretrained pre-trained fine-tuned finetuned frozen".split())
# Verbs whose direct object is a network with weights: "we train X", "fine-tune X", "distil X into a student".
WEIGHT_VERBS = frozenset(
    "train trains retrain retrains fine-tune fine-tunes finetune finetunes distil distill distils distills "
    "initialize initializes initialise initialises".split()
)
# Participles that, with a preposition, make what follows the network used: "encoded with X", "initialised from X".
FROM_WEIGHTS = frozenset(
    "encoded embedded initialized initialised initialize initialise distilled".split()
)
FROM_WEIGHTS_PREPOSITIONS = frozenset("with by from using".split())
TUNED = frozenset("fine-tuned finetuned tuned trained pretrained pre-trained".split())
# Words after a name for what a trained network has or gives: "X weights", "X embeddings" (not "a X backbone", an
# architecture trained inside another network as often as a pretrained one).
WEIGHT_NOUNS = frozenset("weights embeddings checkpoint checkpoints".split())
# The parts of another network a trained one stands in as: "X as the backbone".
ROLES = frozenset("backbone backbones encoder encoders decoder teacher teachers generator discriminator initialization initialisation".split())
DETERMINERS = frozenset("the a an our its their".split())
# Heads of an apposition that a participle of training makes a trained checkpoint: "X, a GUI agent trained on".
AGENT_HEADS = frozenset("agent agents system systems".split())


def trained_system(doc: Doc, start: int, end: int) -> bool:
    """The words around `doc[start:end]` treat it as a trained network (see the module's docstring)."""
    if doc[end - 1].text.endswith("s") and doc[end - 1].text[-2:-1].isupper():
        return False  # "pretrained DiTs": a class of networks, not one
    i = start - 1
    while i >= 0 and doc[i].lower_ in DETERMINERS:
        i -= 1
    before = _word(doc, i)
    following = doc[end].text if end < len(doc) else ""
    if following.isalpha() and following.islower() and following not in COMPOUND_STOPS:
        before = ""  # "trains a camera-and-LiDAR policy": the name modifies the noun the verb acts on
    if before in TRAINED_ADJECTIVES or before in WEIGHT_VERBS:
        return True
    if before in FROM_WEIGHTS_PREPOSITIONS and _word(doc, i - 1) in FROM_WEIGHTS:
        return True
    if before == "from" and _word(doc, i - 1) in TUNED:
        return True  # "fine-tuned from X" (but "fine-tuned with X" names a technique as often)
    after = [t.lower_ for t in doc[end : end + 4]]
    if after[:1] and after[0] in WEIGHT_NOUNS:
        return True
    if after[:1] == ["as"]:
        k = 1 + (len(after) > 1 and after[1] in DETERMINERS)
        return len(after) > k and after[k] in ROLES
    return False


def _word(doc: Doc, i: int) -> str:
    """The lower-cased word ending at token `i`, with the part the tokenizer split off before it ("pre" "-trained")."""
    if i < 0:
        return ""
    word = doc[i].lower_
    return doc[i - 1].lower_ + word if word.startswith("-") and i > 0 else word



def trained_head(doc: Doc, k: int) -> bool:
    """The head nouns from token `k` on end in "agent" or "system" and a participle of training follows them."""
    while k + 1 < len(doc) and doc[k + 1].lower_ in AGENT_HEADS:
        k += 1
    return doc[k].lower_ in AGENT_HEADS and k + 1 < len(doc) and _word(doc, k + 1 + (k + 2 < len(doc) and doc[k + 2].text.startswith("-"))) in TUNED
