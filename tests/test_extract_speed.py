"""The shortcuts taken for extraction speed give what the plain computation gives."""

import gc
import multiprocessing
import re
import sys
from concurrent.futures import ProcessPoolExecutor
from functools import lru_cache
from pathlib import Path

import spacy
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.attrs import ID, IDX, IS_PUNCT, LENGTH, LIKE_NUM, ORTH
from spacy.lang.char_classes import LIST_CURRENCY, LIST_UNITS
from spacy.lang.en.lex_attrs import like_num

from kg.collector import THRESHOLDS
from kg.extract import BATCH, extract, flags, folding, lexicon, pipeline, result_names, result_scores, sentences, shapes
from kg.extract.mentions import MENTIONS_KEY, norm
from kg.records import Paper
from kg.extract.tokenizer import ADJECTIVE_ENDINGS, customize, needs, searches

SCORE_CHARS = st.text(alphabet="0123456789~.%-+± aZ_x\\", max_size=24)


@settings(max_examples=3000, deadline=None)
@given(SCORE_CHARS)
def test_first_score_is_the_first_match_of_score(text):
    expected = result_scores.SCORE.search(text)
    found = result_scores.first(text)
    assert (found and (found.span(), found.group(1))) == (expected and (expected.span(), expected.group(1)))


METRIC_TEXT = st.lists(st.sampled_from(["accuracy", "ACCURACY", "Top-1 ", "top-5 accuracy", "\u017fcore", "\u212aendall tau", "recall@20", "Recall", "mAP",
                                         "AP50", "IoU", "\u0130oU", "f1 score", "F1", "dice", "Dice ", "mask ", "chrF++", "ROUGE-L", "elo", "of", "the", "42.1%",
                                         " ", "-", "@", "(", "s", "x"]), max_size=8).map("".join)


@settings(max_examples=3000, deadline=None)
@given(METRIC_TEXT)
def test_metrics_grouped_by_first_letter_match_as_the_case_blind_alternation(text):
    pattern = result_names.METRICS.pattern
    modifiers, words = "|".join(result_names.METRIC_MODIFIERS), "|".join(result_names.METRIC_WORDS)
    plain = re.compile(rf"(?<![\w@-])((?i:{modifiers})*(?:(?i:{words})" + pattern[pattern.index("|mAPH?") :])
    assert [(m.span(), m.groups()) for m in result_names.METRICS.finditer(text)] == [(m.span(), m.groups()) for m in plain.finditer(text)]


def test_packed_bits_agree_with_the_string_decisions():
    nlp = pipeline.load()
    text = "We propose AgentGym-7B, a simulator.\nIt reaches 41.3% on WebArena-Lite (WAL) and [3] —!"
    doc = nlp.make_doc(text)
    columns = flags.columns(doc)
    spacy_columns = doc.to_array([ORTH, IDX, LENGTH, IS_PUNCT])
    assert (columns[:, :2] == spacy_columns[:, :2]).all()
    bits = columns[:, 2]
    assert ((bits >> flags.LENGTH_SHIFT) == spacy_columns[:, 2]).all()
    assert (((bits & flags.PUNCT) > 0) == (spacy_columns[:, 3] > 0)).all()
    words = [t.text for t in doc]
    assert [words[i] for i in range(len(doc)) if bits[i] & flags.SHAPE] == ["AgentGym-7B", "WebArena-Lite", "WAL"]
    assert [words[i] for i in range(len(doc)) if bits[i] & flags.CUE] == ["propose"]
    assert [words[i] for i in range(len(doc)) if bits[i] & flags.ARENA_HEAD] == ["simulator"]
    assert [words[i] for i in range(len(doc)) if bits[i] & flags.END] == [".", "!"]
    assert [words[i] for i in range(len(doc)) if bits[i] & flags.NEWLINE] == ["\n"]


