"""What copy says, mapped to offices: title words, country words, and the patterns built from them.

The built-in vocabulary is the ``kind: title-vocabulary`` files of the packs
(``rules/titles/vocabulary.yaml``); a house's own title-vocabulary and
officeholder files may add title and country words (``mayor``, ``Mancunian``).
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from edlint.core.kinds import builtin_files, load
from edlint.records import FrozenRecord


class Title(FrozenRecord):
    _fields = ("words", "kinds", "office", "countries", "word", "needs_country", "ambiguous")

    def __init__(
        self,
        words: tuple[str, ...],
        kinds: tuple[str, ...],
        office: re.Pattern | None,
        countries: tuple[str, ...],
        word: str,
        needs_country: bool = False,
        ambiguous: bool = False,
    ) -> None:
        self.words = words
        self.kinds = kinds
        self.office = office
        self.countries = countries
        self.word = word
        self.needs_country = needs_country
        self.ambiguous = ambiguous  # the word has meanings outside government ("chancellor" of a university)

    def fits(self, term, country: str | None) -> bool:
        """The term is an office this title can mean (in the country the copy named, if any)."""
        if country and term.country != country:
            return False
        if self.countries and term.country not in self.countries:
            return False
        return term.kind in self.kinds or bool(self.office and self.office.search(term.office))


class Vocabulary(FrozenRecord):
    _fields = ("countries", "titles", "before_name", "apposition", "reference", "title_keys", "country_span")

    def __init__(
        self,
        countries: dict[str, str],
        titles: tuple[Title, ...],
        before_name: re.Pattern,
        apposition: re.Pattern,
        reference: re.Pattern,
        title_keys: tuple[str, ...] = (),
        country_span: int = 2,
    ) -> None:
        self.countries = countries  # phrase (lower) -> country
        self.titles = titles
        self.before_name = before_name  # "Russian Foreign Minister Sergei Lavrov"
        self.apposition = apposition  # "Sergei Lavrov, Russia's foreign minister,"
        self.reference = reference  # "the Russian premier said"
        # every title word, lower case: where a mention can be (plain substring tests)
        self.title_keys = title_keys
        # most words in a country word ("Downing Street"): how far back a match can start
        self.country_span = country_span

    def titles_for(self, phrase: str) -> list[Title]:
        p = phrase.lower()
        return [t for t in self.titles if p in (w.lower() for w in t.words)]

    def country_of(self, phrase: str | None) -> str | None:
        return self.countries.get(phrase.lower()) if phrase else None


# Offices that merely contain a title word: "Deputy Prime Minister", "shadow chancellor", "Lord Chancellor".
_OTHER_OFFICES = ("deputy", "shadow", "acting", "junior", "assistant", "vice", "lord", "then", "interim")
_NAME = r"((?:[A-Z][\w'’-]+\s+){0,2}[A-Z][\w'’-]+)"


def vocabulary(extra_files: tuple[Path, ...] = ()) -> Vocabulary:
    """The built-in vocabulary with the house files' words (rebuilt when a house file changes).

    ``extra_files`` are officeholders or title-vocabulary files, from ``people_files`` or ``rule_dirs``.
    """
    if not extra_files:
        return _vocabulary((), ())
    from ...knowledge.userdata import stamp

    return _vocabulary(tuple(extra_files), tuple(stamp(p) for p in extra_files))


def _rows(extra_files: tuple[Path, ...]) -> tuple[list[dict], dict[str, list[str]]]:
    """Title rows and country words: the built-in title-vocabulary files', then the house files'."""
    title_rows: list[dict] = []
    country_rows: dict[str, list[str]] = {}
    for file in builtin_files("title-vocabulary"):
        data = load(file)
        title_rows += data.get("titles", [])
        for c, ws in data.get("countries", {}).items():
            country_rows.setdefault(c, []).extend(ws)
    if extra_files:
        from ...knowledge.userdata import vocabulary_additions

        more_titles, more_countries = vocabulary_additions(extra_files)
        title_rows += more_titles
        for c, ws in more_countries.items():
            country_rows.setdefault(c, []).extend(ws)
    return title_rows, country_rows


def _alternation(words) -> str:
    """One regex alternative per word, longest first, so the longest country or title word wins."""
    return "|".join(sorted(words, key=len, reverse=True))


@lru_cache(maxsize=8)
def _vocabulary(extra_files: tuple[Path, ...], _stamps: tuple) -> Vocabulary:
    title_rows, country_rows = _rows(extra_files)
    countries = {w.lower(): c for c, words in country_rows.items() for w in words}
    titles = tuple(
        Title(tuple(t["words"]), tuple(t.get("kinds", [])), re.compile(t["office"]) if t.get("office") else None,
              tuple(t.get("countries", [])), t["word"], t.get("needs_country", False), t.get("ambiguous", False))
        for t in title_rows
    )
    cw = _alternation(re.escape(w) for ws in country_rows.values() for w in ws if not w.startswith("of "))
    ofw = _alternation(re.escape(w) for ws in country_rows.values() for w in ws if w.startswith("of "))
    # Sorted first: a set's order changes from process to process, and so would the pattern's text,
    # which must be the same every run for its compiled form to come from the regex cache.
    tw = _alternation(sorted({re.escape(w) for t in title_rows for w in t["words"]}))
    other = "".join(rf"(?<!(?i:{w}) )" for w in _OTHER_OFFICES) + r"(?<!-)"
    # Country and title words in any case; the name must be capitalised.
    # "former" may come before the country word or after it.
    before_name = re.compile(rf"\b((?i:former)\s+)?(?:((?i:{cw}))\s+)?((?i:former)\s+)?{other}((?i:{tw}))\s+{_NAME}")
    apposition = re.compile(
        rf"{_NAME},\s+(?:the\s+)?((?i:former)\s+)?(?:((?i:{cw}))\s+)?{other}((?i:{tw}))"
        rf"(?:\s+((?i:{ofw})))?(?=\s*[,.;:)])"
    )
    # A reference back is the subject of its clause ("The Russian premier said", "..., the
    # prime minister added"); "the election of the US president" means the office, not a person.
    subject = r"(?:(?<=^)|(?<=[.!?:;,\n\"“‘(]\s)|(?<=\n)|(?<=\band\s)|(?<=\bbut\s)|(?<=\bwhile\s))"
    reference = re.compile(rf"{subject}[Tt]he\s+({cw})\s+{other}({tw})\b(?!\s+[A-Z])", re.M)
    keys = tuple(sorted({w.lower() for t in title_rows for w in t["words"]}))
    span = max((len(w.split()) for ws in country_rows.values() for w in ws), default=1)
    return Vocabulary(countries, titles, before_name, apposition, reference, keys, span)
