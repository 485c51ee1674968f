"""The server object: open documents, loaded configurations, checking and publishing.

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
from pathlib import Path

from lsprotocol import types as lsp
from pygls.lsp.server import LanguageServer
from pygls.protocol import LanguageServerProtocol

from edlint.core.findings import Finding, Severity
from edlint.io.articles import SourceFile

from .. import __version__
from .actions import lsp_range
from .configs import Configs, Loaded
from .documents import Doc
from .positions import UTF16, LineIndex
from edlint.document.lazyre import lazy

log = logging.getLogger(__name__)

DEFAULT_DEBOUNCE_MS = 200
DEFAULT_MAX_CHARS = 1_000_000  # far beyond any article; a bigger "document" is a log or a dump
SEVERITY = {
    Severity.ERROR: lsp.DiagnosticSeverity.Error,
    Severity.WARNING: lsp.DiagnosticSeverity.Warning,
    Severity.SUGGESTION: lsp.DiagnosticSeverity.Information,
}
_ERROR_LINE = lazy(r":(\d+): ")


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


def skip_reason(text: str, max_chars: int) -> str | None:
    """Why a document is not checked at all (binary, or too large to be an article), else None."""
    if "\x00" in text[:8192]:
        return "looks like a binary file (it contains NUL characters)"
    if len(text) > max_chars:
        return f"is too large to be an article ({len(text):,} characters; the limit is {max_chars:,})"
    return None


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
        return lsp_range(index, start, end)

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
        if self._skipped(doc):
            return
        loaded = self._loaded(doc)
        if loaded is None:
            return
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

    def _skipped(self, doc: Doc) -> bool:
        """Publish nothing for a document that is no article; the editor is told once per reason."""
        reason = skip_reason(doc.text, self.max_chars)
        if reason:
            if doc.skipped != reason:
                self.show(lsp.MessageType.Warning, f"edlint: not checking {doc.path or doc.uri}: it {reason}.")
            doc.skipped = reason
            self.publish(doc, [])
            return True
        doc.skipped = None
        return False

    def _loaded(self, doc: Doc) -> Loaded | None:
        """The document's configuration, or None (and no diagnostics) while it cannot be loaded."""
        loaded = self.configs.get(doc.path)
        doc.loaded = loaded
        if loaded.error is not None:
            # Told once per configuration and error, not on every keystroke of every document under it.
            if self.shown_errors.get(loaded.key) != loaded.error:
                self.shown_errors[loaded.key] = loaded.error
                self.show(lsp.MessageType.Error,
                          f"edlint: configuration not loaded, no checks until it is fixed: {loaded.error}")
            self.publish(doc, [])
            return None
        self.shown_errors.pop(loaded.key, None)  # fixed: the next breakage is told again
        return loaded

    def _error_diagnostic(self, doc: Doc, error: str) -> lsp.Diagnostic:
        m = _ERROR_LINE.search(error)
        line = max(0, int(m.group(1)) - 1) if m else 0
        rng = lsp.Range(start=lsp.Position(line=line, character=0), end=lsp.Position(line=line + 1, character=0))
        return lsp.Diagnostic(range=rng, message=f"not checked: {error}", severity=lsp.DiagnosticSeverity.Error,
                              source="edlint", code="edlint.input")

    def diagnostic(self, doc: Doc, f: Finding) -> lsp.Diagnostic:
        """A finding as the editor shows it: range, severity, rule code with a link to its page, related places."""
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
        href = f"{self.rule_docs}#{f.rule.replace('.', '')}" if self.rule_docs else None
        return lsp.Diagnostic(
            range=self.range_of(doc.index, f.start, f.end),
            message=f.message,
            severity=SEVERITY.get(f.severity, lsp.DiagnosticSeverity.Warning),
            code=f.rule,
            code_description=lsp.CodeDescription(href=href) if href else None,
            source="edlint",
            related_information=related,
        )

    def schedule(self, doc: Doc) -> None:
        """Check after the debounce pause; a newer edit restarts the pause."""
        if doc.timer is not None:
            doc.timer.cancel()
        loop = asyncio.get_running_loop()
        doc.timer = loop.call_later(self.debounce, self.safe_check, doc.uri)

    def safe_check(self, uri: str) -> None:
        """Check an open document; an error in one check is told to the editor and the server carries on."""
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
            self.safe_check(uri)
        return doc


def _default_rule_docs() -> str | None:
    """docs/rules.md next to the package (a source checkout) as a file: URI, else no link."""
    here = Path(__file__).resolve().parents[2] / "docs" / "rules.md"
    return here.as_uri() if here.is_file() else None
