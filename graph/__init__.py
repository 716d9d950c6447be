"""The graph store: Cypher over Bolt through the official neo4j driver, against a
real Neo4j when NEO4J_URI is set, else the embedded ArcadeDB server."""
