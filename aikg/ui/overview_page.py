"""Overview, the first page: the landscape at a glance, drawn — releases per quarter by lab
coloured by how their weights shipped, the share of frontier releases that shipped weights
per year, the newest releases, and the graph's size and freshness. A click on a chart opens
the page below it (a lab's Timeline, the frontier answer in Ask, a release in Explore)."""
from __future__ import annotations

import copy

import altair as alt
import streamlit as st

from aikg.ui.common import GRADE_COLORS, go_to, graph_version, load_state, plain, store
from aikg.ui.tables import entity_url, link_column
from graph import catalog, overview
from graph.store import StoreError

GOTO = "overview_goto"  # where a chart click leads, followed at the start of the next run
QUARTERS_CHART, FRONTIER_CHART = "overview_quarters", "overview_frontier"
RANK = {grade: i for i, grade in enumerate(overview.GRADES)}  # stacking order: open at the bottom
WEIGHTS_MEANING = ("**open**: downloadable under an open license · **restricted**: gated, or under a license "
                   "with use restrictions · **closed**: not released · **unknown**: nothing recorded about "
                   "the weights (graded as on the Openness page)")
MOST_QUARTERS = 40  # ten years of quarters at most
CHART_WIDTH = 680  # pixels for the quarters, beside the lab names, in the page's wide layout
LOAD_HINT = ("Load the curated data with `aikg up` (it starts the store, loads the data and serves this app), "
             "or run `aikg up --no-app` in a terminal and reload this page.")


@st.cache_data(ttl=300, show_spinner="Reading the landscape…")
def _landscape(version: str | None) -> dict:
    """Keyed on the graph's load version alone (a new load reads afresh; nothing a user types
    reaches the key); the ttl picks up imports, which keep no load version."""
    return overview.landscape(store())


@st.cache_data(ttl=300, show_spinner=False)
def _specs(version: str | None) -> dict:
    """The charts as Vega-Lite specs, built once per graph version."""
    data = _landscape(version)
    return {"quarters": quarters_chart(data["per_quarter"]) if quarter_range(data["per_quarter"]["bars"]) else None,
            "frontier": frontier_chart(data["frontier"]).to_dict() if data["frontier"] else None}


def _picked(key: str) -> dict | None:
    """The point clicked in a chart (its selection named "pick"), if any."""
    selection = (st.session_state.get(key) or {}).get("selection") or {}
    points = selection.get("pick") or []
    return points[0] if points else None


def _open_lab() -> None:
    """A bar of a lab: that lab's Timeline ("Other labs": every organization's)."""
    if point := _picked(QUARTERS_CHART):
        lab = point.get("lab_id")
        st.session_state[GOTO] = ("timeline", {"timeline_org": lab}, {"org": lab} if lab else {})


def _open_frontier() -> None:
    """A bar of a year: the frontier models that shipped weights, or those that never did, in Ask."""
    if point := _picked(FRONTIER_CHART):
        name = ("frontier_models_with_weights" if point.get("weights") in overview.SHIPPED
                else "frontier_models_without_weights")
        st.session_state[GOTO] = ("ask", {}, {"q": catalog.CATALOG[name].title})


def _follow_click() -> None:
    """Navigation cannot happen inside a chart's callback: it is recorded there, done here."""
    if target := st.session_state.pop(GOTO, None):
        url_path, state, params = target
        go_to(url_path, state, **params)


def _grade_color(title: str = "weights") -> alt.Color:
    return alt.Color("weights:N", title=title, sort=list(overview.GRADES),
                     scale=alt.Scale(domain=list(GRADE_COLORS), range=list(GRADE_COLORS.values())))


def quarter_range(bars: list[dict], most: int = MOST_QUARTERS) -> list[str]:
    """Every quarter from the first to the last drawn, empty ones included (a gap is news too),
    at most the `most` latest (an Epoch import reaches back to the 1950s)."""
    quarters = sorted({b["quarter"] for b in bars})
    if not quarters:
        return []
    (year, q), last = _parts(quarters[0]), _parts(quarters[-1])
    out = []
    while (year, q) <= last:
        out.append(f"{year} Q{q}")
        year, q = (year + 1, 1) if q == 4 else (year, q + 1)
    return out[-most:]


def _parts(quarter: str) -> tuple[int, int]:
    return int(quarter[:4]), int(quarter[-1])


