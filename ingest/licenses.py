"""License strings as datasets write them: an SPDX expression such as
"Apache-2.0 OR MIT" names two licenses, each of which is resolved on its own
(license-expression parses it); anything else is one license as written.

Only upper-case operators make an expression, as SPDX writes them: "Terms and
Conditions" is one name, not two licenses."""
from __future__ import annotations

import re
from functools import lru_cache

_OPERATOR = re.compile(r"\s(?:OR|AND|WITH)\s")


@lru_cache(maxsize=1)
def _licensing():
    from license_expression import get_spdx_licensing

    return get_spdx_licensing()


def license_keys(text) -> list[str]:
    """The licenses a license string names, in order: ["Apache-2.0", "MIT"] for
    "Apache-2.0 OR MIT"; the license of "GPL-2.0 WITH Classpath-exception-2.0" is GPL-2.0
    (the exception is not a license); a list (Hugging Face cards) is each of its items."""
    if isinstance(text, (list, tuple)):
        return list(dict.fromkeys(k for item in text for k in license_keys(item)))
    text = str(text or "").strip()
    if not text:
        return []
    if not _OPERATOR.search(text):
        return [text]
    from license_expression import ExpressionError

    licensing = _licensing()
    try:
        expression = licensing.parse(text, validate=False, strict=False)
        symbols = licensing.license_symbols(expression, unique=True, decompose=False)
    except (ExpressionError, TypeError, ValueError):
        return [text]
    keys = [getattr(symbol, "license_symbol", symbol).key for symbol in symbols]
    return list(dict.fromkeys(keys)) or [text]
