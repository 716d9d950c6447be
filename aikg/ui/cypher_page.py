"""Cypher: a read-only console. Writes are refused before sending and by the server.

Results read as tables: the rows as returned (a node, relationship or path summarized in its
cell), then every node with its labels and properties, every relationship with its type and
properties, and a small graph when the result holds paths or relationships."""
from __future__ import annotations

import json

import streamlit as st
from neo4j_viz import Node, Relationship, VisualizationGraph

from aikg.ui.common import LABEL_COLORS, plain, store
from aikg.ui.tables import USD_FORMAT, details, entity_url, fact, link_column, show
from graph.browse import relationship_ends
from graph.readonly import RefusedQuery, check_read_only
from ontology.errors import InputError

EXAMPLE = ("MATCH (r:Release)-[:OF_MODEL]->(m:Model)\nWHERE r.date STARTS WITH $year\n"
           "RETURN m.name AS model, r.date AS date ORDER BY date")
EXAMPLES = {
    "Models released in a year (values)": (EXAMPLE, '{"year": "2024"}'),
    "A lab's models (nodes)": ("MATCH (m:Model)-[:DEVELOPED_BY]->(o:Organization {id: $org})\nRETURN m LIMIT 25",
                               '{"org": "org:meta"}'),
    "Deals and their parties (relationships)": (
        ("MATCH (d:Deal)-[p:HAS_PARTY]->(o:Organization)\nWHERE d.amount_usd IS NOT NULL\n"
         "RETURN d, p, o, d.amount_usd AS amount_usd ORDER BY amount_usd DESC LIMIT 20"), "{}"),
    "Release, model and lab (paths)": (
        ("MATCH p = (r:Release)-[:OF_MODEL]->(m:Model)-[:DEVELOPED_BY]->(o:Organization {id: $org})\n"
         "RETURN p LIMIT 15"), '{"org": "org:mistral-ai"}'),
}
GRAPH_AT_MOST = 300  # nodes drawn; the tables hold them all
SKIPPED = ("labels", "id", "name", "sources")


# -- what a returned value is (graph/values.py turns driver nodes, relationships and paths into dicts) --

def is_node(value) -> bool:
    return isinstance(value, dict) and isinstance(value.get("labels"), list)


def is_relationship(value) -> bool:
    return isinstance(value, dict) and isinstance(value.get("type"), str) and "labels" not in value


def is_path(value) -> bool:
    return isinstance(value, dict) and set(value) == {"nodes", "relationships"}


def node_key(node: dict) -> str:
    return node.get("id") or json.dumps(node, sort_keys=True, default=str)


def _label(node: dict) -> str:
    return (node.get("labels") or ["?"])[0]


def _caption(node: dict) -> str:
    return str(node.get("name") or node.get("id") or _label(node))


def summary(value) -> object:
    """A row's cell: scalars as they are, entities and collections in words."""
    if is_node(value):
        return f"{_caption(value)} ({', '.join(value['labels'])})"
    if is_relationship(value):
        return f"[:{value['type']}]"
    if is_path(value):
        return f"path of {len(value['nodes'])} nodes: " + " – ".join(_caption(n) for n in value["nodes"])
    if isinstance(value, list):
        return ", ".join(str(summary(v)) for v in value)
    if isinstance(value, dict):
        return details(value, skip=()) or "{}"
    return value


# -- the entities of a result and how they connect ---------------------------------------------------

def _entities(value, nodes: dict, rels: list) -> None:
    if is_node(value):
        nodes.setdefault(node_key(value), value)
    elif is_relationship(value):
        rels.append(value)
    elif is_path(value):
        for item in value["nodes"] + value["relationships"]:
            _entities(item, nodes, rels)
    elif isinstance(value, list):
        for item in value:
            _entities(item, nodes, rels)


