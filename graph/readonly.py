"""Screening of user-typed Cypher before it is sent.

This is the first of three locks: the text is refused here when it contains a
write clause, DDL, LOAD CSV, a procedure call or several statements; then the
server runs it as a read-only user (Neo4j: READ access mode) inside a
transaction that is always rolled back. Keywords are looked for after
comments, string literals and quoted names are blanked out, so neither
`/*x*/CREATE` nor `cReAtE` slips by, and a keyword inside a string does not
cause a false refusal. The text is screened several ways and refused if any
finds a write: comments read as spaces (as Cypher reads them) and as nothing
(`CRE/**/ATE`), and with invisible format characters dropped and compatibility
forms folded (zero-width spaces, fullwidth letters).
"""
from __future__ import annotations

import re
import unicodedata

from ontology import errors

WRITE_KEYWORDS = {
    "CREATE", "MERGE", "SET", "DELETE", "DETACH", "REMOVE", "DROP", "FOREACH", "LOAD",
    "ALTER", "GRANT", "REVOKE", "DENY", "RENAME", "TERMINATE", "START", "STOP",
    "INSERT", "USE", "IMPORT", "ENABLE", "DISABLE", "DEALLOCATE", "REALLOCATE",
}
_ALLOWED_SHOW = {"INDEX", "INDEXES", "CONSTRAINT", "CONSTRAINTS"}

_TOKEN = re.compile(
    r"""
    (?P<line_comment>//[^\r\n]*)  # Cypher ends a line comment at \r too
  | (?P<block_comment>/\*.*?(?:\*/|\Z))
  | (?P<string>'(?:[^'\\]|\\.)*(?:'|\Z)|"(?:[^"\\]|\\.)*(?:"|\Z))
  | (?P<quoted>`(?:[^`]|``)*(?:`|\Z))
    """,
    re.VERBOSE | re.DOTALL,
)
_WORD = re.compile(r"[A-Za-z_][A-Za-z0-9_]*|[;{(]|\S")


class RefusedQuery(errors.RefusedQuery):
    """The query was refused before it reached the server."""


def _blank(text: str, comment: str = " ") -> str:
    """Comments become `comment`, strings and quoted names neutral placeholders."""

    def replace(match: re.Match) -> str:
        kind = match.lastgroup
        if kind in ("line_comment", "block_comment"):
            return comment
        return " _literal_ " if kind == "string" else " _name_ "

    return _TOKEN.sub(replace, text)


def _readings(query: str) -> list[str]:
    """The ways the text is screened; a write found in any of them refuses the query."""
    folded = unicodedata.normalize("NFKC", "".join(c for c in query if unicodedata.category(c) != "Cf"))
    return [_blank(query), _blank(query, comment=""), _blank(folded)]


def check_read_only(query: str) -> None:
    """Raise RefusedQuery unless the query is a single read-only statement."""
    if not query or not query.strip():
        raise RefusedQuery("the query is empty")
    for text in _readings(query):
        _check_words([t.upper() for t in _WORD.findall(text)])


def _check_words(words: list[str]) -> None:
    for index, word in enumerate(words):
        following = words[index + 1] if index + 1 < len(words) else ""
        if word in WRITE_KEYWORDS:
            raise RefusedQuery(f"{word} is not allowed: the console is read-only")
        if word == "CALL" and following not in ("{", "("):
            raise RefusedQuery("procedure calls are not allowed in the read-only console")
        if word == "SHOW" and following not in _ALLOWED_SHOW:
            raise RefusedQuery("only SHOW INDEXES and SHOW CONSTRAINTS are allowed")
        if word == ";" and any(w != ";" for w in words[index + 1:]):
            raise RefusedQuery("only one statement at a time")
        if word == "IN" and following == "TRANSACTIONS":
            raise RefusedQuery("CALL … IN TRANSACTIONS is not allowed")
        if word == "APOC" and following == "." and words[index + 2:index + 3] == ["CYPHER"]:
            raise RefusedQuery("apoc.cypher functions run Cypher and are not allowed")
