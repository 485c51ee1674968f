"""Attribution: who said it? Built on the document model's quotations and sentences.

Rules: a headline quote the body never supports, pronoun attributions with
nobody to refer to, quote marks that do not balance (allowing the convention
that a quote running over paragraphs opens each one and closes at its end),
quoted statements with no speaker, sources never introduced, and (opt-in)
anonymous sourcing.
"""
from __future__ import annotations

from edlint.core.findings import Applicability, Edit, Fix, Hit, RuleMeta, Severity
from edlint.core.rule import Rule
from edlint.document.lazyre import lazy

from .speech import run_on_sentence
from .unattributed import UnattributedQuote
from .vocab import (
    ANONYMOUS,
    DOCUMENT_SOURCE,
    FULL_NAME,
    HONORIFIC_NAME,
    PRONOUN_ATTRIBUTION,
    ROLE_RE,
    may_cite_document,
)

_WORDS = lazy(r"[\w]+(?:[’'][\w]+)*")


def _norm_words(text: str) -> list[str]:
    """Lower-case words, possessive and plural ``s`` dropped: "Hitler's" meets 'Hitler', "must-haves" 'must-have'."""
    found = _WORDS.findall(text)
    if not found:
        return []
    # Lower-cased all at once: no word holds a space and str.lower maps each word as it would alone.
    words = " ".join(found).lower().replace("’", "'").split(" ")
    return [
        w[:-2] if w.endswith("'s") else w[:-1] if len(w) > 3 and w.endswith("s") and not w.endswith("ss") else w
        for w in words
    ]


def _contains_near(body: list[str], quote: list[str]) -> bool:
    """Is the quote in the body, allowing one word dropped or one word added?"""
    n = len(quote)
    if n == 0:
        return True
    text = " " + " ".join(body) + " "
    if " " + " ".join(quote) + " " in text:
        return True
    if n >= 3:
        for i in range(n):  # the body dropped a little word of the headline's quote ('to', 'the')
            if quote[i] in _STOP and " " + " ".join(quote[:i] + quote[i + 1 :]) + " " in text:
                return True
        first = quote[0]
        for i in range(len(body) - n):  # the body has one word more
            if body[i] != first and body[i + 1] != first:
                continue  # the quote's first word starts every window that holds it with one word more
            window = body[i : i + n + 1]
            for j in range(n + 1):
                if window[:j] + window[j + 1 :] == quote:
                    return True
    return False


_STOP = frozenset(["a", "an", "the", "to", "of", "in", "on", "for", "and", "or", "but", "is", "are", "was", "were", "be", "been", "it", "its", "this", "that", "with", "by", "at", "as", "from", "not", "no", "will", "would", "could", "should", "may", "might", "has", "have", "had"])
# Matched with ``match(prose, block.start)``: no ``^``, which would only hold at offset 0.
_HEAD_SPEAKER = lazy(
    r"\s*((?:[A-Z][a-z][\w'’-]*\s+){1,2}[A-Z][a-z][\w'’-]*)\s+"
    r"(?:says|said|warns|vows|claims|insists|assures|tells|admits|urges|denies|pledges|promises|accuses|"
    r"attacks|slams|praises|backs|defends|hits out|insists|predicts|reveals|confirms|rejects)\b"
)


def _lost_paraphrase(words: list[str], body_set: set[str]) -> bool:
    """Paraphrase convention: marks flag a reported claim ("Steel firm 'to cut' jobs").

    Only a quote of six words or more whose content words the body mostly lacks is an error.
    """
    content = [w for w in words if w not in _STOP]
    found = sum(1 for w in content if w in body_set)
    return len(words) >= 6 and bool(content) and found / len(content) < 0.34


def _verbatim_claim(words: list[str]) -> bool:
    """Verbatim convention: marks promise the speaker's words.

    Two words or more, or one word that is not an ordinary one (a coinage, a
    nickname): a single common word in marks is a scare quote, not a quotation.
    """
    if len(words) >= 2:
        return True
    if not words or words[0] in _STOP:
        return False
    from ..spelling.identity import is_ordinary_word

    w = words[0]
    return not any(is_ordinary_word(w[: len(w) - len(end)] + add) for end, add in _INFLECTIONS if w.endswith(end))


