"""Kind ``title-vocabulary``: the words copy uses for offices and countries (read by the titles rules).

A title matches an office of a country when the office's kind is one of
``kinds`` or its label matches ``office`` (a regular expression); ``word`` is
what edlint suggests. An officeholders file may carry the same two sections.

    kind: title-vocabulary
    titles:
      - {words: [metro mayor], office: "^Mayor of", word: mayor}
    countries:
      United Kingdom: [Mancunian]
"""
from __future__ import annotations

import re
from typing import Any

from edlint.io.datafiles import compose, line_of
from edlint.io.errors import InputError

NAME = "title-vocabulary"
FAMILY = "titles"

TITLES = {
    "type": "array",
    "items": {
        "type": "object",
        "required": ["words", "word"],
        "additionalProperties": False,
        "properties": {
            "words": {"type": "array", "minItems": 1, "items": {"type": "string"}},
            "kinds": {"type": "array", "items": {"type": "string"}},
            "office": {"type": "string"},
            "countries": {"type": "array", "items": {"type": "string"}},
            "word": {"type": "string"},
            "needs_country": {"type": "boolean"},
            "ambiguous": {"type": "boolean"},
        },
    },
}
COUNTRIES = {"type": "object", "additionalProperties": {"type": "array", "items": {"type": "string"}}}
SCHEMA = {
    "type": "object",
    "required": ["kind"],
    "additionalProperties": False,
    "properties": {
        "kind": {"const": NAME},
        "sources": {"type": "array", "items": {"type": "string"}},
        "titles": TITLES,
        "countries": COUNTRIES,
    },
}


def check(data: dict[str, Any], text: str, display: str) -> None:
    """Each ``office`` is a regular expression: a broken one is named now, not when an article needs it."""
    for i, title in enumerate(data.get("titles", [])):
        if title.get("office"):
            try:
                re.compile(title["office"])
            except re.error as exc:
                raise InputError(display, f"titles.{i}.office: invalid regular expression: {exc}",
                                line_of(compose(text), ["titles", i, "office"])) from None
