"""``titles.former``: 'former' missing for someone who had left the office, or given to someone still in it."""
from __future__ import annotations

from edlint.core.findings import FixAvailability, FixSafety, RuleMeta, Severity

from .officeholder_rule import PEOPLE_FILES, OfficeholderRule


class Former(OfficeholderRule):
    meta = RuleMeta(
        id="titles.former",
        summary="'former' missing for someone who had left the office, or given to someone still in it.",
        severity=Severity.WARNING,
        options=(PEOPLE_FILES,),
        fix_safety="Unsafe: an editor confirms (the person may have been named for what they were then).",
        fix=FixAvailability.SOMETIMES,
        fix_applicability=FixSafety.UNSAFE,
        docs="""## What it flags
On the article's date:
- a title the person had held but no longer did, without `former`
  (`Prime Minister Boris Johnson` in 2023; `Defence Secretary Ben Wallace` in 2024);
- `former` before a title the person still held (`former Defence Secretary Ben Wallace` in 2022).

## Why
Old copy and pasted boilerplate carry yesterday's titles; a "former" in the
wrong place is a factual error readers spot at once.

## Limits
Needs an article date. A person who moved to another office the vocabulary
can name (Putin from prime minister to president) gets `titles.wrong-office`
instead. References back ("the Russian premier") are left to that rule too.
Past the knowledge base's coverage nothing is claimed.
""",
    )
