"""Stores: where the resolved graph lives. `embedded` needs no server."""

from kg.store.embedded import EmbeddedStore, MergeReport, StoreError

__all__ = ["EmbeddedStore", "MergeReport", "StoreError"]
