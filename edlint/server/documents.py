"""The open documents: which ones edlint checks, and their text after each edit.

An editor sends each keystroke as a list of ranged replacements in its own
position encoding; the server keeps the whole text so a check always sees
what the editor shows.
"""
from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterable
from typing import Any

from pygls.uris import to_fs_path

from edlint.core.findings import Finding

from .configs import Loaded
from .positions import LineIndex
from edlint.records import Record

MARKDOWN_IDS = {"markdown", "mdx", "quarto", "rmd"}
TEXT_IDS = {"plaintext", "text", "txt"}
MARKDOWN_SUFFIXES = (".md", ".markdown", ".mdown", ".mkd")
TEXT_SUFFIXES = (".txt", ".text")


class Doc(Record):
    """One open document and what its last check found."""

    _fields = (
        "uri", "path", "kind", "text", "version", "checked_text", "index", "findings", "date", "date_source",
        "loaded", "skipped", "timer",
    )

    def __init__(
        self,
        uri: str,
        path: str | None,
        kind: str,
        text: str,
        version: int | None = None,
        checked_text: str | None = None,
        index: LineIndex | None = None,
        findings: list[Finding] | None = None,
        date: str | None = None,
        date_source: str = "",
        loaded: Loaded | None = None,
        skipped: str | None = None,
        timer: asyncio.TimerHandle | None = None,
    ) -> None:
        self.uri = uri
        self.path = path
        self.kind = kind
        self.text = text
        self.version = version
        self.checked_text = checked_text  # the text the findings below are for
        self.index = index
        self.findings = [] if findings is None else findings
        self.date = date
        self.date_source = date_source
        self.loaded = loaded
        self.skipped = skipped  # why it is not checked (binary, too large)
        self.timer = timer


def document_kind(uri: str, language_id: str | None) -> str | None:
    """"markdown", "text", or None for a document edlint does not check."""
    lang = (language_id or "").lower()
    low = uri.lower()
    if lang in MARKDOWN_IDS or low.endswith(MARKDOWN_SUFFIXES):
        return "markdown"
    if lang in TEXT_IDS or low.endswith(TEXT_SUFFIXES):
        return "text"
    return None


def apply_changes(text: str, changes: Iterable[Any], index_for: Callable[[str], LineIndex]) -> str:
    """The text after the editor's changes, applied in order (a change without a range replaces it all).

    Each ranged change is located in the text as the previous changes left it,
    which is how the protocol numbers them.
    """
    for change in changes:
        rng = getattr(change, "range", None)
        if rng is None:
            text = change.text
            continue
        index = index_for(text)
        a = index.offset(rng.start.line, rng.start.character)
        b = index.offset(rng.end.line, rng.end.character)
        text = text[:a] + change.text + text[b:]
    return text


def fs_path(uri: str) -> str | None:
    """The file a ``file:`` URI names; None for unsaved buffers and other schemes (no folder config)."""
    if not uri.startswith("file:"):
        return None
    try:
        return to_fs_path(uri)
    except Exception:
        return None
