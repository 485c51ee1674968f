"""What a capitalised word is known to be, before spelling discovery calls it a respelling.

Two look-alike words in one article are often two different things: a demonym
and a surname (Scot, Scott), an exchange and a word (Liffe, Life), a word and a
politician's name (Abbot, Abbott), a club and a typo of it. Discovery consults,
in order of cost: the curated names in ``rules/spelling/known-names.yaml``
(demonyms, organisations, exchanges, clubs); an English word list (the
``english-words`` package's Webster's list, whose proper nouns are capitalised,
so a word it has only in lower case is an ordinary word; shipped as a sorted
file and looked up in place, ``edlint.knowledge.words``); and the officeholder
data of ``edlint.knowledge``. Everything loads on first use: most articles
never get this far.
"""
from __future__ import annotations

from functools import lru_cache

from edlint.core.kinds import builtin_files, load


@lru_cache(maxsize=1)
def known_names() -> dict[str, str]:
    """Lower-cased curated name -> what it is ("demonym", "organisation")."""
    out: dict[str, str] = {}
    for file in builtin_files("known-names"):
        data = load(file)
        for section, what in (("demonyms", "demonym"), ("organisations", "organisation")):
            for name in data.get(section, []):
                out[name.lower()] = what
    return out


def is_ordinary_word(word: str) -> bool:
    """Is ``word`` an English word that is not also a name: in the word list in lower case only?

    "life" and "abbot" are; "blair" is a Scots word but "Blair" is in the list
    too, so Blair stays a name. The list loads on the first question.
    """
    from ...knowledge.words import english_words  # Webster's list, looked up in place

    low = word.lower()
    words = english_words()
    return low in words and low.capitalize() not in words


def officeholder_surname(word: str) -> bool:
    """Is ``word`` exactly the surname of someone in the officeholder data?"""
    from ...knowledge.officeholders import KnowledgeBase

    return any(t.person.split()[-1] == word for t in KnowledgeBase.load().who(word))


def same_officeholder(given: str, surname: str) -> bool:
    """Does the officeholder data hold someone called exactly ``given surname``?"""
    from ...knowledge.officeholders import KnowledgeBase

    full = f"{given} {surname}"
    return any(t.person == full for t in KnowledgeBase.load().who_exact(full))


def what_it_is(word: str) -> str | None:
    """"demonym", "organisation" or "word" when the capitalised ``word`` is known as such, else None."""
    low = word.lower()
    known = known_names().get(low)
    if known:
        return known
    if is_ordinary_word(low):
        return "word"
    return None
