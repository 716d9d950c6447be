"""Analytics: who is central in the release-deal-role network, which models spawned the
most derivatives, and the communities the network falls into (networkx)."""
from __future__ import annotations

import streamlit as st

from aikg.ui.common import store
from graph.analytics import analyze


@st.cache_data(ttl=600, show_spinner="Measuring the network…")
def _result() -> dict:
    return analyze(store())


def render() -> None:
    st.title("Network analytics")
    result = _result()
    net = result["network"]
    st.caption(f"Actor network: {net['nodes']} organizations, people, releases, deals and models; "
               f"{net['edges']} links; {net['components']} connected parts.")
    left, right = st.columns(2)
    left.subheader("Most central organizations")
    left.dataframe(result["centrality"]["Organization"], hide_index=True, width="stretch", key="central_orgs")
    right.subheader("Most central people")
    right.dataframe(result["centrality"]["Person"], hide_index=True, width="stretch", key="central_people")
    left, right = st.columns(2)
    left.subheader("Base models with the most derivatives")
    left.dataframe(result["lineage"]["most_derived"], hide_index=True, width="stretch", key="derived")
    right.subheader("Deepest lineages")
    right.dataframe(result["lineage"]["deepest"], hide_index=True, width="stretch", key="deepest")
    st.subheader("Communities")
    st.dataframe([{**c, "organizations": ", ".join(filter(None, c["organizations"]))} for c in result["communities"]],
                 hide_index=True, width="stretch", key="communities")
