"""Stores: where the resolved graph lives. `embedded` needs no server."""

from kg.store.embedded import EmbeddedStore, StoreError
from kg.store.batch import BuildReport, Conflict

__all__ = ["BuildReport", "Conflict", "EmbeddedStore", "StoreError"]
