"""The language server itself: documents in, diagnostics, quick fixes and hovers out.

``build_server`` assembles it: the server object (``lsp_server``: open
documents, configurations, checking) and one handler per protocol message
(``handlers``), whose code actions come from ``actions``.
"""
from __future__ import annotations

from .handlers import FEATURES
from .lsp_server import EdlintServer


def build_server() -> EdlintServer:
    """A server with every feature registered, ready for ``start_io``."""
    server = EdlintServer()
    for method, options, handler in FEATURES:
        server.feature(method, options)(handler)
    return server
