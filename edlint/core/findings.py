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


@dataclass(frozen=True)
class RuleMeta:
    """Everything about a rule that does not depend on one document.

    ``docs`` follows one template for every rule (What it flags / Why /
    Examples / Fix safety / Options), rendered by ``edlint explain``.
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
    options: dict[str, Any] = field(default_factory=dict)  # name -> default value
    source: str = ""  # where the rule came from (data file path or module)
    fixes: str = "none"  # which fixes findings carry: "safe", "unsafe", "safe/unsafe" (some of each) or "none"

    @property
    def family(self) -> str:
        return self.id.split(".", 1)[0]

    FIX_KINDS = ("safe", "unsafe", "safe/unsafe", "none")

    def __post_init__(self) -> None:
        if self.fixes not in self.FIX_KINDS:
            raise ValueError(f"{self.id}: fixes must be one of {', '.join(self.FIX_KINDS)}, not {self.fixes!r}")

    @property
    def fix_kind(self) -> str:
        """Whether the rule's findings come with fixes, as declared: ``safe``, ``unsafe``, ``safe/unsafe``, ``none``."""
        return self.fixes


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
