"""Words attribution rules look for: speech verbs, pronouns, role nouns, source documents."""
from __future__ import annotations

import re

from edlint.document.lazyre import alternation, caseless, lazy

SPEECH_VERBS = (
    "said|says|say|saying|added|adds|told|tells|continued|continues|explained|explains|warned|warns|"
    "insisted|insists|argued|argues|claimed|claims|stated|states|wrote|writes|asked|asks|replied|replies|"
    "declared|declares|announced|announces|admitted|admits|noted|notes|stressed|stresses|urged|urges|"
    "commented|comments|confirmed|confirms|suggested|suggests|acknowledged|acknowledges|according to|"
    "reported|reports|tweeted|posted|recalled|recalls|joked|jokes|conceded|concedes|agreed|agrees|"
    "predicted|predicts|described|describes|called|calls|believes|believed|thinks|thought|reads|read"
)

PERSON_ROLE_NOUNS = (
    "minister|premier|president|spokesman|spokeswoman|spokesperson|official|officials|leader|chief|secretary|"
    "chancellor|governor|mayor|officer|director|executive|chairman|chairwoman|chair|coach|manager|judge|"
    "lawyer|source|sources|analyst|analysts|expert|experts|professor|doctor|witness|man|woman|boy|girl|"
    "player|captain|singer|actor|actress|star|author|writer|founder|boss|head|police|spokesmen|commander|"
    "general|senator|congressman|congresswoman|mp|ambassador|envoy|diplomat|aide|aides|adviser|advisor|"
    "economist|campaigner|campaigners|residents|resident|father|mother|son|daughter|wife|husband|teacher|"
    "striker|midfielder|defender|goalkeeper|winger|forward|champion|king|queen|prince|princess|pope|bishop|"
    "archbishop|priest|ceo|owner|founder|inspector|detective|prosecutor|prosecutors|investigators|"
    "investigator|scientist|scientists|researcher|researchers|researcher|victim|survivor"
)
ORGANISATION_NOUNS = (
    "government|ministry|company|firm|group|party|union|council|department|agency|team|club|board|committee|court"
)
ROLE_NOUNS = PERSON_ROLE_NOUNS + "|" + ORGANISATION_NOUNS
_ROLE_LEAD = r"\b(the|a|an|his|her|their|its|our|one)\s+(?:[\w'’-]+\s+){0,4}"
ROLE_RE = caseless(lambda: rf"{_ROLE_LEAD}({alternation(ROLE_NOUNS)})\b")
PERSON_ROLE_RE = caseless(lambda: rf"{_ROLE_LEAD}({alternation(PERSON_ROLE_NOUNS)})\b")
HONORIFIC_NAME = lazy(r"\b(Mr|Mrs|Ms|Miss|Dr|Sir|Dame|Lord|Lady|Prof|Professor|President|Chancellor|"
                            r"Minister|Secretary|Governor|Senator|Gen|General|Judge|Mayor)\.?\s+[A-Z][\w'’-]+")
FULL_NAME = lazy(r"\b[A-Z][a-zà-ÿ'’-]+\s+(?:[A-Z]\.\s+)?[A-Z][a-zà-ÿ'’-]{1,}")
PRONOUN_ATTRIBUTION = lazy(
    lambda: rf"^[\"“‘']?\s*(He|She|They)\s+(?:also\s+|later\s+|then\s+|had\s+|has\s+|have\s+)?"
            rf"({alternation(SPEECH_VERBS)})\b",
    re.M,
)
_DOCUMENT_NOUNS = ("report|statement|letter|document|study|survey|memo|email|e-mail|filing|"
                   "ruling|judgment|judgement|review|inquiry|dossier|briefing|assessment|analysis")
_DOCUMENT_VERBS = ("continues|continued|said|says|added|adds|states|stated|read|reads|concludes|concluded|"
                   "warns|warned|notes|noted")