# Endings to take off a word before looking it up ("shocks", "slowing", "controlled").
_INFLECTIONS = (("", ""), ("", "s"), ("s", ""), ("es", ""), ("ed", ""), ("ed", "e"), ("ing", ""), ("ing", "e"), ("led", "l"))


class HeadlineQuote(Rule):
    meta = RuleMeta(
        id="attribution.headline-quote",
        summary="Words quoted in the headline or standfirst that the body never quotes, or a headline speaker the body never names.",
        severity=Severity.WARNING,
        in_quotes=True,
        options={"convention": "verbatim"},
        fix_safety="No fix: an editor restores the quote to the body or rewrites the headline.",
        fixes="none",
        docs="""## What it flags
A quotation in the headline (or standfirst) that the body does not bear out,
and a person the headline names as speaker who is never mentioned in the body.
What counts depends on the house convention (option `convention`):

- `verbatim` (default; tabloids, most US desks): headline quote marks promise
  the speaker's words. Any quote of two words or more, or of one word that is
  not an ordinary English word, must appear in the body, allowing for case,
  punctuation, a possessive or plural `s`, one dropped little word (`to`,
  `the`) or one added word.
- `paraphrase` (the BBC): quote marks may flag a reported claim (`Steel firm
  'to cut' jobs`). Only a quote of six words or more whose content words the
  body mostly lacks, or any quote under a speaker the body never names, is flagged.

## Why
A headline quote is a promise that the story contains those words and says who
said them. When the paragraph with the quote is cut, the promise dangles.

## Examples
Fails: headline `Ben Wallace assures Ukraine UK is 'full square behind them'`
over a body that never quotes "full square behind them" nor mentions Wallace.

Fails (verbatim): headline `Minister attacks 'a betrayal of voters'` over a
body where the minister says only "This is wrong."

Passes: headline `Minister vows 'no retreat'` when the body has `He said: "There will be no retreat."`

Passes (paraphrase): `Steel firm 'to cut' 45,000 jobs` over a story that says the firm could cut 45,000 jobs.

## Options
`convention = "verbatim"` or `"paraphrase"`:

```toml
[rules."attribution.headline-quote"]
convention = "paraphrase"
```

Measured on the BBC corpus and on mutated articles (docs/attribution.md):
verbatim finds every dangling headline phrase of the bench, paraphrase none;
on the BBC's own copy verbatim reports the BBC's paraphrase quotes (6.7 per
100 articles), which a BBC-style house turns off by choosing `paraphrase`.

## Fix safety
No fix.

## Limits
The speaker check reads a name at the start of the headline before a verb.
Under `verbatim`, a quote whose words the body inflects differently
(`learn and play` beside "learning and play") is flagged.
""",
    )
    option_choices = {"convention": ("verbatim", "paraphrase")}

    def check(self, doc, ctx):
        heads = [b for b in (doc.headline, doc.standfirst) if b is not None]
        if not any(b.start <= q.start < b.end for q in doc.quotations for b in heads):
            return  # most headlines quote nobody: skip reading the body
        body_text = " ".join(doc.prose[b.start : b.end] for b in doc.body)
        body_words = _norm_words(body_text)
        verbatim = self.options["convention"] == "verbatim"
        for block in (doc.headline, doc.standfirst):
            if block is None:
                continue
            quotes = [q for q in doc.quotations if block.start <= q.start < block.end]
            speaker = None
            m = _HEAD_SPEAKER.match(doc.prose, block.start, block.end) if quotes else None
            if m:
                surname = m.group(1).split()[-1]
                if _norm_words(surname)[0] not in body_words:
                    speaker = m.group(1)
            body_set = set(body_words)
            missing = []
            for q in quotes:
                words = _norm_words(q.text(doc.prose))
                if _contains_near(body_words, words):
                    continue
                if speaker or (_verbatim_claim(words) if verbatim else _lost_paraphrase(words, body_set)):
                    missing.append(q)
            for q in missing:
                said = f"'{q.text(doc.prose)}'"
                msg = f"The {block.kind} quotes {said} but the body never does"
                msg += f", and {speaker} is never mentioned in the body" if speaker else ""
                msg += ": add the quote (and who said it) to the body, or rewrite the " + block.kind + "."
                yield Hit(q.start, q.end, msg, data={"speaker": speaker})
            if speaker and not missing:
                yield Hit(m.start(1), m.end(1), f"The {block.kind} attributes a quote to {speaker}, who is never mentioned in the body: name the speaker in the body.")


