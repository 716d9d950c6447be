"""The aikg Streamlit app: thin navigation over the pages in aikg/ui (no Cypher here).

Pages are imported when first shown, so the first page does not wait for the others'
imports (the graph component, charts, RDF)."""
from __future__ import annotations

import importlib

import streamlit as st

st.set_page_config(page_title="aikg — AI release landscape", layout="wide")

PAGES = [("Overview", "overview", "overview_page"), ("Ask", "ask", "ask_page"), ("Explore", "explore", "explore_page"),
         ("Openness", "openness", "openness_page"), ("Timeline", "timeline", "timeline_page"),
         ("Analytics", "analytics", "analytics_page"), ("Cypher", "cypher", "cypher_page"),
         ("Export", "export", "export_page")]


def _page(module: str):
    def render() -> None:
        importlib.import_module(f"aikg.ui.{module}").render()
    render.__name__ = module  # Streamlit tells pages apart by their function's name
    return render


navigation = st.navigation([st.Page(_page(module), title=title, url_path=path, default=(path == "overview"))
                            for title, path, module in PAGES])
# A served app shows readers no "Deploy" button or developer menu. Set here, so that any
# `streamlit run app.py` (any working directory, an installed wheel) gets it; an explicit
# --client.toolbarMode on the command line is kept. The first run of a fresh server already
# announced the old mode to its browser, hence one rerun to announce the new one — after
# st.navigation, so that it reruns the page asked for (before it, the default page ran).
if st.get_option("client.toolbarMode") == "auto":
    st.set_option("client.toolbarMode", "viewer")
    st.rerun()
navigation.run()
