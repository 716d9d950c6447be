"""The aikg Streamlit app: thin navigation over the pages in aikg/ui (no Cypher here).

Pages are imported when first shown, so the first page does not wait for the others'
imports (the graph component, charts, RDF)."""
from __future__ import annotations

import importlib

import streamlit as st

st.set_page_config(page_title="aikg — AI release landscape", layout="wide")

PAGES = [("Ask", "ask", "ask_page"), ("Explore", "explore", "explore_page"), ("Openness", "openness", "openness_page"),
         ("Timeline", "timeline", "timeline_page"), ("Analytics", "analytics", "analytics_page"),
         ("Cypher", "cypher", "cypher_page"),
         ("Export", "export", "export_page")]


def _page(module: str):
    def render() -> None:
        importlib.import_module(f"aikg.ui.{module}").render()
    render.__name__ = module  # Streamlit tells pages apart by their function's name
    return render


navigation = st.navigation([st.Page(_page(module), title=title, url_path=path, default=(path == "ask"))
                            for title, path, module in PAGES])
navigation.run()