def test_no_search_of_the_tokenizer_matches_a_word_of_letters_and_digits_only():
    """`kg.extract.tokenizer` answers a word of letters and digits only without its searches: each alternative of its
    patterns needs a character that is neither. Every letter and digit, alone, between two others and after a digit,
    and the words the patterns hold (units and currencies after a number, adjective endings after a hyphen) match none
    of them; and each string one of which a match of a pattern holds (`needs`) holds such a character."""
    letters = [c for c in map(chr, range(sys.maxunicode + 1)) if c.isalnum()]
    held = [w for w in (*LIST_UNITS, *LIST_CURRENCY, *ADJECTIVE_ENDINGS.split("|"), "s", "S", "nt", "e", "http", "https", "www", "com") if w.isalnum()]
    words = [*letters, *(f"a{c}b" for c in letters), *(f"{c}{c}" for c in letters), *(f"9{c}" for c in letters), *held, *(w.upper() for w in held),
             *(f"7{w}" for w in held)]
    prefix_search, suffix_search, infix_finditer, url_match = searches(spacy.blank("en"))
    for search in (prefix_search, suffix_search, url_match):
        assert [w for w in words if search(w)] == []
    assert [w for w in words if any(True for _ in infix_finditer(w))] == []
    for pattern in (_prefix_searches()[1].__self__, _suffix_searches()[1].__self__, infix_finditer.__self__, url_match.__self__):
        assert [n for n in needs(pattern) if n.isalnum()] == []


@settings(max_examples=3000, deadline=None)
@given(st.text(alphabet=".-'s’S)B9a:%+x\n…$°,;!?\"([]{}*&#_<>/", max_size=12)
       | st.sampled_from(["GPT-4-based", "LLM-as-a-judge", "model's", "X-7B.", "7B:", "tasks,", "(GPT-4)", "U.S.", "°F.", "etc...", "a;"]))
def test_the_suffix_search_by_last_character_finds_what_the_whole_pattern_finds(text):
    """`kg.extract.tokenizer` searches a string that ends in an ASCII character for the suffixes that may end in it."""
    suffix_search, whole = _suffix_searches()
    expected, found = whole(text), suffix_search(text)
    assert (found and found.span()) == (expected and expected.span())


@settings(max_examples=3000, deadline=None)
@given(st.text(alphabet="US$CA£(\"'.…-+#<>[]{}*&_~:;,!?«»“”‘’—–§%=a9 ", max_size=8)
       | st.sampled_from(["US$5", "C$", "A$1", "(GPT-4)", "...", "..x", "+5", "+a", "“quoted”", "model,", "$10", "#1", "'s"]))
def test_the_prefix_search_by_first_character_finds_what_the_whole_pattern_finds(text):
    """`kg.extract.tokenizer` searches a string that starts with an ASCII character for the prefixes that may start
    with it, and not at all where none may."""
    prefix_search, whole = _prefix_searches()
    expected, found = whole(text), prefix_search(text)
    assert (found and found.span()) == (expected and expected.span())


@lru_cache(maxsize=1)
def _prefix_searches():
    """kg's prefix search, and spaCy's."""
    nlp = spacy.blank("en")
    return searches(nlp)[0], nlp.tokenizer.prefix_search


@lru_cache(maxsize=1)
def _suffix_searches():
    """kg's suffix search, and the search of the whole pattern of its suffixes."""
    nlp = spacy.blank("en")
    suffixes = [p for p in nlp.Defaults.suffixes if not p.startswith("(?<=[0-9])(?:km")] + [
        r"(?<=[A-Z0-9+])\.", r"(?<=[A-Za-z0-9])[:;]", rf"(?<=[A-Za-z0-9+])-(?:{ADJECTIVE_ENDINGS})$"]
    return searches(nlp)[1], re.compile("|".join(p + "$" for p in suffixes if p.strip())).search


@lru_cache(maxsize=1)
def _uncached_tokenizer():
    """kg's tokenizer with its searches as they are, unkept and without the shortcut for words."""
    plain = spacy.blank("en")
    tokenizer = plain.tokenizer
    tokenizer.prefix_search, tokenizer.suffix_search, tokenizer.infix_finditer, tokenizer.url_match = searches(plain)
    tokenizer.rules = pipeline.load().tokenizer.rules
    return tokenizer


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(categories=("L", "N")), min_size=1, max_size=12)
       | st.sampled_from(["Cannot", "gonna", "Hes", "dont", "Ima", "10am", "2pm", "GPT4", "2024", "½"]))
