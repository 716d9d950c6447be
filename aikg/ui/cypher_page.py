"""Cypher: a read-only console. Writes are refused before sending and by the server."""
from __future__ import annotations

import json

import streamlit as st

from aikg.ui.common import plain, store
from graph.readonly import RefusedQuery, check_read_only

EXAMPLE = ("MATCH (r:Release)-[:OF_MODEL]->(m:Model)\nWHERE r.date STARTS WITH $year\n"
           "RETURN m.name AS model, r.date AS date ORDER BY date")


def render() -> None:
    st.title("Cypher console (read-only)")
    query = st.text_area("Query", value=EXAMPLE, height=140, key="cypher")
    params_text = st.text_input("Parameters (JSON)", value='{"year": "2024"}', key="cypher_params")
    left, right = st.columns(2)
    limit = left.number_input("Row limit", min_value=1, max_value=5000, value=200, key="cypher_limit")
    timeout = right.number_input("Timeout (s)", min_value=1, max_value=120, value=15, key="cypher_timeout")
    if not st.button("Run", key="cypher_run", type="primary"):
        return
    try:
        params = json.loads(params_text or "{}")
        if not isinstance(params, dict):
            raise ValueError("parameters must be a JSON object")
        check_read_only(query)
        result = store().read_only(query, params, limit=int(limit), timeout=float(timeout))
    except RefusedQuery as exc:
        st.error(f"Refused: {plain(exc)}")
        return
    except ValueError as exc:
        st.error(f"Invalid parameters: {plain(exc)}")
        return
    except Exception as exc:  # the server's refusal or a query error, shown as such
        st.error(f"Query failed: {plain(getattr(exc, 'message', None) or exc)}")
        return
    st.caption(f"{len(result.rows)} row(s)" + (" — truncated" if result.truncated else ""))
    st.dataframe([{c: json.dumps(r[c], default=str) if isinstance(r[c], (dict, list)) else r[c]
                   for c in result.columns} for r in result.rows], hide_index=True, width="stretch",
                 key="cypher_result")