def _named_later(doc, sentence, after: int) -> bool:
    """Does the sentence name its subject after the pronoun (a feature lead's cataphora)?

    "He called it his 'masochism strategy' … and now Tony Blair has signed up":
    the person is named in the same sentence, as the subject of its next clause.
    """
    m = _CATAPHORA.search(doc.prose, after, sentence.end)
    return bool(m) and not doc.in_quote(m.start(1))


_CATAPHORA = lazy(
    r"(?:,|\band\b|\bbut\b|\bso\b)\s+(?:[a-z]+\s+){0,2}?"
    r"((?:Mr|Mrs|Ms|Miss|Dr|Sir|Lord|Lady)\.?\s+[A-Z][\w'’-]+|[A-Z][a-zà-ÿ'’-]+\s+[A-Z][a-zà-ÿ'’-]+)"
    r"\s+(?:has|had|have|is|was|will|would|\w+ed|\w+s)\b"
)


def _antecedent_before(doc, offset: int, pronoun: str) -> bool:
    """Is anyone (or, for 'they', any group) named in the body before this point?"""
    start = doc.body[0].start if doc.body else 0
    before = doc.prose[start:offset]
    if pronoun.lower() == "they":
        return bool(before.strip())
    return bool(HONORIFIC_NAME.search(before) or FULL_NAME.search(before) or ROLE_RE.search(before))


class DanglingPronoun(Rule):
    meta = RuleMeta(
        id="attribution.dangling-pronoun",
        summary="'He said', 'she added', 'they told' with nobody named before it for the pronoun to be.",
        severity=Severity.WARNING,
        fix_safety="No fix: name the speaker.",
        fixes="none",
        docs="""## What it flags
A sentence of the body that opens with a pronoun attribution — `He said:`,
`She added`, `They told the BBC` — when the body before it names no person
(by full name, honorific and surname, or a role such as "the minister", "a
spokesman"), or for `they`, nothing at all.

## Why
When the paragraph that named the speaker is cut or moved, a quote is left
with "he" and nobody to be him.

## Examples
Fails: a story whose first body paragraph is `He said: "We will not retreat."`

Passes: `Mr Lavrov denounced the West.` then `He said: "It was not us."`

## Fix safety
No fix.

## Limits
Gender is not guessed from names. The headline does not count as an
antecedent (the body must stand on its own). An antecedent anywhere earlier
counts, even if it is a different person, and so does a person named later in
the same sentence as the subject of its next clause (`He called it his
"masochism strategy" … and now Tony Blair has signed up …`).
""",
    )

    def check(self, doc, ctx):
        body_idx = {id(b) for b in doc.body}
        for s in doc.sentences:
            b = doc.blocks[s.block]
            if id(b) not in body_idx:
                continue
            m = PRONOUN_ATTRIBUTION.match(doc.prose, s.start, s.end)
            if not m:
                continue
            pron = m.group(1)
            if not _antecedent_before(doc, s.start, pron) and not _named_later(doc, s, m.end()):
                who = "person" if pron != "They" else "person or group"
                yield Hit(m.start(1), m.end(2), f"'{pron} {m.group(2)}' but no {who} is named before it in the story: name the speaker.")


_TEASER_TAG = lazy(r"\[[A-Z][A-Z ]{1,20}\]\s*$")


def _teaser_link(doc, offset: int) -> bool:
    """Is the paragraph at offset a link to another story ("… ‘unipolar [REPORT]")?

    Such lines are headlines of other pages, often cut short by the scraper, so a
    quote in them may lose its closing mark; they are furniture, not the story.
    Each block is tested once per document, however many marks it holds.
    """
    bi = doc.block_at(offset)
    if bi is None:
        return False
    cache = doc.__dict__.setdefault("_attribution_teasers", {})
    if bi not in cache:
        b = doc.blocks[bi]
        tail = doc.prose[max(b.start, b.end - 40) : b.end]  # the tag ends the line: its last characters suffice
        cache[bi] = bool(_TEASER_TAG.search(tail))
    return cache[bi]


def _segment_of(quote, offset: int) -> list[int]:
    """The segment (paragraph) of a quotation that holds ``offset``: the one to report."""
    return next((seg for seg in reversed(quote.segments) if seg[0] <= offset), quote.segments[0])


