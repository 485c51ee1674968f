"""Transliteration-normalised keys: two spellings of one name get the same key.

The classes of variation are the ones that transliteration from Cyrillic and
Arabic produces: y/i, ii/iy/yy at the end, kh/h, ck/k, ph/f, doubled letters,
diacritics, apostrophes and soft-sign marks, ou/u, dzh/j.
"""
from __future__ import annotations

import unicodedata
from functools import lru_cache
from itertools import groupby

from edlint.document.lazyre import lazy

_MARKS = lazy(r"['’ʹʼ`ʺ\-]")
_RULES = [
    (lazy(r"(iy|yy|ii|yi|ij)$"), "i"),
    (lazy(r"dzh"), "j"),
    (lazy(r"kh"), "h"),
    (lazy(r"ck"), "k"),
    (lazy(r"ph"), "f"),
    (lazy(r"ou"), "u"),
    (lazy(r"q(?!u)"), "k"),
    (lazy(r"y"), "i"),
    (lazy(r"(.)\1+"), r"\1"),
]
_ENDINGS = ("iy", "yy", "ii", "yi", "ij")
_LITERAL_RULES = (("dzh", "j"), ("kh", "h"), ("ck", "k"), ("ph", "f"), ("ou", "u"))
_Q = _RULES[6][0]


def strip_diacritics(s: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


@lru_cache(maxsize=65536)
def translit_key(word: str) -> str:
    if word.isascii():  # NFKD leaves ASCII alone; of the marks only ' ` - are ASCII
        k = word.lower()
        if "'" in k or "`" in k or "-" in k:
            k = _MARKS.sub("", k)
    else:
        k = _MARKS.sub("", strip_diacritics(word).lower())
    if "\n" in k:  # ``$`` also matches before a final line break: the rules as written
        for rx, rep in _RULES:
            k = rx.sub(rep, k)
        return k
    # The rules of _RULES in order, as plain string operations where a pattern is a literal
    # (``str.replace`` replaces exactly what ``re.sub`` would); the same key, several times faster.
    if k.endswith(_ENDINGS):
        k = k[:-2] + "i"
    for old, new in _LITERAL_RULES:
        if old in k:
            k = k.replace(old, new)
    if "q" in k:
        k = _Q.sub("k", k)
    k = k.replace("y", "i")
    # ``(.)\1+`` -> ``\1``: each run of one character kept once (a pattern substitution with a
    # template costs more than the rest of the key; most names have no run at all).
    if any(map(str.__eq__, k, k[1:])):
        return "".join(ch for ch, _ in groupby(k))
    return k


def keep_case(found: str, replacement: str, *, follow_lower: bool = True) -> str:
    """Re-case a replacement like the text it replaces: KIEV -> KYIV, kiev -> kyiv, Kiev -> Kyiv.

    ``follow_lower=False`` keeps a replacement's own capitals where the found text
    is lower case: a house swap written ``govt: Government`` means the capital.
    """
    if found.isupper() and len(found) > 1:
        return replacement.upper()
    if follow_lower and found.islower():
        return replacement.lower()
    if found[:1].isupper() and replacement[:1].islower():
        return replacement[:1].upper() + replacement[1:]
    return replacement
