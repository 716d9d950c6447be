"""The aikg Streamlit app: graph counts and entity search (grows into the full explorer)."""
from __future__ import annotations

import streamlit as st

from aikg import context
from graph import queries

st.set_page_config(page_title="aikg — AI release landscape", layout="wide")


@st.cache_resource
def _store():
    return context.open_store()


def main() -> None:
    st.title("aikg — the AI release landscape")
    st.caption("What each lab released, how openly, under which license — every fact with its sources.")
    store = _store()
    counts = queries.stats(store)
    cols = st.columns(4)
    for col, (label, n) in zip(cols * 4, counts["nodes"].items()):
        col.metric(label, n)
    text = st.text_input("Search entities by name or alias", key="search")
    if text:
        rows = queries.search(store, text)
        if rows:
            st.dataframe(rows, hide_index=True, use_container_width=True)
            choice = st.selectbox("Open an entity", [r["id"] for r in rows], key="entity")
            _show_entity(store, choice)
        else:
            st.info("No entity matches that name.")


def _show_entity(store, node_id: str) -> None:
    found = queries.entity(store, node_id)
    if not found:
        return
    node = found["node"]
    st.subheader(node.get("name", node_id))
    st.json({k: v for k, v in node.items() if k != "sources"}, expanded=True)
    st.markdown("**Sources:** " + ", ".join(node.get("sources", [])))
    if found["relationships"]:
        st.dataframe(found["relationships"], hide_index=True, use_container_width=True)


main()
