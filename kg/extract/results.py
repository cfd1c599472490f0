"""Results: absolute scores the abstract states, tied to who scored them and where.

Which numbers are scores is `result_scores`' business, and where each was
measured is `result_arenas`'; this module ties each score to who scored it,
with the rules that the words around a name decide in `result_subjects`.
A score in parentheses belongs to the name just before them: "GPT-4o (13.9%)"
is the subject's, "GSM8K (98.1%)" the benchmark's, and the name keeps the
form written there ("~1732 (PPO)" is PPO's, whatever PPO's long form); so
does a score after a name and "at" ("ahead of DREEAM at 64.2"). The subject
is the model or method named last before the score in its sentence
("improves Llama-3.1-8B from 4.8% to 42.4%"), or the one after "for" ("to
43% for GLM-4-9B", "1.61 and 2.86 for RAFT", "0.128 for the factorised
F-FNO"), or the paper's method where a base model is named "with" it
("BigGAN with AukGAN"), or, where the sentence speaks of "our"/"ours"/"it"/
"this yields"/"the gains" (not past "we find that"), the entity the paper
proposes ("our model": the model it proposes, beside its framework), else
who scored the score before in a list of "N on B" ("X scores 61.2 on A,
55.0 on B"), else the subject of the sentence's
earlier scores where "these rise" or a "while keeping ..." clause goes on
from them, else the name of the sentence before that "it" or "the encoder"
refers to (`result_names`), else, where the clause names a metric of no one
("where accuracy moves from 75.5% to 76.0%") right after a sentence with a
result, that result's subject. Names listed as the scores are pair with them
in order ("TD3 and PPO reach 61% and 43%"). Names in an opening "With ...,
", "Combined with ..., " or "Applied to ..., " phrase are tools, not
subjects, as are the names of a gerund phrase that opens the sentence
("Replacing I3D with VideoMAE lifts ...") and a name in an opening "For X, "
phrase whose clause has a subject of its own ("For CTGAN, the attack
reaches"); so is a name followed by "task", the object of a comparison ("X
matches Y with 0.158" is X's) and, in a list of compared scores, an owner
the paper does not name ("80.4 for random initialisation"); a capitalised
word after "for" there is the owner's name. Where no benchmark is named, the
benchmark is a setting the sentence names in plain words ("75.1% accuracy in
zero-shot screenshot grounding"), else the one the previous result used,
else the paper's only benchmark or environment, else the first one it
evaluates on. A benchmark here is an entity of the paper or a name after
"on"/"in" that no entity covers ("0.41 SPL on Gibson", `result_unlisted`).
An average with no benchmark before it is over the one benchmark the
sentence before names ("... on the X suite. It averages 61.2"), where no
score is on that one yet and the average is not "over the five benchmarks"
or "across them". A name compared with, its one score in parentheses
("ahead of X (72.6%)"), scored it, whatever type it was found as, on the
benchmark of the score it is compared with.
"""

from __future__ import annotations

import re

from kg.extract import folding, result_arenas, result_names, result_scores, result_sets, result_subjects, result_unlisted
from kg.extract.mentions import Mention, Sentence, norm
from kg.extract.result_subjects import (AT_SCORE, CARRIED_BY, COLON_SCORE, COMPARED_AT, COUNT_BEFORE, FOR_OWNER, HUMAN_SCORE,
                                       POSSESSIVE_SCORE, SCORES_LISTED, SUBJECT_TYPES, UNNAMED_AT, UNNAMED_FOR, UNNAMED_OWNER, WHICH_SCORES)
from kg.records import Entity, Result