DOCUMENT_SOURCE = lazy(rf"\b[Tt]he\s+((?:[\w'’-]+\s+){{0,2}})({_DOCUMENT_NOUNS})\s+({_DOCUMENT_VERBS})\b")
_DOCUMENT_VERB_AFTER = lazy(lambda: rf"\s+(?:{alternation(_DOCUMENT_VERBS)})\b")


def may_cite_document(text: str, start: int, found: list | None = None) -> bool:
    """Could DOCUMENT_SOURCE match in ``text[start:]``? Every match holds a noun, spaces, a verb
    ("report said"): the nouns are found with plain substring searches, and only where one
    occurs is the verb after it tried. Most articles cite no document, and so skip the pattern.

    ``found``: the nouns' places (``literal_hits``) from the run's one literal pass, which finds
    them in any case as whole words, as every match holds them; the text is then not searched again.
    """
    if found is not None:
        return any(h.start >= start and _DOCUMENT_VERB_AFTER.match(text, h.end) for h in found)
    for noun in _DOCUMENT_NOUN_LIST:
        i = text.find(noun, start)
        while i >= 0:
            if _DOCUMENT_VERB_AFTER.match(text, i + len(noun)):
                return True
            i = text.find(noun, i + 1)
    return False


DOCUMENT_NOUN_LIST = _DOCUMENT_NOUN_LIST = tuple(_DOCUMENT_NOUNS.split("|"))
ANONYMOUS = lazy(
    r"\b(a|an|one|two|three|several)\s+(senior\s+|US\s+|UK\s+|western\s+|government\s+|military\s+|police\s+|"
    r"diplomatic\s+|intelligence\s+|security\s+|party\s+){0,3}(official|officials|source|sources|insider|aide|diplomat)"
    r"(\s+(close to|familiar with|with knowledge of)[^,.]{0,60})?\s*,?\s+(said|says|told|added)\b"
    r"|\b(sources|insiders)\s+(said|say|told|claimed)\b",
    re.I,
)

# Verbs and phrases that attribute speech, for deciding whether a quotation has a
# speaker: the speech verbs above plus participles and less common reporting verbs.
ATTRIBUTION_VERBS = (
    SPEECH_VERBS + "|adding|telling|warning|explaining|insisting|arguing|claiming|stating|writing|asking|"
    "replying|responded|responds|responding|remarked|remarks|observed|observes|pointed out|points out|quipped|"
    "boasted|complained|complains|countered|counters|demanded|vowed|vows|pledged|promised|revealed|reveals|"
    "shouted|chanted|sang|whispered|cried|concluded|concludes|emphasised|emphasized|maintained|maintains|"
    "reckoned|reckons|cautioned|added|denied|denies|hit back|went on|goes on|spoke|speaking|quoted|quoting|"
    "wrote|sighed|laughed|enthused|lamented|protested|pleaded|urging|announcing|confirming|admitting|"
    "accused|accuses|acknowledging|conceding|recalling|predicting|describing|calling|vowing|stressing|"
    "ask|tell|write|argue|warn|explain|insist|claim|add|admit|reply|respond|comment|"
    "according to|in the words of|in a statement|in an interview|in a letter|in a blog|in his blog|in her blog"
)
ATTRIBUTION_RE = caseless(lambda: rf"(?<![\w-])({alternation(ATTRIBUTION_VERBS)})(?![\w-])")  # not "Spanish-speaking"

# Past-tense reporting verbs: "He said the plan had failed", "Mr Warner said firms ...".
REPORT_PAST_RE = lazy(
    r"\b(said|added|told|insisted|warned|urged|conceded|acknowledged|argued|claimed|explained|stressed|"
    r"confirmed|admitted|denied|announced|suggested|noted|revealed|called on|called for|pointed out)\b"
)
FIRST_OR_SECOND_PERSON = lazy(
    r"\bI\b|\bI['’](?:m|ve|d|ll)\b"
    r"|\bus\b|\b(?i:me|my|mine|we|we['’](?:re|ve|d|ll)|our|ours|you|your|yours|you['’](?:re|ve|d|ll))\b"  # not "US"
)