def oriented(a: dict, rel_type: str, b: dict) -> tuple[dict, dict, bool]:
    """(start, end, sure): the results carry no direction, the ontology does when the two labels
    allow only one (a release is OF_MODEL a model); between two models, the result's order."""
    ends = relationship_ends().get(rel_type, set())
    forward, backward = (_label(a), _label(b)) in ends, (_label(b), _label(a)) in ends
    if backward and not forward:
        return b, a, True
    return a, b, forward and not backward


def _row_edges(row: dict, columns: list[str]) -> list[tuple[dict, dict, dict]]:
    """(node, relationship, node) triples a row states: along each path, and in a row of nodes and
    relationships that alternate (RETURN a, r, b) or of one relationship and two nodes."""
    edges = []
    for value in row.values():
        if is_path(value):
            ns, rs = value["nodes"], value["relationships"]
            edges += [(ns[i], rs[i], ns[i + 1]) for i in range(min(len(rs), len(ns) - 1))]
    items = [row[c] for c in columns if is_node(row[c]) or is_relationship(row[c])]
    kinds = "".join("n" if is_node(v) else "r" for v in items)
    if kinds.count("r") == 1 and kinds.count("n") == 2:
        ns = [v for v in items if is_node(v)]
        edges.append((ns[0], next(v for v in items if is_relationship(v)), ns[1]))
    elif kinds.startswith("nrn") and kinds == "n" + "rn" * kinds.count("r"):
        edges += [(items[i], items[i + 1], items[i + 2]) for i in range(0, len(items) - 2, 2)]
    return edges


def connections(rows: list[dict], columns: list[str]) -> list[dict]:
    """Every relationship the rows connect to its two nodes, once, oriented as the ontology says."""
    out, seen = [], set()
    for row in rows:
        for a, rel, b in _row_edges(row, columns):
            start, end, sure = oriented(a, rel["type"], b)
            key = (node_key(start), rel["type"], node_key(end), json.dumps(rel, sort_keys=True, default=str))
            if key not in seen:
                seen.add(key)
                out.append({"start": start, "rel": rel, "end": end, "sure": sure})
    return out


# -- tables and the graph ---------------------------------------------------------------------------

def node_rows(nodes: dict) -> list[dict]:
    keys = sorted({k for n in nodes.values() for k in n if k not in SKIPPED})
    rows = []
    for node in nodes.values():
        props = {k: fact(k, node.get(k), short=True) for k in keys}
        rows.append({"labels": ", ".join(node["labels"]), "name": node.get("name"), "page": entity_url(node.get("id")),
                     "id": node.get("id"), **props, "sources": fact("sources", node.get("sources"))})
    return rows


def relationship_rows(rels: list[dict], links: list[dict]) -> list[dict]:
    """One row per relationship: its type, its two ends when the result tells them, its properties."""
    rows, seen = [], set()
    for link in links:
        # by content, not identity: a relationship met in two paths (Neo4j returns it twice) is one
        seen.add(json.dumps(link["rel"], sort_keys=True, default=str))
        rows.append(_rel_row(link["rel"], _caption(link["start"]), _caption(link["end"])))
    rows += [_rel_row(rel, None, None) for rel in rels if json.dumps(rel, sort_keys=True, default=str) not in seen]
    unique = {json.dumps(r, sort_keys=True, default=str): r for r in rows}
    return list(unique.values())


def _rel_row(rel: dict, start: str | None, end: str | None) -> dict:
    return {"from": start, "type": rel["type"], "to": end, "properties": details(rel),
            "sources": fact("sources", rel.get("sources"))}


def result_graph(nodes: dict, links: list[dict]) -> VisualizationGraph:
    drawn = {node_key(link[side]) for link in links for side in ("start", "end")}
    keys = list(dict.fromkeys([*drawn, *nodes]))[:GRAPH_AT_MOST]
    shown = {k: nodes.get(k) or next(link[s] for link in links for s in ("start", "end") if node_key(link[s]) == k)
             for k in keys}
    graph = VisualizationGraph(
        nodes=[Node(id=k, caption=_caption(n), size=30, caption_size=2, color=LABEL_COLORS.get(_label(n), "#888888"))
               for k, n in shown.items()],
        relationships=[Relationship(source=node_key(link["start"]), target=node_key(link["end"]),
                                    caption=link["rel"]["type"]) for link in links
                       if node_key(link["start"]) in shown and node_key(link["end"]) in shown])
    labels = sorted({_label(n) for n in shown.values()})
    graph.set_legend(nodes={label: LABEL_COLORS.get(label, "#888888") for label in labels})
    return graph