ARENA_TYPES = {"Benchmark", "Environment"}
CLAUSE = re.compile(r"(;|:\s|\bwhile\b|\bwhereas\b|\bbut\b)", re.I)
# 71 of the 85 windows before a score a pass hold none of its words: `in` tests (0.05 ms) answer them, not the finditer (0.42 ms).
folding.needs(CLAUSE, (";", ":", "while", "whereas", "but"))
# "Compared with Y, X exceeds its Rank-1 (95.9% vs. 95.2%)": the name an opening phrase compares with.
COMPARED_LEAD = re.compile(r"\W*(?:compared\s+(?:with|to)|against|relative\s+to)\s+(?:the\s+)?$", re.I)
HEAD_WITH = re.compile(r"\s+with\s+(?:an?\s+|the\s+)?")
# A colon followed at once by scores: "X sets a new state of the art: 72.4% Rank-1 on A, ...".
SCORE_FIRST = re.compile(r"\s*~?\d")
# A clause of "while" and a gerund has the subject of the clause before it.
WHILE_GERUND = re.compile(r"\b(?:while|whilst)$")
GERUND_START = re.compile(r"\s+[a-z]+ing\b")
# "with RoBERTa-large these rise to 65.5 F1": "these" are the scores before.
THESE = re.compile(r"\b(?:these|they|both)\s+(?:\w+ly\s+)?(?:rise|rises|improve|grow|increase|drop|fall|reach|become)\b")
# "For CTGAN trained on Credit, the attack reaches an AUC of 0.71": the score of something the paper does not name, not CTGAN's.
FOR_LEAD = re.compile(r"^\W*for\b[^,;]*$", re.I)
ADDED_TO = re.compile(r"\s+(?:with|\+)\s+(?:our\s+)?")
# The object of a comparison, just before it: "X matches / outperforms Y with 0.158" is X's score.
COMPARED_OBJECT = re.compile(r"\b(match(es|ed|ing)?|outperform\w*|surpass\w*|beat\w*|exceed\w*|rival\w*)\s+(the\s+)?(?:[a-z][\w-]*\s+)?$", re.I)  # "matches the dense X"
# "X improves Y by 3.2 points, reaching 48.7": Y is what X is measured against, X reaches the score; not "improves Y from 4.8% to 42.4%".
IMPROVED_OBJECT = re.compile(r"\bimprov\w*\s+(?:on\s+|over\s+|upon\s+)?(?:the\s+)?$", re.I)
# "X improves over its base model, Y, from 58.6% to 71.2%": what X improves over is compared with, whatever follows.
IMPROVED_OVER = re.compile(r"\bimprov\w*\s+(?:over|upon)\s+(?:(?:its|the|their|a)\b[^,;()]{0,30},\s*)?(?:the\s+)?$", re.I)
BY_GAIN = re.compile(r"\s+by\s+~?\d")
# A clause of comparison after a score: "..., while Y reaches 74.0%" names no benchmark of its own.
WHILE_CLAUSE = re.compile(r".*\b(?:while|whereas)$", re.S)
# "the performance further improves to 47.0%": with no subject named, the paper's own work scored.
THE_PERFORMANCE = re.compile(r"(?:^\W*|\bthe )(performance|accuracy|success rate|gains|improvements)\b", re.I)  # also "Performance on B rises"
# "an average accuracy of 71.2% over the five benchmarks", "across them": an average over several, which has no one benchmark.
OVER_SEVERAL = re.compile(r"\b(?:over|across)\s+(?:them|these|those|(?:the\s+|all\s+)?(?:[\w-]+\s+)?(?:benchmarks|datasets|suites|environments))\b")
# "We find that self-generated tests are wrong in 20% of cases": the clause after "we find that" has a subject of its own.
REPORTED = re.compile(r"\b(?:we|our \w+)\s+(?:\w+ly\s+)?(?:find|found|observe|observed|show|showed|note|noted|see|saw|report|reported|confirm|confirmed)\s+that\b", re.I)


def _reported_end(text: str, start: int, end: int) -> int:
    """Where the clause in `text[start:end]` that "we find that" reports starts, or `start`."""
    found = REPORTED.search(text, start, end)
    return found.end() if found else start


