"""Code actions: a finding's quick fix, a comment that disables its rule on one line, fix-all.

Every action is a workspace edit computed from the findings of the document's
latest check (the server brings a pending check up to date first), so an
edit never lands on stale offsets.
"""
from __future__ import annotations

import logging
from collections.abc import Callable

from lsprotocol import types as lsp

from edlint.core.findings import Finding

from .documents import Doc
from .positions import LineIndex

log = logging.getLogger(__name__)

FIX_ALL_KIND = "source.fixAll.edlint"

DiagnosticFor = Callable[[Doc, Finding], lsp.Diagnostic]


def lsp_range(index: LineIndex, start: int, end: int) -> lsp.Range:
    """The LSP range of the offsets ``start``..``end``, in the encoding the index counts in."""
    (sl, sc), (el, ec) = index.position(start), index.position(end)
    return lsp.Range(start=lsp.Position(line=sl, character=sc), end=lsp.Position(line=el, character=ec))


def text_edit(index: LineIndex, start: int, end: int, new: str) -> lsp.TextEdit:
    return lsp.TextEdit(range=lsp_range(index, start, end), new_text=new)


def suppression_line(rule: str, kind: str, indent: str, newline: str) -> str:
    """The comment that silences ``rule`` on the next line, in the form the file type takes (see suppressions.py)."""
    if kind == "markdown":
        return f"{indent}<!-- edlint-disable-next-line {rule} -->{newline}"
    return f"{indent}# edlint-disable-next-line {rule}{newline}"


def fix_actions(doc: Doc, f: Finding, diag: lsp.Diagnostic) -> list[lsp.CodeAction]:
    """The finding's own fix as a quick fix; an unsafe one says so in its title and is never preferred."""
    if f.fix is None or doc.index is None:
        return []
    label = f.fix.description or f"Fix {f.rule}"
    title = f"{label} ({f.rule})" if f.fix.safe else f"{label} ({f.rule}) (unsafe)"
    edits = [text_edit(doc.index, e.start, e.end, e.replacement) for e in f.fix.edits]
    return [lsp.CodeAction(
        title=title, kind=lsp.CodeActionKind.QuickFix, diagnostics=[diag], is_preferred=f.fix.safe,
        edit=lsp.WorkspaceEdit(changes={doc.uri: edits}),
    )]


def disable_action(doc: Doc, f: Finding, diag: lsp.Diagnostic) -> lsp.CodeAction:
    """A disable-next-line comment above the finding's line, indented like it, with the file's line ending."""
    assert doc.index is not None
    line, _ = doc.index.position(f.start)
    start = doc.index.starts[line]
    content = doc.text[start : doc.index.line_end(line)]
    indent = content[: len(content) - len(content.lstrip(" \t"))]
    newline = "\r\n" if "\r\n" in doc.text else "\n"
    comment = suppression_line(f.rule, doc.kind, indent, newline)
    return lsp.CodeAction(
        title=f"Disable {f.rule} for this line", kind=lsp.CodeActionKind.QuickFix, diagnostics=[diag],
        edit=lsp.WorkspaceEdit(changes={doc.uri: [text_edit(doc.index, start, start, comment)]}),
    )


def fix_all_action(doc: Doc, kind: str) -> lsp.CodeAction | None:
    """Every safe fix at once, as ``edlint fix`` would apply them; None when there is nothing to fix."""
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
    start, end, new = minimal_change(doc.text, result.text)
    return lsp.CodeAction(
        title=f"Fix all safe edlint findings in this document ({result.applied})", kind=kind,
        edit=lsp.WorkspaceEdit(changes={doc.uri: [text_edit(doc.index, start, end, new)]}),
    )


def minimal_change(old: str, new: str) -> tuple[int, int, str]:
    """One replacement turning ``old`` into ``new``: everything between their common prefix and suffix."""
    p = 0
    limit = min(len(old), len(new))
    while p < limit and old[p] == new[p]:
        p += 1
    s = 0
    while s < limit - p and old[len(old) - 1 - s] == new[len(new) - 1 - s]:
        s += 1
    return p, len(old) - s, new[p : len(new) - s]


def quick_fixes(doc: Doc, a: int, b: int, diagnostic: DiagnosticFor) -> list[lsp.CodeAction]:
    """Fixes of the findings touching offsets ``a``..``b``, then one disable comment per rule and line."""
    assert doc.index is not None
    fixes: list[lsp.CodeAction] = []
    disables: list[lsp.CodeAction] = []
    seen: set[tuple[str, int]] = set()
    for f in doc.findings:
        if f.end < a or f.start > b:
            continue
        diag = diagnostic(doc, f)
        fixes += fix_actions(doc, f, diag)
        key = (f.rule, doc.index.position(f.start)[0])
        if key not in seen:
            seen.add(key)
            disables.append(disable_action(doc, f, diag))
    return fixes + disables


def code_actions(doc: Doc, params: lsp.CodeActionParams, diagnostic: DiagnosticFor) -> list[lsp.CodeAction]:
    """The actions the editor asked for (``context.only``) in the requested range.

    Asked for nothing in particular, fix-all comes as a quick fix so that
    editors listing only quick fixes still offer it; asked for source actions
    alone, it comes under its own kind for fix-on-save.
    """
    assert doc.index is not None
    only = params.context.only
    kinds = [str(getattr(k, "value", k)) for k in only or ()]
    want_fix_all = only is None or any(FIX_ALL_KIND.startswith(k) for k in kinds)
    want_quick = only is None or "quickfix" in kinds
    rng = params.range
    actions: list[lsp.CodeAction] = []
    if want_quick:
        a = doc.index.offset(rng.start.line, rng.start.character)
        b = doc.index.offset(rng.end.line, rng.end.character)
        actions += quick_fixes(doc, a, b, diagnostic)
    if want_fix_all:
        kind = FIX_ALL_KIND if only is not None and not want_quick else lsp.CodeActionKind.QuickFix
        fix_all = fix_all_action(doc, kind)
        if fix_all is not None:
            actions.append(fix_all)
    return actions
