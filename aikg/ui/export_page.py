"""Export: the whole graph as RDF (Turtle, JSON-LD), GraphML or CSV; the current answer as CSV or JSON."""
from __future__ import annotations

import io
import json

import streamlit as st

from aikg.ui.common import store
from graph import export, rdf

FORMATS = {"Turtle": ("turtle", "ttl", "text/turtle"), "JSON-LD": ("json-ld", "jsonld", "application/ld+json")}


@st.cache_data(ttl=300, show_spinner="Reading the graph…")
def _data():
    return export.graph_data(store())


def render() -> None:
    st.title("Export")
    st.subheader("The whole graph")
    what = st.radio("Format", ["Turtle", "JSON-LD", "GraphML", "CSV (nodes)", "CSV (relationships)"],
                    horizontal=True, key="export_format")
    if st.button("Prepare", key="export_prepare"):
        nodes, rels = _data()
        if what in FORMATS:
            fmt, ext, mime = FORMATS[what]
            buffer = io.StringIO()
            rdf.write(store(), buffer, fmt)  # the streaming exporter, as `aikg export rdf`
            st.session_state["export"] = (buffer.getvalue(), f"aikg.{ext}", mime)
        elif what == "GraphML":
            st.session_state["export"] = (export.to_graphml(nodes, rels), "aikg.graphml", "application/xml")
        elif what == "CSV (nodes)":
            st.session_state["export"] = (export.to_csv([{"id": n["id"], "label": n["label"], **n["props"]}
                                                          for n in nodes]), "aikg-nodes.csv", "text/csv")
        else:
            st.session_state["export"] = (export.to_csv([{k: r[k] for k in ("start", "type", "end")} | r["props"]
                                                          for r in rels]), "aikg-relationships.csv", "text/csv")
    if "export" in st.session_state:
        data, name, mime = st.session_state["export"]
        st.download_button(f"Download {name}", data, file_name=name, mime=mime, key="export_download")
    st.subheader("The current answer")
    reply = st.session_state.get("reply")
    if not reply or not reply.get("answered"):
        st.info("Ask a question first; its answer can then be downloaded here.")
        return
    name = reply["intent"]
    st.download_button("Answer as CSV", export.to_csv(reply["rows"], reply["columns"]),
                       file_name=f"{name}.csv", mime="text/csv", key="answer_csv")
    st.download_button("Answer as JSON", json.dumps(reply, indent=2, default=str),
                       file_name=f"{name}.json", mime="application/json", key="answer_json")
    nodes, rels = export.subgraph_data(store(), export.ids_in(reply["rows"]))
    st.caption(f"The answer's part of the graph: {len(nodes)} entities, {len(rels)} relationships among them.")
    st.download_button("Answer as Turtle", export.to_rdf(nodes, rels, "turtle"), file_name=f"{name}.ttl",
                       mime="text/turtle", key="answer_ttl")
    st.download_button("Answer as JSON-LD", export.to_rdf(nodes, rels, "json-ld"), file_name=f"{name}.jsonld",
                       mime="application/ld+json", key="answer_jsonld")
    st.download_button("Answer as GraphML", export.to_graphml(nodes, rels), file_name=f"{name}.graphml",
                       mime="application/xml", key="answer_graphml")