# "41.8% (ours)", "(our method)": a score the parentheses give to the paper's own work.
OURS_PAREN = re.compile(r"\s*\(\s*(?:ours|our\s+(?:method|model|approach|agent|system|framework))\s*\)", re.I)
# "It achieves", "On A, it reaches": a pronoun for who scored, at the start of the clause or after its opening phrase.
IT_OPENS = re.compile(r"\W*(?:(?:On|In|Across|At|With|Using|For)\b[^,;]{1,60}?,?\s+)?(?:[Ii]t|[Ii]ts)\b")
OUR_MODEL = re.compile(r"\b(?:(?:our|the resulting|the proposed)\s+(?:[\w-]+\s+)?(?:model|checkpoint)|the resulting\s+(?:[\w-]+\s+)?(?:agent|policy))\b", re.I)
OURS = re.compile(r"\b(our|ours|we|it|its|(this|the proposed|the resulting) (approach|method|framework|model|system|agent|network)"
                  r"|the\s+(?:[\w-]+\s+){0,3}?(?:variant|version|student)\b(?!\s+of\b)"
                  r"|this(?=\s+(?:\w+ly\s+)?(?:yields?|gives?|achieves?|reaches|attains|obtains|improves|raises|boosts|brings|leads)))\b", re.I)


def _names_no_arena(scores: list[tuple[int, int, str]], index: int, arenas: list[Mention], arenas_said: dict[int, Mention | None], text: str) -> bool:
    """Whether score `index` is in a list after earlier scores of the sentence and no benchmark is named after those but theirs:
    "0.74% on A and 2.71% on B, where Y records 0.83% and 3.42%" lists Y's scores on A and B, in order."""
    first, last = result_arenas.listed(scores, index, text)
    said = {id(a) for a in arenas_said.values() if a is not None}
    return first > 0 and last > first and not any(a.start_char > scores[first - 1][1] and id(a) not in said for a in arenas)


