"""What every page shares: the store, the entity linker, links to entity pages."""
from __future__ import annotations

import re

import streamlit as st

from aikg import context
from aikg.ask import Linker, entity_rows

LABEL_COLORS = {
    "Organization": "#4C78A8", "Person": "#F58518", "Model": "#54A24B", "ModelFamily": "#88D27A",
    "Release": "#E45756", "Artifact": "#B279A2", "License": "#9D755D", "AccessChannel": "#72B7B2",
    "Deal": "#EECA3B", "Source": "#BAB0AC", "Statement": "#FF9DA6", "Benchmark": "#79706E",
    "BenchmarkResult": "#D67195", "SafetyAssessment": "#FA8072", "Dataset": "#439894",
    "Application": "#83BCB6", "Claim": "#D3D3D3",
}
# releases graded when no organization narrows a page down: grading is per release, so
# "all" on a large graph would take seconds (15 s for 14k releases at 100k nodes)
NEWEST_RELEASES = 500
GRADE_COLORS = {"open": "#2E7D32", "restricted": "#F9A825", "closed": "#C62828", "unknown": "#9E9E9E"}
_PUNCTUATION = re.compile(r"([!-/:-@\[-`{-~])")  # all ASCII punctuation: each may be backslash-escaped


def plain(text: object) -> str:
    """Untrusted text (names, ids, notes, error messages) for elements that render Markdown —
    headers, captions, alerts: every Markdown, HTML, LaTeX and directive character escaped and
    line breaks flattened, so it shows exactly as written and can never format, link or load."""
    return _PUNCTUATION.sub(r"\\\1", " ".join(str(text).split()))


def web_link(url: object) -> str | None:
    """Only http(s) addresses become clickable links (a link column opens any scheme it is given)."""
    return url if isinstance(url, str) and url.lower().startswith(("https://", "http://")) else None


@st.cache_resource(show_spinner="Connecting to the graph…")
def store():
    return context.open_store()


@st.cache_resource(show_spinner="Indexing names…")
def linker() -> Linker:
    return Linker(entity_rows(store()))


def entity_link(node_id: str | None) -> str | None:
    """A relative link to the entity's page (the Explore page reads ?id=)."""
    return f"./explore?id={node_id}" if node_id else None


def newest_note(shown: int, total: int) -> None:
    if total > shown:
        st.caption(f"Showing the {shown:,} newest of {total:,} releases; choose an organization to see all of its "
                   "releases.")


def sources_note(sources: list[str], limit: int = 12) -> None:
    if sources:
        shown = ", ".join(sources[:limit]) + (f" … (+{len(sources) - limit})" if len(sources) > limit else "")
        st.caption(f"Sources: {plain(shown)}")
