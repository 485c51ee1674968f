"""The officeholder knowledge base: who held which office, from when to when, and how far the data goes.

Built by ``scripts/build_kb.py`` from public data (see NOTICE) and loaded
only when asked for (about 30 ms). Names match through a transliteration-
normalised key, so ``Sergei Lavrov`` finds Wikidata's ``Sergey Lavrov`` and
``Zelensky`` finds ``Volodymyr Zelenskyy``; a surname alone matches too.
"""
from __future__ import annotations

import datetime as _dt
import gzip
import json
from collections import defaultdict
from typing import NamedTuple
from functools import cached_property, lru_cache
from pathlib import Path

from ..checks.spelling.normalise import translit_key

DATA = Path(__file__).with_name("officeholders.json.gz")


class Term(NamedTuple):
    person: str
    person_id: str
    office: str
    country: str
    kind: str
    start: str
    end: str  # "" = still in office when the source was taken
    valid_to: str  # the source is complete to this date
    source: str
    licence: str

    def holds_on(self, day: _dt.date) -> bool | None:
        """True/False if the data says; None when the date is past what the source covers."""
        d = day.isoformat()
        if self.start and d < _pad(self.start, low=True):
            return False
        if self.end:
            return d <= _pad(self.end, low=False)
        if self.valid_to and d > self.valid_to:
            return None
        return True


def _pad(date: str, low: bool) -> str:
    if len(date) == 4:
        return date + ("-01-01" if low else "-12-31")
    if len(date) == 7:
        return date + ("-01" if low else "-31")
    return date


class KnowledgeBase:
    """Indexes people by name key at load; terms are built only for the people a question touches."""

    def __init__(self, data: dict):
        self.people = data["people"]  # [name, id, name_key, surname_key, [[office, start, end, source], ...]]
        self.offices = data["offices"]
        self.sources = data["sources"]
        self._cache: dict[int, list[Term]] = {}
        self._country_cache: dict[str, list[Term]] = {}
        self.by_name: dict[str, list[int]] = defaultdict(list)
        self.by_surname: dict[str, list[int]] = defaultdict(list)
        for i, person in enumerate(self.people):
            self.by_name[person[2]].append(i)
            self.by_surname[person[3]].append(i)

    def terms_of(self, pi: int) -> list[Term]:
        out = self._cache.get(pi)
        if out is None:
            name, pid, _, _, rows = self.people[pi]
            out = []
            for oi, start, end, si in rows:
                office, country, kind = self.offices[oi]
                repo, valid_to, licence = self.sources[si]
                out.append(Term(name, pid, office, country, kind, start, end, valid_to, repo, licence))
            self._cache[pi] = out
        return out

    @property
    def terms(self) -> list[Term]:
        """Every term (builds them all: for reports and questions about offices, not per article)."""
        return [t for pi in range(len(self.people)) for t in self.terms_of(pi)]

    @cached_property
    def by_office(self) -> dict[str, list[Term]]:
        index: dict[str, list[Term]] = defaultdict(list)
        for t in self.terms:
            index[t.office.lower()].append(t)
        return index

    def in_country(self, country: str) -> list[Term]:
        """Terms of offices in one country (builds only those people's terms)."""
        cached = self._country_cache.get(country)
        if cached is None:
            offices = self.offices
            cached = [
                t
                for pi, person in enumerate(self.people)
                if any(offices[row[0]][1] == country for row in person[4])
                for t in self.terms_of(pi)
                if t.country == country
            ]
            self._country_cache[country] = cached
        return cached

    @classmethod
    def load(cls, extra: list[Path] | None = None) -> "KnowledgeBase":
        return _load()

    def who(self, name: str) -> list[Term]:
        """Terms of everyone the name could mean (full name first, else surname)."""
        key = translit_key(name.replace(" ", ""))
        hits = self.by_name.get(key)
        if not hits:
            hits = self.by_surname.get(translit_key(name.split()[-1]), [])
        return [t for pi in hits for t in self.terms_of(pi)]

    def who_exact(self, name: str) -> list[Term]:
        """Terms of people with exactly this full name (modulo transliteration)."""
        return [t for pi in self.by_name.get(translit_key(name.replace(" ", "")), []) for t in self.terms_of(pi)]

    def holders(self, office: str, day: _dt.date | None) -> list[Term]:
        """Holders of an office label; "Prime Minister of the United Kingdom" also means label + country."""
        terms = list(self.by_office.get(office.lower(), []))
        if not terms and " of " in office:
            label, _, country = office.rpartition(" of ")
            country = country.strip().lower()
            country = country[4:] if country.startswith("the ") else country
            terms = [t for t in self.by_office.get(label.strip().lower(), []) if t.country.lower() == country]
        if day is None:
            return terms
        return [t for t in terms if t.holds_on(day)]

    def office_names(self) -> list[str]:
        return sorted({o[0] for o in self.offices})

    def coverage(self) -> dict[str, str]:
        """Per country: the date its data is known to be complete to (the latest source date)."""
        out: dict[str, str] = {}
        for t in self.terms:
            if t.valid_to > out.get(t.country, ""):
                out[t.country] = t.valid_to
        return out


@lru_cache(maxsize=1)
def _load() -> KnowledgeBase:
    return KnowledgeBase(json.loads(gzip.decompress(DATA.read_bytes())))