def test_a_word_of_letters_tokenizes_as_without_the_shortcut(word):
    """Words of letters and digits only skip the affix searches (`token_match`); special cases made of letters and
    digits split as before."""
    text = f"{word} ({word}), {word}-based {word}."
    assert [t.text for t in pipeline.load().make_doc(text)] == [t.text for t in _uncached_tokenizer()(text)]


def test_like_num_is_spacy_s():
    nlp = pipeline.load()
    strings = [*flags.NUMBER_WORDS, "Three", "THIRD", "3rd", "1,000", "-2.5", "1/2", "x/y", "21st", "st", "third-party", "seven7", "±4", "~10", "ten.",
               "twenty-one", "Fif-th", "one-", "-one", "a-1st", "Non-3rd"]
    assert [flags.like_num(s) for s in strings] == [like_num(s) for s in strings]
    assert [bool(nlp.vocab[s].like_num) for s in strings] == [like_num(s) for s in strings]
    assert nlp.vocab.lex_attr_getters[LIKE_NUM] is flags.like_num


def test_the_lexeme_getters_answer_as_spacy_s():
    strings = ["model", "Model", "GPT-4o", "LLMs", "(", "),", "—", "...", "42", "4.2%", "\n", " ", "", "Ǆungla", "٣", "¿"]
    ours, theirs = pipeline.load().vocab.lex_attr_getters, spacy.blank("en").vocab.lex_attr_getters
    for attr in set(ours) - {ID}:
        assert [ours[attr](s) for s in strings] == [theirs[attr](s) for s in strings], attr


def test_packed_bits_of_words_read_from_the_tables_and_of_other_strings():
    """A new string's bits come from lookups for words and from the string tests for the rest: the same bits either way."""
    f = flags
    expected = {
        "with": f.LINK,
        "Net": f.CLOSER | f.TITLE,
        "distillation": f.CLOSER | f.TECHNIQUE,
        "Hashing": f.TECHNIQUE | f.TITLE,  # a titled technique head, capitalised
        "Network": f.ARENA_HEAD | f.TITLE,
        "plays": f.ARENA_HEAD,
        "dubbed": f.CUE,
        "et": f.ET,
        "al.": f.AL,
        "v2": f.CLOSER,
        "41%": f.NUMBER,
        "7B": f.SIZE,
        "(": f.OPEN | f.PUNCT,
        "!": f.END | f.PUNCT,
        "self-distillation": f.TECHNIQUE,
    }
    nlp = pipeline.load()
    assert {text: nlp.vocab[text].rank & 0xFFFF for text in expected} == expected
    assert all(nlp.vocab[text].rank >> f.LENGTH_SHIFT == len(text) for text in expected)


def test_packed_bits_cover_strings_the_vocab_knew_before():
    nlp = spacy.blank("en")
    nlp.vocab["Llama-3.1-8B"]  # a lexeme made before the bits are registered
    flags.register(nlp.vocab)
    assert nlp.vocab["Llama-3.1-8B"].rank & flags.SHAPE
    assert nlp.vocab["introduces"].rank & flags.CUE
    assert nlp.vocab["introduces"].rank >> flags.LENGTH_SHIFT == len("introduces")


def test_plain_sentences_have_the_bounds_of_doc_sents():
    nlp = pipeline.load()
    text = "Agents: A Survey\nWe propose X (Avg. 80.1%). It works!  Really?? Yes... \"Quoted.\" Done"
    doc = pipeline.annotator(nlp)([text])[0]
    expected = [(s.start, s.end, s.start_char, s.end_char) for s in doc.sents]
    assert len(expected) > 4
    assert [(s.start, s.end, s.start_char, s.end_char) for s in sentences.sentences(doc)] == expected


def test_the_mentions_are_read_where_spacy_keeps_them():
    doc = pipeline.load()("We propose AgentGym-7B, a simulator. It reaches 41.3% on WebArena.")
    assert doc._.kg_mentions and doc.user_data[MENTIONS_KEY] is doc._.kg_mentions


