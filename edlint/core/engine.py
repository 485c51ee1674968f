"""Run a RuleSet over a Document and apply edlint's policies to what the rules say.

Order: one literal pass for all rules → adcopy rules (their spans become
furniture) → every other rule → policy (quotes, ``[sic]``, furniture) →
inline suppressions → located, sorted findings.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any
from collections.abc import Callable

from edlint.core.findings import Finding, Hit
from edlint.core.registry import RuleSet
from edlint.core.rule import Context
from edlint.core.suppressions import parse_suppressions
from edlint.document import Document
from edlint.io.errors import InputError


class Services:
    """Run-wide cache for expensive, read-only resources (knowledge base, packs)."""

    def __init__(self) -> None:
        self._items: dict[str, Any] = {}

    def get(self, key: str, factory: Callable[[], Any]) -> Any:
        if key not in self._items:
            self._items[key] = factory()
        return self._items[key]


class RuleCrash(Exception):
    """A rule raised on a document: a bug in edlint, reported per file, never fatal for the run."""

    def __init__(self, rule_id: str, path: str, exc: BaseException):
        self.rule_id = rule_id
        self.path = path
        super().__init__(f"{path}: internal error in rule {rule_id}: {type(exc).__name__}: {exc}")


@dataclass
class DocResult:
    findings: list[Finding]
    figures: dict[str, Any] = field(default_factory=dict)
    furniture: list[tuple[int, int]] = field(default_factory=list)


def _overlaps(spans: list[tuple[int, int]], s: int, e: int) -> bool:
    return any(a < max(e, s + 1) and s < b for a, b in spans)


def lint_document(
    doc: Document,
    ruleset: RuleSet,
    services: Services | None = None,
    config_dir: str | None = None,
) -> DocResult:
    ctx = Context(
        locale=ruleset.locale,
        services=services or Services(),
        config_dir=config_dir,
    )
    if len(ruleset.matcher):
        ctx.literal_hits = ruleset.matcher.scan(doc.prose)
    suppressions = parse_suppressions(doc.text, doc.kind)
    findings: list[Finding] = []
    for active in ruleset.active:
        rule = active.rule
        meta = rule.meta
        is_adcopy = meta.family == "adcopy"
        try:
            hits: list[Hit] = list(rule.check(doc, ctx))
        except InputError:
            raise  # a broken data file the config names: the file and line say it all
        except Exception as exc:  # noqa: BLE001 - one rule's bug must not lose the file
            raise RuleCrash(meta.id, doc.path, exc) from exc
        for hit in hits:
            s, e = hit.start, hit.end
            if not is_adcopy:
                if ctx.furniture and _overlaps(ctx.furniture, s, e):
                    continue
                if not meta.in_quotes and doc.in_quote(s):
                    continue
            if doc.followed_by_sic(e):
                continue
            if suppressions and any(r.covers(meta.id, s) for r in suppressions):
                continue
            line, col = doc.line_col(s)
            end_line, end_col = doc.line_col(max(e, s))
            findings.append(
                Finding(
                    path=doc.path, rule=meta.id, severity=hit.severity or active.severity,
                    message=hit.message, start=s, end=e, line=line, column=col,
                    end_line=end_line, end_column=end_col, fix=hit.fix, related=hit.related, data=hit.data,
                )
            )
            if is_adcopy:
                ctx.furniture.append((s, e))
    findings.sort(key=lambda f: (f.start, f.end, f.rule))
    return DocResult(findings=findings, figures=ctx.figures, furniture=list(ctx.furniture))
