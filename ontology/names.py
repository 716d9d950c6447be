"""How names are folded to letters before any comparison, shared by entity resolution
(ingest/resolve.py) and the quality checks (graph/quality.py) so that the two never
disagree on whether two spellings are one name."""
from __future__ import annotations

import unicodedata


def fold_letters(text: str) -> str:
    """Accents dropped and Greek letters spelt out ("PanGu-α" -> "PanGu-alpha"): versions
    written in Greek stay apart instead of vanishing with the other non-Latin marks."""
    text = unicodedata.normalize("NFKD", text)
    return "".join(_latin(ch) for ch in text if not unicodedata.combining(ch))


def _latin(ch: str) -> str:
    name = unicodedata.name(ch, "")
    if name.startswith("GREEK ") and " LETTER " in name:
        return name.rsplit(" ", 1)[-1].lower()
    return ch
