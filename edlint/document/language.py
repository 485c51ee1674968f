"""Which language an article is written in, so English rules run on English copy only.

A Russian or Korean page run through English rules gets a handful of
meaningless findings; the useful answer is "skipped: not English". Most
files are English, so the check is in two steps:

1. a stop-word count: English news copy is about a third function words
   ("the", "of", "was", "said" …); copy where they are common enough is
   English at once, with no model loaded (a few microseconds per article);
2. otherwise py3langid, a compact offline classifier that ships its model,
   names the language. It is imported and loaded only then (numpy and the
   model take a few hundred milliseconds once per process; after that it
   classifies an article in well under 5 ms).

Text too short to judge is taken as English: a headline or a one-line note
is checked as before.
"""
from __future__ import annotations

import re
from functools import lru_cache

# How much of an article to look at: the language is settled long before the end.
SAMPLE_CHARS = 4000
# The stop-word count needs less: the first words settle it for English copy.
SHARE_CHARS = 1000
# Fewer words than this and the text is not judged (checked as English).
MIN_WORDS = 25
# Share of English function words above which no model is needed.
ENGLISH_SHARE = 0.10
# The classifier's probability needed to call a text "not English".
MIN_PROBABILITY = 0.9

AUTO = "auto"
ENGLISH = "en"

# Function words frequent in English copy and rare as words in other languages that
# use the Latin script ("on", "in", "a", "die", "is" are left out: French, German,
# Dutch and others use them too).
_ENGLISH_WORDS = frozenset([
    "the", "and", "of", "to", "that", "for", "with", "this", "from", "have", "has", "had", "which", "said",
    "would", "were", "been", "their", "they", "was", "are", "it", "not", "by", "as", "he", "his", "she", "her",
    "will", "who", "but", "its", "an", "be", "at", "or", "than", "there", "about", "after", "into", "more",
    "when", "also", "could", "after", "what", "we", "you"
])
_ENGLISH_BYTES = frozenset(w.encode("ascii") for w in _ENGLISH_WORDS)
_WORD = None


def english_share(text: str) -> tuple[float, int]:
    """The share of English function words among the words of ``text``, and the word count.

    A word is a run of letters (``[^\\W\\d_]``). Text that Latin-1 encodes (nearly
    all English copy) is split into words as bytes, at C speed: every byte
    that is not a letter made a space, then a split on spaces.
    """
    global _WORD
    sample = text[:SHARE_CHARS].lower()
    try:
        words = sample.encode("latin-1").translate(_letters_only()).split()
        known = _ENGLISH_BYTES
    except UnicodeEncodeError:
        if _WORD is None:
            _WORD = re.compile(r"[^\W\d_]+")
        words = _WORD.findall(sample)
        known = _ENGLISH_WORDS
    if not words:
        return 0.0, 0
    return sum(map(known.__contains__, words)) / len(words), len(words)


@lru_cache(maxsize=1)
def _letters_only() -> bytes:
    """``bytes.translate`` table: each Latin-1 letter (as ``[^\\W\\d_]`` knows letters) kept, all else a space."""
    def letter(ch: str) -> bool:
        return ch.isalnum() and not ch.isdecimal() and ch != "_"

    return bytes(b if letter(chr(b)) else 0x20 for b in range(256))


@lru_cache(maxsize=1)
def _identifier():
    """py3langid's shipped model, normalised to probabilities; loaded on first use only."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect(text: str) -> str | None:
    """The ISO 639-1 code of the language of ``text`` when it is surely not English, else None.

    None means "check it": English, too short to tell, or a classifier that is
    not sure.
    """
    share, n = english_share(text)
    if n < MIN_WORDS or share >= ENGLISH_SHARE:
        return None
    lang, prob = _identifier().classify(text[:SAMPLE_CHARS])
    if lang == ENGLISH or prob < MIN_PROBABILITY:
        return None
    return lang


def skip_note(lang: str) -> str:
    """The one note a report gives for a file that was not checked because of its language."""
    return f"skipped: not English (detected: {lang})"
