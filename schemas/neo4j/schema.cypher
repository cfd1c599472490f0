// The kg schema in Neo4j 5: applied before every load by `kg load` and
// `kg build --store neo4j`. Every statement is idempotent (IF NOT EXISTS),
// so applying it twice changes nothing.

// One node per id and label; each constraint also gives MERGE its index.
CREATE CONSTRAINT paper_id IF NOT EXISTS FOR (n:Paper) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT model_id IF NOT EXISTS FOR (n:Model) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT method_id IF NOT EXISTS FOR (n:Method) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT benchmark_id IF NOT EXISTS FOR (n:Benchmark) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT environment_id IF NOT EXISTS FOR (n:Environment) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT author_id IF NOT EXISTS FOR (n:Author) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT result_id IF NOT EXISTS FOR (n:Result) REQUIRE n.id IS UNIQUE;

// Exact and prefix look-ups by name (`WHERE m.name = 'GPT-4o'`).
CREATE INDEX model_name IF NOT EXISTS FOR (n:Model) ON (n.name);
CREATE INDEX method_name IF NOT EXISTS FOR (n:Method) ON (n.name);
CREATE INDEX benchmark_name IF NOT EXISTS FOR (n:Benchmark) ON (n.name);
CREATE INDEX environment_name IF NOT EXISTS FOR (n:Environment) ON (n.name);
CREATE INDEX paper_title IF NOT EXISTS FOR (n:Paper) ON (n.title);
CREATE INDEX paper_arxiv_id IF NOT EXISTS FOR (n:Paper) ON (n.arxiv_id);
CREATE INDEX paper_doi IF NOT EXISTS FOR (n:Paper) ON (n.doi);
CREATE INDEX paper_date IF NOT EXISTS FOR (n:Paper) ON (n.date);
CREATE INDEX author_name IF NOT EXISTS FOR (n:Author) ON (n.name);

// Search by any name or alias, across entity types:
// CALL db.index.fulltext.queryNodes('entity_names', 'RLHF') YIELD node, score
CREATE FULLTEXT INDEX entity_names IF NOT EXISTS
FOR (n:Model|Method|Benchmark|Environment) ON EACH [n.name, n.aliases];
