"""``edlint server``: findings in the editor, over the Language Server Protocol (stdio).

Needs the ``server`` extra (``pip install 'edlint[server]'``: pygls and
lsprotocol). Nothing here is imported by the other commands, so ``edlint
check`` starts as fast without it; ``docs/editors.md`` shows how to set up
VS Code, Neovim, Helix and Sublime Text.
"""
from __future__ import annotations

import sys


def main() -> int:
    """Serve one editor on standard input and output until it exits; 2 when pygls is missing."""
    try:
        from .app import build_server
    except ImportError as exc:
        sys.stderr.write(
            f"edlint: the language server needs the 'server' extra ({exc.name or exc}): "
            "pip install 'edlint[server]'\n"
        )
        return 2
    build_server().start_io()
    return 0
