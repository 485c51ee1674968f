"""A code rule's examples, read from the case file beside its module.

Each code rule ``edlint/checks/FAMILY/NAME.py`` has ``NAME.yml``: the failing,
passing and fixed articles that the test suite runs through the real linter
(``tests/test_rule_cases.py``). The Examples section of the rule's page is
rendered from the same cases, so what the docs promise is what the suite checks.
The case files ship inside the package so ``edlint explain`` can show them.

A case file::

    rule: attribution.dangling-pronoun
    cases:
      - name: nobody named before the pronoun
        text: |
          He said: "We will not retreat."
        expect: [{rule: attribution.dangling-pronoun, line: 1}]
      - name: the speaker named first
        text: ...
        expect: none
        fix: the text after ``edlint fix --unsafe-fixes`` (for rules with fixes)

``date`` (YYYY-MM-DD), ``kind`` (``markdown`` or ``text``) and ``options`` (the
rule's settings) are optional per case; ``doc: false`` keeps a case out of the docs.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

from edlint.core.rule import case_file
from edlint.records import Record

_PACKAGE_ROOT = Path(__file__).resolve().parents[2]


class Case(Record):
    """One example article for a rule and what checking it must give."""

    _fields = ("name", "text", "expect", "date", "kind", "options", "fix", "doc")

    def __init__(
        self,
        name: str,
        text: str,
        expect: list[dict[str, Any]] | None = None,
        date: str | None = None,
        kind: str | None = None,
        options: dict[str, Any] | None = None,
        fix: str | None = None,
        doc: bool = True,
    ) -> None:
        self.name = name
        self.text = text
        self.expect = [] if expect is None else expect
        self.date = date
        self.kind = kind
        self.options = {} if options is None else options
        self.fix = fix
        self.doc = doc

    @property
    def fails(self) -> bool:
        return bool(self.expect)


def case_path(cls) -> Path | None:
    """Where a rule's case file is (whether or not it exists); None for rules that are not code."""
    rel = case_file(cls)
    return _PACKAGE_ROOT / rel if rel else None


def load_cases(path: Path) -> tuple[str, list[Case]]:
    """The rule id and cases of one case file; a malformed file raises ValueError naming it."""
    import yaml

    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if not isinstance(data, dict) or not isinstance(data.get("cases"), list) or "rule" not in data:
        raise ValueError(f"{path}: a case file is a mapping with 'rule' and a list of 'cases'")
    cases = []
    for raw in data["cases"]:
        raw = dict(raw)
        expect = raw.pop("expect", None)
        if expect in (None, "none"):
            expect = []
        if "date" in raw and raw["date"] is not None:
            raw["date"] = str(raw["date"])
        try:
            cases.append(Case(expect=list(expect), **raw))
        except TypeError as exc:
            raise ValueError(f"{path}: case {raw.get('name')!r}: {exc}") from None
    return str(data["rule"]), cases


def rule_cases(cls) -> list[Case]:
    """The rule's cases, or none when it has no case file (data rules test themselves)."""
    path = case_path(cls)
    if path is None or not path.is_file():
        return []
    return load_cases(path)[1]


def _block(case: Case) -> str:
    """A case as it reads in the docs: its name, then the article (and the fixed text) indented."""
    when = f" (dated {case.date})" if case.date else ""
    opts = "".join(f", with `{k} = {v!r}`" for k, v in case.options.items())
    lines = [f"{'Fails' if case.fails else 'Passes'}{when}{opts}: {case.name}", ""]
    lines += ["    " + ln if ln else "" for ln in case.text.rstrip("\n").split("\n")]
    if case.fix is not None:
        lines += ["", "Fixed:", ""] + ["    " + ln if ln else "" for ln in case.fix.rstrip("\n").split("\n")]
    return "\n".join(lines)


def examples_section(cls) -> str:
    """The Examples section from the rule's case file ("" for rules whose docs still carry their own)."""
    cases = [c for c in rule_cases(cls) if c.doc]
    if not cases:
        return ""
    ordered = [c for c in cases if c.fails] + [c for c in cases if not c.fails]
    return "## Examples\n" + "\n\n".join(_block(c) for c in ordered)
