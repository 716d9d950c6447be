"""Streamlit's own command line, with the app's heavy imports begun while the server boots.

Streamlit imports the app's modules only when the first browser session runs the script;
on 2 cores that is about two seconds of the first page a new user waits for. Imported here
in a thread, they are ready (in sys.modules) by the time someone opens the URL."""
from __future__ import annotations

import sys
import threading
import time


def _preimport() -> None:
    # Libraries and graph modules first: they define no Streamlit caches. The page module
    # does (st.cache_data), so it waits until Streamlit's runtime exists.
    import altair  # noqa: F401
    import neo4j  # noqa: F401

    from graph import catalog, overview  # noqa: F401
    from streamlit.runtime import Runtime

    deadline = time.monotonic() + 60
    while not Runtime.exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    if Runtime.exists():
        import aikg.ui.overview_page  # noqa: F401


def main() -> None:
    from streamlit.web import cli

    threading.Thread(target=_preimport, daemon=True, name="aikg-preimport").start()
    cli.main(prog_name="streamlit")


if __name__ == "__main__":
    sys.exit(main())
