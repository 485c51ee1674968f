"""What the server does for each message an editor sends, one function a message.

``FEATURES`` lists them with the protocol method each answers and the
options the server announces for it; ``app.build_server`` registers them.
Each handler takes the server as ``ls`` (pygls passes it by that name).
"""
from __future__ import annotations

import logging
from typing import Any

from lsprotocol import types as lsp

from .actions import FIX_ALL_KIND, code_actions
from .configs import Configs
from .documents import Doc, apply_changes, document_kind, fs_path
from .explain import date_markdown, explain_markdown
from .lsp_server import EdlintServer

log = logging.getLogger(__name__)

WATCHED_GLOBS = ["**/edlint.toml", "**/.edlint.toml", "**/pyproject.toml", "**/*.yml", "**/*.yaml", "**/*.txt",
                 "**/*.csv", "**/*.json"]


def _options(value: Any) -> dict:
    return value if isinstance(value, dict) else {}


def _apply_settings(ls: EdlintServer, opts: dict) -> None:
    """The editor's settings for edlint; a value of the wrong type is ignored, never fatal."""
    if isinstance(opts.get("debounceMs"), (int, float)) and opts["debounceMs"] >= 0:
        ls.debounce = opts["debounceMs"] / 1000
    if isinstance(opts.get("maxChars"), int) and opts["maxChars"] > 0:
        ls.max_chars = opts["maxChars"]
    if isinstance(opts.get("ruleDocs"), str):
        ls.rule_docs = opts["ruleDocs"] or None
    sel = [str(s) for s in opts.get("select") or []] or None
    ign = [str(s) for s in opts.get("ignore") or []] or None
    ls.configs = Configs(select=sel, ignore=ign)


def initialize(ls: EdlintServer, params: lsp.InitializeParams) -> None:
    """Read the settings (bare or under an ``edlint`` key) and what the client's diagnostics support."""
    opts = _options(params.initialization_options)
    _apply_settings(ls, _options(opts.get("edlint")) or opts)
    td = params.capabilities.text_document
    pd = td.publish_diagnostics if td else None
    if pd is not None:
        ls.related_ok = pd.related_information is not False
        ls.version_ok = bool(pd.version_support) or pd.version_support is None


async def initialized(ls: EdlintServer, params: lsp.InitializedParams) -> None:
    """Ask to be told when configuration or house data files change, where the client can watch files."""
    ws = ls.client_capabilities.workspace
    watch = ws.did_change_watched_files if ws else None
    if watch is None or not watch.dynamic_registration:
        return
    try:
        await ls.client_register_capability_async(lsp.RegistrationParams(registrations=[lsp.Registration(
            id="edlint-config-watch", method=lsp.WORKSPACE_DID_CHANGE_WATCHED_FILES,
            register_options=lsp.DidChangeWatchedFilesRegistrationOptions(
                watchers=[lsp.FileSystemWatcher(glob_pattern=g) for g in WATCHED_GLOBS]),
        )]))
    except Exception as exc:  # the client said no: edits and saves still pick changes up
        log.info("no file watching: %s", exc)


def did_open(ls: EdlintServer, params: lsp.DidOpenTextDocumentParams) -> None:
    """Track and check an article at once; other documents (code, data) are left alone."""
    item = params.text_document
    kind = document_kind(item.uri, item.language_id)
    if kind is None:
        return
    ls.docs[item.uri] = Doc(uri=item.uri, path=fs_path(item.uri), kind=kind, text=item.text, version=item.version)
    ls.safe_check(item.uri)


def did_change(ls: EdlintServer, params: lsp.DidChangeTextDocumentParams) -> None:
    """Apply the edit, then check after the debounce pause (at once when it is off)."""
    doc = ls.docs.get(params.text_document.uri)
    if doc is None:
        return
    doc.text = apply_changes(doc.text, params.content_changes, ls.index)
    doc.version = params.text_document.version
    if ls.debounce <= 0:
        ls.safe_check(doc.uri)
    else:
        ls.schedule(doc)


def did_save(ls: EdlintServer, params: lsp.DidSaveTextDocumentParams) -> None:
    doc = ls.docs.get(params.text_document.uri)
    if doc is not None:
        if params.text is not None:
            doc.text = params.text
        ls.safe_check(doc.uri)


def did_close(ls: EdlintServer, params: lsp.DidCloseTextDocumentParams) -> None:
    """Forget the document and clear its diagnostics, so a closed file shows no stale findings."""
    doc = ls.docs.pop(params.text_document.uri, None)
    if doc is not None:
        if doc.timer is not None:
            doc.timer.cancel()
        doc.version = None
        ls.publish(doc, [])


def watched(ls: EdlintServer, params: lsp.DidChangeWatchedFilesParams) -> None:
    """Configs compares stamps on every lookup; re-check the open documents so the change shows now."""
    for uri in list(ls.docs):
        ls.safe_check(uri)


def code_action(ls: EdlintServer, params: lsp.CodeActionParams) -> list[lsp.CodeAction] | None:
    doc = ls.current(params.text_document.uri)
    if doc is None or doc.index is None:
        return None
    return code_actions(doc, params, ls.diagnostic)


def hover(ls: EdlintServer, params: lsp.HoverParams) -> lsp.Hover | None:
    """Each finding under the cursor with its rule's page; title findings also say which date they used."""
    doc = ls.current(params.text_document.uri)
    if doc is None or doc.index is None or doc.loaded is None or doc.loaded.linter is None:
        return None
    at = doc.index.offset(params.position.line, params.position.character)
    hits = [f for f in doc.findings if f.start <= at <= max(f.end, f.start + 1)]
    if not hits:
        return None
    linter = doc.loaded.linter
    parts: list[str] = []
    seen: set[str] = set()
    for f in hits:
        parts.append(f"**{f.rule}**: {f.message}")
        if f.family == "titles":
            parts.append(date_markdown(doc.date, doc.date_source))
        if f.rule not in seen:
            seen.add(f.rule)
            parts.append(explain_markdown(linter.registry, linter.config, f.rule, doc.path))
    return lsp.Hover(
        contents=lsp.MarkupContent(kind=lsp.MarkupKind.Markdown, value="\n\n---\n\n".join(parts)),
        range=ls.range_of(doc.index, hits[0].start, hits[0].end),
    )


FEATURES = [
    (lsp.INITIALIZE, None, initialize),
    (lsp.INITIALIZED, None, initialized),
    (lsp.TEXT_DOCUMENT_DID_OPEN, None, did_open),
    (lsp.TEXT_DOCUMENT_DID_CHANGE, None, did_change),
    (lsp.TEXT_DOCUMENT_DID_SAVE, lsp.SaveOptions(include_text=False), did_save),
    (lsp.TEXT_DOCUMENT_DID_CLOSE, None, did_close),
    (lsp.WORKSPACE_DID_CHANGE_WATCHED_FILES, None, watched),
    (lsp.TEXT_DOCUMENT_CODE_ACTION,
     lsp.CodeActionOptions(code_action_kinds=[lsp.CodeActionKind.QuickFix, FIX_ALL_KIND]), code_action),
    (lsp.TEXT_DOCUMENT_HOVER, None, hover),
]
