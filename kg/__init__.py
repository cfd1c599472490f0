"""kg: a knowledge-graph builder for AI research papers."""

__version__ = "0.2.0"
