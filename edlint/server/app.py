"""The language server itself: documents in, diagnostics, quick fixes and hovers out.

Every document is checked by the ``Linter`` of the configuration found for
its path (``Configs``), through the same ``Linter.check_source`` the command
line uses, so the editor and ``edlint check`` agree to the offset. Typing
re-checks only the document typed in, after a short pause (the debounce);
opening and saving check at once. A request that needs findings (a code
action, a hover) first brings a document whose check is still pending up to
date, so an edit is never computed against stale offsets.
"""
from __future__ import annotations

import asyncio
import logging
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lsprotocol import types as lsp
from pygls.lsp.server import LanguageServer
from pygls.protocol import LanguageServerProtocol
from pygls.uris import to_fs_path

from edlint.core.findings import Finding, Severity
from edlint.io.articles import SourceFile

from .. import __version__
from .configs import Configs, Loaded
from .explain import date_markdown, explain_markdown
from .positions import UTF16, LineIndex

log = logging.getLogger(__name__)

MARKDOWN_IDS = {"markdown", "mdx", "quarto", "rmd"}
TEXT_IDS = {"plaintext", "text", "txt"}
MARKDOWN_SUFFIXES = (".md", ".markdown", ".mdown", ".mkd")
TEXT_SUFFIXES = (".txt", ".text")
DEFAULT_DEBOUNCE_MS = 200
DEFAULT_MAX_CHARS = 1_000_000  # far beyond any article; a bigger "document" is a log or a dump
SEVERITY = {
    Severity.ERROR: lsp.DiagnosticSeverity.Error,
    Severity.WARNING: lsp.DiagnosticSeverity.Warning,
    Severity.SUGGESTION: lsp.DiagnosticSeverity.Information,
}
FIX_ALL_KIND = "source.fixAll.edlint"
_ERROR_LINE = re.compile(r":(\d+): ")


@dataclass
class Doc:
    """One open document and what its last check found."""

    uri: str
    path: str | None
    kind: str
    text: str
    version: int | None = None
    checked_text: str | None = None  # the text the findings below are for
    index: LineIndex | None = None
    findings: list[Finding] = field(default_factory=list)
    date: str | None = None
    date_source: str = ""
    loaded: Loaded | None = None
    skipped: str | None = None  # why it is not checked (binary, too large)
    timer: asyncio.TimerHandle | None = None


def document_kind(uri: str, language_id: str | None) -> str | None:
    """"markdown", "text", or None for a document edlint does not check."""
    lang = (language_id or "").lower()
    low = uri.lower()
    if lang in MARKDOWN_IDS or low.endswith(MARKDOWN_SUFFIXES):
        return "markdown"
    if lang in TEXT_IDS or low.endswith(TEXT_SUFFIXES):
        return "text"
    return None


def suppression_line(rule: str, kind: str, indent: str, newline: str) -> str:
    """The comment that silences ``rule`` on the next line, in the form the file type takes (see suppress.py)."""
    if kind == "markdown":
        return f"{indent}<!-- edlint-disable-next-line {rule} -->{newline}"
    return f"{indent}# edlint-disable-next-line {rule}{newline}"


class _Protocol(LanguageServerProtocol):
    """pygls's protocol, minus one leak: the future of each handled *notification*.

    pygls 2.1 files the future of every handler it runs under a message id,
    and removes it when it sends the response; a notification (each
    keystroke's ``didChange``) has no response, so its future stayed for the
    life of the server, about 2 KB per edit. Dropping every handler's
    future once it is done keeps the server's memory flat while typing.
    """

    def _execute_handler(self, msg_id, handler, callback, args=None, kwargs=None):
        super()._execute_handler(msg_id, handler, callback, args, kwargs)
        future = self._request_futures.get(msg_id)
        if future is not None:
            def forget(done, _id=msg_id):
                if self._request_futures.get(_id) is done:
                    del self._request_futures[_id]

            future.add_done_callback(forget)