def test_span_text_is_the_span_s_text():
    nlp = pipeline.load()
    text = "Llama-3.1-8B  and\tGPT-4o (OpenAI) reach 41.3%.\nWebArena-Lite"
    doc = pipeline.annotator(nlp)([text])[0]
    for start in range(len(doc)):
        for end in range(start + 1, len(doc) + 1):
            assert flags.span_text(doc, text, start, end) == doc[start:end].text


def test_a_worker_s_pipeline_is_out_of_the_collector_s_reach_and_a_user_s_is_not():
    """kg's pool workers freeze what is alive once the pipeline is built, so full collections skip it;
    `pipeline.load` in a user's process leaves the collector alone."""
    nlp = pipeline.load()
    assert any(obj is nlp for obj in gc.get_objects())
    with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn"), initializer=pipeline.load_frozen) as pool:
        frozen = pool.submit(gc.get_freeze_count).result()
    assert frozen > 100_000


def test_extraction_raises_the_collector_s_thresholds_for_its_batches_only(monkeypatch):
    """`extract` collects rarely while it works on a batch (`kg.collector`), and the caller's code between two
    extractions, and after the last, runs with the caller's own thresholds."""
    papers = [Paper(id=f"p{n}", title=f"Zorb-{n}: a model", abstract="Zorb-7B reaches 41.3% on WebArena, ahead of GPT-4o.")
              for n in range(BATCH + 3)]
    annotate = pipeline.annotator(pipeline.load())
    during = []

    def annotating(texts):
        during.append(gc.get_threshold())
        return annotate(texts)

    monkeypatch.setattr(pipeline, "annotator", lambda nlp: annotating)
    old = gc.get_threshold()
    gc.set_threshold(500, 7, 9)
    try:
        between = [gc.get_threshold() for _ in extract(papers)]
        after = gc.get_threshold()
    finally:
        gc.set_threshold(*old)
    assert during == [THRESHOLDS, THRESHOLDS]
    assert len(between) == len(papers) and set(between) == {(500, 7, 9)} and after == (500, 7, 9)


def test_new_strings_get_every_lexeme_attribute_the_rules_read():
    nlp, blank = pipeline.load(), spacy.blank("en")
    words = ["Zorblax-9B", "zorbling", "Zorbl", "ZORB", "1,234", "ⅻ", "(", "—", "\n\n", "x2", "Ünïcödé", "e.g."]
    ours, plain = nlp.make_doc(" ".join(words)), blank.make_doc(" ".join(words))
    read = ("lower_", "is_alpha", "is_digit", "is_lower", "is_punct", "is_space", "is_title", "like_num")
    assert [[getattr(t, a) for a in read] for t in ours] == [[getattr(t, a) for a in read] for t in plain]
    assert not ours[1].is_stop and not ours[1].shape_  # computed no more: see the next test


def test_the_rules_read_no_lexeme_attribute_the_pipeline_does_not_compute():
    """`pipeline.READ_ATTRS` lists what the rules read; a rule reading another would get a blank value."""
    unread = re.compile(r"(?<!spacy)\.(?:(?:shape|prefix|suffix|norm|lang)_\b|(?:shape|prefix|suffix|lang)\b|is_(?:stop|oov|ascii|upper|quote|bracket|currency|left_punct|right_punct)\b|like_(?:url|email)\b)")
    sources = sorted(Path(pipeline.__file__).parent.glob("*.py"))
    assert len(sources) > 20
    assert [(p.name, m.group()) for p in sources for m in unread.finditer(p.read_text())] == []


