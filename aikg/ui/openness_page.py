"""Openness: releases × dimensions, graded open / restricted / closed / unknown, with the MOF class.
Newest releases first; the release, its MOF class, weights and license come first, in narrow
columns, so they are in view without scrolling sideways."""
from __future__ import annotations

import streamlit as st

from aikg.ui.common import GRADE_COLORS, NEWEST_RELEASES, newest_note, store
from aikg.ui.tables import entity_url, link_column
from graph import frontier, openness, queries

DIMENSIONS = list(openness.DIMENSIONS) + ["license"]
# weights and license first: what "open" is mostly about; then the rest as graph/openness.py lists them
SHOWN = ["weights", "license"] + [d for d in openness.DIMENSIONS if d != "weights"]
SHORT = {"architecture": "arch.", "training_code": "train code", "inference_code": "infer. code",
         "training_data": "train data", "fine_tuning_recipe": "FT recipe", "evaluation": "eval", "paper": "paper",
         "model_card": "model card", "data_card": "data card", "checkpoints": "ckpts"}
# A symbol as well as a colour: "unknown" (nothing recorded) reads apart from "closed" (withheld)
# at a glance, also to a reader who does not tell red from grey.
SYMBOLS = {"open": "✓ open", "restricted": "◐ restr.", "closed": "✕ closed", "unknown": "?"}
STYLES = {"open": f"background-color: {GRADE_COLORS['open']}; color: white",
          "restricted": f"background-color: {GRADE_COLORS['restricted']}; color: black",
          "closed": f"background-color: {GRADE_COLORS['closed']}; color: white",
          "unknown": "background-color: #FFFFFF; color: #9E9E9E"}
LEGEND = ("✓ open · ◐ restricted (gated, or a license with use restrictions) · ✕ closed (withheld) · "
          "? unknown (nothing recorded)")


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


def newest_first(profiles: list[dict]) -> list[dict]:
    """Newest release first; undated ones last (ISO dates of any precision sort as text)."""
    dated = sorted((p for p in profiles if p["date"]), key=lambda p: (p["date"], p["release"]), reverse=True)
    return dated + [p for p in profiles if not p["date"]]


def matrix_rows(profiles: list[dict]) -> list[dict]:
    return [{"date": p["date"], "release": p["name"], "page": entity_url(p["release"]), "MOF class": p["mof"]["label"],
             **{d: p["dimensions"][d]["grade"] for d in DIMENSIONS}, "model": p["model_name"]}
            for p in newest_first(profiles)]


def unknown_note(rows: list[dict]) -> str:
    cells = len(rows) * len(DIMENSIONS)
    unknown = sum(row[d] == "unknown" for row in rows for d in DIMENSIONS)
    weights = sum(row["weights"] == "unknown" for row in rows)
    licenses = sum(row["license"] == "unknown" for row in rows)
    share = f" ({unknown / cells:.0%})" if cells else ""
    return (f"**{unknown:,} of {cells:,} grades are unknown**{share}: nothing recorded either way. "
            f"Weights unknown for {weights:,} release(s), license for {licenses:,}.")


def render() -> None:
    st.title("Openness matrix")
    st.caption("Each release graded per dimension from the artifacts it shipped and their licenses.")
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
    rows = matrix_rows(profiles)
    st.caption(f"{len(rows)} release(s), newest first. {LEGEND}")
    if not rows:
        return
    st.markdown(unknown_note(rows))
    st.dataframe(_table_style(rows), hide_index=True, width="stretch", height=560, key="matrix", placeholder="",
                 column_order=["date", "release", "page", "MOF class", *SHOWN, "model"],
                 column_config=_columns())


def _columns() -> dict:
    # not pinned: Streamlit greys the text of pinned columns, and these are the ones read most
    first = {"date": st.column_config.TextColumn("date", width=80),
             "release": st.column_config.TextColumn("release", width=230),
             "page": link_column(),
             "MOF class": st.column_config.TextColumn(
                 "MOF class", width=150,
                 help="Model Openness Framework class from the components released and their licenses"),
             "model": st.column_config.TextColumn("model", width="medium")}
    grades = {d: st.column_config.TextColumn(SHORT.get(d, d), width=78, help=d.replace("_", " "))
              for d in DIMENSIONS}
    return {**first, **grades}


def _table_style(rows: list[dict]):
    import pandas as pd

    frame = pd.DataFrame(rows)
    # the cells keep the grade words (what a download or a test reads); only their display changes
    return frame.style.map(lambda g: STYLES.get(g, ""), subset=DIMENSIONS).format(
        lambda g: SYMBOLS.get(g, g), subset=DIMENSIONS)
