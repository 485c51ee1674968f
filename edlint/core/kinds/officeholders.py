"""Kind ``officeholders``: a newsroom's own people and their terms of office (read by the titles rules).

Local governors, mayors, party leaders: people the public data does not
cover. The file may add title and country words as a ``title-vocabulary``
file does, so "Mayor Andy Burnham" can be checked.

    kind: officeholders
    source: Newsroom research desk        # credited in findings and `kb info`
    valid_to: 2026-11-01                  # the list is complete to this date (optional)
    people:
      - name: Andy Burnham
        aliases: [Andrew Burnham]
        terms:
          - {office: Mayor of Greater Manchester, country: United Kingdom,
             kind: mayor, start: 2017-05-08}
    titles:
      - {words: [mayor], office: "^Mayor of", word: mayor}
    countries:
      United Kingdom: [Mancunian]
"""
from __future__ import annotations

import datetime as _dt
from typing import Any

from edlint.io.datafiles import compose, line_of
from edlint.io.errors import InputError

from . import title_vocabulary

NAME = "officeholders"
FAMILY = "titles"

_DATE = {"anyOf": [{"type": "string", "pattern": r"^\d{4}(-\d{2}(-\d{2})?)?$"}, {"type": "null"}]}
_TERM = {
    "type": "object",
    "required": ["office", "country"],
    "additionalProperties": False,
    "properties": {
        "office": {"type": "string", "minLength": 2},
        "country": {"type": "string", "minLength": 2},
        "kind": {"type": "string"},
        "start": _DATE,
        "end": _DATE,
    },
}
_PERSON = {
    "type": "object",
    "required": ["name", "terms"],
    "additionalProperties": False,
    "properties": {
        "name": {"type": "string", "minLength": 2},
        "wikidata": {"type": "string", "pattern": "^Q[0-9]+$"},
        "aliases": {"type": "array", "items": {"type": "string", "minLength": 2}},
        "terms": {"type": "array", "minItems": 1, "items": _TERM},
    },
}
SCHEMA = {
    "type": "object",
    "required": ["kind"],
    "additionalProperties": False,
    "properties": {
        "kind": {"const": NAME},
        "source": {"type": "string"},
        "licence": {"type": "string"},
        "valid_to": _DATE,
        "people": {"type": "array", "items": _PERSON},
        "titles": title_vocabulary.TITLES,
        "countries": title_vocabulary.COUNTRIES,
    },
}


def prepare(value: Any) -> Any:
    """Dates as ISO text: YAML reads ``2017-05-08`` as a date, the schema and the terms want text."""
    if isinstance(value, dict):
        return {k: prepare(v) for k, v in value.items()}
    if isinstance(value, list):
        return [prepare(v) for v in value]
    if isinstance(value, _dt.date):
        return value.isoformat()
    return value


def check(data: dict[str, Any], text: str, display: str) -> None:
    """A term that ends before it starts is a typo the schema cannot see; office patterns must compile."""
    for i, person in enumerate(data.get("people", [])):
        for j, term in enumerate(person["terms"]):
            if term.get("start") and term.get("end") and term["end"] < term["start"]:
                line = line_of(compose(text), ["people", i, "terms", j, "end"])
                raise InputError(display, f"{person['name']}: the term ends before it starts", line)
    title_vocabulary.check(data, text, display)