class EdlintServer(LanguageServer):
    """pygls server holding the open documents and the loaded configurations."""

    def __init__(self) -> None:
        super().__init__(
            "edlint", __version__, text_document_sync_kind=lsp.TextDocumentSyncKind.Incremental, protocol_cls=_Protocol,
        )
        self.docs: dict[str, Doc] = {}
        self.configs = Configs()
        self.debounce = DEFAULT_DEBOUNCE_MS / 1000
        self.max_chars = DEFAULT_MAX_CHARS
        self.rule_docs: str | None = _default_rule_docs()
        self.shown_errors: dict[str | None, str] = {}
        self.related_ok = True
        self.version_ok = True

    # ---------------------------------------------------------------- encoding
    @property
    def encoding(self) -> str:
        try:
            enc = self.workspace.position_encoding
        except RuntimeError:  # before initialize
            return UTF16
        return str(getattr(enc, "value", enc) or UTF16)

    def index(self, text: str) -> LineIndex:
        return LineIndex(text, self.encoding)

    def range_of(self, index: LineIndex, start: int, end: int) -> lsp.Range:
        (sl, sc), (el, ec) = index.position(start), index.position(end)
        return lsp.Range(start=lsp.Position(line=sl, character=sc), end=lsp.Position(line=el, character=ec))

    # ---------------------------------------------------------------- messages
    def show(self, kind: lsp.MessageType, message: str) -> None:
        self.window_show_message(lsp.ShowMessageParams(type=kind, message=message))

    def publish(self, doc: Doc, diagnostics: list[lsp.Diagnostic]) -> None:
        self.text_document_publish_diagnostics(lsp.PublishDiagnosticsParams(
            uri=doc.uri, diagnostics=diagnostics, version=doc.version if self.version_ok else None,
        ))

    # ---------------------------------------------------------------- checking
    def check(self, doc: Doc) -> None:
        """Check one document now and publish its diagnostics."""
        if doc.timer is not None:
            doc.timer.cancel()
            doc.timer = None
        text = doc.text
        doc.checked_text, doc.index, doc.findings = text, self.index(text), []
        reason = None
        if "\x00" in text[:8192]:
            reason = "looks like a binary file (it contains NUL characters)"
        elif len(text) > self.max_chars:
            reason = f"is too large to be an article ({len(text):,} characters; the limit is {self.max_chars:,})"
        if reason:
            if doc.skipped != reason:
                self.show(lsp.MessageType.Warning, f"edlint: not checking {doc.path or doc.uri}: it {reason}.")
            doc.skipped = reason
            self.publish(doc, [])
            return
        doc.skipped = None
        loaded = self.configs.get(doc.path)
        doc.loaded = loaded
        if loaded.error is not None:
            # Told once per configuration and error, not on every keystroke of every document under it.
            if self.shown_errors.get(loaded.key) != loaded.error:
                self.shown_errors[loaded.key] = loaded.error
                self.show(lsp.MessageType.Error, f"edlint: configuration not loaded, no checks until it is fixed: {loaded.error}")
            self.publish(doc, [])
            return
        self.shown_errors.pop(loaded.key, None)  # fixed: the next breakage is told again
        config = loaded.linter.config
        if doc.path and config.exclude and config.is_excluded(doc.path):
            self.publish(doc, [])  # excluded in edlint.toml: `edlint check` skips it, so does the editor
            return
        name = doc.path or doc.uri
        res = loaded.linter.check_source(SourceFile(path=name, text=text), Path(doc.path) if doc.path else None,
                                         kind=doc.kind)
        if res.error:
            self.publish(doc, [self._error_diagnostic(doc, res.error)])
            return
        doc.findings, doc.date, doc.date_source = res.findings, res.date, res.date_source
        self.publish(doc, [self.diagnostic(doc, f) for f in res.findings])

    def _error_diagnostic(self, doc: Doc, error: str) -> lsp.Diagnostic:
        m = _ERROR_LINE.search(error)
        line = max(0, int(m.group(1)) - 1) if m else 0
        rng = lsp.Range(start=lsp.Position(line=line, character=0), end=lsp.Position(line=line + 1, character=0))
        return lsp.Diagnostic(range=rng, message=f"not checked: {error}", severity=lsp.DiagnosticSeverity.Error,
                              source="edlint", code="edlint.input")

    def diagnostic(self, doc: Doc, f: Finding) -> lsp.Diagnostic:
        assert doc.index is not None
        related = None
        if f.related and self.related_ok:
            related = [
                lsp.DiagnosticRelatedInformation(
                    location=lsp.Location(uri=doc.uri, range=self.range_of(doc.index, r.start, r.end)),
                    message=r.message or f.rule,
                )
                for r in f.related
            ]
        return lsp.Diagnostic(
            range=self.range_of(doc.index, f.start, f.end),
            message=f.message,
            severity=SEVERITY.get(f.severity, lsp.DiagnosticSeverity.Warning),
            code=f.rule,
            code_description=lsp.CodeDescription(href=f"{self.rule_docs}#{f.rule.replace('.', '')}") if self.rule_docs else None,
            source="edlint",
            related_information=related,
        )

    def schedule(self, doc: Doc) -> None:
        """Check after the debounce pause; a newer edit restarts the pause."""
        if doc.timer is not None:
            doc.timer.cancel()
        loop = asyncio.get_running_loop()
        doc.timer = loop.call_later(self.debounce, self._safe_check, doc.uri)

    def _safe_check(self, uri: str) -> None:
        doc = self.docs.get(uri)
        if doc is None:
            return
        doc.timer = None
        try:
            self.check(doc)
        except Exception as exc:  # one bad check never takes the server down
            log.exception("check failed")
            self.show(lsp.MessageType.Error, f"edlint: internal error checking {doc.path or uri}: {exc}")

    def current(self, uri: str) -> Doc | None:
        """The document, checked against its latest text (a pending debounced check runs now)."""
        doc = self.docs.get(uri)
        if doc is None:
            return None
        if doc.checked_text is not doc.text and doc.checked_text != doc.text:
            self._safe_check(uri)
        return doc

    # ---------------------------------------------------------------- edits
    def text_edit(self, index: LineIndex, start: int, end: int, new: str) -> lsp.TextEdit:
        return lsp.TextEdit(range=self.range_of(index, start, end), new_text=new)

    def fix_actions(self, doc: Doc, f: Finding, diag: lsp.Diagnostic) -> list[lsp.CodeAction]:
        if f.fix is None or doc.index is None:
            return []
        label = f.fix.description or f"Fix {f.rule}"
        title = f"{label} ({f.rule})" if f.fix.safe else f"{label} ({f.rule}) (unsafe)"
        edits = [self.text_edit(doc.index, e.start, e.end, e.replacement) for e in f.fix.edits]
        return [lsp.CodeAction(
            title=title, kind=lsp.CodeActionKind.QuickFix, diagnostics=[diag], is_preferred=f.fix.safe,
            edit=lsp.WorkspaceEdit(changes={doc.uri: edits}),
        )]

    def disable_action(self, doc: Doc, f: Finding, diag: lsp.Diagnostic) -> lsp.CodeAction:
        assert doc.index is not None
        line, _ = doc.index.position(f.start)
        start = doc.index.starts[line]
        content = doc.text[start : doc.index.line_end(line)]
        indent = content[: len(content) - len(content.lstrip(" \t"))]
        newline = "\r\n" if "\r\n" in doc.text else "\n"
        comment = suppression_line(f.rule, doc.kind, indent, newline)
        return lsp.CodeAction(
            title=f"Disable {f.rule} for this line", kind=lsp.CodeActionKind.QuickFix, diagnostics=[diag],
            edit=lsp.WorkspaceEdit(changes={doc.uri: [self.text_edit(doc.index, start, start, comment)]}),
        )

    def fix_all_action(self, doc: Doc, kind: str) -> lsp.CodeAction | None:
        if doc.loaded is None or doc.loaded.linter is None or doc.index is None:
            return None
        if not any(f.fix is not None and f.fix.safe for f in doc.findings):
            return None
        try:
            result = doc.loaded.linter.fix_text(doc.text, path=doc.path, kind=doc.kind)
        except (ValueError, RuntimeError) as exc:
            log.warning("fix all: %s", exc)
            return None
        if result.text == doc.text:
            return None
        start, end, new = _minimal_change(doc.text, result.text)
        return lsp.CodeAction(
            title=f"Fix all safe edlint findings in this document ({result.applied})", kind=kind,
            edit=lsp.WorkspaceEdit(changes={doc.uri: [self.text_edit(doc.index, start, end, new)]}),
        )


