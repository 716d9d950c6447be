"""Explore: find any entity, read its facts with their sources, wander its neighborhood."""
from __future__ import annotations

import streamlit as st
from neo4j_viz import Node, Relationship, VisualizationGraph

from aikg.ui.common import LABEL_COLORS, entity_link, plain, store, web_link
from graph import queries


def neighborhood_graph(rows: list[dict]) -> VisualizationGraph:
    nodes, rels = {}, []
    for row in rows:
        for side in ("a", "b"):
            node_id = row[f"{side}_id"]
            if node_id not in nodes:
                label = row[f"{side}_label"]
                nodes[node_id] = Node(id=node_id, caption=row[f"{side}_name"] or node_id, size=18,
                                      color=LABEL_COLORS.get(label, "#888888"),
                                      properties={"id": node_id, "label": label})
        rels.append(Relationship(source=row["start"], target=row["end"], caption=row["type"]))
    return VisualizationGraph(nodes=list(nodes.values()), relationships=rels)


def _facts(found: dict) -> None:
    node = found["node"]
    facts = [{"property": k, "value": ", ".join(map(str, v)) if isinstance(v, list) else str(v)}
             for k, v in sorted(node.items()) if k not in ("sources", "labels")]
    st.dataframe(facts, hide_index=True, width="stretch", key="facts")
    sources = [{**s, "url": web_link(s.get("url"))} for s in queries.sources_of(store(), node.get("sources", []))]
    st.markdown("**Sources of these facts**")
    st.dataframe(sources, hide_index=True, width="stretch", key="fact_sources",
                 column_config={"url": st.column_config.LinkColumn("url")})


def _relationships(found: dict) -> None:
    rows = [{"relationship": r["type"], "direction": "→" if r["outgoing"] else "←", "other": r["other_name"],
             "kind": r["other_label"], "page": entity_link(r["other_id"]),
             "sources": ", ".join((r["props"] or {}).get("sources", []))} for r in found["relationships"]]
    st.dataframe(rows, hide_index=True, width="stretch", key="relationships",
                 column_config={"page": st.column_config.LinkColumn("page", display_text="open")})


def _graph(node_id: str) -> None:
    rows = queries.neighborhood(store(), node_id)
    neighbors = sorted({r["b_id"] for r in rows})
    expand = st.multiselect("Expand neighbors", neighbors, key="expand")
    for other in expand:
        rows += queries.neighborhood(store(), other, limit=25)
    graph = neighborhood_graph(rows)
    html = graph.render(height="520px", show_search_button=False)
    st.iframe(html.data, height=540)
    st.caption("Colours: " + ", ".join(f"{label}" for label in sorted({r['b_label'] for r in rows})))


def render() -> None:
    st.title("Explore")
    text = st.text_input("Search any entity by name or alias", key="search")
    chosen = st.query_params.get("id")
    if text:
        matches = queries.search(store(), text)
        if not matches:
            st.info("No entity matches that name.")
        else:
            chosen = st.selectbox("Entity", [m["id"] for m in matches], key="entity",
                                  format_func=lambda i: next(f"{m['name']} ({m['label']})" for m in matches
                                                             if m["id"] == i))
    if not chosen:
        return
    found = queries.entity(store(), chosen)
    if not found:
        st.error(f"No entity with id {plain(chosen)}")
        return
    st.header(plain(found["node"].get("name", chosen)))
    st.caption(f"{plain(chosen)} — {', '.join(found['node'].get('labels', []))}")
    # The graph tab comes first: a graph drawn inside a hidden tab lays itself out in no space.
    picture, facts, links = st.tabs(["Neighborhood graph", "Facts", "Relationships"])
    with picture:
        _graph(chosen)
    with facts:
        _facts(found)
    with links:
        _relationships(found)
