"""Openness: releases × dimensions, graded open / restricted / closed / unknown, with the MOF class."""
from __future__ import annotations

import streamlit as st

from aikg.ui.common import (
    GRADE_COLORS,
    NEWEST_RELEASES,
    entity_link,
    newest_note,
    store,
)
from graph import frontier, openness, queries

DIMENSIONS = list(openness.DIMENSIONS) + ["license"]


@st.cache_data(ttl=300, show_spinner="Grading releases…")
def _profiles(org: str | None, criterion: str | None) -> tuple[list[dict], int]:
    """The graded releases, and how many there are in all (more than shown when none narrows them)."""
    s = store()
    if criterion:
        ids = [m["release"] for m in frontier.frontier_models(s, criterion) if m["release"]]
    elif org:
        ids = openness.organization_release_ids(s, org)
    else:
        ids, total = queries.newest_release_ids(s, NEWEST_RELEASES)
        return openness.release_profiles(s, ids), total
    return openness.release_profiles(s, ids), len(set(ids))


def _style(value: str) -> str:
    color = GRADE_COLORS.get(value)
    return f"background-color: {color}; color: white" if color else ""


def render() -> None:
    st.title("Openness matrix")
    st.caption("Each release graded per dimension from the artifacts it shipped and their licenses "
               "(restricted = gated, or a license with use restrictions).")
    orgs = queries.organizations_with_releases(store())
    left, middle, right = st.columns(3)
    org = left.selectbox("Organization", [None] + [o["id"] for o in orgs], key="org",
                         format_func=lambda i: "all" if i is None else next(o["name"] for o in orgs if o["id"] == i))
    criterion = middle.selectbox("Frontier criterion", [None, "epoch", "compute", "curated"], key="criterion",
                                 format_func=lambda c: "any release" if c is None else c)
    profiles, total = _profiles(org, criterion)
    newest_note(len(profiles), total)
    years = sorted({p["date"][:4] for p in profiles if p["date"]})
    if years:
        first, last = right.select_slider("Years", options=years, value=(years[0], years[-1]), key="years")
        profiles = [p for p in profiles if p["date"] and first <= p["date"][:4] <= last]
    rows = [{"release": p["name"], "date": p["date"], "model": p["model_name"],
             **{d: p["dimensions"][d]["grade"] for d in DIMENSIONS},
             "MOF class": p["mof"]["label"], "page": entity_link(p["release"])} for p in profiles]
    st.caption(f"{len(rows)} release(s)")
    if rows:
        styled = _table_style(rows)
        st.dataframe(styled, hide_index=True, width="stretch", key="matrix",
                     column_config={"page": st.column_config.LinkColumn("page", display_text="open")})


def _table_style(rows: list[dict]):
    import pandas as pd

    frame = pd.DataFrame(rows)
    return frame.style.map(_style, subset=DIMENSIONS)
