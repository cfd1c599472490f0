"""`kg_names` over a stream of docs (`NameFinder.pipe`) finds what it finds doc by doc."""

from conftest import ABSTRACTS
from kg.extract import names, pipeline
from kg.records import Paper, paper_id


def _docs(nlp, texts):
    docs = [nlp.make_doc(text) for text in texts]
    for doc, text in zip(docs, texts):
        doc.user_data[names.TEXT] = text
    return [nlp.get_pipe("kg_sentences")(doc) for doc in docs]


def test_pipe_finds_the_names_of_each_doc_alone():
    nlp = pipeline.load()
    finder = nlp.get_pipe("kg_names")
    texts = [Paper(id=paper_id(a["title"]), title=a["title"], abstract=a["abstract"]).text for a in ABSTRACTS] * 2
    one_by_one = [finder(doc)._.kg_mentions for doc in _docs(nlp, texts)]
    piped = [doc._.kg_mentions for doc in finder.pipe(_docs(nlp, texts), batch_size=4)]
    assert piped == one_by_one and all(one_by_one)
