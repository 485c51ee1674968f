"""Reading the words around quotations: who speaks, and where the speaker stops.

Shared by the attribution rules. Everything here works on ``doc.prose`` offsets
and the document's quotations and sentences, so the rules stay small.
"""
from __future__ import annotations

import bisect
import itertools

from edlint.core.services import DocumentWork
from edlint.document.lazyre import caseless, lazy

from .vocab import ATTRIBUTION_RE, FIRST_OR_SECOND_PERSON, REPORT_PAST_RE

_CONNECTIVE = lazy(r"^(?:But|And|However|Also|Earlier|Later|Meanwhile|Yet|So|Now)\b,?\s+")
_APPOSITIVE = lazy(r",[^,]*,")
# Words that make the text before the verb a clause rather than a speaker:
# "It is not what the minister said", "If Mr Blair said so".
_NOT_A_SUBJECT = caseless(
    r"\b(is|was|are|were|be|been|being|has|have|what|that|if|when|because|would|will|could|should|can|"
    r"do|does|did|not|this|these|there|who|which)\b"
)
_PRONOUN_SUBJECT = lazy(r"^(?:[Hh]e|[Ss]he|[Ii]t|[Tt]hey)(?:\s+(?:also|later|then|has|had))?$")
# "..., he said." at the end of a sentence is the reporter's tag.
_TRAILING_TAG = lazy(r",\s+(?:he|she|they|it)\s+(?:said|added)\.?\s*$")
_HONORIFIC_START = lazy(r"^(?:Mr|Mrs|Ms|Miss|Dr|Sir|Dame|Lord|Lady|Prof|Professor)\b")
# Capitalised single words that open a sentence without naming anyone.
_NOT_NAMES = frozenset(
    [
        "everyone", "everybody", "nobody", "somebody", "someone", "anyone", "people", "critics", "others",
        "many", "some", "most", "few", "all", "both", "experts", "analysts", "officials", "observers",
        "fans", "supporters", "reports", "sources", "insiders", "this", "that", "which", "what", "who",
    ]
)
_SPOKES = caseless(r"\bspokes(?:man|woman|person|people|men|women)\b")


def reports_speech(sentence: str) -> bool:
    """Is this sentence the reporter telling us what someone said, not a speaker's own words?

    "He said the plan had failed", "Mr Warner said firms needed ...": inside a
    quotation such a sentence means the quotation was not closed before it. A
    sentence with I, we or you is taken as speech; so is a pronoun with the
    present tense ("She says she watched ..."), which speakers use.
    """
    if FIRST_OR_SECOND_PERSON.search(sentence):
        return False
    if _TRAILING_TAG.search(sentence):
        return True
    text = _CONNECTIVE.sub("", sentence, count=1)
    m = REPORT_PAST_RE.search(text, 0, 140)
    if not m:
        return False
    return _speaker_subject(text[: m.start()].strip())


def _speaker_subject(subject: str) -> bool:
    """Is the text before a reporting verb someone speaking ("He", "Mr Warner", "A spokesman for X")?"""
    if _PRONOUN_SUBJECT.match(subject):
        return True
    core = _APPOSITIVE.sub(" ", subject + " ").strip().rstrip(",")  # "Stuart Rose, head of M&S,"
    words = core.split()
    if not words or len(words) > 9 or _NOT_A_SUBJECT.found_in(core):
        return False
    if any(w[:1].isupper() for w in words[1:]) or _HONORIFIC_START.match(core) or _SPOKES.found_in(core):
        return True
    return len(words) == 1 and words[0][:1].isupper() and words[0].lower() not in _NOT_NAMES  # "Ancelotti"


def sentences_between(doc, start: int, end: int) -> list:
    """The document's sentences that start inside ``[start, end)``."""
    starts = _sentence_starts(doc)
    lo = bisect.bisect_left(starts, start)
    hi = bisect.bisect_left(starts, end)
    return doc.sentences[lo:hi]


def sentence_at(doc, offset: int):
    """The sentence containing ``offset`` (or the last one starting before it)."""
    starts = _sentence_starts(doc)
    i = bisect.bisect_right(starts, offset) - 1
    return doc.sentences[i] if i >= 0 else None


def _sentence_starts(doc) -> list[int]:
    cached = doc.__dict__.get("_attribution_sentence_starts")
    if cached is None:
        cached = [s.start for s in doc.sentences]
        doc.__dict__["_attribution_sentence_starts"] = cached
    return cached


def run_on_sentence(doc, quote):
    """The first sentence inside a closed quotation that reads as the reporter's, if any.

    A quotation whose closing mark was lost runs on into the reporter's text
    until some later mark happens to close it; in joined copy the next quote's
    opening mark even looks like a continuation. The reporter's sentence
    ("Mr Warner said firms needed ...") inside it shows where it should have closed.
    """
    starts = reach = None  # the quotations nested in this one: looked up once a sentence starts inside it
    for s, e in quote.content_spans:
        for sent in sentences_between(doc, s + 1, e):
            if starts is None:
                nested = _nested_spans(doc, quote)
                starts = [ns for ns, _ in nested]
                reach = list(itertools.accumulate((ne for _, ne in nested), max))  # furthest end so far
            end = min(sent.end, e)
            k = bisect.bisect_left(starts, end) - 1
            if k >= 0 and reach[k] > sent.start:
                continue  # the speaker retelling a conversation: 'They said, ‘…’' is still the speaker
            text = doc.prose[sent.start : end]
            if reports_speech(text):
                return sent
    return None


def _nested_spans(doc, quote) -> list[tuple[int, int]]:
    """Spans of the quotations of the other mark style inside ``quote`` (a speaker quoting someone else)."""
    starts = doc.__dict__.get("_attribution_quote_starts")
    if starts is None:
        starts = [q.start for q in doc.quotations]
        doc.__dict__["_attribution_quote_starts"] = starts
    lo = bisect.bisect_right(starts, quote.start)
    hi = bisect.bisect_left(starts, quote.end)
    # Only the other mark style nests: a straight " inside an open " is a lost closing mark, not a quote in a quote.
    return [(q.start, q.end) for q in doc.quotations[lo:hi] if q.depth > quote.depth and q.kind != quote.kind]


def unquoted(doc, ctx) -> str:
    """The prose with every quotation (marks and words) blanked: the reporter's words only."""
    return ctx.services.work(UNQUOTED) if ctx is not None else _blank_quotes(doc, None)


def _blank_quotes(doc, ctx) -> str:
    """Every segment of every outermost quotation replaced by spaces, the rest of the prose as it is.

    Built from slices of the prose (overlapping segments merged first), not a
    character at a time.
    """
    spans = sorted((s, e) for q in doc.quotations if not q.depth for s, e in q.segments if e > s)
    prose = doc.prose
    parts = []
    done = 0  # prose before ``done`` is already in ``parts``
    for s, e in spans:
        if e <= done:
            continue
        s = max(s, done)
        parts += (prose[done:s], " " * (e - s))
        done = e
    parts.append(prose[done:])
    return "".join(parts)


UNQUOTED: DocumentWork[str] = DocumentWork("attribution unquoted prose", _blank_quotes)


def attributes(text: str) -> bool:
    """Does this stretch of the reporter's words attribute speech (said, told, according to ...)?"""
    return ATTRIBUTION_RE.found_in(text)
