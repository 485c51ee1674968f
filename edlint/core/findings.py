"""Plain data types shared by every layer: severities, edits, fixes, findings, rule metadata.

This module imports nothing from the rest of edlint and nothing outside the
standard library, so rules, reporters and the engine can all depend on it
without pulling each other in.
"""
from __future__ import annotations

import enum
from dataclasses import dataclass, field
from typing import Any


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


@dataclass(frozen=True)
class Edit:
    """Replace ``text[start:end]`` with ``replacement`` (character offsets into the file)."""

    start: int
    end: int
    replacement: str


@dataclass(frozen=True)
class Fix:
    """One or more edits applied together, and whether that is safe."""

    edits: tuple[Edit, ...]
    applicability: Applicability = Applicability.UNSAFE
    description: str = ""

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


@dataclass(frozen=True)
class Related:
    """Another place in the same file that belongs to a finding (e.g. the other spelling)."""

    start: int
    end: int
    message: str = ""


@dataclass
class Hit:
    """What a rule yields: a span and a message. The engine turns it into a Finding.

    Rules never compute line numbers, paths or final severities: the engine does
    that once, from the document and the configuration.
    """

    start: int
    end: int
    message: str
    fix: Fix | None = None
    related: tuple[Related, ...] = ()
    severity: Severity | None = None  # override the rule's configured severity (rarely)
    data: dict[str, Any] = field(default_factory=dict)  # extra facts for JSON output


@dataclass
class Finding:
    """A located, classified problem in one file, ready for reporting or fixing."""

    path: str
    rule: str
    severity: Severity
    message: str
    start: int
    end: int
    line: int
    column: int
    end_line: int
    end_column: int
    fix: Fix | None = None
    related: tuple[Related, ...] = ()
    data: dict[str, Any] = field(default_factory=dict)

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


@dataclass(frozen=True)
class Option:
    """One setting a rule takes in ``[rules."ID"]``: its name, type, default and what it changes.

    ``kind`` is the Python type a configuration value must have (an int is
    accepted for a float); ``items`` the type of a list's items; ``choices``
    the only values allowed. Checked when a configuration sets the option.
    """

    name: str
    kind: type
    default: Any
    description: str
    items: type | None = None
    choices: tuple[Any, ...] = ()

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


@dataclass(frozen=True)
class RuleMeta:
    """Everything about a rule that does not depend on one document.

    ``docs`` holds the prose (What it flags / Why / Limits); the Fix safety,
    Options and Examples sections are generated from ``fix``, ``fix_applicability``,
    ``options`` and the rule's case file, so they are never written twice.
    ``fix_safety`` is the one sentence saying why the fix is (un)safe.
    """

    id: str
    summary: str
    docs: str = ""
    severity: Severity = Severity.WARNING
    default_enabled: bool = True
    in_quotes: bool = False  # may the rule fire inside quoted speech?
    # Its findings are page furniture (credits, captions, ads): the rule set runs it first, the engine
    # keeps its hits wherever they fall and drops other rules' hits inside them.
    marks_furniture: bool = False
    fix_safety: str = "No fix."
    options: tuple[Option, ...] = ()
    source: str = ""  # where the rule came from (data file path or module)
    fix: FixAvailability = FixAvailability.NEVER
    fix_applicability: FixSafety | None = None  # required unless fix is NEVER

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


@dataclass(frozen=True)
class FigureNote:
    """A line a family gives the terminal report about one file's figures, in its own words.

    ``caveat`` notes (how the file was checked) come after plain figures.
    ``clean`` says what a file with no findings does with the note: ``panel``
    (shown only in a panel), ``say`` (print it on its own line) or ``tally``
    (count the file into one closing line: ``tally``, with ``{n}`` files and
    ``{s}`` for the plural).
    """

    text: str
    caveat: bool = False
    clean: str = "panel"
    tally: str = ""


@dataclass
class FileResult:
    """What checking one file gave: its findings and figures, or the one-line error or skip note."""

    path: str
    findings: list[Finding] = field(default_factory=list)
    figures: dict[str, Any] = field(default_factory=dict)
    date: str | None = None
    date_source: str = ""
    error: str | None = None  # one line: "path[:line]: message"
    text: str | None = None  # kept for the rich report's code frames and for fixes
    had_bom: bool = False
    skipped: str | None = None  # why no rule ran, e.g. "skipped: not English (detected: ru)"
    fail_on: Severity | None = None  # the fail level of the configuration that checked this file
