// The kg graph in the embedded store (LadybugDB, `ladybug` on PyPI).
// Applied once when a store is created. The node and relationship tables are
// the shape of schemas/graph.md, and they mirror schemas/neo4j/schema.cypher:
// every label has a unique `id` (the primary key here, a uniqueness
// constraint there), so one Cypher text reads both stores.
//
// Dialect notes that shaped the tables:
// - `end` is reserved in LadybugDB's Cypher, so evidence offsets are
//   `start_char` / `end_char` (spaCy's names) on both stores;
// - an unknown property is an error here and null in Neo4j, so every
//   property any node of a label can have is a column of its table;
// - dates are ISO strings (`2025-01-31`, or `2025-01` / `2025` when that is
//   all a source gives), which compare and sort the same on both stores.

CREATE NODE TABLE Paper(
    id STRING PRIMARY KEY,
    title STRING,
    abstract STRING,
    arxiv_id STRING,
    doi STRING,
    url STRING,
    date STRING,
    venue STRING,
    categories STRING[],
    sources STRING[]
);
CREATE NODE TABLE Author(id STRING PRIMARY KEY, name STRING, orcid STRING);
CREATE NODE TABLE Model(id STRING PRIMARY KEY, name STRING, aliases STRING[]);
CREATE NODE TABLE Method(id STRING PRIMARY KEY, name STRING, aliases STRING[]);
CREATE NODE TABLE Benchmark(id STRING PRIMARY KEY, name STRING, aliases STRING[]);
CREATE NODE TABLE Environment(id STRING PRIMARY KEY, name STRING, aliases STRING[]);
CREATE NODE TABLE Result(id STRING PRIMARY KEY, subject STRING, benchmark STRING, metric STRING, value STRING);

// The five roles: a paper to an entity, with the evidence sentence.
CREATE REL TABLE PROPOSES(FROM Paper TO Model, FROM Paper TO Method, FROM Paper TO Benchmark, FROM Paper TO Environment,
    role STRING, confidence DOUBLE, extractor STRING, sentence STRING, start_char INT64, end_char INT64);
CREATE REL TABLE EVALUATES_ON(FROM Paper TO Model, FROM Paper TO Method, FROM Paper TO Benchmark, FROM Paper TO Environment,
    role STRING, confidence DOUBLE, extractor STRING, sentence STRING, start_char INT64, end_char INT64);
CREATE REL TABLE USES(FROM Paper TO Model, FROM Paper TO Method, FROM Paper TO Benchmark, FROM Paper TO Environment,
    role STRING, confidence DOUBLE, extractor STRING, sentence STRING, start_char INT64, end_char INT64);
CREATE REL TABLE COMPARES_TO(FROM Paper TO Model, FROM Paper TO Method, FROM Paper TO Benchmark, FROM Paper TO Environment,
    role STRING, confidence DOUBLE, extractor STRING, sentence STRING, start_char INT64, end_char INT64);
CREATE REL TABLE MENTIONS(FROM Paper TO Model, FROM Paper TO Method, FROM Paper TO Benchmark, FROM Paper TO Environment,
    role STRING, confidence DOUBLE, extractor STRING, sentence STRING, start_char INT64, end_char INT64);

// `Llama-3.1-8B` -> `Llama-3.1`, within one type.
CREATE REL TABLE VARIANT_OF(FROM Model TO Model, FROM Method TO Method, FROM Benchmark TO Benchmark, FROM Environment TO Environment);

// Results: reported by a paper, achieved by a model or method, on a benchmark or environment.
CREATE REL TABLE REPORTS(FROM Paper TO Result);
CREATE REL TABLE ACHIEVES(FROM Model TO Result, FROM Method TO Result);
CREATE REL TABLE HAS_RESULT(FROM Benchmark TO Result, FROM Environment TO Result);

// Authors in byline order (`position` 1, 2, ...).
CREATE REL TABLE AUTHORED(FROM Author TO Paper, position INT64);
