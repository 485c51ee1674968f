"""The officeholder knowledge base: who held which office, from when to when, and how far the data goes.

Built by ``scripts/build_kb.py`` from public data (see NOTICE) and loaded
only when asked for. Names match through a transliteration-normalised key,
so ``Sergei Lavrov`` finds Wikidata's ``Sergey Lavrov`` and ``Zelensky``
finds ``Volodymyr Zelenskyy``; a surname alone matches too.

Loading is kept to a few milliseconds: the file is plain text, read as bytes
and never split. A person is one line with their terms packed in one field;
two indexes of sorted "key<TAB>offset" lines point at people's lines. A
lookup binary-searches an index inside the bytes and decodes only the lines
it finds. A newsroom's own people and offices (local
governors, party leaders, club managers) come from its own YAML files
(``edlint/knowledge/userdata.py``) and are searched beside the shipped data.
"""
from __future__ import annotations

import datetime as _dt
import json
import mmap
import re
from collections import defaultdict
from functools import cached_property, lru_cache
from pathlib import Path

from edlint.document.normalise import translit_key
from edlint.io.local_files import first_line_at_or_after, map_file

from .terms import Term

DATA = Path(__file__).with_name("officeholders.tsv")


# Words before a name that are not part of it: the check skips them the same way.
HONORIFICS = ("Lord", "Lady", "Sir", "Dame", "Baroness", "Mr", "Mrs", "Ms", "Dr")


def plain_name(name: str) -> tuple[str, bool]:
    """The name without a possessive or leading honorifics, and whether an honorific was dropped."""
    words = re.sub(r"[’']s?$", "", " ".join(name.split())).split()
    dropped = False
    while len(words) > 1 and words[0].rstrip(".") in HONORIFICS:
        words, dropped = words[1:], True
    return " ".join(words), dropped


def name_key(name: str) -> str:
    return translit_key(name.replace(" ", ""))


def surname_key(name: str) -> str:
    return translit_key(name.split()[-1])


