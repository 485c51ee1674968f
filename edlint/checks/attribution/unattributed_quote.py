"""attribution.unattributed-quote: a quoted statement that nobody is said to have said."""
from __future__ import annotations


from edlint.core.findings import Hit, RuleMeta, Severity
from edlint.core.rule import Rule
from edlint.document.lazyre import alternation, caseless, lazy

from .speech import attributes, sentence_at, sentences_between, unquoted
from .vocab import ATTRIBUTION_VERBS, FULL_NAME, HONORIFIC_NAME, PERSON_ROLE_RE

MIN_WORDS = 4
CONTEXT_SENTENCES = 3  # how far back in a paragraph a speaker still counts
# For a quote opening a paragraph: a speaker in the previous paragraph's last
# sentence, or a quotation in its last two, carries the voice over.
PREVIOUS_QUOTE_SENTENCES = 2

_WORD = lazy(r"[^\W_][\w'’-]*")
_LEADING = lazy(r"^[\s.\u2026\-\u2013\u2014(\[]*")
# Someone in focus: a third-person pronoun, or first person outside quote marks
# (a transcript or a first-person piece speaks in its own voice).
_PRONOUN = lazy(r"\b(?:[Hh]e|[Ss]he|[Tt]hey|[Hh]is|[Hh]er|[Hh]im|[Tt]hem|[Tt]heir|I|[Ww]e)\b")
# "That was the verdict of Mr Smith", "the message from the club"
_VERDICT = caseless(
    r"\b(?:verdict|words|view|message|warning|response|reaction|assessment|plea)\s+(?:of|from)\b"
)
# An attribution that introduces the quotation after it: 'Jane Smith said: "'.
_LEAD_IN = caseless(lambda: rf"\b(?:{alternation(ATTRIBUTION_VERBS)})\b[^.!?:]{{0,60}}:\s*$")
_GOES_ON = lazy(r"\b(?:added|adds|continued|continues|went on|goes on)\b")
_FUNCTION_WORDS = frozenset([
    "a", "an", "the", "of", "and", "or", "in", "on", "at", "to", "for", "with", "from", "by", "as",
    "but", "nor", "is", "it", "its",
])


class UnattributedQuote(Rule):
    meta = RuleMeta(
        id="attribution.unattributed-quote",
        summary=(
            "A quoted statement with no speaker: nobody in its sentence, its paragraph or the quote it continues, "
            "and no attribution in the next sentence."
        ),
        severity=Severity.WARNING,
        in_quotes=True,
        fix_safety="No fix: only an editor knows who said it.",
        docs="""## What it flags
A quotation that is a statement — a full sentence or more inside quote marks,
standing as a sentence of the body — when nothing says who spoke:

- its own sentence has no attribution (`"…," he said`, `"…?" asked Ms Jones`);
- its paragraph names nobody before it: no speech verb, no other quotation,
  no personal pronoun, no name (in full, with an honorific, or one the story
  uses as a speaker elsewhere: "McClaren said"), no person's role such as
  "the minister" or "a spokesman". In copy that joins paragraphs on one line,
  the three sentences before the quote stand for its paragraph;
- for a quote that opens its paragraph, the previous paragraph does not end
  with its speaker: its last sentence names nobody in that sense, and its last
  two hold no quotation (edited copy lets a voice go on in a new paragraph
  after `"…," said Michael Moran.` or `Mr Raynsford dismissed the idea.`);
- it is not part of a quotation that runs over several paragraphs and was
  attributed earlier (each paragraph opens with a quote mark, only the last closes);
- the next sentence does not attribute it (`"…" That was the verdict of Mr Smith.`,
  `"…" "…," she added.`).

## Why
A quote is only as good as its source. When an attribution clause is cut or a
paragraph is reordered, the words are left hanging, and the reader cannot tell
whether they are the subject's, a critic's or the reporter's.

## Limits
A quote needs at least four words and its own closing full stop, question or
exclamation mark to count as a statement, and must stand as a sentence: a
quote introduced by a colon (`The sign read: "…"`) or inside a sentence is
taken as introduced. Anyone named before it counts as a speaker, even if it is
not the one who spoke, so a quote that follows the wrong person is not found.
Quotes that are never closed are left to attribution.unbalanced-quotes.
""",
    )

    def check(self, doc, ctx):
        plain = None  # the reporter's words: blanked only once a quotation needs them
        body = {i for i, b in enumerate(doc.blocks) if b.kind == "paragraph"}
        for q in doc.quotations:
            if q.depth or not q.closed:
                continue
            bi = doc.block_at(q.start)
            if bi not in body or not _ends_sentence(doc.prose, q) or not _opens_sentence(doc, q, bi):
                continue
            if not _statement(doc, q):
                continue
            if plain is None:
                plain = unquoted(doc, ctx)
            if _speaker_before(doc, plain, q, bi) or _attributed_after(doc, plain, q, body):
                continue
            if _follows_speech(doc, plain, q, bi, body):
                continue
            words = q.text(doc.prose).split()
            lead = " ".join(words[:6]) + (" …" if len(words) > 6 else "")
            yield Hit(q.start, q.segments[0][1], f"Quotation '{lead}' has no speaker: say who said it.")


