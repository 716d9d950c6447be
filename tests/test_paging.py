"""Newest-first pages over date windows (graph.paging) against one sorted query."""
from __future__ import annotations

from datetime import date
from itertools import pairwise

from graph import paging

RELEASES = """
MATCH (r:Release) WHERE {window}
WITH r ORDER BY r.date DESC, r.id LIMIT $limit
RETURN r.id AS id, r.date AS date"""

# future, this month, earlier this year, a bare year, month-only dates, decades back, undated
DATES = {"release:a": "2027-01", "release:b": "2026-11-03", "release:c": "2026-11", "release:d": "2026-11-03",
         "release:e": "2026", "release:f": "2026-10-15", "release:g": "2025-12-31", "release:h": "2019-03-01",
         "release:i": "1998", "release:j": None, "release:k": None, "release:l": "2024-02-29"}


def expected() -> list[str]:
    dated = sorted((i for i, d in DATES.items() if d), key=lambda i: (DATES[i], _desc(i)), reverse=True)
    return dated + sorted(i for i, d in DATES.items() if not d)


def _desc(text: str) -> tuple:
    """Ties in date go by id ascending, inside a descending sort."""
    return tuple(-ord(c) for c in text)


def test_windows_are_contiguous_and_double():
    got = []
    for window in paging.windows(date(2026, 11, 22)):
        got.append(window)
        if len(got) == 8:
            break
    assert got[:4] == [("2026-12", "9999"), ("2026-11", "2026-12"), ("2026-09", "2026-11"), ("2026-05", "2026-09")]
    assert all(older[1] == newer[0] for newer, older in pairwise(got))
    assert got[7] == ("2016-05", "2021-09"), "64 months"


def test_every_page_is_the_head_of_the_sorted_releases(store):
    store.write("UNWIND $rows AS row CREATE (r:Release {id: row.id}) SET r.date = row.date",
                {"rows": [{"id": i, "date": d} for i, d in DATES.items()]})
    order = expected()
    for limit in range(1, len(order) + 2):
        assert [r["id"] for r in paging.newest_first(store, RELEASES, {}, limit)] == order[:limit], limit
    assert sorted(r["id"] for r in paging.newest_first(store, RELEASES, {}, None)) == sorted(order)


def test_a_page_on_an_empty_graph_is_empty(store):
    assert paging.newest_first(store, RELEASES, {}, 10) == []
