"""Timeline: releases over time coloured by how openly the weights shipped; deals and
role changes on the same axis."""
from __future__ import annotations

import altair as alt
import streamlit as st

from aikg.ui.common import GRADE_COLORS, NEWEST_RELEASES, newest_note, store
from graph import openness, queries


def _day(date: str) -> str:
    """A partial date placed at the start of its period, for plotting."""
    return (date + "-01-01")[:10] if len(date) == 4 else (date + "-01")[:10] if len(date) == 7 else date


@st.cache_data(ttl=300, show_spinner="Building the timeline…")
def _events(org: str | None) -> tuple[list[dict], int]:
    """Dated events, and how many releases there are in all (more than shown without an organization)."""
    s = store()
    if org:
        ids = openness.organization_release_ids(s, org)
        total = len(set(ids))
    else:
        ids, total = queries.newest_release_ids(s, NEWEST_RELEASES)
    releases = [{"date": p["date"], "day": _day(p["date"]), "kind": "release", "title": p["name"],
                 "weights": p["dimensions"]["weights"]["grade"]} for p in openness.release_profiles(s, ids)
                if p["date"]]
    others = [{"date": e["date"], "day": _day(e["date"]), "kind": e["kind"], "title": e["title"],
               "weights": e["kind"]} for e in queries.timeline_events(s, org)]
    return releases + others, total


def render() -> None:
    st.title("Timeline")
    orgs = queries.organizations_with_releases(store())
    org = st.selectbox("Organization", [None] + [o["id"] for o in orgs], key="timeline_org",
                       format_func=lambda i: "all organizations" if i is None
                       else next(o["name"] for o in orgs if o["id"] == i))
    events, total = _events(org)
    newest_note(sum(e["kind"] == "release" for e in events), total)
    st.caption(f"{sum(e['kind'] == 'release' for e in events)} releases, "
               f"{sum(e['kind'] == 'deal' for e in events)} deals, {sum(e['kind'] == 'role' for e in events)} roles")
    if not events:
        return
    palette = {**GRADE_COLORS, "deal": "#6A1B9A", "role": "#0277BD"}
    chart = alt.Chart(alt.Data(values=events)).mark_circle(size=90).encode(
        x=alt.X("day:T", title="date"),
        y=alt.Y("kind:N", title=None, sort=["release", "deal", "role"]),
        color=alt.Color("weights:N", title="weights / event",
                        scale=alt.Scale(domain=list(palette), range=list(palette.values()))),
        tooltip=["date:N", "title:N", "weights:N"],
    ).properties(height=260)
    st.altair_chart(chart, width="stretch")
    st.dataframe(sorted(events, key=lambda e: e["day"]), hide_index=True, width="stretch", key="events",
                 column_order=["date", "kind", "title", "weights"])
