"""Transliteration-normalised keys: two spellings of one name get the same key.

The classes of variation are the ones that transliteration from Cyrillic and
Arabic produces: y/i, ii/iy/yy at the end, kh/h, ck/k, ph/f, doubled letters,
diacritics, apostrophes and soft-sign marks, ou/u, dzh/j.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_MARKS = re.compile(r"['’ʹʼ`ʺ\-]")
_RULES = [
    (re.compile(r"(iy|yy|ii|yi|ij)$"), "i"),
    (re.compile(r"dzh"), "j"),
    (re.compile(r"kh"), "h"),
    (re.compile(r"ck"), "k"),
    (re.compile(r"ph"), "f"),
    (re.compile(r"ou"), "u"),
    (re.compile(r"q(?!u)"), "k"),
    (re.compile(r"y"), "i"),
    (re.compile(r"(.)\1+"), r"\1"),
]


def strip_diacritics(s: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


@lru_cache(maxsize=65536)
def translit_key(word: str) -> str:
    k = _MARKS.sub("", strip_diacritics(word).lower())
    for rx, rep in _RULES:
        k = rx.sub(rep, k)
    return k


def keep_case(found: str, replacement: str) -> str:
    """Re-case a replacement like the text it replaces: KIEV -> KYIV, kiev -> kyiv, Kiev -> Kyiv."""
    if found.isupper() and len(found) > 1:
        return replacement.upper()
    if found.islower():
        return replacement.lower()
    if found[:1].isupper() and replacement[:1].islower():
        return replacement[:1].upper() + replacement[1:]
    return replacement
