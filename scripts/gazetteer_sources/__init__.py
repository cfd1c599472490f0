"""Readers of the field's package registries for scripts/build_gazetteers.py: each returns rows of names with a type and a source."""
