"""A local HTTP server on 127.0.0.1 for the importers' network code (no network in tests)."""
from __future__ import annotations

import threading
import time
import urllib.parse
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Route:
    body: bytes = b""
    status: int = 200
    headers: dict = field(default_factory=dict)
    delay: float = 0.0  # seconds before the body is sent
    chunks: int = 1  # the body sent in this many parts (with `delay` between them)


class _Handler(BaseHTTPRequestHandler):
    routes: dict = {}
    requests: list = []

    def do_GET(self):  # noqa: N802 (http.server's naming)
        self.requests.append(self.path)
        route = self.routes.get(self.path) or self.routes.get(urllib.parse.urlsplit(self.path).path)
        if callable(route):
            route = route(self)
        if route is None:
            self.send_error(404)
            return
        self.send_response(route.status)
        headers = {"Content-Length": str(len(route.body)), **route.headers}
        for name, value in headers.items():
            if value is not None:
                self.send_header(name, value)
        self.end_headers()
        size = max(1, len(route.body) // route.chunks)
        for start in range(0, len(route.body), size):
            if route.delay:
                time.sleep(route.delay)
            try:
                self.wfile.write(route.body[start:start + size])
                self.wfile.flush()
            except (BrokenPipeError, ConnectionResetError):
                return

    def log_message(self, *args):
        pass


@contextmanager
def serving(routes: dict):
    """A server answering GET `path` (with or without its query) from `routes`; yields its base URL
    and the list of paths requested."""
    handler = type("Handler", (_Handler,), {"routes": routes, "requests": []})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", handler.requests
    finally:
        server.shutdown()
        server.server_close()
