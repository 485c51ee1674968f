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
from functools import lru_cache
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
    def __init__(self, data: dict):
        self.people = data["people"]
        self.offices = data["offices"]
        self.sources = data["sources"]
        self.terms: list[Term] = []
        self.by_name: dict[str, list[int]] = defaultdict(list)
        self.by_surname: dict[str, list[int]] = defaultdict(list)
        self.by_office: dict[str, list[int]] = defaultdict(list)
        for pi, oi, start, end, si in data["terms"]:
            name, pid, name_key, surname_key = self.people[pi]
            office, country, kind = self.offices[oi]
            repo, valid_to, licence = self.sources[si]
            i = len(self.terms)
            self.terms.append(Term(name, pid, office, country, kind, start, end, valid_to, repo, licence))
            self.by_name[name_key].append(i)
            self.by_surname[surname_key].append(i)
            self.by_office[office.lower()].append(i)

    @classmethod
    def load(cls, extra: list[Path] | None = None) -> "KnowledgeBase":
        return _load()

    def who(self, name: str) -> list[Term]:
        """Terms of everyone the name could mean (full name first, else surname)."""
        key = translit_key(name.replace(" ", ""))
        hits = self.by_name.get(key)
        if not hits:
            hits = self.by_surname.get(translit_key(name.split()[-1]), [])
        return [self.terms[i] for i in hits]

    def who_exact(self, name: str) -> list[Term]:
        """Terms of people with exactly this full name (modulo transliteration)."""
        return [self.terms[i] for i in self.by_name.get(translit_key(name.replace(" ", "")), [])]

    def holders(self, office: str, day: _dt.date | None) -> list[Term]:
        """Holders of an office label; "Prime Minister of the United Kingdom" also means label + country."""
        terms = [self.terms[i] for i in self.by_office.get(office.lower(), [])]
        if not terms and " of " in office:
            label, _, country = office.rpartition(" of ")
            country = country.strip().lower()
            country = country[4:] if country.startswith("the ") else country
            terms = [self.terms[i] for i in self.by_office.get(label.strip().lower(), [])
                     if self.terms[i].country.lower() == country]
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