def _minimal_change(old: str, new: str) -> tuple[int, int, str]:
    """One replacement turning ``old`` into ``new``: everything between their common prefix and suffix."""
    p = 0
    limit = min(len(old), len(new))
    while p < limit and old[p] == new[p]:
        p += 1
    s = 0
    while s < limit - p and old[len(old) - 1 - s] == new[len(new) - 1 - s]:
        s += 1
    return p, len(old) - s, new[p : len(new) - s]


def _default_rule_docs() -> str | None:
    """docs/rules.md next to the package (a source checkout) as a file: URI, else no link."""
    here = Path(__file__).resolve().parents[2] / "docs" / "rules.md"
    return here.as_uri() if here.is_file() else None


def _options(value: Any) -> dict:
    return value if isinstance(value, dict) else {}


def build_server() -> EdlintServer:
    server = EdlintServer()

    @server.feature(lsp.INITIALIZE)
    def initialize(ls: EdlintServer, params: lsp.InitializeParams) -> None:
        opts = _options(params.initialization_options)
        opts = _options(opts.get("edlint")) or opts
        if isinstance(opts.get("debounceMs"), (int, float)) and opts["debounceMs"] >= 0:
            ls.debounce = opts["debounceMs"] / 1000
        if isinstance(opts.get("maxChars"), int) and opts["maxChars"] > 0:
            ls.max_chars = opts["maxChars"]
        if isinstance(opts.get("ruleDocs"), str):
            ls.rule_docs = opts["ruleDocs"] or None
        sel = [str(s) for s in opts.get("select") or []] or None
        ign = [str(s) for s in opts.get("ignore") or []] or None
        ls.configs = Configs(select=sel, ignore=ign)
        td = params.capabilities.text_document
        pd = td.publish_diagnostics if td else None
        if pd is not None:
            ls.related_ok = pd.related_information is not False
            ls.version_ok = bool(pd.version_support) or pd.version_support is None

    @server.feature(lsp.INITIALIZED)
    async def initialized(ls: EdlintServer, params: lsp.InitializedParams) -> None:
        ws = ls.client_capabilities.workspace
        watch = ws.did_change_watched_files if ws else None
        if watch is None or not watch.dynamic_registration:
            return
        globs = ["**/edlint.toml", "**/.edlint.toml", "**/pyproject.toml", "**/*.yml", "**/*.yaml", "**/*.txt", "**/*.csv", "**/*.json"]
        try:
            await ls.client_register_capability_async(lsp.RegistrationParams(registrations=[lsp.Registration(
                id="edlint-config-watch", method=lsp.WORKSPACE_DID_CHANGE_WATCHED_FILES,
                register_options=lsp.DidChangeWatchedFilesRegistrationOptions(
                    watchers=[lsp.FileSystemWatcher(glob_pattern=g) for g in globs]),
            )]))
        except Exception as exc:  # the client said no: edits and saves still pick changes up
            log.info("no file watching: %s", exc)

    @server.feature(lsp.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: EdlintServer, params: lsp.DidOpenTextDocumentParams) -> None:
        item = params.text_document
        kind = document_kind(item.uri, item.language_id)
        if kind is None:
            return
        doc = Doc(uri=item.uri, path=_fs_path(item.uri), kind=kind, text=item.text, version=item.version)
        ls.docs[item.uri] = doc
        ls._safe_check(item.uri)

    @server.feature(lsp.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: EdlintServer, params: lsp.DidChangeTextDocumentParams) -> None:
        doc = ls.docs.get(params.text_document.uri)
        if doc is None:
            return
        text = doc.text
        for change in params.content_changes:
            rng = getattr(change, "range", None)
            if rng is None:
                text = change.text
            else:
                index = ls.index(text)
                a = index.offset(rng.start.line, rng.start.character)
                b = index.offset(rng.end.line, rng.end.character)
                text = text[:a] + change.text + text[b:]
        doc.text = text
        doc.version = params.text_document.version
        if ls.debounce <= 0:
            ls._safe_check(doc.uri)
        else:
            ls.schedule(doc)

    @server.feature(lsp.TEXT_DOCUMENT_DID_SAVE, lsp.SaveOptions(include_text=False))
    def did_save(ls: EdlintServer, params: lsp.DidSaveTextDocumentParams) -> None:
        doc = ls.docs.get(params.text_document.uri)
        if doc is not None:
            if params.text is not None:
                doc.text = params.text
            ls._safe_check(doc.uri)

    @server.feature(lsp.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: EdlintServer, params: lsp.DidCloseTextDocumentParams) -> None:
        doc = ls.docs.pop(params.text_document.uri, None)
        if doc is not None:
            if doc.timer is not None:
                doc.timer.cancel()
            doc.version = None
            ls.publish(doc, [])

    @server.feature(lsp.WORKSPACE_DID_CHANGE_WATCHED_FILES)
    def watched(ls: EdlintServer, params: lsp.DidChangeWatchedFilesParams) -> None:
        # Configs compares stamps on every lookup; re-check the open documents so the change shows now.
        for uri in list(ls.docs):
            ls._safe_check(uri)

    @server.feature(
        lsp.TEXT_DOCUMENT_CODE_ACTION,
        lsp.CodeActionOptions(code_action_kinds=[lsp.CodeActionKind.QuickFix, FIX_ALL_KIND]),
    )
    def code_action(ls: EdlintServer, params: lsp.CodeActionParams) -> list[lsp.CodeAction] | None:
        doc = ls.current(params.text_document.uri)
        if doc is None or doc.index is None:
            return None
        only = params.context.only
        want_fix_all = only is None or any(FIX_ALL_KIND.startswith(str(getattr(k, "value", k))) for k in only)
        want_quick = only is None or any(str(getattr(k, "value", k)) == "quickfix" for k in only)
        rng = params.range
        a = doc.index.offset(rng.start.line, rng.start.character)
        b = doc.index.offset(rng.end.line, rng.end.character)
        actions: list[lsp.CodeAction] = []
        if want_quick:
            disables: list[lsp.CodeAction] = []
            seen: set[tuple[str, int]] = set()
            for f in doc.findings:
                if f.end < a or f.start > b:
                    continue
                diag = ls.diagnostic(doc, f)
                actions += ls.fix_actions(doc, f, diag)
                key = (f.rule, doc.index.position(f.start)[0])
                if key not in seen:
                    seen.add(key)
                    disables.append(ls.disable_action(doc, f, diag))
            actions += disables
        if want_fix_all:
            kind = FIX_ALL_KIND if only is not None and not want_quick else lsp.CodeActionKind.QuickFix
            fix_all = ls.fix_all_action(doc, kind)
            if fix_all is not None:
                actions.append(fix_all)
        return actions

    @server.feature(lsp.TEXT_DOCUMENT_HOVER)
    def hover(ls: EdlintServer, params: lsp.HoverParams) -> lsp.Hover | None:
        doc = ls.current(params.text_document.uri)
        if doc is None or doc.index is None or doc.loaded is None or doc.loaded.linter is None:
            return None
        at = doc.index.offset(params.position.line, params.position.character)
        hits = [f for f in doc.findings if f.start <= at <= max(f.end, f.start + 1)]
        if not hits:
            return None
        linter = doc.loaded.linter
        registry = linter.registry
        parts: list[str] = []
        seen: set[str] = set()
        for f in hits:
            parts.append(f"**{f.rule}**: {f.message}")
            if f.family == "titles":
                parts.append(date_markdown(doc.date, doc.date_source))
            if f.rule not in seen:
                seen.add(f.rule)
                parts.append(explain_markdown(registry, linter.config, f.rule, doc.path))
        first = hits[0]
        return lsp.Hover(
            contents=lsp.MarkupContent(kind=lsp.MarkupKind.Markdown, value="\n\n---\n\n".join(parts)),
            range=ls.range_of(doc.index, first.start, first.end),
        )

    return server


def _fs_path(uri: str) -> str | None:
    if not uri.startswith("file:"):
        return None
    try:
        return to_fs_path(uri)
    except Exception:
        return None
