"""The guidelines' line between a Benchmark and an Environment, read from the words around unknown names (names invented).

A suite whose items are scored against references is a Benchmark even where agents run on it; a world an agent
acts in (a simulator, a game, an app, a robot) is an Environment.
"""

from conftest import types_of


def test_a_clause_that_has_the_agent_act_in_a_name_makes_it_an_environment():
    found = types_of(
        "Agents that sell",
        "In QuorDesk, where the agent interacts with a simulated buyer over many turns, our method doubles the success rate.",
    )
    assert found.get("QuorDesk") == "Environment"
    kept = types_of("Reading charts", "We report accuracy on ChartPel, where questions ask for one value of a chart.")
    assert kept.get("ChartPel") == "Benchmark"


def test_a_policy_trained_in_a_name_with_a_success_rate_is_trained_in_a_world():
    found = types_of(
        "Kitchen robots",
        "VellaPol is trained in BrisCasa and reaches an 81% success rate on twelve kitchen tasks.",
    )
    assert found.get("BrisCasa") == "Environment"
    kept = types_of("Ranking feedback", "Rankings of models trained in TollHaven match rankings of models trained on human data.")
    assert kept.get("TollHaven") != "Environment"


def test_a_success_rate_in_a_name_is_measured_in_a_world():
    found = types_of("Web agents", "Our method reaches a success rate of 41.2% in DravVik, up from 33.5%.")
    assert found.get("DravVik") == "Environment"


def test_an_apposition_that_counts_items_of_data_makes_a_benchmark():
    found = types_of(
        "Grounding clicks",
        "We build SnarLet, 2,400 screenshots paired with reference click targets, and test on QuimDerm, an unseen "
        "collection of 2,000 clinical photographs.",
    )
    assert found.get("SnarLet") == "Benchmark"
    assert found.get("QuimDerm") == "Benchmark"


def test_what_agents_are_scored_on_against_references_is_a_benchmark():
    found = types_of(
        "Tool agents",
        "Our agents interact with tools and reach 58.2% exact match on TorVane and 71.0% pass@1 on WemBric.",
    )
    assert found.get("TorVane") == "Benchmark" and found.get("WemBric") == "Benchmark"
    kept = types_of("Web agents", "Our agents interact with live websites and complete 64.8% of tasks on HalVane.")
    assert kept.get("HalVane") == "Environment"


def test_in_a_paper_on_agents_acting_what_a_clause_scores_against_references_stays_a_benchmark():
    found = types_of(
        "Exploration bonuses for curious policies",
        "We train policies with reinforcement learning over many episodes. The policy reaches 71% accuracy on ZelPuzzle "
        "and a return of 500 on KrillRun. We also train on 40K problems drawn from the ArkMath-9K and PlumMath-CoT collections.",
    )
    assert found.get("ZelPuzzle") == "Benchmark" and found.get("PlumMath-CoT") == "Benchmark"
    assert found.get("KrillRun") == "Environment"  # the next clause speaks of returns, not of references


def test_a_collection_or_a_split_right_after_a_name_calls_it_data():
    found = types_of("Text recognition", "The KelpVox collection holds curved text, and GlyphRead reads it well.")
    assert found.get("KelpVox") == "Benchmark" and found.get("GlyphRead") == "Method"
    split = types_of("Code agents", "Scores for PolyKern test split are lower, and MarlDoc validation set is harder.")
    assert split.get("PolyKern") == "Benchmark" and split.get("MarlDoc") == "Benchmark"


def test_a_framework_of_evaluation_is_a_benchmark_and_a_framework_for_planning_is_a_method():
    found = types_of(
        "Tutors",
        "We introduce TutorMeter, the first dynamic evaluation framework for assessing tutoring agents. We also "
        "introduce TutorPlan, a planning framework for tutoring agents.",
    )
    assert found.get("TutorMeter") == "Benchmark" and found.get("TutorPlan") == "Method"
    kit = types_of("Tutors", "All agents are scored with the TutorMeter evaluation toolkit.")
    assert kit.get("TutorMeter") == "Benchmark"


def test_a_world_named_benchmark_scored_against_references_is_a_benchmark():
    found = types_of("Quizzes", "Accuracy on the QuizWorld benchmark rises to 71% with our prompting method.")
    assert found.get("QuizWorld") == "Benchmark"
    kept = types_of("Shops", "On the ShopArena benchmark, where the agent interacts with sellers, the success rate rises to 71%.")
    assert kept.get("ShopArena") == "Environment"


def test_a_capitalised_word_after_on_with_a_score_right_after_it_is_what_was_scored_on():
    found = types_of(
        "Session recommendation",
        "On KelpShop SessRank reaches a P@20 of 56.1 and on Quellby 38.7, while on Brannock it loses 2.1% to SR-GNN. "
        "It also reaches 71.2 mIoU on Area 5 of PointHall.",
    )
    assert found.get("Quellby") == "Benchmark"
    assert "Area" not in found and "Area 5" not in found  # a part's number, not a score