def test_affix_searches_kept_per_string_split_as_the_regexes_do():
    """A doc after its first special case ("e.g.") is split by the affix regexes every time: kept answers split it the same."""
    kept, plain = spacy.blank("en"), spacy.blank("en")
    customize(kept)
    customize(plain)
    for name in ("prefix_search", "suffix_search", "infix_finditer", "url_match"):
        setattr(plain.tokenizer, name, getattr(plain.tokenizer, name).__wrapped__)
    text = "Tools (e.g., GPT-4-based agents' Llama-3.1-8B) reach 41.3%, i.e., (RLID): x~y, https://a.b/c?d=1 and 3+4... ok."
    for _ in range(3):  # the second and third read the kept answers
        assert [t.text for t in kept.make_doc(text)] == [t.text for t in plain.make_doc(text)]
    assert kept.tokenizer.suffix_search.cache_info().hits > 0


def test_needs_names_a_string_of_each_alternative():
    """`kg.extract.tokenizer.needs`: the fewest strings one item of each alternative needs, a run of literals as one."""
    assert needs(re.compile(r"(?<=a)\.(?=b)|(?:--|—)|x+y|[<>]z?")) == frozenset({".", "--", "—", "x", "<", ">"})
    assert needs(re.compile(r"\.|\d")) is None
    assert needs(re.compile(r"(?i)x")) is None
    assert needs(re.compile(r"a(?i:b)")) == frozenset({"a"})


@settings(max_examples=3000, deadline=None)
@given(st.text(alphabet="-.a1Z:/@_~,+*^<>=—–…©#%'()w", max_size=14)
       | st.sampled_from(["multi-agent", "GPT-4", "a--b", "x~y", "3+4", "https://a.b/c", "a.com", "e.g.", "1.2.3.4", "a©b"]))
def test_what_the_url_match_and_the_infix_finder_need_is_in_what_they_match(text):
    """The URL match and the infix finder answer nothing for a string that holds none of the strings they `need`: the
    tokenizer skips their searches there."""
    (url_match, url_needs), (infix_finditer, infix_needs) = _searches_and_needs()
    for found, needed in ((url_match(text), url_needs), (list(infix_finditer(text)), infix_needs)):
        assert not found or any(n in text for n in needed)


@lru_cache(maxsize=1)
def _searches_and_needs():
    """The URL match and the infix finder, uncached, each with what it needs."""
    _, _, infix_finditer, url_match = searches(spacy.blank("en"))
    return (url_match, needs(url_match.__self__)), (infix_finditer, needs(infix_finditer.__self__))


def _plain_bits(text):
    """`flags._bits` without its shortcuts: every string test asked of every string."""
    f = flags
    stem, suffix = (shapes.VARIANT_SPLIT.split(text, maxsplit=1) + [""])[:2]
    shaped = text[:1].isalnum() and not (text.isalpha() and (text.islower() or text.istitle())) and bool(
        shapes.INNER_DIGIT.match(text)
        or (shapes.is_model_checkpoint(text) and not lexicon.is_excluded(text))
        or (suffix and norm(stem) in lexicon.by_name())
        or (shapes.is_coined(text) and not lexicon.is_excluded(text))
    )
    lower = text.lower()
    return (
        f.BY_LOWER.get(lower, 0) | f.BY_TEXT.get(text, 0) | len(text) << f.LENGTH_SHIFT
        | (f.AL if lower.startswith("al") else 0)
        | (f.BY_CAPITALISED.get(lower, 0) if text[:1].isupper() else 0)
        | (f.TITLE if text.isalpha() and text.istitle() else 0)
        | (f.SHAPE if shaped else 0)
        | (f.CLOSER if f.CLOSER_TEXT.match(text) else 0)
        | (f.TECHNIQUE if f.may_be_hyphenated_term(text) else 0)
        | (f.NEWLINE if "\n" in text else 0)
        | (f.PUNCT if f.is_punct(text) else 0)
        | (f.SIZE if shapes.BARE_SIZE.match(text) else 0)
        | (f.NUMBER if f.NUMBER_TEXT.match(text) else 0)
    )


@settings(max_examples=3000, deadline=None)
@given(st.text(alphabet="aBtléÉ-'3.\n%+(x07٣", min_size=1, max_size=12)
       | st.sampled_from(["bert-base", "multi-agent", "Zero-Shot", "GPT", "LLMs", "AgentGym", "GameGen-X", "Llama-3.1-8B", "-ab-c",
                          "wav2vec", "o3-mini", "Kormo-Chat", "ROUGE-L", "DeepSeek-Prover", "Net", "llama-guard", "a--b", "x-",
                          "with", "dubbed", "dataset", "distillation", "networks", "plays", "et", "also", "Network", "Hashing",
                          "2024", "41%", "2.1", "96", "7", "٣٣", "1.5", "10.25%"]))
