"""The schemas kg ships, importable as `kg.schemas` so that code reads the same files users do."""