def _ends_sentence(prose: str, q) -> bool:
    """Does the quotation end with its own full stop, question or exclamation mark (before its closing mark)?

    Tested first, with string operations: most quotations end with a comma
    (`"…," he said`) and are no statement.
    """
    s, e = q.segments[-1]  # a closed quotation: its last segment's words lie between its marks
    tail = prose[s + 1 : e - 1].rstrip().rstrip(_CLOSERS)
    return bool(tail) and tail[-1] in _TERMINALS


_TERMINALS = ".?!\u2026"
_CLOSERS = ")]\u2019'"


def _statement(doc, q) -> bool:
    """A full sentence or more (its end tested by ``_ends_sentence``): capital start, enough words; not a title."""
    text = _LEADING.sub("", q.text(doc.prose))
    if not text or not (text[0].isupper() or text[0].isdigit()):
        return False
    words = _WORD.findall(text)
    if len(words) < MIN_WORDS:
        return False
    return not _title_case(words)


def _title_case(words: list[str]) -> bool:
    """Most content words capitalised: a title or a name ("Who Wants To Be A Millionaire?")."""
    content = [w for w in words[1:] if w.lower() not in _FUNCTION_WORDS]
    return len(content) >= 2 and sum(w[0].isupper() for w in content) >= 0.7 * len(content)


def _opens_sentence(doc, q, bi: int) -> bool:
    """Does the quotation stand as its own sentence (not inside one, not after a colon)?"""
    j = q.start - 1
    floor = doc.blocks[bi].start
    while j >= floor and doc.prose[j].isspace():
        j -= 1
    if j < floor:
        return True
    while j >= floor and doc.prose[j] in ")]\u201d\u2019'\"":
        j -= 1
    return j >= floor and doc.prose[j] in ".?!\u2026"


def _speaker_before(doc, plain: str, q, bi: int) -> bool:
    """Is someone named, speaking or quoted earlier in the quotation's paragraph?

    Looks at most CONTEXT_SENTENCES back: in copy that joins paragraphs on one
    line that is about one original paragraph. An earlier quotation there means
    this one continues a voice already heard.
    """
    start = doc.blocks[bi].start
    before = sentences_between(doc, start, q.start)[-CONTEXT_SENTENCES:]
    if before:
        start = before[0].start
    return _names_speaker(doc, plain, start, q.start)


def _follows_speech(doc, plain: str, q, bi: int, body: set[int]) -> bool:
    """Does a paragraph-opening quote follow a paragraph that ends with its speaker?

    Edited copy lets a speaker go on in a new paragraph after
    `"…," said Michael Moran.` or `Mr Raynsford dismissed a suggestion …`
    (someone in the last sentence of the previous paragraph), or after that
    speaker's quotation and one sentence about them (`"…." Jamie didn't arrive
    at hospital until …`): the new quote is heard as that voice.
    """
    start = doc.blocks[bi].start
    if plain[start : q.start].strip() or bi - 1 not in body:
        return False
    prev = doc.blocks[bi - 1]
    last = sentences_between(doc, prev.start, prev.end)[-PREVIOUS_QUOTE_SENTENCES:]
    if not last:
        return False
    return _names_speaker(doc, plain, last[-1].start, prev.end) or _quoted(doc, plain, last[0].start, prev.end)


