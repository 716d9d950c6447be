"""Explore: find any entity, read its facts with their sources, wander its neighborhood.
Without a search, a start view: the most connected organizations and models, the newest
releases and example searches."""
from __future__ import annotations

import streamlit as st
from neo4j_viz import Node, Relationship, VisualizationGraph

from aikg.ui.common import LABEL_COLORS, plain, store, web_link
from aikg.ui.tables import details, entity_url, fact, link_column, show
from graph import browse, queries

EXAMPLES = ["Llama 3.1 405B", "DeepSeek", "Mistral", "Scale AI", "Zuckerberg", "Apache"]
# Node sizes: a caption is drawn inside its node, in proportion to it, and only when it is
# large enough on screen; the view is zoomed to fit, so a few big nodes read best.
CENTER_SIZE, NEIGHBOR_SIZE, CAPTION_SIZE = 40, 30, 2
NEIGHBOR_CHOICES = (20, 60, 150)
READ_AT_MOST = 400  # relationships read to choose the drawn ones from
HIDDEN_FACTS = ("sources", "labels")
# the name first, long texts and the id last; the rest in alphabetical order
FIRST_FACTS, LAST_FACTS = ("name", "aliases"), ("description", "notes", "id")


def neighborhood_graph(rows: list[dict], center: str | None = None) -> VisualizationGraph:
    nodes, rels = {}, []
    for row in rows:
        for side in ("a", "b"):
            node_id = row[f"{side}_id"]
            if node_id not in nodes:
                label = row[f"{side}_label"]
                nodes[node_id] = Node(id=node_id, caption=row[f"{side}_name"] or node_id, caption_size=CAPTION_SIZE,
                                      size=CENTER_SIZE if node_id == center else NEIGHBOR_SIZE,
                                      color=LABEL_COLORS.get(label, "#888888"),
                                      properties={"id": node_id, "label": label})
        rels.append(Relationship(source=row["start"], target=row["end"], caption=row["type"]))
    graph = VisualizationGraph(nodes=list(nodes.values()), relationships=rels)
    # the legend overlay inside the graph: a coloured swatch per kind of entity shown
    shown = sorted({row[f"{side}_label"] for row in rows for side in ("a", "b")})
    graph.set_legend(nodes={label: LABEL_COLORS.get(label, "#888888") for label in shown})
    return graph


def _facts(found: dict) -> None:
    node = found["node"]
    facts = [{"property": k, "value": text} for k, v in sorted(node.items(), key=lambda kv: _fact_order(kv[0]))
             if k not in HIDDEN_FACTS and (text := fact(k, v)) is not None]
    show(facts, "facts", config={"property": st.column_config.TextColumn("property", width="small"),
                                 "value": st.column_config.TextColumn("value", width="large")})
    st.markdown("**Sources of these facts**")
    sources = [{"name": s["name"] or s["id"], "published": s["published"] or "", "publisher": s["publisher"] or "",
                "kind": s["kind"] or "", "url": web_link(s.get("url")), "id": s["id"]}
               for s in queries.sources_of(store(), node.get("sources", []))]
    show(sources, "fact_sources", columns=["name", "published", "publisher", "kind", "url", "id"],
         config={"url": st.column_config.LinkColumn("link", display_text=r"https?://(?:www\.)?([^/?#]+)",
                                                    width="medium", help="The source's web address")})


def _fact_order(key: str) -> tuple[int, str]:
    if key in FIRST_FACTS:
        return 0, str(FIRST_FACTS.index(key))
    return (2, str(LAST_FACTS.index(key))) if key in LAST_FACTS else (1, key)


def _relationships(found: dict) -> None:
    rows = [{"relationship": r["type"], "direction": "→" if r["outgoing"] else "←",
             "other": r["other_name"] or r["other_id"], "kind": r["other_label"], "page": entity_url(r["other_id"]),
             "details": details(r["props"]),
             "sources": ", ".join((r["props"] or {}).get("sources", []))} for r in found["relationships"]]
    show(rows, "relationships", columns=["relationship", "direction", "other", "page", "kind", "details", "sources"],
         config={"page": link_column(), "direction": st.column_config.TextColumn("dir", width=40)})


def _graph(node_id: str, total: int) -> None:
    left, right = st.columns([3, 1])
    shown = right.selectbox("Neighbors drawn", NEIGHBOR_CHOICES, key="neighbors",
                            help="More neighbors make smaller captions; the Relationships tab lists them all")
    rows = balanced(queries.neighborhood(store(), node_id, limit=READ_AT_MOST), shown)
    neighbors = sorted({r["b_id"] for r in rows})
    expand = left.multiselect("Expand neighbors", neighbors, key="expand")
    drawn = len(rows)
    for other in expand:
        rows += balanced(queries.neighborhood(store(), other, limit=READ_AT_MOST), 15)
    graph = neighborhood_graph(rows, center=node_id)
    html = graph.render(height="560px", show_search_button=False)
    st.iframe(html.data, height=580)
    if total > drawn:
        st.caption(f"{drawn} of its {total} relationships drawn, a few of each kind; the Relationships tab "
                   "lists them all.")


def balanced(rows: list[dict], limit: int) -> list[dict]:
    """At most `limit` relationships, taken in turn from each kind (type and neighbor label), so
    that forty releases do not hide the people, deals and models around an organization."""
    groups: dict[tuple, list[dict]] = {}
    for row in sorted(rows, key=lambda r: (r["b_name"] or r["b_id"])):
        groups.setdefault((row["type"], row["b_label"]), []).append(row)
    out: list[dict] = []
    while len(out) < limit and any(groups.values()):
        for key in sorted(groups):
            if groups[key] and len(out) < limit:
                out.append(groups[key].pop(0))
    return out


@st.cache_data(ttl=300, show_spinner=False)
def _start_lists() -> tuple[list[dict], list[dict], list[dict]]:
    s = store()
    return browse.most_connected(s, "Organization"), browse.most_connected(s, "Model"), browse.recent_releases(s, 10)


def _search_for(text: str) -> None:
    st.session_state["search"] = text


def _start_view() -> None:
    """What a newcomer reads before searching: where the graph is densest, and what is new."""
    st.caption("Try:")
    for column, example in zip(st.columns(len(EXAMPLES)), EXAMPLES):
        column.button(example, key=f"example_{example}", on_click=_search_for, args=(example,), width="stretch")
    orgs, models, releases = _start_lists()
    left, middle = st.columns(2)
    with left:
        st.subheader("Most connected organizations")
        show([{**o, "page": entity_url(o["id"])} for o in orgs], "start_orgs",
             columns=["name", "page", "releases", "links"],
             config={"page": link_column(), "links": st.column_config.NumberColumn(
                 "links", help="Relationships of every kind: releases, models, people, deals, statements")})
    with middle:
        st.subheader("Most connected models")
        show([{**m, "page": entity_url(m["id"])} for m in models], "start_models",
             columns=["name", "page", "developer", "links"], config={"page": link_column()})
    st.subheader("Newest releases")
    show([{**r, "page": entity_url(r["id"])} for r in releases], "start_releases",
         columns=["date", "name", "page", "model", "organization"], config={"page": link_column()})


def render() -> None:
    st.title("Explore")
    text = st.text_input("Search any entity by name or alias", key="search",
                         placeholder="a model, lab, person, license, deal …")
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
        _start_view()
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
        _graph(chosen, len(found["relationships"]))
    with facts:
        _facts(found)
    with links:
        _relationships(found)

