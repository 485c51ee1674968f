"""Plain data types shared by every layer: severities, edits, fixes, findings, rule metadata.

This module imports nothing from the rest of edlint and nothing outside the
standard library, so rules, reporters and the engine can all depend on it
without pulling each other in.
"""
from __future__ import annotations

import enum
from typing import Any
from edlint.records import FrozenRecord, Record


class Severity(enum.IntEnum):
    """How much a finding matters; ordered so ``>=`` compares against ``--fail-on``."""

    SUGGESTION = 1
    WARNING = 2
    ERROR = 3

    @classmethod
    def parse(cls, value: str | Severity) -> Severity:
        if isinstance(value, Severity):
            return value
        try:
            return cls[str(value).strip().upper()]
        except KeyError:
            raise ValueError(
                f"unknown severity {value!r} (expected suggestion, warning or error)"
            ) from None

    def __str__(self) -> str:  # "warning", as users write it
        return self.name.lower()


class Applicability(str, enum.Enum):
    """Whether ``edlint fix`` may apply a fix without an editor looking at it."""

    SAFE = "safe"
    UNSAFE = "unsafe"


class Edit(FrozenRecord):
    """Replace ``text[start:end]`` with ``replacement`` (character offsets into the file)."""

    _fields = ("start", "end", "replacement")

    def __init__(self, start: int, end: int, replacement: str) -> None:
        self.start = start
        self.end = end
        self.replacement = replacement


class Fix(FrozenRecord):
    """One or more edits applied together, and whether that is safe."""

    _fields = ("edits", "applicability", "description")

    def __init__(
        self,
        edits: tuple[Edit, ...],
        applicability: Applicability = Applicability.UNSAFE,
        description: str = "",
    ) -> None:
        self.edits = edits
        self.applicability = applicability
        self.description = description

    @property
    def safe(self) -> bool:
        return self.applicability is Applicability.SAFE

    def to_dict(self) -> dict[str, Any]:
        return {
            "applicability": self.applicability.value,
            "description": self.description,
            "edits": [
                {"start": e.start, "end": e.end, "replacement": e.replacement}
                for e in self.edits
            ],
        }


class Related(FrozenRecord):
    """Another place in the same file that belongs to a finding (e.g. the other spelling)."""

    _fields = ("start", "end", "message")

    def __init__(self, start: int, end: int, message: str = "") -> None:
        self.start = start
        self.end = end
        self.message = message


class Hit(Record):
    """What a rule yields: a span and a message. The engine turns it into a Finding.

    Rules never compute line numbers, paths or final severities: the engine does
    that once, from the document and the configuration.
    """

    _fields = ("start", "end", "message", "fix", "related", "severity", "data")

    def __init__(
        self,
        start: int,
        end: int,
        message: str,
        fix: Fix | None = None,
        related: tuple[Related, ...] = (),
        severity: Severity | None = None,
        data: dict[str, Any] | None = None,
    ) -> None:
        self.start = start
        self.end = end
        self.message = message
        self.fix = fix
        self.related = related
        self.severity = severity  # override the rule's configured severity (rarely)
        self.data = {} if data is None else data  # extra facts for JSON output


class Finding(Record):
    """A located, classified problem in one file, ready for reporting or fixing."""

    _fields = (
        "path", "rule", "severity", "message", "start", "end", "line", "column", "end_line", "end_column", "fix",
        "related", "data",
    )

    def __init__(
        self,
        path: str,
        rule: str,
        severity: Severity,
        message: str,
        start: int,
        end: int,
        line: int,
        column: int,
        end_line: int,
        end_column: int,
        fix: Fix | None = None,
        related: tuple[Related, ...] = (),
        data: dict[str, Any] | None = None,
    ) -> None:
        self.path = path
        self.rule = rule
        self.severity = severity
        self.message = message
        self.start = start
        self.end = end
        self.line = line
        self.column = column
        self.end_line = end_line
        self.end_column = end_column
        self.fix = fix
        self.related = related
        self.data = {} if data is None else data

    @property
    def family(self) -> str:
        return self.rule.split(".", 1)[0]

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "path": self.path,
            "rule": self.rule,
            "severity": str(self.severity),
            "message": self.message,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "start": self.start,
            "end": self.end,
            "fix": self.fix.to_dict() if self.fix else None,
        }
        if self.related:
            out["related"] = [
                {"start": r.start, "end": r.end, "message": r.message} for r in self.related
            ]
        if self.data:
            out["data"] = self.data
        return out


FAMILIES = ("spelling", "titles", "attribution", "adcopy", "readability", "proselint", "style")


class FixAvailability(str, enum.Enum):
    """How many of a rule's findings come with a fix: declared, so listings never guess from prose."""

    NEVER = "never"
    SOMETIMES = "sometimes"
    ALWAYS = "always"


class FixSafety(str, enum.Enum):
    """Whether a rule's fixes are ``Applicability.SAFE``, ``UNSAFE``, or some of each (``MIXED``)."""

    SAFE = "safe"
    UNSAFE = "unsafe"
    MIXED = "mixed"


