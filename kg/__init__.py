"""kg: a knowledge-graph builder for AI research papers.

The Python API (`kg.api`): `open_store`, `build`, `migrate`, `load_neo4j`,
`build_neo4j`; queries, stats and exports read a store through
`kg.query.run_query`, `kg.stats.stats` and `kg.export`.
"""

__version__ = "0.3.0"

from kg.api import (  # noqa: E402
    BuildReport,
    EmbeddedStore,
    InputError,
    StoreError,
    build,
    build_neo4j,
    load_neo4j,
    migrate,
    open_store,
)

__all__ = ["BuildReport", "EmbeddedStore", "InputError", "StoreError", "build", "build_neo4j", "load_neo4j", "migrate", "open_store", "__version__"]
