"""Run a RuleSet over a Document and apply edlint's policies to what the rules say.

Order: one literal pass for all rules → the rules that find page furniture
(``RuleMeta.marks_furniture``; the rule set lists them first, and their spans
become furniture) → every other rule → policy (quotes, ``[sic]``, furniture)
→ inline suppressions → located, sorted findings. The engine knows no family
by name: what sets a rule apart is in its metadata.
"""
from __future__ import annotations

from typing import Any

from edlint.core.findings import Finding, Hit, RuleMeta
from edlint.core.registry import ActiveRule, RuleSet
from edlint.core.rule import Context
from edlint.core.services import Services
from edlint.core.suppressions import Region, parse_suppressions
from edlint.document import Document
from edlint.io.errors import InputError
from edlint.records import Record


class RuleCrash(Exception):
    """A rule raised on a document: a bug in edlint, reported per file, never fatal for the run."""

    def __init__(self, rule_id: str, path: str, exc: BaseException):
        self.rule_id = rule_id
        self.path = path
        super().__init__(f"{path}: internal error in rule {rule_id}: {type(exc).__name__}: {exc}")


class DocResult(Record):
    _fields = ("findings", "figures", "furniture")

    def __init__(
        self,
        findings: list[Finding],
        figures: dict[str, Any] | None = None,
        furniture: list[tuple[int, int]] | None = None,
    ) -> None:
        self.findings = findings
        self.figures = {} if figures is None else figures
        self.furniture = [] if furniture is None else furniture


def _overlaps(spans: list[tuple[int, int]], s: int, e: int) -> bool:
    return any(a < max(e, s + 1) and s < b for a, b in spans)


def lint_document(
    doc: Document,
    ruleset: RuleSet,
    services: Services | None = None,
    config_dir: str | None = None,
) -> DocResult:
    """Every active rule's findings on ``doc``, after edlint's policies, sorted by position."""
    ctx = Context(locale=ruleset.locale, config_dir=config_dir)
    ctx.services = (services or Services()).for_document(doc, ctx)
    if len(ruleset.matcher):
        ctx.literal_hits = ruleset.matcher.scan(doc.prose)
    suppressions = parse_suppressions(doc.text, doc.kind)
    findings: list[Finding] = []
    for active in ruleset.active:
        findings += _run_rule(active, doc, ctx, suppressions)
    findings.sort(key=lambda f: (f.start, f.end, f.rule))
    return DocResult(findings=findings, figures=ctx.figures, furniture=list(ctx.furniture))


def _hits(active: ActiveRule, doc: Document, ctx: Context) -> list[Hit]:
    """What one rule says about the document; a rule's own bug becomes a RuleCrash naming it."""
    try:
        return list(active.rule.check(doc, ctx))
    except InputError:
        raise  # a broken data file the config names: the file and line say it all
    except Exception as exc:  # noqa: BLE001 - one rule's bug must not lose the file
        raise RuleCrash(active.rule.meta.id, doc.path, exc) from exc


def _kept(meta: RuleMeta, hit: Hit, doc: Document, ctx: Context, suppressions: list[Region]) -> bool:
    """Whether edlint's policies let a hit through: furniture, quotes, ``[sic]`` and suppression comments.

    A rule that marks furniture sees all the copy (a credit line inside quotes is
    still furniture); every other rule stays out of furniture and, unless it
    may, out of quoted speech.
    """
    s, e = hit.start, hit.end
    if not meta.marks_furniture:
        if ctx.furniture and _overlaps(ctx.furniture, s, e):
            return False
        if not meta.in_quotes and doc.in_quote(s):
            return False
    if doc.followed_by_sic(e):
        return False
    return not (suppressions and any(r.covers(meta.id, s) for r in suppressions))


def _run_rule(active: ActiveRule, doc: Document, ctx: Context, suppressions: list[Region]) -> list[Finding]:
    """One rule's findings, located by the document's line table; furniture spans are recorded as they come."""
    meta = active.rule.meta
    out: list[Finding] = []
    for hit in _hits(active, doc, ctx):
        if not _kept(meta, hit, doc, ctx, suppressions):
            continue
        s, e = hit.start, hit.end
        line, col = doc.line_col(s)
        end_line, end_col = doc.line_col(max(e, s))
        out.append(Finding(
            path=doc.path, rule=meta.id, severity=hit.severity or active.severity,
            message=hit.message, start=s, end=e, line=line, column=col,
            end_line=end_line, end_column=end_col, fix=hit.fix, related=hit.related, data=hit.data,
        ))
        if meta.marks_furniture:
            ctx.furniture.append((s, e))
    return out