def test_packed_bits_are_those_of_every_test(text):
    """`flags._bits` skips the tests that cannot hold for words of letters, with hyphens or without, and reads a
    lower-case word's bits from one table: the same bits."""
    assert flags._bits(text) == _plain_bits(text)


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(["ROUGE-L", "rouge-lsum", "GTX 1080 Ti", "BLEU-4", "Table 3", "en-de", "RTX4090", "i7-8700K", "F1@5", "Mean-IoU", "TPU v4"]), st.randoms())
def test_exclusion_patterns_match_a_name_in_any_case_as_re_i_does(name, rnd):
    names, pattern = lexicon._exclusions()
    assert folding._folded(pattern) is not None  # the rows hold no capital: ASCII names take the quicker match
    cased = "".join(c.upper() if rnd.random() < 0.5 else c.lower() for c in name)
    assert lexicon.is_excluded.__wrapped__(cased) == (norm(cased) in names or bool(pattern.fullmatch(cased.strip())))
    assert lexicon.is_excluded.__wrapped__(cased)


def test_caseless_takes_only_patterns_that_match_a_lower_case_name_as_re_i_does():
    """`folding.caseless` lets a pattern match case only where re.I could not answer otherwise: today's exclusion rows
    pass (the quicker match is in use), a capital, a cased letter beyond ASCII, an escape re.I reads otherwise or a
    range holding capitals without writing one does not."""
    joined = "|".join(f"(?:{fields[1]})" for _, fields in lexicon._rows("exclusions.tsv") if fields[0] == "pattern")
    assert folding.caseless(joined)
    for pattern in (r"a→b\d+\.", "[a-z0-9]{1,2}", "[-.][-→>–]+", "[ivx]{1,4}", "[^a-c]x", r"[\-a]", "[a-]", "[-_ ]?"):
        assert folding.caseless(pattern), pattern
    for pattern in ("[0-_]x", "[A-Z]+", "ſ", "ı", "K", r"\x41", r"\u0041", "(?-i:a)", "(?-i:[a-z])", "[!-~]", "[^0-_]", r"[\.-a]", "[]-a]", "[a-c-_]", "[a-zA]"):
        assert not folding.caseless(pattern), pattern
    assert re.fullmatch("[0-_]x", "ax", re.I) and not re.fullmatch("[0-_]x", "ax")


@settings(max_examples=500, deadline=None)
@given(st.sampled_from(lexicon.model_stems()) | st.text(alphabet="aQwKeé", min_size=0, max_size=4), st.randoms(),
       st.sampled_from(["", "2.5", "-7B", "-Chat", "v2", "-Prover", "-Based", "R1", "x"]))
def test_known_family_s_first_letters_test_answers_as_its_pattern(stem, rnd, rest):
    text = "".join(c.upper() if rnd.random() < 0.5 else c for c in stem) + rest
    shapes.known_family.cache_clear()
    assert shapes.known_family(text) == bool(shapes._family()[0].match(text))


def test_the_records_extraction_makes_by_position_keep_their_field_order():
    from dataclasses import fields

    from kg.records import Entity, Evidence

    assert [f.name for f in fields(Evidence)] == ["sentence", "start", "end"]
    assert [f.name for f in fields(Entity)] == ["name", "type", "role", "aliases", "confidence", "evidence"]
    [entity] = [e for e in next(extract([Paper("x", "AgentGym", "We evaluate on WebArena.")])).entities if e.name == "WebArena"]
    assert (entity.type, entity.role, entity.aliases, entity.evidence[0].sentence) == ("Environment", "evaluates_on", [], "We evaluate on WebArena.")
    assert 0 < entity.confidence < 1 and (entity.evidence[0].start, entity.evidence[0].end) == (10, 34)