class UnbalancedQuotes(Rule):
    meta = RuleMeta(
        id="attribution.unbalanced-quotes",
        summary="A quotation mark opened and never closed, or a closing mark with no opening one.",
        severity=Severity.WARNING,
        in_quotes=True,
        fix_safety="No fix: only an editor knows where the quote ends.",
        fixes="none",
        docs="""## What it flags
A quote opened and never closed before a paragraph that does not continue it,
or a stray closing mark, for curly and straight marks. It also flags a quote
whose closing mark was lost when a later mark happens to balance it: the
quotation then contains the reporter's own sentence (`He said the plan had
failed.`, `Mr Warner said firms …`). A quote that is never closed is reported
at the opening mark of the stretch of speech that lacks its closing mark.

## Why
Readers cannot tell where the speaker's words end and the reporter's begin.

## Examples
Fails: `She said: "We will go.` followed by a paragraph that does not open with a quote mark.

Fails: `He said: "We will go. Mr Smith said the plan had failed. "It is over."`

Passes: the news convention for quotes over several paragraphs — each
paragraph opens with a quote mark and only the last one closes it, also when
the paragraphs are joined on one line (`said: "We will go. "We will win."`) —
and apostrophes (`Russia’s`, `’90s`, `rock ’n’ roll`, `shoot 'em up`, `'bot nets`).

## Fix safety
No fix.

## Limits
Outside a quotation, a straight single mark before a word with no mark after it
in the paragraph that could close it is read as an apostrophe (`'orrible`,
`'771`), so such a single quote that never closes is missed. A lost closing mark
followed directly by the next quote (`said: "We will go. "We will win."`) reads
as the multi-paragraph convention and cannot be told from it. The reporter's
sentence is recognised by a named or pronoun subject and a past-tense reporting
verb, with no I, we or you: a speaker's own "He said he would help" inside a
quote reads as the reporter's, and a reporter's sentence without such a verb is
not recognised. Lines that link to other stories (ending `[REPORT]`,
`[INSIGHT]` …) are left to the ad-copy rules.
""",
    )

    def check(self, doc, ctx):
        reported: set[int] = set()
        for p in doc.quote_problems:
            if p.kind == "wrong-way" or _teaser_link(doc, p.start):
                continue
            reported.add(p.start)
            if p.kind == "unclosed":
                msg = f"Quotation opened with {p.mark} is never closed: close it, or open the next paragraph with a quote mark if the quote continues."
            else:
                msg = f"Closing quotation mark {p.mark} with no opening one: add the opening mark or remove this one."
            yield Hit(p.start, p.end, msg)
        yield from self._run_on(doc, reported)

    def _run_on(self, doc, reported: set[int]):
        """Closed quotations that contain the reporter's own sentence."""
        body = [(b.start, b.end) for b in doc.body]
        for q in doc.quotations:
            if q.depth or not q.closed or any(seg[0] in reported for seg in q.segments):
                continue
            if not any(s <= q.start < e for s, e in body):
                continue
            sent = run_on_sentence(doc, q)
            if sent is None:
                continue
            seg = _segment_of(q, sent.start)
            words = doc.prose[sent.start : sent.end].split()
            lead = " ".join(words[:6]) + (" …" if len(words) > 6 else "")
            yield Hit(seg[0], seg[0] + 1, f"Quotation opened with {doc.prose[seg[0]]} runs on into the reporter's words ('{lead}'): close it where the speaker's words end.")