class Option(FrozenRecord):
    """One setting a rule takes in ``[rules."ID"]``: its name, type, default and what it changes.

    ``kind`` is the Python type a configuration value must have (an int is
    accepted for a float); ``items`` the type of a list's items; ``choices``
    the only values allowed. Checked when a configuration sets the option.
    """

    _fields = ("name", "kind", "default", "description", "items", "choices")

    def __init__(
        self,
        name: str,
        kind: type,
        default: Any,
        description: str,
        items: type | None = None,
        choices: tuple[Any, ...] = (),
    ) -> None:
        self.name = name
        self.kind = kind
        self.default = default
        self.description = description
        self.items = items
        self.choices = choices

    @property
    def type_name(self) -> str:
        return f"list of {self.items.__name__}" if self.items else self.kind.__name__

    def problem(self, value: Any) -> str | None:
        """Why ``value`` cannot be this option's value (None when it can)."""
        ok = isinstance(value, self.kind) and not (isinstance(value, bool) and self.kind is not bool)
        if self.kind is float and isinstance(value, int) and not isinstance(value, bool):
            ok = True
        if ok and self.items is not None:
            ok = all(isinstance(v, self.items) for v in value)
        if not ok:
            return f"should be {self.type_name}, got {type(value).__name__}"
        if self.choices and value not in self.choices:
            return f"should be one of {', '.join(map(repr, self.choices))}, got {value!r}"
        return None


class RuleMeta(FrozenRecord):
    """Everything about a rule that does not depend on one document.

    ``docs`` holds the prose (What it flags / Why / Limits); the Fix safety,
    Options and Examples sections are generated from ``fix``, ``fix_applicability``,
    ``options`` and the rule's case file, so they are never written twice.
    ``fix_safety`` is the one sentence saying why the fix is (un)safe.
    """

    _fields = (
        "id", "summary", "docs", "severity", "default_enabled", "in_quotes", "marks_furniture", "fix_safety",
        "options", "source", "fix", "fix_applicability",
    )

    def __init__(
        self,
        id: str,
        summary: str,
        docs: str = "",
        severity: Severity = Severity.WARNING,
        default_enabled: bool = True,
        in_quotes: bool = False,
        marks_furniture: bool = False,
        fix_safety: str = "No fix.",
        options: tuple[Option, ...] = (),
        source: str = "",
        fix: FixAvailability = FixAvailability.NEVER,
        fix_applicability: FixSafety | None = None,
    ) -> None:
        self.id = id
        self.summary = summary
        self.docs = docs
        self.severity = severity
        self.default_enabled = default_enabled
        self.in_quotes = in_quotes  # may the rule fire inside quoted speech?
        # keeps its hits wherever they fall and drops other rules' hits inside them.
        # Its findings are page furniture (credits, captions, ads): the rule set runs it first, the engine
        self.marks_furniture = marks_furniture
        self.fix_safety = fix_safety
        self.options = options
        self.source = source  # where the rule came from (data file path or module)
        self.fix = fix
        self.fix_applicability = fix_applicability  # required unless fix is NEVER
        self.__post_init__()

    @property
    def family(self) -> str:
        return self.id.split(".", 1)[0]

    def __post_init__(self) -> None:
        fix, safety = FixAvailability(self.fix), self.fix_applicability
        safety = FixSafety(safety) if safety is not None else None
        object.__setattr__(self, "fix", fix)
        object.__setattr__(self, "fix_applicability", safety)
        if (fix is FixAvailability.NEVER) != (safety is None):
            raise ValueError(f"{self.id}: fix_applicability is given exactly when fix is not never")
        if not all(isinstance(o, Option) for o in self.options):
            raise ValueError(f"{self.id}: options are Option(name, kind, default, description)")

    @property
    def defaults(self) -> dict[str, Any]:
        """Option name -> default value: what a rule runs with when the configuration sets nothing."""
        return {o.name: o.default for o in self.options}

    def option(self, name: str) -> Option | None:
        return next((o for o in self.options if o.name == name), None)

    @property
    def fix_kind(self) -> str:
        """The fix column of ``edlint rules``: ``safe``, ``unsafe``, ``safe/unsafe`` or ``none``."""
        if self.fix_applicability is None:
            return "none"
        return "safe/unsafe" if self.fix_applicability is FixSafety.MIXED else self.fix_applicability.value


class FigureNote(FrozenRecord):
    """A line a family gives the terminal report about one file's figures, in its own words.

    ``caveat`` notes (how the file was checked) come after plain figures.
    ``clean`` says what a file with no findings does with the note: ``panel``
    (shown only in a panel), ``say`` (print it on its own line) or ``tally``
    (count the file into one closing line: ``tally``, with ``{n}`` files and
    ``{s}`` for the plural).
    """

    _fields = ("text", "caveat", "clean", "tally")

    def __init__(self, text: str, caveat: bool = False, clean: str = "panel", tally: str = "") -> None:
        self.text = text
        self.caveat = caveat
        self.clean = clean
        self.tally = tally


class FileResult(Record):
    """What checking one file gave: its findings and figures, or the one-line error or skip note."""

    _fields = (
        "path", "findings", "figures", "date", "date_source", "error", "text", "had_bom", "skipped", "fail_on",
    )

    def __init__(
        self,
        path: str,
        findings: list[Finding] | None = None,
        figures: dict[str, Any] | None = None,
        date: str | None = None,
        date_source: str = "",
        error: str | None = None,
        text: str | None = None,
        had_bom: bool = False,
        skipped: str | None = None,
        fail_on: Severity | None = None,
    ) -> None:
        self.path = path
        self.findings = [] if findings is None else findings
        self.figures = {} if figures is None else figures
        self.date = date
        self.date_source = date_source
        self.error = error  # one line: "path[:line]: message"
        self.text = text  # kept for the rich report's code frames and for fixes
        self.had_bom = had_bom
        self.skipped = skipped  # why no rule ran, e.g. "skipped: not English (detected: ru)"
        self.fail_on = fail_on  # the fail level of the configuration that checked this file