def _strip(quarters: list[str], pick) -> dict:
    """One lab's strip as a Vega-Lite unit spec without data (Altair builds and checks it once)."""
    return alt.Chart().mark_bar(cursor="pointer").encode(
        x=alt.X("quarter:O", title=None, scale=alt.Scale(domain=quarters, paddingInner=0.15),
                axis=alt.Axis(labelAngle=0, ticks=False, labels=False,
                              labelExpr="slice(datum.label, 5) == 'Q1' ? slice(datum.label, 0, 4) : ''")),
        y=alt.Y("releases:Q", axis=alt.Axis(tickCount=2, grid=False, labelFontSize=9, format="d", titleAngle=0,
                                            titleAlign="right", titleBaseline="middle", titleFontSize=12,
                                            titleFontWeight="normal", titlePadding=10, titleLimit=190)),
        color=_grade_color(),
        order=alt.Order("rank:Q"),
        opacity=alt.condition(pick, alt.value(1.0), alt.value(0.35)),
        tooltip=[alt.Tooltip("lab:N"), alt.Tooltip("quarter:N"), alt.Tooltip("weights:N"), alt.Tooltip("releases:Q")],
    ).add_params(pick).properties(width=max(8, CHART_WIDTH // max(len(quarters), 1)) * len(quarters),
                                  height=34).to_dict()


def quarters_chart(per_quarter: dict) -> dict:
    """Small multiples as a Vega-Lite spec: one strip per lab, each on its own scale (the shift
    between open and closed within a lab is the story, and "Other labs" would flatten the rest),
    one stacked bar per quarter coloured by weights grade, one click selection over all strips.
    Strips rather than a facet, whose row labels cannot be set level with their strips; put
    together here from one Altair-built strip, as Altair took a second to stack eleven."""
    quarters = quarter_range(per_quarter["bars"])
    shown = set(quarters)
    pick = alt.selection_point(name="pick", fields=["lab_id", "lab", "quarter", "weights"])
    template = _strip(quarters, pick)
    schema, select = template.pop("$schema"), template.pop("params")[0]["select"]
    template.pop("config", None)
    views = []
    for i, lab in enumerate(per_quarter["labs"]):
        view = copy.deepcopy(template)
        view["name"] = f"strip_{i}"
        view["data"] = {"values": [{**b, "rank": RANK[b["weights"]]} for b in per_quarter["bars"]
                                   if b["lab"] == lab and b["quarter"] in shown]}
        view["encoding"]["y"]["title"] = lab
        view["encoding"]["x"]["axis"]["labels"] = i == len(per_quarter["labs"]) - 1  # years under the last
        views.append(view)
    return {"$schema": schema, "vconcat": views, "spacing": 6,
            "params": [{"name": "pick", "select": select, "views": [v["name"] for v in views]}],
            "config": {"legend": {"orient": "top", "title": None}, "view": {"stroke": None}}}


def frontier_chart(rows: list[dict]) -> alt.LayerChart:
    """Per year, the frontier releases by weights grade as shares of the year, "shipped/all" on top;
    a year between without any frontier release keeps its place, marked "–"."""
    pick = alt.selection_point(name="pick", fields=["year", "weights"])
    first, last = int(rows[0]["year"]), int(rows[-1]["year"])
    years = [str(y) for y in range(first, last + 1)]
    x = alt.X("year:O", title=None, scale=alt.Scale(domain=years), axis=alt.Axis(labelAngle=0, labelOverlap=False))
    bars = alt.Chart(alt.Data(values=[{**r, "rank": RANK[r["weights"]]} for r in rows])).mark_bar(
        cursor="pointer").encode(
        x=x,
        y=alt.Y("releases:Q", stack="normalize", title="share of the year's frontier releases",
                axis=alt.Axis(format="%")),
        color=_grade_color(),
        order=alt.Order("rank:Q"),
        opacity=alt.condition(pick, alt.value(1.0), alt.value(0.35)),
        tooltip=[alt.Tooltip("year:N"), alt.Tooltip("weights:N"), alt.Tooltip("releases:Q"),
                 alt.Tooltip("total:Q", title="frontier releases that year"),
                 alt.Tooltip("share_shipped:Q", title="share that shipped weights", format=".0%")],
    ).add_params(pick)
    totals = {r["year"]: f"{r['shipped']}/{r['total']}" for r in rows}
    labels = alt.Chart(alt.Data(values=[{"year": y, "label": totals.get(y, "–"), "top": 1} for y in years])).mark_text(
        dy=-8, fontSize=11).encode(x=x, y="top:Q", text="label:N")
    return alt.layer(bars, labels).properties(height=300).configure_legend(orient="top", title=None, columns=2)


def _metrics(data: dict) -> None:
    cells = st.columns(5)
    cells[0].metric("Releases", f"{data['releases']:,}")
    cells[1].metric("Organizations", f"{data['organizations']:,}")
    cells[2].metric("Nodes", f"{data['nodes']:,}")
    cells[3].metric("Relationships", f"{data['relationships']:,}")
    cells[4].metric("Newest fact", data["newest_fact"] or "—",
                    help=f"The newest release is dated {data['newest_release'] or '—'}, the newest source "
                         f"{data['newest_source'] or '—'}.")


def _newest(rows: list[dict]) -> None:
    import pandas as pd

    table = pd.DataFrame([{"page": entity_url(r["id"]), "date": r["date"], "release": r["name"],
                           "lab": ", ".join(o["name"] or o["id"] for o in r["orgs"]), "weights": r["weights"]}
                          for r in rows])
    colored = table.style.map(lambda g: f"background-color: {GRADE_COLORS[g]}; color: white" if g in GRADE_COLORS
                              else "", subset=["weights"])
    st.dataframe(colored, hide_index=True, width="stretch", key="overview_newest", height=36 * (len(rows) + 1) + 2,
                 column_config={"page": link_column("page", help="Open the release's page in Explore"),
                                "date": st.column_config.TextColumn("date", width="small"),
                                "release": st.column_config.TextColumn("release", width="medium"),
                                "lab": st.column_config.TextColumn("lab", width="small"),
                                "weights": st.column_config.TextColumn("weights", width="small")})
    st.caption("The first column opens a release's page: its artifacts, licenses and sources.")


def _reachable() -> bool:
    try:
        load_state()
    except StoreError:
        return False
    return True


def _redraw_when(ready, every: str = "2s") -> None:
    """Poll `ready` in the background and redraw the whole page once it holds: a page opened
    while `aikg up` still starts the store or loads the graph fills in by itself."""
    @st.fragment(run_every=every)
    def poll() -> None:
        if ready():
            st.rerun(scope="app")
    poll()


def _drawn(data: dict, specs: dict) -> None:
    per_quarter = data["per_quarter"]
    st.subheader("Releases per quarter by lab, coloured by what the weights were")
    st.caption(WEIGHTS_MEANING)
    if specs["quarters"]:
        _quarters(per_quarter, specs["quarters"])
    else:
        st.info("No release is dated to the month: none can be placed in a quarter.")
    _frontier_and_newest(data, specs["frontier"])


def _quarters(per_quarter: dict, spec: dict) -> None:
    st.vega_lite_chart(spec=spec, key=QUARTERS_CHART, on_select=_open_lab, selection_mode="pick", width="content")
    quarters = quarter_range(per_quarter["bars"])
    unplaced = f" {per_quarter['unplaced']} release(s) dated only by year are left out." if per_quarter["unplaced"] else ""
    labs = len(per_quarter["labs"]) - (overview.OTHER_LABS in per_quarter["labs"])
    st.caption(f"{quarters[0]} to {quarters[-1]}: the {labs} labs with the most releases, the others together (a "
               "release of several labs counts for each); each strip on its own scale."
               f"{unplaced} Click a bar for that lab's timeline.")


def _frontier_and_newest(data: dict, spec: dict | None) -> None:
    left, right = st.columns([4, 7], gap="large")
    with left:
        st.subheader("Frontier releases that shipped weights")
        if spec:
            st.vega_lite_chart(spec=spec, key=FRONTIER_CHART, on_select=_open_frontier, selection_mode="pick",
                               width="stretch")
        else:
            st.info("No release of a frontier model in the graph.")
        st.caption("Frontier: a model meeting any criterion of `aikg frontier` — Epoch AI's frontier flag, training "
                   "compute of at least 1e25 FLOP, or the curated flag (the default of Ask's frontier questions). "
                   "Shipped = open or restricted; on top, shipped/all releases that year. Click a bar for the models.")
    with right:
        st.subheader("Newest releases")
        _newest(data["newest"])


def render() -> None:
    _follow_click()
    st.title("The AI release landscape")
    st.caption("Who released what, and how openly: the curated graph at a glance. Every chart opens the page below it.")
    try:
        state = load_state()
        if state and state.get("state") == "loading":
            st.info("A load of the graph is in progress: this page fills in by itself when it finishes.")
            _redraw_when(lambda: (load_state() or {}).get("state") != "loading")
            return
        version = graph_version(state)
        data = _landscape(version)
    except StoreError as exc:
        st.error(f"The graph store cannot be reached: {plain(exc)}. Start it with `aikg up` (or `aikg db start`); "
                 "this page fills in by itself once it answers.")
        _redraw_when(_reachable, every="5s")
        return
    if not data["releases"]:
        _landscape.clear()  # an empty graph is not kept: the load that fills it may keep no version
        st.info(("The graph holds no release yet. " if data["nodes"] else "The graph is empty. ") + LOAD_HINT)
        _redraw_when(lambda: overview.has_releases(store()), every="5s")
        return
    _metrics(data)
    _drawn(data, _specs(version))