class WrongWayQuote(Rule):
    meta = RuleMeta(
        id="attribution.wrong-way-quote",
        summary="A closing quotation mark used to open a quote (”slim.”), or an opening one used to close it.",
        severity=Severity.WARNING,
        in_quotes=True,
        fix_safety="Safe when the quotation's other mark is in the same paragraph; otherwise unsafe.",
        fixes="safe/unsafe",
        docs="""## What it flags
A curly quotation mark turned the wrong way: a closing mark `”` or `’` where a
quotation opens (after a space, a colon or the start of a paragraph, before a
word), or an opening mark `“` or `‘` where an open quotation closes (after a
word or punctuation, before a space or the end). Smart-quote software guesses
wrong when the mark was typed after something it took for a word.

## Why
Readers see a quote that seems to close before it opens; other tools report a
stray closing mark and miss the real quotation.

## Examples
Fails: `The odds were ”slim.”`

Fails: `He wrote: ”We are ready.”`

Passes: `The odds were “slim.”`; `He wrote: “We are ready.”`; apostrophes such
as `’90s`, `rock ’n’ roll`, `’em`.

## Fix safety
Safe: the mark is turned the right way when the quotation it opens closes in
the same paragraph (or the quotation it closes opened there), so the pairing
is certain. Unsafe when the quotation never closes.

## Limits
A single closing mark before a word is read as an opening mark only when a
closing mark follows in the paragraph; otherwise it may be an apostrophe of a
clipped word and is left alone. Straight marks have no direction and are never
wrong-way.
""",
    )

    def check(self, doc, ctx):
        for p in doc.quote_problems:
            if p.kind != "wrong-way" or _teaser_link(doc, p.start):
                continue
            role = "open" if p.replacement in ("\u201c", "\u2018") else "close"
            msg = f"Wrong-way quotation mark {p.mark} used to {role} a quote: use {p.replacement}."
            safety = Applicability.SAFE if p.paired else Applicability.UNSAFE
            fix = Fix((Edit(p.start, p.end, p.replacement),), safety, f"{p.mark} → {p.replacement}")
            yield Hit(p.start, p.end, msg, fix=fix)


_DOC_NOUNS = lazy(r"\b(report|statement|letter|document|study|survey|memo|e-?mail|filing|ruling|judge?ment|"
                        r"review|inquiry|dossier|briefing|assessment|analysis|note|paper|research|findings|publication)s?\b")


_SPOKES = lazy(r"\bspokes(?:man|woman|person|people|men|women)\b|\bpress office\b")


class UnintroducedSource(Rule):
    meta = RuleMeta(
        id="attribution.unintroduced-source",
        summary="'The report continues', 'the statement said' with no report or statement introduced before.",
        severity=Severity.WARNING,
        fix_safety="No fix.",
        fixes="none",
        docs="""## What it flags
An attribution to a document — `the report continues:`, `the statement said`
— when the body has not mentioned such a report or statement before.

## Why
It is the document version of a dangling "he said": the paragraph that
introduced the report was cut.

## Examples
Fails: a story that opens `The report continues: "Troops are tired."`

Passes: `According to the latest intelligence report: …` then `The report continues: …`

## Fix safety
No fix.

## Limits
Any earlier mention of the same noun counts as its introduction; for "the
statement", so does an earlier spokesperson (`A club spokesperson denied it,
insisting: "…"` then `The statement added: …`).
""",
    )

    def check(self, doc, ctx):
        if not doc.body:
            return
        start = doc.body[0].start
        if not may_cite_document(doc.prose, start):
            return
        sentence_starts = {s.start for s in doc.sentences}
        for m in DOCUMENT_SOURCE.finditer(doc.prose, start):
            if m.start() not in sentence_starts:
                continue  # "…, the report said." follows what it refers to; the opener is the risk
            noun = m.group(2).lower()
            before = doc.prose[start : m.start()].lower()
            if not _DOC_NOUNS.search(before) and not (noun == "statement" and _SPOKES.search(before)):
                yield Hit(m.start(), m.end(), f"'{m.group(0)}' but no {noun} has been introduced: say whose {noun} it is first.")


class AnonymousSource(Rule):
    meta = RuleMeta(
        id="attribution.anonymous-source",
        summary="Anonymous sourcing ('a senior official said'), for houses that want a note.",
        severity=Severity.SUGGESTION,
        default_enabled=False,
        fix_safety="No fix.",
        fixes="none",
        docs="""## What it flags
Attributions to unnamed people: `a senior official said`, `sources said`,
`a source close to the minister told …`.

## Why
Anonymous sourcing is legitimate but many houses want each use justified
("…who was not authorised to speak publicly").

## Examples
Fails (when enabled): `A senior US official said: "It cannot be business as usual."`

Passes: `The Foreign Secretary, James Cleverly, said …`

## Fix safety
No fix.

## Limits
Off by default; the `strict` preset turns it on.
""",
    )

    def check(self, doc, ctx):
        for b in doc.body:
            for m in ANONYMOUS.finditer(doc.prose, b.start, b.end):
                yield Hit(m.start(), m.end(), "Anonymous source: say why the source cannot be named, if house style asks.")


RULES = [HeadlineQuote, DanglingPronoun, UnbalancedQuotes, WrongWayQuote, UnattributedQuote, UnintroducedSource, AnonymousSource]
