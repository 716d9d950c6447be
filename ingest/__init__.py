"""Ingest: sources that read input and yield validated ontology records.

Nothing here talks to a database: the pipeline hands records to a sink
(graph.writer.GraphWriter in practice) through the small protocol in pipeline.py.
"""
