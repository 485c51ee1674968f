"""Structural guesses: furniture judged by the shape of lines and their neighbours, not by what they say.

Everything here is a guess (its fixes are unsafe). Each test is a handful of
cheap string checks per line, so the family stays linear in the article.
"""
from __future__ import annotations

from functools import lru_cache
from edlint.document.lazyre import lazy

# A sentence end, also in Chinese and Japanese text.
TERMINAL = lazy(r"[.!?…。！？][\"'”’)\]]*\s*$")
# A full stop at the end (a headline may end with ? or !, a sentence ends with a stop).
FULL_STOP = lazy(r"(?<!\.\.)[.。][\"'”’)\]]*\s*$")
WORD = lazy(r"\w[\w'’-]*")
TAG = lazy(r"\[[A-Z][A-Z ]{1,20}\]\s*$")
# A score, a fixture, a ranked-list entry or an aside: lists that belong in copy.
FIXTURE = lazy(r"\s(v|vs\.?|versus)\s|\d+\s*-\s*\d+|^\d+[.)]?\s|\(")
# A clause (comma in CJK text) or a "label: value" pair is content, not a menu label.
CLAUSE = lazy(r"[、，]|\S:\s+\S")
# Separators of a one-line menu: "Home | News | Sport".
MENU_SEP = lazy(r"\s+[|•·]\s+|\s*\|\s*")
INNER_SENTENCE = lazy(r"\w[.!?][\"'”’]?\s+[A-Z]")


# Words a headline never ends on; a line ending on one is a sentence broken across lines.
_OPEN_END_WORDS = (
    "a an the of to in on at by for from with and or but nor as than that which who whose "
    "whom is are was were be its their our my your this these those"
)
_OPEN_ENDS = frozenset(_OPEN_END_WORDS.split())


def headline_shaped(text: str) -> bool:
    """A teaser headline: a few words starting with a capital, one sentence at most, no full stop at the end."""
    words = WORD.findall(text)
    if not 2 <= len(words) <= 25:
        return False
    if TAG.search(text):
        return True
    first = text.lstrip("\"'“‘«(•»·*-–— ")[:1]
    if not (first.isupper() or first.isdigit()) or words[-1].lower() in _OPEN_ENDS:
        return False
    return not FULL_STOP.search(text) and not _inner_sentence(text)


# Abbreviations a headline carries with a full stop inside it ("A Vista vs. Linux matchup", "Dr. Phil").
_ABBREVIATION_WORDS = "vs v mr mrs ms dr st jr sr gov sen rep gen lt col capt sgt prof no inc co corp ltd ft mt"
_ABBREVIATIONS = frozenset(_ABBREVIATION_WORDS.split())


def _inner_sentence(text: str) -> bool:
    """A sentence ends inside the line: a full stop, "!" or "?" and a capital after it, not after an
    abbreviation or an initial ("Dr. Phil", "vs. Linux", "J. Smith")."""
    for m in INNER_SENTENCE.finditer(text):
        if text[m.start() + 1] != ".":
            return True
        word = text[: m.start() + 1].rsplit(None, 1)[-1].lstrip("\"'“‘(").lower()
        if word not in _ABBREVIATIONS and not (len(word) == 1 and word.isalpha()):
            return True
    return False


def teaser_header_alone(text: str) -> bool:
    """A teaser header with nothing after it ("DON'T MISS:"), so the lines below are its list."""
    return text.rstrip().endswith(":") or len(WORD.findall(text)) <= 6


def label_like(text: str) -> bool:
    """A menu label: a few words, no sentence end; not a fixture, score, ranked-list line or fact.

    Labels of three or four words are capitalised like titles ("Food & Recipes",
    "Taste of Home"); a phrase in sentence case ("Drink during your workout") is
    an item of a list in the copy.
    """
    if len(text) > 40:
        return False
    words = WORD.findall(text)
    if len(words) > 4 or TERMINAL.search(text) or FIXTURE.search(text) or CLAUSE.search(text):
        return False
    if len(words) >= 3:
        return all(not w[0].isalpha() or not w[0].islower() or len(w) <= 3 for w in words)
    return True


def pipe_menu(text: str) -> bool:
    """A one-line menu: three or more short labels between separators ("Home | News | Sport")."""
    if "|" not in text and "•" not in text and "·" not in text:
        return False
    parts = [p for p in MENU_SEP.split(text) if p.strip()]
    if len(parts) < 3:
        return False
    return all(len(WORD.findall(p)) <= 4 and not TERMINAL.search(p) for p in parts)


def menu_runs(texts: list[str], lines: list[tuple[int, int]], min_run: int) -> list[range]:
    """Runs of at least ``min_run`` label-like units, each on the line after the last (or one below)."""
    runs = []
    i = 0
    while i < len(texts):
        j = i
        while j < len(texts) and label_like(texts[j]) and (j == i or lines[j][0] <= lines[j - 1][1] + 2):
            j += 1
        if j - i >= min_run:
            runs.append(range(i, j))
        i = max(j, i + 1)
    return runs


def _norm(text: str) -> str:
    return " ".join(WORD.findall(text.lower()))


@lru_cache(maxsize=4)
def _norm_headline(headline: str) -> str:
    """``_norm`` of a headline, which every line of its article is compared with."""
    return _norm(headline)


def same_text(line: str, headline: str) -> bool:
    """The same words as the headline (case, punctuation and list markers aside)."""
    if len(line) >= 2 * len(headline) + 20:
        return False
    head = _norm_headline(headline)
    return len(head.split()) >= 2 and _norm(line) == head


def _article_like(text: str) -> bool:
    """A paragraph of copy: twenty words or more ending as a sentence does (not a cut-off teaser)."""
    stripped = text.rstrip()
    return len(WORD.findall(text)) >= 20 and bool(TERMINAL.search(stripped)) and not stripped.endswith(("...", "…"))


def page_header(headline: str, texts: list[str]) -> range | None:
    """The page's top matter, when the headline turns up again further down.

    A scraped page starts with its title, then menus, teasers and ads, then the
    headline again over the story. The units before that repeat are page
    furniture unless they read like copy: two article-like paragraphs in a row,
    or more than one in ten of them, and the guess is off.
    """
    head = _norm(headline)
    if len(head.split()) < 3:
        return None
    repeat = next((i for i, t in enumerate(texts) if same_text(t, headline)), None)
    if not repeat:
        return None
    prose = [_article_like(t) for t in texts[:repeat]]
    if sum(prose) > 0.1 * repeat or any(a and b for a, b in zip(prose, prose[1:], strict=False)):
        return None
    # The headline over the story has the story under it; a repeat with little
    # copy after it is a link in a related-stories list at the foot of the page.
    after = sum(_article_like(t) for t in texts[repeat + 1 :])
    if after < 2 or after <= sum(prose):
        return None
    return range(0, repeat)
