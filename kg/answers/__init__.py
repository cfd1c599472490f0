"""Answers to the questions people bring to a research graph: leaderboards, trends, related work.

Each answer is a few Cypher queries through the reader contract (`run(cypher,
params)` yielding dicts), written to mean the same on the embedded store and
on Neo4j 5, then plain Python or networkx on the rows.
"""
