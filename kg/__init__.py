"""kg: a knowledge-graph builder for AI research papers.

The Python API (`kg.api`): `open_store`, `build`, `migrate`.
"""

__version__ = "0.2.0"

from kg.api import BuildReport, EmbeddedStore, InputError, StoreError, build, migrate, open_store  # noqa: E402

__all__ = ["BuildReport", "EmbeddedStore", "InputError", "StoreError", "build", "migrate", "open_store", "__version__"]
