"""Values and tables as a researcher reads them, shared by the Explore, Openness, Timeline,
Analytics, Cypher and Export pages: counts as "405B", money as whole dollars with their
currency, empty values left out, links that open the entity's page."""
from __future__ import annotations

import math
from urllib.parse import quote

import streamlit as st

# Slots holding money, in whole units of the currency named (the ontology's amount_usd).
MONEY_SLOTS = {"amount_usd": "USD"}
COUNT_SLOTS = {"parameters", "active_parameters", "user_threshold_mau"}
FLOP_SLOTS = {"training_compute_flop"}
_SUFFIXES = ((10**12, "T"), (10**9, "B"), (10**6, "M"), (10**3, "K"))
_CURRENCY_SIGNS = {"USD": "US$"}
# A Streamlit number format showing whole dollars with thousands separators ("US$14,300,000,000").
USD_FORMAT = "US$%,d"
LINK_ICON = ":material/open_in_new:"


def empty(value) -> bool:
    """None, NaN, "" and empty lists are no fact: they are left out, never shown as "None"."""
    return value is None or value == "" or value == [] or (isinstance(value, float) and math.isnan(value))


def compact(number) -> str:
    """405000000000 -> "405B", 7300000000 -> "7.3B", 1800000000000 -> "1.8T", 950 -> "950"."""
    n = float(number)
    for size, suffix in _SUFFIXES:
        if abs(n) >= size:
            text = f"{n / size:.3g}"
            return f"{text}{suffix}"
    return f"{n:,.0f}" if n == int(n) else f"{n:g}"


def money(amount, currency: str = "USD") -> str | None:
    """A whole amount with its currency: 14300000000.0 -> "US$14,300,000,000"."""
    if empty(amount):
        return None
    sign = _CURRENCY_SIGNS.get(currency)
    whole = f"{int(round(float(amount))):,}"
    return f"{sign}{whole}" if sign else f"{whole} {currency}"


def money_short(amount, currency: str = "USD") -> str | None:
    """The same amount rounded for a glance: 14300000000 -> "US$14.3B"."""
    if empty(amount):
        return None
    sign = _CURRENCY_SIGNS.get(currency)
    return f"{sign}{compact(amount)}" if sign else f"{compact(amount)} {currency}"


def flop(value) -> str:
    """3.8e25 -> "3.8 × 10^25 FLOP"."""
    mantissa, exponent = f"{float(value):.2e}".split("e")
    return f"{float(mantissa):g} × 10^{int(exponent)} FLOP"


def fact(key: str, value, short: bool = False) -> str | None:
    """One property of an entity as text, or None when it holds nothing; `short` for a table
    cell ("US$14.3B", "405B"), else with the whole number too."""
    if empty(value):
        return None
    if isinstance(value, list):
        return ", ".join(str(v) for v in value if not empty(v)) or None
    if key in MONEY_SLOTS:
        rounded = money_short(value, MONEY_SLOTS[key])
        return rounded if short else f"{money(value, MONEY_SLOTS[key])} ({rounded})"
    if key in COUNT_SLOTS and isinstance(value, (int, float)) and not isinstance(value, bool):
        return compact(value) if short else f"{compact(value)} ({int(value):,})"
    if key in FLOP_SLOTS and isinstance(value, (int, float)):
        return flop(value)
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)


def details(props: dict, skip: tuple[str, ...] = ("sources", "key", "type")) -> str:
    """A relationship's properties in one line ("deal_role: investor · title: CEO"), empty ones left out."""
    parts = [f"{k}: {text}" for k, v in sorted((props or {}).items())
             if k not in skip and (text := fact(k, v, short=True)) is not None]
    return " · ".join(parts)


def entity_url(node_id: str | None) -> str | None:
    """The entity's page in the app (Explore reads ?id=), its id quoted for a URL."""
    return f"./explore?id={quote(node_id, safe=':/')}" if node_id else None


def link_column(label: str = "page", help: str = "Open the entity's page", pinned: bool | None = None):
    """A narrow column of link icons: a table keeps its width for what it shows."""
    return st.column_config.LinkColumn(label, display_text=LINK_ICON, width=44, help=help, pinned=pinned)


ROW_PX, WHOLE_UP_TO = 35, 20  # Streamlit's row height; tables this short are shown whole, unscrolled


def show(rows: list[dict], key: str, columns: list[str] | None = None, config: dict | None = None,
         height: int | str | None = None) -> None:
    """A table filling its container, with the given column order and configuration; a missing
    value shows as an empty cell, never as "None"."""
    if height is None:
        height = (len(rows) + 1) * ROW_PX + 3 if 0 < len(rows) <= WHOLE_UP_TO else "auto"
    st.dataframe(rows, hide_index=True, width="stretch", key=key, column_order=columns,
                 column_config=config or {}, height=height, placeholder="")
