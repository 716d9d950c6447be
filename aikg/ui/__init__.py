"""The Streamlit pages. Each page is a function; pages call named queries, never Cypher."""