def find(text: str, sents: list[Sentence], ents: list[Mention], entities: list[Entity]) -> list[Result]:
    """The results stated in a paper's `text` (its sentences and entity spans given), each once, in order."""
    if not result_scores.has_digit(text):
        return []  # a text with no digit states no score: one scan skips the searches for one
    first_score = result_scores.first(text)
    first_at = first_score.start() if first_score else len(text)
    # a whole number named a score before the first other score ("lowers the RMSE to 312, ... Its error is 1.21"), where
    # the text before that holds a digit (the whole text's was scanned above)
    if first_score is None or result_scores.has_digit(text, 0, first_at):
        first_score = result_scores.first_whole_score(text, first_at) or first_score
    if first_score is None:
        return []  # most abstracts state no score: one search over the text skips the rest
    canonical: dict[tuple[str, str], str] = {}  # the entities' names by type and key, made at the first name asked for
    refers_to_pair = "the former" in text or "the latter" in text  # read once: most abstracts say neither
    proposed_model = next((e.name for e in entities if e.role == "proposes" and e.type == "Model"), None)
    arena_names = {e.name for e in entities if e.type in ARENA_TYPES}
    evaluated = [e.name for e in entities if e.type in ARENA_TYPES and e.role == "evaluates_on"]
    # For a score whose sentence names no benchmark and follows no other result: the benchmark the paper introduces, else its one
    # benchmark, else the first it evaluates on ("We introduce ChartMaze, a benchmark ... The best model reaches 61.3%").
    def name(span: Mention) -> str:
        if not canonical:  # 180 of the 258 papers a run that get here ask for no name: results.find -0.9 ms CPU (median)
            canonical.update({(e.type, norm(n)): e.name for e in entities for n in (e.name, *e.aliases)})
        return canonical.get((span.label_, norm(span.id_ or span.text)), span.text)

    # the paper's own work; where entity finding took it for a benchmark, one the text says scores ("AnchorQA achieves 58.9%")
    proposed = next((e.name for e in entities if e.role == "proposes" and e.type in SUBJECT_TYPES), None) or next(
        (name(a) for a in result_names.acting([m for m in ents if m.label_ in ARENA_TYPES], text)
         if any(e.name == name(a) and e.role == "proposes" for e in entities)), None)
    introduced = next((e.name for e in entities if e.type in ARENA_TYPES and e.role == "proposes" and e.name != proposed), None)
    fallback_arena = introduced or (next(iter(arena_names - {proposed})) if len(arena_names - {proposed}) == 1 else (evaluated[0] if evaluated else None))

    subject_ents = [e for e in ents if e.label_ in SUBJECT_TYPES]

    def suite_before(number: int, scorers: list[str]) -> str | None:
        """The one benchmark the sentence before sentence `number` names, as an entity or after "on"/"in", or the one of them
        the paper evaluates on or introduces: what an average with no benchmark of its own is over, unless it is who scored or a
        score is on it already ("61.2% on A ... (Avg. 55.4%). B reaches an average of 58.9%" is over more than A)."""
        if not number:
            return None
        before = sents[number - 1]
        spans = [e for e in ents if before.start <= e.start and e.end <= before.end]
        already = {r.benchmark for r in found}
        candidates = [n for n in dict.fromkeys([name(e) for e in spans if e.label_ in ARENA_TYPES] + [m.text for m in result_unlisted.unlisted_arenas(text, before, spans)])
                      if n not in scorers and n not in already]
        tested = [n for n in candidates if n in evaluated or n == introduced]
        return candidates[0] if len(candidates) == 1 else (tested[0] if len(tested) == 1 else None)

    def is_baseline(span: Mention) -> bool:
        """Whether the paper compares against `span`: not what "It" or "the agent" refers back to."""
        return any(e.name == name(span) and e.role == "compares_to" for e in entities)

    named: dict[int, list[Mention]] = {}

    def named_before(number: int) -> list[Mention]:
        """What "It" in sentence `number` may refer to: read once per sentence, and only for a score that needs it."""
        if number not in named:
            named[number] = result_names.named_subjects(sents[number - 1], subject_ents, text) if number else []
        return named[number]

    found: list[Result] = []
    last_scored = -2  # the number of the last sentence with a result
    first_subject: dict[int, str] = {}  # who scored the first result of each sentence, by its number
    first_start = first_score.start()
    for number, sent in enumerate(sents):
        if sent.end_char <= first_start:
            continue  # nor do the sentences before the first score
        sent_text = text[sent.start_char : sent.end_char]
        numbers = result_scores.numbers(text, sent)
        if not numbers:
            continue
        in_sent = [e for e in ents if e.start >= sent.start and e.end <= sent.end]
        spans_at = [(e.start_char, e.end_char) for e in in_sent]
        scores = result_scores.scores_in(text, sent, numbers, spans_at)
        if not scores:
            continue  # nor does a sentence none of whose numbers is a score (216 of the 366 with numbers)
        actors = result_names.acting([e for e in in_sent if e.label_ in ARENA_TYPES], text)  # "DriveCF achieves": typed as a benchmark, but who scored
        acting = {id(e) for e in actors}
        sets = result_sets.named_sets(in_sent, text)  # "on the 51 datasets of TabZilla": TabZilla is scored on, not who scored
        arenas = sorted([e for e in in_sent if e.label_ in ARENA_TYPES and id(e) not in acting] + result_unlisted.unlisted_arenas(text, sent, in_sent) + sets,
                        key=lambda a: a.start_char)
        scored_on = result_sets.scored_on(arenas, text)  # the benchmarks a score may be on, sifted once per sentence
        scorers = {id(e) for e in in_sent if (e.label_ in SUBJECT_TYPES or e in actors) and e.end_char <= scores[-1][0]
                   and e not in sets and result_names.may_score(e, sent, text)}  # who may have scored, read once for all the sentence's scores
        said: dict[int, list[str]] = {}  # who scored each of the sentence's scores so far, by index
        arenas_said: dict[int, Mention | None] = {}  # where each of them was scored
        benchmarks_said: dict[int, str | None] = {}  # and the benchmark given it
        owners: list[Mention] = []  # names that own an earlier score ("against 3.42 for VITS"): not who scored the next ones
        for index, (start, end, value) in enumerate(scores):
            lead = text[sent.start_char : start]
            bounds = [sent.start_char] + ([m.end() + sent.start_char for m in folding.finditer(CLAUSE, lead)] if folding.may_match(CLAUSE, lead) else [])
            clause_start = bounds[-1]
            if len(bounds) > 1 and text[bounds[-2] : clause_start].rstrip().endswith(":") and SCORE_FIRST.match(text, clause_start) and not any(
                    id(e) in scorers and clause_start <= e.start_char < start for e in in_sent):
                clause_start = bounds[-2]  # the scores after the colon go on with X's clause
            tools = result_subjects.lead_tools(in_sent, clause_start, start, text)
            subjects = [e for e in in_sent if id(e) in scorers and clause_start <= e.start_char and e.end_char <= start and id(e) not in tools
                        and not (FOR_LEAD.match(text[clause_start : e.start_char]) and result_subjects.for_setting(e, start, scorers, in_sent, text))
                        and e not in owners]
            preference = result_scores.preference_share(text, sent.start_char, start, end)
            if preference:  # "X is preferred over Y in 68% of pairs": X's share, not Y's
                subjects = [e for e in subjects if not result_scores.PREFERRED_TO.search(text, max(clause_start, e.start_char - 30), e.start_char)]
            compared_object = None
            if len(subjects) > 1 and (COMPARED_OBJECT.search(text, clause_start, subjects[-1].start_char)
                                      or (IMPROVED_OBJECT.search(text, clause_start, subjects[-1].start_char) and BY_GAIN.match(text, subjects[-1].end_char))
                                      or IMPROVED_OVER.search(text, clause_start, subjects[-1].start_char)):
                compared_object, subjects = subjects[-1], subjects[:-1]  # "SIREN matches CL4SRec with an NDCG@10 of 0.1582": SIREN's score
            elif len(subjects) == 1 and COMPARED_OBJECT.search(text, clause_start, subjects[0].start_char) and OURS.search(text, clause_start, subjects[0].start_char):
                compared_object, subjects = subjects[0], []  # "our 8B model surpasses X on B, achieving 41.2 versus 37.9": ours, not X's
            paren = text.rfind("(", sent.start_char, start)
            versus = result_scores.VS_PAIR.match(text, paren) if paren >= 0 else None
            if not (versus and start in (versus.start(1), versus.start(2))):  # "achieving 41.2 versus 37.9", no parentheses
                versus = next(filter(None, (result_scores.VS_BARE.match(text, s[0]) for s in scores[max(0, index - 1) : index + 1])), None)
            versus = versus if versus and start in (versus.start(1), versus.start(2)) else None
            if versus and start == versus.start(2):
                compared_object = compared_object or next((e for e in in_sent if id(e) in tools and COMPARED_LEAD.match(text, clause_start, e.start_char)), None)
                subjects = [compared_object] if compared_object is not None else subjects  # "matches Y on DocVQA (94.1 vs. 94.5)": 94.5 is Y's
            if proposed and subjects and (added := next((e for e in in_sent if e.end_char <= start and name(e) == proposed
                                                         and ADDED_TO.fullmatch(text, subjects[-1].end_char, e.start_char)), None)):
                subjects[-1] = added  # "BigGAN with AukGAN obtains 9.12": the paper's method at work on a base model
            owner = None if versus else next((e for e in in_sent if result_subjects.PAREN_BEFORE.match(text[e.end_char : start])), None) or result_subjects.described_owner(in_sent, start, text)
            if owner is not None and (owner.label_ in SUBJECT_TYPES or id(owner) in acting) and name(owner) != proposed and (
                    head := next((e for e in in_sent if e.label_ in SUBJECT_TYPES and HEAD_WITH.fullmatch(text, e.end_char, owner.start_char)), None)):
                owner = head  # "Swin-T with UperNet (44.5 mIoU)": the model the component is added to scored
            owner = owner or next((e for e in in_sent if e.label_ in SUBJECT_TYPES and (
                (result_arenas.PAREN_ALIAS.match(text[end : e.start_char]) and not text.startswith(":", e.end_char)) or AT_SCORE.fullmatch(text, e.end_char, start)
                or POSSESSIVE_SCORE.fullmatch(text, e.end_char, start) or COLON_SCORE.fullmatch(text, e.end_char, start)
                or WHICH_SCORES.fullmatch(text, e.end_char, start))), None)
            close = text.find(")", end, sent.end_char)
            if owner is None and close > 0 and text[max(sent.start_char, start - 2) : start].strip().endswith("("):
                owner = next((e for e in in_sent if e.label_ in SUBJECT_TYPES and end < e.start_char and e.end_char <= close), None)  # "(31.8% of issues by GPT-4o)"
            unnamed = folding.search(UNNAMED_OWNER, text[max(sent.start_char, start - 40) : start])
            if owner is None and unnamed and not result_names.METRICS.fullmatch(unnamed.group(1)) and not COUNT_BEFORE.search(text, max(sent.start_char, start - 60), start):
                continue  # "close to recordings (4.38)": the score of something the paper does not name
            if owner is None and text.endswith("at ", sent.start_char, start) and UNNAMED_AT.search(text, max(sent.start_char, start - 60), start):
                continue
            listed = SCORES_LISTED.match(text[end : end + 60])
            skip = end + (listed.end() if listed else 0)  # "2.7% and 5.9% for a Conformer"
            following = FOR_OWNER.match(text[skip : skip + 28])  # "2.7% for a Conformer", "19.6 dB for FreeNeRF"
            after_for = [e for e in in_sent if e.label_ in SUBJECT_TYPES and following and e.start_char == skip + following.end()]
            if not after_for and (of := result_sets.PART_NEXT.match(text, end)) and (result_arenas.compared_with(scores, index, text) is not None or text.endswith("the ", sent.start_char, start)):
                after_for = [e for e in in_sent if e.label_ in SUBJECT_TYPES and e.start_char == of.end()]  # "compared to 65.1% of GPT-4o", "the 18.9% of X"
            compared = following is not None and not after_for and result_arenas.compared_with(scores, index, text) is not None
            # "up from 33.2% for Agentless": the capitalised name that a change's start is given for owns it, as in a comparison
            unlisted_for = following and not after_for and result_names.owner_after_for(
                text, skip + following.end(), sent.end_char, compared or result_scores.named_start(text[max(sent.start_char, start - 40) : start], text[end : end + 40]))
            owners += [owner] if owner is not None else after_for[:1]
            compared_name = None if owner is not None else result_names.compared_in_parentheses(text, sent.start_char, start, spans_at)
            if (proposed or found) and OURS_PAREN.match(text, end):
                names = [proposed or found[0].subject]  # "from 23.4% (GPT-4o) to 41.8% (ours)": the paper's own work
            elif owner is not None and (owner.label_ in SUBJECT_TYPES or id(owner) in acting):
                names = [result_names.written_name(owner, text) or owner.text]  # "surpasses GPT-4-Turbo (17.6%)", "from 14.2% (Whisper large-v3)"
            elif owner is None and (which := result_subjects.which_owners(scores, index, in_sent, text)):
                names = [name(e) for e in which]  # "ahead of X and Y, which reach 0.861 and 0.858"
            elif owner is None and compared_name:
                names = [compared_name]  # "above Contriever (47.5)", no entity covering Contriever
            elif after_for and not (subjects and result_names.measured_for(text, clause_start, start)):
                names = [name(after_for[0])]
            elif UNNAMED_FOR.match(text, skip, sent.end_char):
                continue  # "against 54% for a vision-only policy": the score of something the paper does not name
            elif unlisted_for and not any(a <= unlisted_for.start() < b for a, b in spans_at):
                names = [unlisted_for.group(1)]
            elif compared:
                continue  # "against 85.0 for MedCLIP and 80.4 for random initialisation": no one the paper names
            elif folding.may_match(HUMAN_SCORE, text[max(sent.start_char, start - 40) : start]) and HUMAN_SCORE.search(
                    text, max(sent.start_char, start - 40), start):
                continue  # "far below human performance of 89.0%": the score of people, whom the paper does not name
            elif (repeated := result_subjects.elliptic(scores, index, arenas, in_sent, text, said)) is not None:
                names = repeated
            elif (unlisted_subject := result_names.name_before_verb(text, sent.start_char, start, spans_at)) and not (subjects and subjects[-1].end_char > unlisted_subject.start(1)):
                names = [unlisted_subject.group(1)]  # "where Rainbow scores 0", Rainbow no entity
            elif not subjects and index - 1 in said and result_scores.LIST_LINK.match(text[scores[index - 1][1] : start]):
                names = said[index - 1]  # "Tern scores 61.2 on A, 55.0 on B and 70.3 on C": the list goes on with who scored its first
            elif subjects:
                names = [result_names.written_name(s, text) or name(s) for s in result_subjects.respectively(result_arenas.coordinated(subjects, text), scores, index, text)]
            elif WHILE_GERUND.search(text, max(sent.start_char, clause_start - 8), clause_start) and GERUND_START.match(text, clause_start) and (
                    said or (result_names.METRICS.search(text, clause_start, min(sent.end_char, end + 40)) and (earlier := [e for e in in_sent if id(e) in scorers and e.end_char <= clause_start]))):
                # "X lowers the gap from 0.091 to 0.018 while keeping an accuracy of 84.2%", "X improves FactCC by 6.2 points
                # while keeping ROUGE-L at 36.9", a metric named: X keeps it
                names = said[max(said)] if said else [name(earlier[-1])]
            elif said and THESE.search(text, clause_start, start):
                names = said[max(said)]  # "X achieves 63.2 F1; with RoBERTa-large these rise to 65.5": X's scores
            elif (own := proposed or (found[0].subject if found else None)) and (
                    OURS.search(text[_reported_end(text, clause_start, start) : start]) or THE_PERFORMANCE.search(text[clause_start:start])
                    or result_names.gerund_clause(text, sent.start_char, clause_start, start) or (versus and start == versus.start(1) and not subjects)):
                # where entity finding marked no method as proposed, the first to score is the paper's own; "our model" is the model
                # the paper proposes, where it proposes a framework and a model ("We introduce X ... and train X-7B. Our model reaches");
                # so is the first of a "vs." pair whose second is another's ("the gap is larger: 52.3% vs. 38.5% for Y")
                # "X-7B is trained with GRPO. It achieves ...": "It" is the proposed name that opens the sentence before, if one does
                # or, where none does, who scored the first result of the sentence before
                it_is = None
                if number and IT_OPENS.match(text, clause_start, start):
                    opening = result_subjects.opening_subject(sents[number - 1], subject_ents, text)
                    it_is = name(opening) if opening is not None else first_subject.get(number - 1)
                names = [proposed_model if proposed_model and OUR_MODEL.search(text, clause_start, start) else
                         it_is if any(e.name == it_is and e.role == "proposes" and e.type in SUBJECT_TYPES for e in entities) else own]
            elif referred := result_names.referred_subject(text[clause_start:start], [c for c in named_before(number) if not is_baseline(c)] or named_before(number)):
                names = [name(referred)]
            elif continued := result_names.continued_subject(sent_text, named_before(number), text):
                names = [name(continued)]
            elif found and last_scored == number - 1 and result_names.unowned_metric(text[clause_start:start]):
                # "... reaches 80.9% on B, ahead of Y (75.1%). The gains shrink on C, where accuracy moves from 75.5% to 76.0%.": the
                # subject of that sentence, who scored its first result, not the one it is compared with
                names = [first_subject[last_scored]]
            elif not subjects and (later := result_subjects.scorer_after(scores, index, in_sent, text)) is not None:
                names = [name(later)]  # "A Dice score of 0.891 on A and of 0.857 on B puts X ahead of Y": X's
            elif not subjects and (carrier := next((e for e in in_sent if e.label_ in SUBJECT_TYPES and e.end_char <= start
                                                    and CARRIED_BY.fullmatch(text, clause_start, e.start_char)), None)):
                names = [name(carrier)]  # "Agents powered by GPT-4o achieve 30.2%": GPT-4o's agents, named for it
            else:
                continue
            said[index] = names
            if owner is not None and owner.label_ in ARENA_TYPES and id(owner) not in acting:
                arena = owner
            elif refers_to_pair and (referred_arena := result_sets.former_or_latter(text, end, [e for e in ents if e.label_ in ARENA_TYPES and e.end_char < start])) is not None:
                arena = referred_arena  # "82.5 mIoU on the former and 71.0 on the latter"
            else:
                arena = ((result_arenas.paired_with_earlier(scores, index, arenas_said, text) if owner is not None or _names_no_arena(scores, index, arenas, arenas_said, text) else None)
                         or result_arenas.arena_for(scores, index, scored_on, text))
            if arena is None:  # "73.1% on ZH-EN", the split written before as "DBP15K ZH-EN"
                arena = result_arenas.split_owner(text, end, [e for e in ents if e.label_ in ARENA_TYPES and e.end_char < end])
            if arena is None and number and not arenas and "respectively" in sent_text:  # "... on A and B. X achieves 55.8 and 47.3, respectively."
                arena = result_arenas.respectively_before(scores, index, text, [e for e in ents if e.label_ in ARENA_TYPES and sents[number - 1].start <= e.start
                                                                                 and e.end <= sents[number - 1].end])
            arenas_said[index] = arena
            setting = None if arena else result_sets.setting(text, sent, start, end)
            if setting:
                benchmark = setting
            else:
                benchmark = result_sets.with_variant(arena, text, name(arena)) if arena else (
                    None if preference else found[-1].benchmark if found else fallback_arena)  # a preference test needs no benchmark
            if result_arenas.averaged_away(scores, index, arena, arenas, text, clause_start, sent.end_char):
                # "... on the 12 tasks of the Quill suite. It averages 61.2": over Quill, where no benchmark is named before it
                # and no several benchmarks are named as what it is over ("over the five benchmarks")
                benchmark = None if any(a.start_char < start for a in arenas) or OVER_SEVERAL.search(text, clause_start, sent.end_char) else suite_before(number, names)
            previous = max(benchmarks_said, default=None)  # the last score with a result, past a start of a change ("(from 27.9% for ...)")
            # "narrowly beating o1 at 79.2%, and 97.1% on B": o1's score ends the comparison, whatever list the comma seems to start
            compared_at = owner is not None and AT_SCORE.fullmatch(text, owner.end_char, start) and COMPARED_AT.search(text, max(sent.start_char, owner.start_char - 30), owner.start_char)
            if ((compared_name or compared_at or (owner is not None and (result_names.compared_owner(owner, text) or COLON_SCORE.fullmatch(text, owner.end_char, start))))
                    and previous is not None
                    and (compared_at or len(set(result_arenas.listed(scores, index, text))) == 1)
                    and not any(scores[previous][1] <= a.start_char < start and a is not arenas_said.get(previous) for a in arenas)
                    and not (arena is not None and end < arena.start_char < text.find(")", end, sent.end_char))):  # "X (76.2 on A)" is on A
                benchmark = benchmarks_said[previous]  # "an average of 75.8%, ahead of X (72.6%)": X's one score is on what it is compared with
            if (compared_to := result_arenas.compared_with(scores, index, text)) is not None and benchmark is not None and (
                    paired := result_arenas.paired_earlier(scores, index, compared_to[0], text)) in benchmarks_said and benchmarks_said[paired] is None:
                benchmark = None  # "an average MSE of 0.351 versus 0.367 for X": an average too, over no one benchmark
            if (arena is not None and sent.start_char < clause_start and arena.end_char <= clause_start and previous is not None
                    and WHILE_CLAUSE.match(text, clause_start - 9, clause_start)
                    and len(set(result_arenas.listed(scores, index, text))) == 1):  # a list pairs with "the two benchmarks"
                benchmark = benchmarks_said[previous]  # "In A, X reaches 87.5% across the B tasks, while Y reaches 74.0%": Y's on A too
            benchmarks_said[index] = benchmark
            last_scored = number
            first_subject.setdefault(number, names[0])
            for subject in names:
                result = Result(subject=subject, benchmark=benchmark, metric=result_names.metric(text, sent, start, end), value=value)
                if result not in found:
                    found.append(result)
    return found
