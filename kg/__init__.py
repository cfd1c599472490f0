"""kg: a knowledge-graph builder for AI research papers.

The Python API (`kg.api`): `read_corpus`, `extract_to`, `read_extractions`,
`build`, `open_store`, `migrate`, `load_neo4j`, `build_neo4j`; queries,
stats, search and exports read a store through `kg.query.run_query`,
`kg.stats.stats`, `kg.search.search` and `kg.export`.
"""

__version__ = "0.3.0"

from kg.api import (  # noqa: E402
    BuildReport,
    EmbeddedStore,
    ExtractReport,
    InputError,
    StoreError,
    build,
    build_neo4j,
    extract_to,
    load_neo4j,
    migrate,
    open_store,
    read_corpus,
    read_extractions,
)

__all__ = [
    "BuildReport", "EmbeddedStore", "ExtractReport", "InputError", "StoreError", "build", "build_neo4j", "extract_to",
    "load_neo4j", "migrate", "open_store", "read_corpus", "read_extractions", "__version__",
]
