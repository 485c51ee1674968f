"""The English word list (Webster's Second, from the ``english-words`` package), looked up without loading it.

Spelling discovery and the headline-quote check ask whether a capitalised
word is an ordinary English word. The package hands the list over as a
pickled set of 236,000 words: loading it took longer than checking an
article, in every process that asked (each worker of a big run, a
pre-commit run on an article with a headline quote). Here the same words
are one sorted file, mapped into memory and binary-searched: a question
reads a few pages and no set is ever built. ``scripts/build_word_list.py``
writes the file from the package; ``tests/test_word_list.py`` fails when
the two disagree.
"""
from __future__ import annotations

import mmap
from functools import lru_cache
from pathlib import Path

from edlint.io.local_files import first_line_at_or_after, map_file

DATA = Path(__file__).with_name("english_words.txt")
HEADER = "edlint English words 1: the english-words package's web2 list, alpha, sorted by UTF-8 bytes"


class WordList:
    """``word in words`` over a sorted file of one word a line (after a header line), by bisection."""

    def __init__(self, blob: bytes | mmap.mmap):
        self._blob = blob
        self._first = blob.find(b"\n") + 1
        self._end = len(blob)

    def __contains__(self, word: object) -> bool:
        if not isinstance(word, str) or not word or "\n" in word:
            return False
        target = word.encode("utf-8", "surrogatepass")
        at = first_line_at_or_after(self._blob, self._first, self._end, target)
        return at < self._end and self._blob[at : self._blob.find(b"\n", at)] == target


def text_of(words) -> str:
    """The file's text for a collection of words (for the script that writes it)."""
    ordered = sorted({w for w in words if w and "\n" not in w}, key=lambda w: w.encode("utf-8", "surrogatepass"))
    return HEADER + "\n" + "".join(w + "\n" for w in ordered)


@lru_cache(maxsize=1)
def english_words() -> WordList:
    """The shipped list, mapped into memory."""
    return WordList(map_file(DATA))
