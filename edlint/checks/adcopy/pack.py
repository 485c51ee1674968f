"""The phrase pack: ``rules/adcopy/*.yaml`` entries compiled into one combined pattern."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ...packs import pack_root
from ...yamlsource import DataError, load_yaml, validate

SCHEMA = {
    "type": "object",
    "required": ["kind", "entries"],
    "properties": {
        "kind": {"const": "phrases"},
        "entries": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["category", "confidence", "pattern", "example"],
                "properties": {
                    "category": {"type": "string"},
                    "confidence": {"enum": ["high", "medium"]},
                    "pattern": {"type": "string", "minLength": 2},
                    "example": {"type": "string"},
                    "whole_line": {"type": "boolean"},
                },
                "additionalProperties": False,
            },
        },
    },
    "additionalProperties": False,
}


@dataclass(frozen=True)
class Phrase:
    category: str
    high: bool
    pattern: str
    example: str
    whole_line: bool


@dataclass(frozen=True)
class PhrasePack:
    """Two combined patterns: one searched in a paragraph, one that must match all of it."""

    phrases: tuple[Phrase, ...]
    anywhere: re.Pattern
    whole: re.Pattern

    def match(self, line: str) -> Phrase | None:
        """The strongest entry matching a paragraph, or None."""
        found = []
        m = self.whole.fullmatch(line)
        if m:
            found.append(self.phrases[int(m.lastgroup[1:])])
        for m in self.anywhere.finditer(line):
            found.append(self.phrases[int(m.lastgroup[1:])])
        if not found:
            return None
        return max(found, key=lambda p: p.high)


def _combine(phrases, indices) -> re.Pattern:
    parts = [f"(?P<p{i}>{phrases[i].pattern})" for i in indices]
    return re.compile("|".join(parts) if parts else "(?!)", re.I)


def load_pack(paths=None) -> PhrasePack:
    phrases: list[Phrase] = []
    root = pack_root() / "adcopy"
    for path in paths or sorted(root.glob("*.yaml")):
        text = path.read_text(encoding="utf-8")
        display = f"rules/adcopy/{path.name}"
        data = load_yaml(text, display)
        if not isinstance(data, dict) or data.get("kind") != "phrases":
            continue
        validate(data, SCHEMA, display, yaml_text=text)
        for i, e in enumerate(data["entries"]):
            try:
                re.compile(e["pattern"])
            except re.error as exc:
                raise DataError(display, f"entries.{i}.pattern: invalid regular expression: {exc}") from None
            phrases.append(Phrase(e["category"], e["confidence"] == "high", e["pattern"], e["example"], e.get("whole_line", False)))
    whole = [i for i, p in enumerate(phrases) if p.whole_line]
    anywhere = [i for i, p in enumerate(phrases) if not p.whole_line]
    return PhrasePack(tuple(phrases), _combine(phrases, anywhere), _combine(phrases, whole))
