"""Ask: a question in plain words, answered from the catalog with its Cypher and sources."""
from __future__ import annotations

import streamlit as st

from aikg.ask import ask
from aikg.ui.common import entity_link, linker, plain, sources_note, store
from graph import catalog, export

SUGGESTED = [
    "Which frontier models shipped weights?",
    "What did Meta release?",
    "Who leads Meta's AI work?",
    "Which deals connect Meta and Scale AI?",
    "What is the lineage of Llama 2 70B Chat?",
]


def _table(reply: dict) -> None:
    rows = [dict(r) for r in reply["rows"]]
    link_col = next((c for c in reply["columns"] if c in ("id", "model_id", "release", "org", "model")), None)
    config = {}
    if link_col:
        for row in rows:
            value = row.get(link_col)
            row["page"] = entity_link(value) if isinstance(value, str) and ":" in value else None
        config["page"] = st.column_config.LinkColumn("page", display_text="open")
    st.dataframe(rows, hide_index=True, width="stretch", column_config=config, key="answer_table")


def _more(reply: dict, text: str) -> None:
    """More rows of a list question whose answer was cut at its limit."""
    shown = reply["params"]["limit"]
    st.info(f"More rows exist: the first {shown:,} are shown.")
    wanted = st.number_input("Rows at most", min_value=1, max_value=catalog.MAX_LIMIT, value=min(shown * 10, catalog.MAX_LIMIT),
                             step=100, key="rows_at_most")
    if st.button("Show more rows", key="more_rows"):
        st.session_state["reply"] = ask(store(), text, linker(), limit=int(wanted))
        st.rerun()


def render() -> None:
    st.title("Ask the graph")
    st.caption("Questions in plain words, answered from named Cypher questions. No external service is used.")
    picked = st.selectbox("Suggested questions", [""] + SUGGESTED + [q.title for q in catalog.CATALOG.values()],
                          key="suggested")
    text = st.text_input("Your question", value=picked or "", key="question")
    if st.button("Ask", key="ask_button", type="primary") or (text and st.session_state.get("last") != text):
        st.session_state["last"] = text
        st.session_state["reply"] = ask(store(), text, linker()) if text.strip() else None
    reply = st.session_state.get("reply")
    if not reply:
        return
    if not reply["answered"]:
        st.warning("I cannot answer that from the catalog. Closest questions:")
        for suggestion in reply["suggestions"]:
            st.text(f"• {suggestion}")
        return
    st.subheader(catalog.CATALOG[reply["intent"]].title)
    st.caption(f"{len(reply['rows'])} row(s) — question `{reply['intent']}`, parameters {plain(reply['params'])}")
    if reply.get("truncated"):
        _more(reply, text)
    _table(reply)
    st.download_button("Download CSV", export.to_csv(reply["rows"], reply["columns"]), file_name=f"{reply['intent']}.csv",
                       mime="text/csv", key="download_csv")
    with st.expander("Cypher"):
        st.code(reply["cypher"] or "", language="cypher")
    sources_note(reply["sources"])
