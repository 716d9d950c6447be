"""Ask: a question in plain words, answered from the catalog with its Cypher and sources."""
from __future__ import annotations

import streamlit as st

from aikg.ask import answer_subgraph, answer_suggestion, ask
from aikg.ui.common import (
    entity_link,
    graph_version,
    graph_view,
    linker,
    load_state,
    plain,
    sources_note,
    store,
)
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


def _linker():
    """The linker of the loaded graph, built once per process and load (ask() then takes ~10 ms)."""
    return linker(graph_version(load_state()))


def _more(reply: dict, text: str) -> None:
    """More rows of a list question whose answer was cut at its limit."""
    shown = reply["params"]["limit"]
    st.info(f"More rows exist: the first {shown:,} are shown.")
    wanted = st.number_input("Rows at most", min_value=1, max_value=catalog.MAX_LIMIT, value=min(shown * 10, catalog.MAX_LIMIT),
                             step=100, key="rows_at_most")
    if st.button("Show more rows", key="more_rows"):
        st.session_state["reply"] = ask(store(), text, _linker(), limit=int(wanted))
        st.rerun()


def _take_up(suggestion: dict) -> None:
    """A suggestion's button: its question run with the names the declined words gave, and
    shown in the box as asked (so it is not routed again)."""
    st.session_state["reply"] = answer_suggestion(store(), suggestion)
    st.session_state["question"] = st.session_state["last"] = suggestion["text"]
    st.session_state["suggested"] = ""


def _declined(reply: dict) -> None:
    st.warning("I cannot answer that from the catalog. Closest questions — click one to ask it:")
    for i, suggestion in enumerate(reply.get("suggested") or []):
        # a label renders Markdown, and the names in it come from the data
        st.button(plain(suggestion["text"]), key=f"suggestion_{i}", on_click=_take_up, args=(suggestion,))


def _from_link() -> None:
    """?q=… (the Overview's frontier chart links here): put into the box once, then asked as typed."""
    linked = st.query_params.get("q")
    if linked and st.session_state.get("linked_q") != linked:
        st.session_state["linked_q"] = st.session_state["question"] = linked[:1000]
        st.session_state["suggested"] = ""


def _answer_graph(reply: dict) -> None:
    """The entities the answer names and the relationships among them, drawn on request (the
    component is megabytes: not sent with every answer)."""
    nodes, rels = answer_subgraph(store(), reply)
    entities = [n for n in nodes if n["label"] != "Source"]  # sources are listed below, not drawn
    st.caption(f"The answer's part of the graph: {len(entities)} entities (and {len(nodes) - len(entities)} "
               f"sources), {len(rels)} relationships among them.")
    if entities and st.toggle("Draw it", key="draw_answer_graph"):
        graph_view(entities, rels)


def render() -> None:
    _from_link()
    st.title("Ask the graph")
    st.caption("Questions in plain words, answered from named Cypher questions. No external service is used.")
    picked = st.selectbox("Suggested questions", [""] + SUGGESTED + [q.title for q in catalog.CATALOG.values()],
                          key="suggested")
    text = st.text_input("Your question", value=picked or "", key="question")
    pressed = st.button("Ask", key="ask_button", type="primary")
    # typing commits the text (a run that asks it); the press that follows then finds it answered
    shown = (st.session_state.get("reply") or {}).get("question")
    if (text and st.session_state.get("last") != text) or (pressed and shown != text.strip()):
        st.session_state["last"] = text
        st.session_state["reply"] = ask(store(), text, _linker()) if text.strip() else None
    reply = st.session_state.get("reply")
    if not reply:
        return
    if not reply["answered"]:
        _declined(reply)
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
    _answer_graph(reply)
    sources_note(reply["sources"])