def _names_speaker(doc, plain: str, start: int, end: int) -> bool:
    """Does ``[start, end)`` name someone who could be speaking, or quote them?

    A speech verb, a quotation, a personal pronoun, a name (full, or with an
    honorific), a person's role ("the lord chancellor"), or a word the story
    elsewhere makes a speaker ("McClaren said", "said Telewest").
    """
    text = plain[start:end]
    return bool(
        attributes(text) or _PRONOUN.search(text) or HONORIFIC_NAME.search(text) or FULL_NAME.search(text)
        or PERSON_ROLE_RE.found_in(text) or _quoted(doc, plain, start, end)
        or not _story_speakers(doc).isdisjoint(_CAPITALISED.findall(text))
    )


def _quoted(doc, plain: str, start: int, end: int) -> bool:
    """Does a quotation lie in ``[start, end)`` (blanked in ``plain``, so not all of it is prose)?

    Blanking turns characters into spaces: a word character blanked leaves
    fewer that are not spaces (a line break blanked does not count).
    """
    return len("".join(plain[start:end].split())) != len("".join(doc.prose[start:end].split()))


_CAPITALISED = lazy(r"\b[A-Z][\w'’-]+")
_SPEAKS_AFTER = lazy(lambda: rf"\b([A-Z][\w'’-]+)\s+(?:{alternation(ATTRIBUTION_VERBS)})\b")
_SPEAKS_BEFORE = lazy(
    r"\b(?:said|says|added|adds|told|asked|explained|insisted|warned)\s+((?:[A-Z][\w'’.-]*\s+){0,3}[A-Z][\w'’-]+)"
)
_NOT_SPEAKERS = frozenset(
    [
        "the", "a", "an", "this", "that", "these", "those", "it", "its", "there", "here", "in", "on", "at",
        "for", "with", "from", "by", "of", "to", "as", "after", "before", "when", "while", "if", "although",
        "though", "despite", "since", "until", "during", "many", "most", "some", "all", "both", "each",
        "every", "one", "two", "three", "other", "others", "such", "what", "which", "who", "how", "why",
        "where", "no", "not", "nor", "our", "we", "you", "they", "he", "she", "his", "her", "their", "i",
        "my", "your", "us", "them", "more", "less", "last", "next", "first", "new", "but", "and", "so",
        "yet", "however", "meanwhile",
    ]
)


def _story_speakers(doc) -> frozenset[str]:
    """Capitalised words the story uses as speakers: "McClaren said", "said Mr Ash", "Telewest added"."""
    cached = doc.__dict__.get("_attribution_speakers")
    if cached is None:
        words = {m.group(1) for m in _SPEAKS_AFTER.finditer(doc.prose)}
        for m in _SPEAKS_BEFORE.finditer(doc.prose):
            words.update(m.group(1).split())
        cached = frozenset(w for w in words if w.lower() not in _NOT_SPEAKERS)
        doc.__dict__["_attribution_speakers"] = cached
    return cached


def _attributed_after(doc, plain: str, q, body: set[int]) -> bool:
    """Is there an attribution after the closing mark in its sentence, or in the next sentence?"""
    own = sentence_at(doc, q.end - 1)
    own_end = max(own.end, q.end) if own else q.end
    if attributes(plain[q.end : own_end]):
        return True
    nxt = _next_sentence(doc, own_end, body)
    if nxt is None:
        return False
    text = plain[nxt.start : nxt.end]
    if _LEAD_IN.found_in(text) and not _GOES_ON.search(text):
        return False  # 'Jane Smith said: "…"' introduces its own quotation; 'He added: "…"' goes on from this one
    return attributes(text) or _VERDICT.found_in(text)


def _next_sentence(doc, offset: int, body: set[int]):
    """The first sentence starting at or after ``offset``, if it is in the body."""
    following = sentences_between(doc, offset, len(doc.prose) + 1)
    return following[0] if following and following[0].block in body else None
