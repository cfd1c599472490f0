"""The words of synthetic papers: sentence templates with slots for names, titles, topics.

Each template is a sentence shape the extractor reads in real abstracts
("We introduce X, a framework that ...", "Experiments on A and B show ...",
"X improves the success rate of M from 4.8% to 41.0% on B"); the fillers
hold no names, so that abstracts reach a real length without planting
anything. Titles are "Name: subtitle", the subtitle being unique per paper.
"""

from __future__ import annotations

TOPICS = (
    "web agents", "embodied agents", "code agents", "mathematical reasoning", "tool use", "multi-agent cooperation",
    "robotic manipulation", "long-horizon planning", "instruction following", "theorem proving", "game playing", "GUI automation",
)
CATEGORIES = ("cs.AI", "cs.CL", "cs.LG", "cs.RO", "cs.CV", "cs.MA", "stat.ML")
HEAD = {"Model": "model", "Method": "framework", "Benchmark": "benchmark", "Environment": "interactive environment"}
WHAT = {
    "Model": ("trained on curated trajectories", "that reasons before it acts", "distilled from a larger teacher"),
    "Method": ("that decomposes tasks into verifiable steps", "that learns from its own failures", "that plans with a learned critic"),
    "Benchmark": ("of {n} tasks with executable checks", "of {n} expert-written problems", "that scores open-ended answers against references"),
    "Environment": ("in which agents solve {n} procedurally generated tasks", "where agents operate realistic applications", "with sparse rewards and long horizons"),
}
OPENERS = (
    "Large language models have made rapid progress on {topic}, yet they still struggle with tasks that require many steps.",
    "Progress on {topic} depends on agents that can plan, recover from errors and use feedback from their surroundings.",
    "Recent work on {topic} shows that strong models still fail when tasks are long, noisy or only partly observed.",
    "Despite impressive results on short tasks, current systems for {topic} remain brittle in open-ended settings.",
)
# Sentences without names, made from parts so that abstracts do not repeat each other word for word.
FILLER_SUBJECTS = ("A central difficulty", "A key obstacle", "The main challenge", "An open question", "A practical concern")
FILLER_PREDICATES = (
    "is that feedback arrives late, so credit for a good decision is hard to assign",
    "is that errors made early in an episode compound over many steps",
    "is that the space of possible actions grows quickly with the length of the task",
    "is how to reuse experience across tasks without storing every trajectory",
    "is that human demonstrations are expensive and cover few of the situations that matter",
)
FILLERS = (
    "The approach is simple to implement and adds little overhead at inference time.",
    "We analyse the failure cases and find that most errors come from wrong assumptions made early in an episode.",
    "Ablations show that each component contributes to the final performance.",
    "Moreover, the gains hold across model sizes and grow with the length of the task.",
    "Our analysis also reveals that careful data selection matters more than the amount of data.",
    "These findings suggest that structured feedback is a promising direction for {topic}.",
    "The design keeps every intermediate decision inspectable, which makes failures easy to diagnose.",
    "We further study how performance changes with the number of demonstrations and the size of the search budget.",
    "All code, data and trained checkpoints are publicly available to support future research.",
    "Beyond accuracy, the method reduces the number of environment steps by a wide margin.",
    "Qualitative examples show that the learned behaviour is interpretable and stable across random seeds.",
    "We also find that the benefit is largest on the hardest tasks, where baselines rarely succeed.",
    "Training takes less than a day on a single node, and inference needs no additional supervision.",
    "Human evaluation confirms that the generated plans are preferred in most pairwise comparisons.",
)
PROPOSE = (
    "In this paper, we propose {new}, a {head} {what}.",
    "We introduce {new}, a {head} {what}.",
    "To address this, we present {new}, a {head} {what}.",
    "This work introduces {new}, a new {head} {what}.",
)
BUILT = (
    "{ours} is built on {model}{tail}.",
    "We instantiate {ours} with {model}{tail}.",
    "Concretely, {ours} fine-tunes {model}{tail}.",
)
EVALUATE = (
    "We evaluate {ours} on {list}.",
    "Experiments on {list} show consistent improvements.",
    "Extensive experiments on {list} demonstrate the effectiveness of {ours}.",
    "We conduct experiments on {list} benchmarks.",
)
ACT = (
    "We further deploy agents that act in {list}.",
    "We also train agents to navigate in {list}.",
    "Agents trained with {ours} interact with {list} through a shared action interface.",
)
IMPROVE = (
    "{ours} improves the success rate of {model} from {low} to {high} on {arena}.",
    "Applied to {model}, {ours} raises the success rate from {low} to {high} on {arena}.",
)
VERSUS = (
    "On {arena}, {ours} achieves {score} accuracy, compared with {theirs} for {baseline}.",
    "{ours} reaches {score} accuracy on {arena}, while {baseline} reaches {theirs}.",
)
OUTPERFORM = (
    "{ours} outperforms strong baselines such as {list}.",
    "{ours} consistently surpasses {list}.",
    "Compared with {list}, {ours} solves more tasks with fewer steps.",
)
MENTION = (
    "Existing approaches such as {name} rely on hand-written heuristics that transfer poorly.",
    "Prior methods like {name} have been shown to overfit to the training tasks.",
)
SUBTITLES = ("{} {} and {} {} for {}", "{} {} with {} {} in {}", "Towards {} {} through {} {} for {}")
ADJECTIVES = (
    "Scalable Robust Efficient Grounded Reflective Verifiable Adaptive Interactive Open-Ended Compositional Sparse Dense "
    "Structured Lightweight Hierarchical Modular Iterative Faithful Generalist Continual"
).split()
NOUNS = (
    "Planning Reasoning Learning Exploration Alignment Evaluation Agents Search Training Control Memory Feedback Curricula "
    "Rewards Skills Tools Critics Demonstrations Abstractions Verification"
).split()
SUBTITLE_COUNT = len(SUBTITLES) * len(ADJECTIVES) ** 2 * len(NOUNS) ** 2 * len(TOPICS)


def subtitle(number: int) -> tuple[str, str]:
    """Paper `number`'s topic and title after the colon, different for every paper below SUBTITLE_COUNT.

    Titles must be unique, or readers merge two papers into one; the words
    are the digits of a permutation of the number, so neighbours differ.
    """
    index = number * 3_559_991 % SUBTITLE_COUNT  # a multiplier prime to the count: a permutation
    parts = []
    for words in (TOPICS, SUBTITLES, ADJECTIVES, NOUNS, ADJECTIVES, NOUNS):
        index, digit = divmod(index, len(words))
        parts.append(words[digit])
    topic, template, *words = parts
    return topic, template.format(*words, " ".join(w if w.isupper() else w.capitalize() for w in topic.split()))
GIVEN = "Ana Ben Chen Dara Eli Farah Goran Hana Ivo Jun Kira Luca Mina Nour Omar Priya Quinn Rosa Sven Tariq Uma Vera Wei Yara Zoe".split()
