"""Timeline: releases over time coloured by how openly the weights shipped; deals and
role changes on the same axis. The axis spans the releases: a role or deal that started long
before is drawn at the left edge (its real date in the tooltip and the table)."""
from __future__ import annotations

from datetime import date, timedelta

import altair as alt
import streamlit as st

from aikg.ui.common import GRADE_COLORS, NEWEST_RELEASES, newest_note, store
from aikg.ui.tables import USD_FORMAT, entity_url, link_column, money_short, show
from graph import browse, openness, queries

KINDS = ["release", "deal", "role"]
PALETTE = {**GRADE_COLORS, "deal": "#6A1B9A", "role": "#0277BD"}
MARGIN = 0.03  # of the releases' span, on each side of the axis
MIN_MARGIN = timedelta(days=30)


def _day(date_text: str) -> str:
    """A partial date placed at the start of its period, for plotting."""
    if len(date_text) == 4:
        return date_text + "-01-01"
    return (date_text + "-01")[:10] if len(date_text) == 7 else date_text


@st.cache_data(ttl=300, show_spinner="Building the timeline…")
def _events(org: str | None) -> tuple[list[dict], int]:
    """Dated events, and how many releases there are in all (more than shown without an organization)."""
    s = store()
    if org:
        ids = openness.organization_release_ids(s, org)
        total = len(set(ids))
    else:
        ids, total = queries.newest_release_ids(s, NEWEST_RELEASES)
    releases = [{"id": p["release"], "date": p["date"], "day": _day(p["date"]), "kind": "release", "title": p["name"],
                 "weights": p["dimensions"]["weights"]["grade"]} for p in openness.release_profiles(s, ids)
                if p["date"]]
    others = [{"id": e["id"], "date": e["date"], "day": _day(e["date"]), "kind": e["kind"], "title": e["title"],
               "weights": e["kind"]} for e in queries.timeline_events(s, org)]
    amounts = browse.deal_amounts(s, [e["id"] for e in others if e["kind"] == "deal"])
    for event in others:
        if event["kind"] == "deal":
            event["amount_usd"] = amounts.get(event["id"])
    return releases + others, total


def _parsed(day: str) -> date | None:
    try:
        return date.fromisoformat(day)
    except ValueError:  # the date pattern lets through a day no calendar has (2024-02-30)
        return None


def axis_domain(events: list[dict]) -> list[str] | None:
    """The releases' first and last day with a little margin: what the axis spans."""
    days = sorted(d for e in events if e["kind"] == "release" and (d := _parsed(e["day"])))
    if not days:
        return None
    margin = max((days[-1] - days[0]) * MARGIN, MIN_MARGIN)
    return [(days[0] - margin).isoformat(), (days[-1] + margin).isoformat()]


def table_rows(events: list[dict]) -> list[dict]:
    """Releases first, then deals, then roles; each newest first."""
    rows = sorted(events, key=lambda e: e["day"], reverse=True)
    rows.sort(key=lambda e: KINDS.index(e["kind"]) if e["kind"] in KINDS else len(KINDS))
    return [{"kind": e["kind"], "date": e["date"], "title": e["title"],
             "weights": e["weights"] if e["kind"] == "release" else None, "amount": e.get("amount_usd"),
             "page": entity_url(e["id"])} for e in rows]


def chart(events: list[dict], domain: list[str] | None) -> alt.Chart:
    first = domain[0] if domain else None
    points = [{**e, "shown": "before the axis" if first and e["day"] < first else "",
               "amount": money_short(e.get("amount_usd")) or ""} for e in events]
    scale = alt.Scale(domain=domain, clamp=True) if domain else alt.Scale()
    return alt.Chart(alt.Data(values=points)).mark_point(size=90, filled=True, opacity=0.85).encode(
        x=alt.X("day:T", title=None, scale=scale, axis=alt.Axis(format="%Y", tickCount="year")),
        y=alt.Y("kind:N", title=None, sort=KINDS),
        color=alt.Color("weights:N", title="weights / event",
                        scale=alt.Scale(domain=list(PALETTE), range=list(PALETTE.values()))),
        # events earlier than the axis sit on its left edge as triangles pointing back in time
        shape=alt.Shape("shown:N", legend=None,
                        scale=alt.Scale(domain=["", "before the axis"], range=["circle", "triangle-left"])),
        tooltip=["date:N", "title:N", "weights:N", alt.Tooltip("amount:N", title="amount"), "shown:N"],
    ).properties(height=260)


def render() -> None:
    st.title("Timeline")
    orgs = queries.organizations_with_releases(store())
    org = st.selectbox("Organization", [None] + [o["id"] for o in orgs], key="timeline_org",
                       format_func=lambda i: "all organizations" if i is None
                       else next(o["name"] for o in orgs if o["id"] == i))
    events, total = _events(org)
    counts = {kind: sum(e["kind"] == kind for e in events) for kind in KINDS}
    newest_note(counts["release"], total)
    domain = axis_domain(events)
    earlier = sum(1 for e in events if domain and e["day"] < domain[0])
    st.caption(f"{counts['release']} releases, {counts['deal']} deals, {counts['role']} roles"
               + (f"; {earlier} event(s) before the first release sit at the left edge (◀)" if earlier else ""))
    if not events:
        return
    st.altair_chart(chart(events, domain), width="stretch")
    show(table_rows(events), "events", columns=["kind", "date", "title", "page", "weights", "amount"],
         config={"kind": st.column_config.TextColumn("kind", width=70),
                 "date": st.column_config.TextColumn("date", width=90),
                 "title": st.column_config.TextColumn("title", width="large"),
                 "page": link_column(),
                 "weights": st.column_config.TextColumn("weights", width=90),
                 "amount": st.column_config.NumberColumn("amount", format=USD_FORMAT, width=150,
                                                         help="Announced amount, whole US dollars")})
