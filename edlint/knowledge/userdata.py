"""A newsroom's own officeholders: people and offices the public data does not cover.

Local governors, mayors, party leaders, club managers: a house lists them in a
YAML file of its own and names it in the config (``[rules.titles]
people_files = ["newsroom/people.yaml"]``). The same file may add title words
and country words to the vocabulary, so "Mayor Andy Burnham" can be checked.
``edlint kb who/office/info --config edlint.toml`` answers from the same data.
A file of kind ``officeholders`` in a ``rule_dirs`` folder's ``titles/`` works
the same; the format, an example file and its schema are in ``edlint.core.kinds.officeholders``.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from edlint.core.kinds import load_path

from .terms import Term

# What may add title and country words: a house's officeholders files and its title-vocabulary files.
VOCABULARY_KINDS = ("officeholders", "title-vocabulary")


def stamp(path: Path) -> tuple[int, int]:
    """What changes when a file is rewritten (``kb import``): caches key on it, not on the name alone."""
    try:
        st = Path(path).stat()
    except OSError:
        return (0, -1)
    return (st.st_mtime_ns, st.st_size)


def read(path: Path, kinds: tuple[str, ...] = ("officeholders",)) -> dict:
    """The validated file (schema in ``core.kinds.officeholders``); problems raise InputError naming file and line."""
    return _read(Path(path), stamp(path), kinds)


@lru_cache(maxsize=16)
def _read(path: Path, _stamp: tuple[int, int], kinds: tuple[str, ...]) -> dict:
    return load_path(path, str(path), kinds)[1]


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
    """Title and country words the house's files (officeholders or title-vocabulary) add to the built-in vocabulary."""
    titles: list[dict] = []
    countries: dict[str, list[str]] = {}
    for path in paths:
        data = read(Path(path), VOCABULARY_KINDS)
        titles.extend(data.get("titles", []))
        for country, words in data.get("countries", {}).items():
            countries.setdefault(country, []).extend(words)
    return titles, countries
