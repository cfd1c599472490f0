"""Exports: the resolved graph out to other tools, one module per format."""
