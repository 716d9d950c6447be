"""The aikg Streamlit app: thin navigation over the pages in aikg/ui (no Cypher here)."""
from __future__ import annotations

import streamlit as st

from aikg.ui import ask_page, cypher_page, explore_page, export_page, openness_page, timeline_page

st.set_page_config(page_title="aikg — AI release landscape", layout="wide")

navigation = st.navigation([
    st.Page(ask_page.render, title="Ask", url_path="ask", default=True),
    st.Page(explore_page.render, title="Explore", url_path="explore"),
    st.Page(openness_page.render, title="Openness", url_path="openness"),
    st.Page(timeline_page.render, title="Timeline", url_path="timeline"),
    st.Page(cypher_page.render, title="Cypher", url_path="cypher"),
    st.Page(export_page.render, title="Export", url_path="export"),
])
navigation.run()
