"""A newsroom's own officeholders: people and offices the public data does not cover.

Local governors, mayors, party leaders, club managers: a house lists them in a
YAML file of its own and names it in the config (``[rules.titles]
people_files = ["newsroom/people.yaml"]``). The same file may add title words
and country words to the vocabulary, so "Mayor Andy Burnham" can be checked.
``edlint kb who/office/info --config edlint.toml`` answers from the same data.

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
from functools import lru_cache
from pathlib import Path

from edlint.io.datafiles import (
    DataError,
    compose,
    line_of,
    load_yaml,
    read_text,
    validate,
)

from .terms import Term

_DATE = {"anyOf": [{"type": "string", "pattern": r"^\d{4}(-\d{2}(-\d{2})?)?$"}, {"type": "null"}]}

SCHEMA = {
    "type": "object",
    "required": ["kind"],
    "additionalProperties": False,
    "properties": {
        "kind": {"const": "officeholders"},
        "source": {"type": "string"},
        "licence": {"type": "string"},
        "valid_to": _DATE,
        "people": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["name", "terms"],
                "additionalProperties": False,
                "properties": {
                    "name": {"type": "string", "minLength": 2},
                    "wikidata": {"type": "string", "pattern": "^Q[0-9]+$"},
                    "aliases": {"type": "array", "items": {"type": "string", "minLength": 2}},
                    "terms": {
                        "type": "array",
                        "minItems": 1,
                        "items": {
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
                        },
                    },
                },
            },
        },
        "titles": {
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
        },
        "countries": {"type": "object", "additionalProperties": {"type": "array", "items": {"type": "string"}}},
    },
}


def stamp(path: Path) -> tuple[int, int]:
    """What changes when a file is rewritten (``kb import``): caches key on it, not on the name alone."""
    try:
        st = Path(path).stat()
    except OSError:
        return (0, -1)
    return (st.st_mtime_ns, st.st_size)


def read(path: Path) -> dict:
    """The validated file; problems raise DataError naming the file and line."""
    return _read(Path(path), stamp(path))


@lru_cache(maxsize=16)
def _read(path: Path, _stamp: tuple[int, int]) -> dict:
    try:
        text = read_text(path)  # the one safe reader: a FIFO or device is refused, not waited on
    except (OSError, UnicodeDecodeError) as exc:
        raise DataError(str(path), f"cannot read the officeholder file: {exc}") from None
    data = load_yaml(text, str(path))
    data = _dates_as_text(data)
    validate(data, SCHEMA, str(path), text)
    for i, person in enumerate(data.get("people", [])):
        for j, term in enumerate(person["terms"]):
            if term.get("start") and term.get("end") and term["end"] < term["start"]:
                line = line_of(compose(text), ["people", i, "terms", j, "end"])
                raise DataError(str(path), f"{person['name']}: the term ends before it starts", line)
    return data


def _dates_as_text(value):
    if isinstance(value, dict):
        return {k: _dates_as_text(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_dates_as_text(v) for v in value]
    if isinstance(value, _dt.date):
        return value.isoformat()
    return value


def load_people(path: Path) -> list[tuple[tuple[str, ...], list[Term]]]:
    """The file's people as (names they go by, terms)."""
    data = read(Path(path))
    source = data.get("source") or Path(path).name
    licence = data.get("licence", "house data")
    valid_to = data.get("valid_to") or ""
    out = []
    for person in data.get("people", []):
        name = person["name"]
        terms = [
            Term(name, f"house:{name}", t["office"], t["country"], t.get("kind") or "office",
                 t.get("start") or "", t.get("end") or "", valid_to, source, licence)
            for t in person["terms"]
        ]
        out.append(((name, *person.get("aliases", [])), terms))
    return out


def vocabulary_additions(paths: tuple[Path, ...]) -> tuple[list[dict], dict[str, list[str]]]:
    """Title and country words the house's files add to the built-in vocabulary."""
    titles: list[dict] = []
    countries: dict[str, list[str]] = {}
    for path in paths:
        data = read(Path(path))
        titles.extend(data.get("titles", []))
        for country, words in data.get("countries", {}).items():
            countries.setdefault(country, []).extend(words)
    return titles, countries
