"""proselint's checks as the ``proselint.*`` family.

One edlint rule per proselint check path (``proselint.typography.symbols.ellipsis``),
generated from proselint's own registry when the family is loaded, so a
proselint upgrade brings its new checks along. The checks run on the prose
view of the article, so Markdown markup, code and URLs are never "corrected";
offsets map one to one. Off by default: generic style advice is noisy for news
copy; the ``strict`` preset or ``[rules.proselint] enabled = true`` turns the
family on, and single checks can be enabled by id.

Speed: one pass over the article decides which checks could fire at all
(``plan.py``); only those run, through proselint's own code (or an exact
faster equivalent), so results stay proselint's.

Quoted speech follows edlint's quotation model: a check that proselint marks
``allow_quotes`` may fire inside quotes; the others may not.
"""
from __future__ import annotations

from functools import lru_cache

from edlint.core.findings import Applicability, Edit, Fix, FixAvailability, FixSafety, Hit, RuleMeta, Severity
from edlint.core.rule import Rule
from edlint.core.services import DocumentWork

from .plan import plan, runner

_DOCS = """## What it flags
{message}

proselint check `{path}` ({kind}).

## Why
General prose advice from proselint, the linter built from the usage guides of
Garner, Orwell, Strunk & White and others. Useful on a final read; noisy on wire
copy and archives, hence off by default.

## Examples
See proselint's own examples for `{path}`; edlint runs the check unchanged.

## Limits
Runs on the article's prose only (not Markdown markup, code or URLs).
{quotes}
"""


def _padded(doc, ctx) -> str:
    # proselint pads the text with a newline on each side; so do we, and shift back.
    return ctx.services.work(PADDED)


class ProselintCheck(Rule):
    checks: tuple = ()

    def check(self, doc, ctx):
        content = _padded(doc, ctx)
        live = _live(ctx, content)
        n = len(doc.prose)
        for chk in self.checks:
            if id(chk) not in live:
                continue  # none of the words it looks for is in the article
            fast = runner(chk)
            for res in (fast(content) if fast else chk.check_with_flags(content)):
                s, e = res.span[0] - 1, res.span[1] - 1
                s, e = max(0, min(s, n)), max(0, min(e, n))
                fix = None
                if isinstance(res.replacements, str) and res.replacements:
                    fix = Fix((Edit(s, e, res.replacements),), Applicability.UNSAFE, f"→ {res.replacements}")
                yield Hit(s, e, res.message, fix=fix, data={"proselint_check": res.check_path})


def _live(ctx, content: str) -> set:
    """The checks that could fire on this article (one pass for the whole family; see plan.py)."""
    return ctx.services.work(LIVE)


PADDED: DocumentWork[str] = DocumentWork("proselint padded text", lambda doc, ctx: "\n" + doc.prose + "\n")
LIVE: DocumentWork[set] = DocumentWork("proselint live checks", lambda doc, ctx: plan().live(_padded(doc, ctx)))


@lru_cache(maxsize=1)
def build_rules() -> list[type[Rule]]:
    from proselint.checks import __register__

    by_path: dict[str, list] = {}
    for chk in __register__:
        by_path.setdefault(chk.path, []).append(chk)
    rules: list[type[Rule]] = []
    for path, checks in sorted(by_path.items()):
        allow = any(c.flags.allow_quotes for c in checks)
        kind = type(checks[0].check_type).__name__
        fixable = kind in ("PreferredForms", "PreferredFormsSimple")
        meta = RuleMeta(
            id=f"proselint.{path}",
            summary=checks[0].message.replace("{}", "…")[:120],
            severity=Severity.SUGGESTION,
            default_enabled=False,
            in_quotes=allow,
            fix_safety="Unsafe (an editor confirms) where proselint suggests one wording." if fixable else "No fix.",
            fix=FixAvailability.SOMETIMES if fixable else FixAvailability.NEVER,
            fix_applicability=FixSafety.UNSAFE if fixable else None,
            source=f"proselint {path}",
            docs=_DOCS.format(
                message=checks[0].message.replace("{}", "…"), path=path, kind=kind,
                quotes="May fire inside quotations." if allow else "Never fires inside quotations.",
            ),
        )
        name = "Proselint_" + path.replace(".", "_")
        rules.append(type(name, (ProselintCheck,), {"meta": meta, "checks": tuple(checks)}))
    return rules


RULES = build_rules