def _money_columns(columns: list[str]) -> dict:
    """Columns of amounts (amount_usd, …) shown as whole dollars with their currency."""
    return {c: st.column_config.NumberColumn(c, format=USD_FORMAT) for c in columns
            if "usd" in c.lower() or c.lower() == "amount"}


def show_result(result) -> None:
    st.caption(f"{len(result.rows)} row(s)" + (" — truncated" if result.truncated else ""))
    table = [{c: summary(r[c]) for c in result.columns} for r in result.rows]
    st.dataframe(table or {c: [] for c in result.columns}, hide_index=True, width="stretch", key="cypher_result",
                 column_config=_money_columns(result.columns), placeholder="")
    nodes: dict = {}
    rels: list = []
    for row in result.rows:
        for value in row.values():
            _entities(value, nodes, rels)
    links = connections(result.rows, result.columns)
    if links:
        st.subheader("As a graph")
        st.iframe(result_graph(nodes, links).render(height="460px", show_search_button=False).data, height=480)
        if not all(link["sure"] for link in links):
            st.caption("Arrows follow the ontology; between two entities of the same kind (a model BASED_ON "
                       "another) they follow the order of the result, which does not carry a direction.")
        if len(nodes) > GRAPH_AT_MOST:
            st.caption(f"The first {GRAPH_AT_MOST} of {len(nodes)} nodes drawn; the tables hold them all.")
    if nodes:
        st.subheader(f"Nodes ({len(nodes)})")
        show(node_rows(nodes), "cypher_nodes", config={"page": link_column(), "labels": st.column_config.TextColumn(
            "labels", width=100)})
    if rels:
        rows = relationship_rows(rels, links)
        st.subheader(f"Relationships ({len(rows)})")
        show(rows, "cypher_relationships", columns=["from", "type", "to", "properties", "sources"])


def _load_example() -> None:
    query, params = EXAMPLES[st.session_state["cypher_example"]]
    st.session_state["cypher"], st.session_state["cypher_params"] = query, params


def render() -> None:
    st.title("Cypher console (read-only)")
    st.selectbox("Examples", list(EXAMPLES), key="cypher_example", on_change=_load_example,
                 help="Fills in the query and its parameters")
    # defaults through the session state, which the examples also write (never both ways at once)
    st.session_state.setdefault("cypher", EXAMPLE)
    st.session_state.setdefault("cypher_params", '{"year": "2024"}')
    query = st.text_area("Query", height=140, key="cypher")
    params_text = st.text_input("Parameters (JSON)", key="cypher_params")
    left, right = st.columns(2)
    limit = left.number_input("Row limit", min_value=1, max_value=5000, value=200, key="cypher_limit")
    timeout = right.number_input("Timeout (s)", min_value=1, max_value=120, value=15, key="cypher_timeout")
    if not st.button("Run", key="cypher_run", type="primary"):
        return
    try:
        params = json.loads(params_text or "{}")
        if not isinstance(params, dict):
            raise InputError("parameters must be a JSON object")
        check_read_only(query)
        result = store().read_only(query, params, limit=int(limit), timeout=float(timeout))
    except RefusedQuery as exc:
        st.error(f"Refused: {plain(exc)}")
        return
    except ValueError as exc:
        st.error(f"Invalid parameters: {plain(exc)}")
        return
    except Exception as exc:  # the server's refusal or a query error, shown as such
        st.error(f"Query failed: {plain(getattr(exc, 'message', None) or exc)}")
        return
    show_result(result)
