"""What every page shares: the store, the entity linker, links to entity pages."""
from __future__ import annotations

import re

import streamlit as st

from aikg import context
from aikg.ask import Linker, entity_rows

LABEL_COLORS = {
    "Organization": "#4C78A8", "Person": "#F58518", "Model": "#54A24B", "ModelFamily": "#88D27A",
    "Release": "#E45756", "Artifact": "#B279A2", "License": "#9D755D", "AccessChannel": "#72B7B2",
    "Deal": "#EECA3B", "Source": "#BAB0AC", "Statement": "#FF9DA6", "Benchmark": "#79706E",
    "BenchmarkResult": "#D67195", "SafetyAssessment": "#FA8072", "Dataset": "#439894",
    "Application": "#83BCB6", "Claim": "#D3D3D3",
}
# releases graded when no organization narrows a page down: grading is per release, so
# "all" on a large graph would take seconds (15 s for 14k releases at 100k nodes)
NEWEST_RELEASES = 500
GRADE_COLORS = {"open": "#2E7D32", "restricted": "#F9A825", "closed": "#C62828", "unknown": "#9E9E9E"}
_PUNCTUATION = re.compile(r"([!-/:-@\[-`{-~])")  # all ASCII punctuation: each may be backslash-escaped


def plain(text: object) -> str:
    """Untrusted text (names, ids, notes, error messages) for elements that render Markdown —
    headers, captions, alerts: every Markdown, HTML, LaTeX and directive character escaped and
    line breaks flattened, so it shows exactly as written and can never format, link or load."""
    return _PUNCTUATION.sub(r"\\\1", " ".join(str(text).split()))


def web_link(url: object) -> str | None:
    """Only http(s) addresses become clickable links (a link column opens any scheme it is given)."""
    return url if isinstance(url, str) and url.lower().startswith(("https://", "http://")) else None


@st.cache_resource(show_spinner="Connecting to the graph…")
def store():
    return context.open_store()


@st.cache_resource(show_spinner="Indexing names…", max_entries=2)
def linker(version: str | None = None) -> Linker:
    """The entity linker, built once per process (per graph version when one is given:
    graph_version() changes when other data is loaded, so new names are linked after it)."""
    return Linker(entity_rows(store()))


def load_state() -> dict | None:
    """The last load's bookkeeping (graph.loadstate: its input digest, state "loading" or
    "loaded"), or None when the graph has none or this version of aikg keeps none."""
    try:
        from graph import loadstate
    except ImportError:
        return None
    return loadstate.read(store())


def graph_version(state: dict | None) -> str | None:
    """What changes when different data has been loaded (from load_state()): a cache key that
    comes from the graph, never from a user."""
    return f"{state.get('digest')}:{state.get('state')}" if state else None


def _elsewhere() -> None:  # the body of a page stand-in: never run (see go_to)
    pass


def go_to(url_path: str, state: dict | None = None, **query_params: str) -> None:
    """Open another page of the app by the url path app.py gives it, with query parameters.
    `state` seeds widgets of that page by their keys (their initial value there). A page is
    told apart by its url path alone, so a stand-in with the same path opens the real one."""
    for key, value in (state or {}).items():
        st.session_state[key] = value
    st.switch_page(st.Page(_elsewhere, url_path=url_path), query_params=query_params or None)


def graph_view(nodes: list[dict], rels: list[dict], height: int = 480) -> None:
    """A small interactive graph: nodes {id, label, name?}, relationships {start, end, type}
    (the shapes graph.export.subgraph_data reads). neo4j-viz is imported only when drawn."""
    from neo4j_viz import Node, Relationship, VisualizationGraph

    drawn = {n["id"] for n in nodes}
    graph = VisualizationGraph(
        nodes=[Node(id=n["id"], caption=n.get("name") or (n.get("props") or {}).get("name") or n["id"], size=18,
                    color=LABEL_COLORS.get(n["label"], "#888888"), properties={"id": n["id"], "label": n["label"]})
               for n in nodes],
        relationships=[Relationship(source=r["start"], target=r["end"], caption=r["type"]) for r in rels
                       if r["start"] in drawn and r["end"] in drawn])
    st.iframe(graph.render(height=f"{height}px", show_search_button=False).data, height=height + 20)


def entity_link(node_id: str | None) -> str | None:
    """A relative link to the entity's page (the Explore page reads ?id=)."""
    return f"./explore?id={node_id}" if node_id else None


def newest_note(shown: int, total: int) -> None:
    if total > shown:
        st.caption(f"Showing the {shown:,} newest of {total:,} releases; choose an organization to see all of its "
                   "releases.")


def sources_note(sources: list[str], limit: int = 12) -> None:
    if sources:
        shown = ", ".join(sources[:limit]) + (f" … (+{len(sources) - limit})" if len(sources) > limit else "")
        st.caption(f"Sources: {plain(shown)}")