class KnowledgeBase:
    """Shipped facts plus the house's own; people are looked up by name key, terms built on demand."""

    def __init__(self, blob: bytes | mmap.mmap, extra: list[tuple[tuple[str, ...], list[Term]]] | None = None):
        """``blob``: the shipped file (bytes, or the file mapped into memory); ``extra``: the house's people,
        each as (names it goes by, terms)."""
        nl = _index(blob, b"\n", 0)
        header = json.loads(blob[:nl])
        self._blob = blob
        bounds, at = {}, nl + 1
        for name, size in zip(header["sections"], header["sizes"], strict=True):
            bounds[name] = (at, at + size)
            at += size
        self._bounds = bounds
        self.sources = header["sources"]
        self._cache: dict[int, list[Term]] = {}
        self._country_cache: dict[str, list[Term]] = {}
        self.extra_terms: list[Term] = [t for _, terms in extra or () for t in terms]
        self._extra_by_name: dict[str, list[Term]] = defaultdict(list)
        self._extra_by_surname: dict[str, list[Term]] = defaultdict(list)
        for aliases, terms in extra or ():
            for key in {name_key(a) for a in aliases}:
                self._extra_by_name[key].extend(terms)
            for key in {surname_key(a) for a in aliases}:
                self._extra_by_surname[key].extend(terms)

    # -- people and terms ------------------------------------------------------------

    def _lines(self, section: str) -> list[tuple[int, str]]:
        """(offset in the section, decoded line) of every line of a section: for reports, not per article."""
        lo, hi = self._bounds[section]
        out, at = [], lo
        for line in self._blob[lo:hi].split(b"\n")[:-1]:
            out.append((at - lo, line.decode("utf-8")))
            at += len(line) + 1
        return out

    @property
    def people(self) -> list[str]:
        """Every shipped person's name."""
        return [line.split("\t", 1)[0] for _, line in self._lines("people")]

    @cached_property
    def _office_lines(self) -> list[str]:
        lo, hi = self._bounds["offices"]
        return self._blob[lo:hi].decode("utf-8").split("\n")

    @cached_property
    def offices(self) -> list[list[str]]:
        """(label, country, kind) of every office: for reports and questions about offices."""
        return [line.split("\t") for line in self._office_lines[:-1]]

    def office(self, i: int) -> list[str]:
        """(label, country, kind) of one office, split only when a term needs it."""
        return self._office_lines[i].split("\t")

    def terms_of(self, pi: int) -> list[Term]:
        """The terms of the person whose line starts ``pi`` bytes into the people section."""
        out = self._cache.get(pi)
        if out is None:
            at = self._bounds["people"][0] + pi
            line = self._blob[at : _index(self._blob, b"\n", at)].decode("utf-8")
            name, pid, packed = line.split("\t")
            out = []
            for row in packed.split(";") if packed else ():
                oi, start, end, si = row.split(",")
                office, country, kind = self.office(int(oi))
                repo, valid_to, licence = self.sources[int(si)]
                out.append(Term(name, pid, office, country, kind, start, end, valid_to, repo, licence))
            self._cache[pi] = out
        return out

    @cached_property
    def shipped_terms(self) -> list[Term]:
        """Every shipped term, built once: for reports and questions about offices, not per article."""
        return [t for pi, _ in self._lines("people") for t in self.terms_of(pi)]

    @property
    def terms(self) -> list[Term]:
        """Every term, the house's own included."""
        return self.shipped_terms + self.extra_terms

    @cached_property
    def by_office(self) -> dict[str, list[Term]]:
        index: dict[str, list[Term]] = defaultdict(list)
        for t in self.terms:
            index[t.office.lower()].append(t)
        return index

    def in_country(self, country: str) -> list[Term]:
        """Terms of offices in one country (parses only the people who held one there)."""
        cached = self._country_cache.get(country)
        if cached is None:
            lo, hi = self._bounds["countries"]
            at = self._blob.find(("\n" + country + "\t").encode(), lo - 1, hi)
            offsets = []
            if at != -1:
                line = self._blob[at + 1 : _index(self._blob, b"\n", at + 1)].decode("utf-8")
                offsets = [int(x) for x in line.split("\t", 1)[1].split()]
            cached = [
                t
                for pi in offsets
                for t in self.terms_of(pi)
                if t.country == country
            ] + [t for t in self.extra_terms if t.country == country]
            self._country_cache[country] = cached
        return cached

    @classmethod
    def load(cls, extra_files: tuple[Path, ...] | list[Path] = ()) -> KnowledgeBase:
        """The shipped knowledge base, with the house's own files added (cached per file set)."""
        paths = tuple(Path(p) for p in extra_files)
        if not paths:
            return _load(paths, ())
        from .userdata import stamp

        return _load(paths, tuple(stamp(p) for p in paths))

    # -- questions -------------------------------------------------------------------

    def _people_with(self, section: str, key: str) -> list[int]:
        """Offsets of the people whose key is ``key``: a binary search over sorted index lines."""
        blob, target = self._blob, key.encode("utf-8")
        lo, end = self._bounds[section]
        lo = first_line_at_or_after(blob, lo, end, target, b"\t")
        out, prefix = [], target + b"\t"
        while lo < end and blob[lo : lo + len(prefix)] == prefix:
            nl = _index(blob, b"\n", lo)
            out.append(int(blob[lo + len(prefix) : nl]))
            lo = nl + 1
        return out

    def who(self, name: str) -> list[Term]:
        """Terms of everyone the name could mean (full name first, else surname)."""
        terms = self.who_exact(name)
        if terms:
            return terms
        key = surname_key(name)
        hits = self._people_with("surnames", key)
        return [t for pi in hits for t in self.terms_of(pi)] + self._extra_by_surname.get(key, [])

    def who_exact(self, name: str) -> list[Term]:
        """Terms of people with exactly this full name (modulo transliteration)."""
        key = name_key(name)
        hits = self._people_with("names", key)
        return [t for pi in hits for t in self.terms_of(pi)] + self._extra_by_name.get(key, [])

    def lookup(self, name: str) -> tuple[list[Term], list[Term]]:
        """(exact matches, near matches) for a name as copy writes it.

        Exact means what the titles check would accept: the full name modulo
        transliteration and honorifics ("Sir Keir Starmer"), or a surname when
        the copy gives only one ("Zelensky", "Mr Putin"). Near matches share
        only the surname ("John Smith" near Chloe Smith) and are never a claim.
        """
        plain, _ = plain_name(name)
        words = plain.split()
        if not words:
            return [], []
        if len(words) == 1:
            key = surname_key(plain)
            hits = self._people_with("surnames", key)
            return [t for pi in hits for t in self.terms_of(pi)] + self._extra_by_surname.get(key, []), []
        exact = self.who_exact(plain)
        ids = {t.person_id for t in exact}
        key = surname_key(plain)
        near = [t for pi in self._people_with("surnames", key) for t in self.terms_of(pi)]
        near += self._extra_by_surname.get(key, [])
        return exact, [t for t in near if t.person_id not in ids]

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
        return sorted({o[0] for o in self.offices} | {t.office for t in self.extra_terms})

    def coverage_by_kind(self) -> dict[str, dict[str, str]]:
        """Per country and office kind: the date the data is complete to ("" = no limit given).

        Sources cover different kinds: the 2025 heads extract moves the heads of
        state and government of a country, not its ministers.
        """
        out: dict[str, dict[str, str]] = {}
        for t in self.terms:
            kinds = out.setdefault(t.country, {})
            if t.valid_to > kinds.get(t.kind, "") or t.kind not in kinds:
                kinds[t.kind] = max(t.valid_to, kinds.get(t.kind, ""))
        return out

    def coverage(self) -> dict[str, str]:
        """Per country: the date the shipped data is known to be complete to (the latest source date)."""
        out: dict[str, str] = {}
        for t in self.shipped_terms:
            if t.valid_to > out.get(t.country, ""):
                out[t.country] = t.valid_to
        return out


def _index(blob: bytes | mmap.mmap, sub: bytes, start: int) -> int:
    """``blob.index(sub, start)`` for bytes and a memory-mapped file alike (a mapping has only ``find``)."""
    at = blob.find(sub, start)
    if at == -1:
        raise ValueError(f"{sub!r} not found in the knowledge base after offset {start}")
    return at


@lru_cache(maxsize=1)
def _shipped() -> bytes | mmap.mmap:
    """The shipped file, mapped into memory: a lookup reads the few pages it touches, not 3 MB."""
    return map_file(DATA)


@lru_cache(maxsize=8)
def _load(extra_files: tuple[Path, ...], _stamps: tuple = ()) -> KnowledgeBase:
    """The shipped base plus the house's people files, kept per file set (``_stamps``: rebuilt when one changes)."""
    extra: list[tuple[tuple[str, ...], list[Term]]] = []
    if extra_files:
        from .userdata import load_people

        for path in extra_files:
            extra.extend(load_people(path))
    return KnowledgeBase(_shipped(), extra)
