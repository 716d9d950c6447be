"""Analytics: who is central in the release-deal-role network, which models spawned the
most derivatives, and the communities the network falls into (networkx).
Every table shows all its columns: names with a link to their page instead of long ids,
numbers in narrow columns."""
from __future__ import annotations

import streamlit as st

from aikg.ui.common import store
from aikg.ui.tables import entity_url, link_column, show
from graph.analytics import analyze

NUMBER = {"width": 90}


@st.cache_data(ttl=600, show_spinner="Measuring the network…")
def _result() -> dict:
    return analyze(store())


def _linked(rows: list[dict]) -> list[dict]:
    return [{**row, "name": row.get("name") or row["id"], "page": entity_url(row["id"])} for row in rows]


def _ranked(rows: list[dict], key: str, numbers: dict[str, str]) -> None:
    """A name, its link and a few numbers: fits half the page's width."""
    config = {"name": st.column_config.TextColumn("name", width="medium"), "page": link_column()}
    config |= {column: st.column_config.NumberColumn(label, help=help_text, **NUMBER)
               for column, (label, help_text) in numbers.items()}
    show(_linked(rows), key, columns=["name", "page", *numbers], config=config)


def render() -> None:
    st.title("Network analytics")
    result = _result()
    net = result["network"]
    st.caption(f"Actor network: {net['nodes']} organizations, people, releases, deals and models; "
               f"{net['edges']} links; {net['components']} connected parts.")
    centrality = {"betweenness": ("betweenness", ("How often the entity lies on shortest paths between "
                                                  "others, on a sample")),
                  "degree": ("links", "Releases, models, deals, roles and organizations it is linked to")}
    left, right = st.columns(2)
    with left:
        st.subheader("Most central organizations")
        _ranked(result["centrality"]["Organization"], "central_orgs", centrality)
    with right:
        st.subheader("Most central people")
        _ranked(result["centrality"]["Person"], "central_people", centrality)
    left, right = st.columns(2)
    with left:
        st.subheader("Most derived base models")
        _ranked(result["lineage"]["most_derived"], "derived",
                {"descendants": ("descendants", "Models derived from it, directly or through others"),
                 "direct": ("direct", "Models derived from it directly")})
    with right:
        st.subheader("Deepest lineages")
        _ranked(result["lineage"]["deepest"], "deepest",
                {"depth": ("depth", "Derivation steps between the model and its furthest base")})
    st.subheader("Communities")
    show([{**c, "organizations": ", ".join(filter(None, c["organizations"]))} for c in result["communities"]],
         "communities", columns=["community", "size", "organizations"],
         config={"community": st.column_config.NumberColumn("community", width=90),
                 "size": st.column_config.NumberColumn("size", width=70, help="Entities in the community"),
                 "organizations": st.column_config.TextColumn("its most connected organizations", width="large")})
