"""Export: the whole graph as RDF (Turtle, TriG, N-Triples, JSON-LD), GraphML or CSV; the
current answer as CSV, JSON, Turtle, JSON-LD or GraphML.

The download button always offers the format selected: a file prepared for another format
is not offered (its name, type and content belong to that format)."""
from __future__ import annotations

import io
import json

import streamlit as st

from aikg.ui.common import store
from graph import export, rdf

# format shown -> (rdf.write format or None, file name, MIME type)
FORMATS = {
    "Turtle": ("turtle", "aikg.ttl", "text/turtle"),
    "TriG": ("trig", "aikg.trig", "application/trig"),
    "N-Triples": ("nt", "aikg.nt", "application/n-triples"),
    "JSON-LD": ("json-ld", "aikg.jsonld", "application/ld+json"),
    "GraphML": (None, "aikg.graphml", "application/graphml+xml"),
    "CSV (nodes)": (None, "aikg-nodes.csv", "text/csv"),
    "CSV (relationships)": (None, "aikg-relationships.csv", "text/csv"),
}
NOTES = {"TriG": "every triple in the named graph of each source that states it",
         "Turtle": "prefixed names (schema:, prov:, aikg:, dcat:, wd:, …)"}


@st.cache_data(ttl=300, show_spinner="Reading the graph…")
def _data():
    return export.graph_data(store())


def content(what: str) -> str:
    """The whole graph in the format `what` (a key of FORMATS)."""
    fmt = FORMATS[what][0]
    if fmt:
        buffer = io.StringIO()
        rdf.write(store(), buffer, fmt)  # the streaming exporter, as `aikg export rdf`
        return buffer.getvalue()
    nodes, rels = _data()
    if what == "GraphML":
        return export.to_graphml(nodes, rels)
    if what == "CSV (nodes)":
        return export.to_csv([{"id": n["id"], "label": n["label"], **n["props"]} for n in nodes])
    return export.to_csv([{k: r[k] for k in ("start", "type", "end")} | r["props"] for r in rels])


def _size(text: str) -> str:
    size = len(text.encode("utf-8"))
    return f"{size / 2**20:.1f} MB" if size >= 2**20 else f"{size / 2**10:.0f} KB"


def _whole_graph() -> None:
    st.subheader("The whole graph")
    what = st.radio("Format", list(FORMATS), horizontal=True, key="export_format")
    if what in NOTES:
        st.caption(NOTES[what])
    if st.button(f"Prepare {what}", key="export_prepare"):
        st.session_state["export"] = (what, content(what))
    prepared, data = st.session_state.get("export", (None, None))
    if prepared != what:  # a file of another format is never offered under this one
        st.caption(f"Prepare the {what} file to download it.")
        return
    _, name, mime = FORMATS[what]
    st.download_button(f"Download {name} ({what}, {_size(data)})", data, file_name=name, mime=mime,
                       key="export_download", type="primary")


def _answer() -> None:
    st.subheader("The current answer")
    reply = st.session_state.get("reply")
    if not reply or not reply.get("answered"):
        st.info("Ask a question first; its answer can then be downloaded here.")
        return
    name = reply["intent"]
    nodes, rels = export.subgraph_data(store(), export.ids_in(reply["rows"]))
    st.caption(f"The answer's part of the graph: {len(nodes)} entities, {len(rels)} relationships among them.")
    files = [("Answer as CSV", export.to_csv(reply["rows"], reply["columns"]), "csv", "text/csv", "answer_csv"),
             ("Answer as JSON", json.dumps(reply, indent=2, default=str), "json", "application/json", "answer_json"),
             ("Answer as Turtle", rdf.subgraph_text(nodes, rels, "turtle"), "ttl", "text/turtle", "answer_ttl"),
             ("Answer as JSON-LD", rdf.subgraph_text(nodes, rels, "json-ld"), "jsonld", "application/ld+json",
              "answer_jsonld"),
             ("Answer as GraphML", export.to_graphml(nodes, rels), "graphml", "application/graphml+xml",
              "answer_graphml")]
    for column, (label, data, ext, mime, key) in zip(st.columns(len(files)), files):
        column.download_button(label, data, file_name=f"{name}.{ext}", mime=mime, key=key, width="stretch")


def render() -> None:
    st.title("Export")
    _whole_graph()
    _answer()
