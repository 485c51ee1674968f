"""Kind ``phrases``: lines of ad copy and page furniture, as regular expressions (read by ``adcopy.furniture``).

Patterns are matched against one lower-cased paragraph, so they are written
in lower case. ``confidence: high`` lines are deleted by ``edlint fix``;
``medium`` ones only with ``--unsafe-fixes``. ``whole_line: true`` means the
pattern must cover the whole paragraph.

    kind: phrases
    entries:
      - {category: newsletter prompt, confidence: high,
         pattern: "^get the manchester briefing\\b", example: "Get the Manchester briefing every morning"}
"""
from __future__ import annotations

import re
from typing import Any

from edlint.io.datafiles import compose, line_of
from edlint.io.errors import InputError

NAME = "phrases"
FAMILY = "adcopy"
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


def _upper_case_letter(pattern: str) -> bool:
    """An upper-case letter outside an escape (``\\S``, ``\\W``, ``\\D``, ``\\B`` are classes, not letters)."""
    return re.search(r"(?<!\\)[A-Z]", re.sub(r"\\.", "", pattern)) is not None


def check(data: dict[str, Any], text: str, display: str) -> None:
    """Lower case only; the regular expressions are compiled later, all together, by the pack."""
    for i, entry in enumerate(data["entries"]):
        if _upper_case_letter(entry["pattern"]):
            raise InputError(display, f"entries.{i}.pattern: write patterns in lower case (they are matched "
                                     "against the lower-cased line)", line_of(compose(text), ["entries", i, "pattern"]))
