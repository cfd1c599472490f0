from kg.graph import build_graph, entity_key
from kg.records import Entity, Evidence, Extraction, Paper, Result, paper_id


def _extraction(title: str, entities: list[Entity], results: list[Result] = ()) -> Extraction:
    paper = Paper(id=paper_id(title), title=title, abstract="An abstract.", sources=["/data/a.txt"])
    return Extraction(paper, entities, list(results), "test/1")


def _entity(name, type_, role="uses", aliases=()):
    return Entity(name, type_, role, list(aliases), 0.8, [Evidence("An abstract.", 10, 22)])


def test_papers_entities_and_role_edges_with_evidence():
    graph = build_graph([_extraction("P one", [_entity("GSM8K", "Benchmark", "evaluates_on"), _entity("PPO", "Method")])])
    paper = paper_id("P one")
    assert graph.nodes[paper]["label"] == "Paper" and graph.nodes[paper]["title"] == "P one"
    bench = entity_key("Benchmark", "GSM8K")
    assert graph.nodes[bench] == {"label": "Benchmark", "name": "GSM8K", "aliases": []}
    edge = graph.get_edge_data(paper, bench, key="EVALUATES_ON")
    assert edge["sentence"] == "An abstract." and (edge["start"], edge["end"]) == (10, 22)
    assert edge["confidence"] == 0.8 and edge["extractor"] == "test/1"


def test_an_acronym_and_its_expansion_resolve_to_one_node_across_papers():
    graph = build_graph([
        _extraction("P one", [_entity("Reinforcement Learning from Human Feedback", "Method", aliases=["RLHF"])]),
        _extraction("P two", [_entity("RLHF", "Method")]),
        _extraction("P three", [_entity("RLHF", "Method", "mentions")]),
    ])
    methods = [n for n, d in graph.nodes(data=True) if d["label"] == "Method"]
    assert methods == [entity_key("Method", "RLHF")]
    assert graph.nodes[methods[0]]["name"] == "RLHF"
    assert graph.nodes[methods[0]]["aliases"] == ["Reinforcement Learning from Human Feedback"]
    assert graph.in_degree(methods[0]) == 3


def test_same_name_different_type_stays_two_nodes():
    graph = build_graph([_extraction("P", [_entity("MATH", "Benchmark"), _entity("Math", "Method")])])
    assert {entity_key("Benchmark", "MATH"), entity_key("Method", "Math")} <= set(graph)


def test_variants_point_to_their_base():
    graph = build_graph([_extraction("P", [
        _entity("Llama-3.1-8B", "Model"), _entity("Llama-3.1", "Model"), _entity("Llama-3.1-8B-Instruct", "Model"),
        _entity("WebArena-Lite", "Environment"), _entity("WebArena", "Environment"),
        _entity("reinforcement learning from human feedback", "Method"), _entity("reinforcement learning", "Method"),
    ])])
    variants = {(u, v) for u, v, k in graph.edges(keys=True) if k == "VARIANT_OF"}
    assert variants == {
        (entity_key("Model", "Llama-3.1-8B"), entity_key("Model", "Llama-3.1")),
        (entity_key("Model", "Llama-3.1-8B-Instruct"), entity_key("Model", "Llama-3.1-8B")),
        (entity_key("Environment", "WebArena-Lite"), entity_key("Environment", "WebArena")),
    }


def test_results_are_reachable_from_model_and_benchmark():
    graph = build_graph([_extraction(
        "P",
        [_entity("Llama-3.1-8B", "Model"), _entity("WebArena-Lite", "Environment", "evaluates_on")],
        [Result("Llama-3.1-8B", "WebArena-Lite", "success rate", "42.4%")],
    )])
    (result,) = [n for n, d in graph.nodes(data=True) if d["label"] == "Result"]
    assert graph.nodes[result]["value"] == "42.4%"
    assert graph.has_edge(entity_key("Model", "Llama-3.1-8B"), result, key="ACHIEVES")
    assert graph.has_edge(entity_key("Environment", "WebArena-Lite"), result, key="HAS_RESULT")
    assert graph.has_edge(paper_id("P"), result, key="REPORTS")


def test_building_is_deterministic():
    extractions = [_extraction(t, [_entity("PPO", "Method"), _entity("GPT-4", "Model", "compares_to")]) for t in ("A", "B")]
    one, two = build_graph(extractions), build_graph(list(reversed(extractions)))
    assert list(one.nodes(data=True)) == list(two.nodes(data=True))
    assert list(one.edges(keys=True, data=True)) == list(two.edges(keys=True, data=True))
