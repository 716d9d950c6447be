"""Newest-first pages of releases whose cost follows the page, not the graph.

`ORDER BY r.date DESC LIMIT n` makes the server grade and sort every candidate release
before it keeps n (ArcadeDB does not read an index in order). Here the same query runs over
date windows on the indexed `Release.date`, newest first, each window twice as long as the
one before, until the page is full or no older release is left; undated releases come last.
"""
from __future__ import annotations

from datetime import date

from graph.store import GraphStore

WINDOW = "{window}"  # the placeholder in a paged query
DATED = "r.date >= $after AND r.date < $before"  # dates are ISO strings, so months bound them
UNDATED = "r.date IS NULL"
OLDER = "MATCH (r:Release) WHERE r.date < $before WITH r LIMIT 1 RETURN count(r) AS older"
FUTURE = "9999"  # above every ISO date
# "no limit" as a LIMIT: ArcadeDB reads it as a 32-bit int (2**62 silently returns no rows,
# and 2**31 - 1 fails under ORDER BY: measured)
UNLIMITED = 10**8


def _month(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def _back(year: int, month: int, months: int) -> tuple[int, int]:
    total = year * 12 + (month - 1) - months
    return total // 12, total % 12 + 1


def windows(today: date | None = None):
    """(after, before) bounds, newest first: anything dated after this month, then 1, 2, 4, …
    months back from it."""
    today = today or date.today()
    year, month = _back(today.year, today.month, -1)  # the month after this one
    yield _month(year, month), FUTURE
    size = 1
    while year > 0:
        older = _back(year, month, size)
        yield _month(*older), _month(year, month)
        (year, month), size = older, size * 2


def shown(query: str) -> str:
    """The query as a user reads it: one window's condition in place, and what binds it."""
    return ("// run newest first over date windows: $after and $before bound per window, "
            "then once with r.date IS NULL (graph/paging.py)\n" + query.replace(WINDOW, DATED))


def newest_first(store: GraphStore, query: str, params: dict, limit: int | None) -> list[dict]:
    """Up to `limit` rows of `query` newest first (all of them when `limit` is None). `query`
    anchors a release `r`, holds the placeholder `{window}` for the date condition on it, and
    ends in `ORDER BY r.date DESC, r.id LIMIT $limit`."""
    if limit is None:
        return store.read(query.replace(WINDOW, "true"), {**params, "limit": UNLIMITED})
    rows: list[dict] = []
    for after, before in windows():
        rows += store.read(query.replace(WINDOW, DATED),
                           {**params, "after": after, "before": before, "limit": limit - len(rows)})
        if len(rows) >= limit or not store.read(OLDER, {"before": after})[0]["older"]:
            break
    if len(rows) < limit:
        rows += store.read(query.replace(WINDOW, UNDATED), {**params, "limit": limit - len(rows)})
    return rows[:limit]
