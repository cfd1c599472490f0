"""`kg stats` and `kg search` on the known graph: every figure worked out by hand."""

import pytest
from typer.testing import CliRunner

from kg.cli import app
from kg.search import SearchError, search
from kg.stats import stats

runner = CliRunner(env={"NEO4J_URI": None, "KG_STORE": None})


def test_stats_counts_every_label_and_type(known):
    found = stats(known, top=4)
    assert found.labels == {"Paper": 6, "Author": 3, "Model": 5, "Method": 5, "Benchmark": 3, "Environment": 5, "Result": 3}
    assert found.relationships == {"PROPOSES": 5, "EVALUATES_ON": 8, "USES": 8, "COMPARES_TO": 5, "MENTIONS": 1,
                                   "VARIANT_OF": 2, "REPORTS": 3, "ACHIEVES": 2, "HAS_RESULT": 2, "AUTHORED": 8}
    assert (found.papers, found.entities, found.edges) == (6, 18, 44)
    assert found.top_entities == [("GPT-4o", "Model", 3), ("PPO", "Method", 3), ("WebArena", "Environment", 3), ("GSM8K", "Benchmark", 2)]
    assert found.top_authors[:2] == [("Ada Lovelace", 3), ("Grace Hopper", 3)]


def test_stats_cli_prints_the_counts(known_store):
    result = runner.invoke(app, ["stats", "-s", str(known_store), "--top", "3"])
    assert result.exit_code == 0, result.output
    assert "6 papers, 18 entities, 3 authors, 3 results, 44 edges" in result.output
    assert "GPT-4o" in result.output and "Ada Lovelace" in result.output and "GSM8K" not in result.output


def test_stats_on_a_missing_store_says_how_to_make_one(tmp_path):
    result = runner.invoke(app, ["stats", "-s", str(tmp_path / "none.db")])
    assert result.exit_code == 2 and "kg build" in result.output


@pytest.mark.parametrize("text, types, expected", [
    ("llama 3.1 8b", (), ["model:llama318b"]),                       # the name, normalised
    ("Proximal-Policy optimization", (), ["method:ppo"]),            # an alias
    ("llama", (), ["model:llama318b", "model:llama31", "model:llama3170b"]),  # contains, by papers then name
    ("gsm", ("benchmark",), ["benchmark:gsm8k"]),
    ("gsm", ("Model",), []),
    ("WebArena", (), ["environment:webarena"]),
])
def test_search_finds_names_and_aliases_exact_first(known, text, types, expected):
    assert [hit.id for hit in search(known, text, types)] == expected


def test_search_ranks_exact_before_partial_and_counts_papers(known):
    hits = search(known, "llama-3.1")
    assert [(h.name, h.exact, h.papers) for h in hits] == [("Llama-3.1", True, 1), ("Llama-3.1-8B", False, 2), ("Llama-3.1-70B", False, 1)]
    assert search(known, "llama", limit=1)[0].name == "Llama-3.1-8B"


def test_search_refuses_what_it_cannot_look_for(known):
    with pytest.raises(SearchError, match="unknown type 'Dataset'"):
        search(known, "x", ("Dataset",))
    with pytest.raises(SearchError, match="give letters or digits"):
        search(known, "--")


def test_search_cli(known_store):
    result = runner.invoke(app, ["search", "cot", "-s", str(known_store)])
    assert result.exit_code == 0, result.output
    assert "chain-of-thought" in result.output and "CoT" in result.output and "1 hit(s)" in result.output
    bad = runner.invoke(app, ["search", "x", "--type", "Dataset", "-s", str(known_store)])
    assert bad.exit_code == 2 and bad.output.startswith("error: unknown type 'Dataset'")
