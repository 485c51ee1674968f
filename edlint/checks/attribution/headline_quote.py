"""``attribution.headline-quote``: a headline quote the body never bears out, or a headline speaker it never names."""
from __future__ import annotations

from functools import lru_cache

from edlint.core.findings import Hit, Option, RuleMeta, Severity
from edlint.core.rule import Rule
from edlint.document.lazyre import lazy

_WORDS = lazy(r"[\w]+(?:[’'][\w]+)*")


def _norm_words(text: str) -> list[str]:
    """Lower-case words, possessive and plural ``s`` dropped: "Hitler's" meets 'Hitler', "must-haves" 'must-have'."""
    joined = _joined_words(text)
    if not joined:
        return []
    # Lower-cased all at once: no word holds a space and str.lower maps each word as it would alone.
    # Then, in one substitution, each word loses a final "'s", or a final "s" after three characters
    # or more that is not a second "s".
    return _ENDING.sub("", joined.lower().replace("’", "'")).split(" ")


def _joined_words(text: str) -> str:
    """The words of ``text`` (``_WORDS``), joined by single spaces.

    Text that Latin-1 encodes is split as bytes, at C speed: every byte that is
    neither a word character nor an apostrophe made a space, then apostrophes
    that join no two word characters (at a word's ends, or two or more in a
    row) made spaces too: the same words as the pattern's findall.
    """
    try:
        data = text.encode("latin-1")
    except UnicodeEncodeError:
        return " ".join(_WORDS.findall(text))
    data = data.translate(_word_bytes())
    if b"'" in data:
        data = _LONE_APOSTROPHES.sub(b" ", data)
    return b" ".join(data.split()).decode("latin-1")


_ENDING = lazy(r"'s(?= |\Z)|s(?<=[^ ]{2}[^ s]s)(?= |\Z)")
# After the translation only word bytes, apostrophes and spaces are left: an apostrophe is kept
# only with a word byte on both sides.
# (The pattern starts with the apostrophe itself, so the engine skips from one to the next.)
_LONE_APOSTROPHES = lazy(rb"'(?:'+|(?<=(?<![^ ])')|(?![^ ]))")


@lru_cache(maxsize=1)
def _word_bytes() -> bytes:
    """``bytes.translate`` table: Latin-1 word characters (letters, digits, ``_``) and ``'`` kept, all else a space."""
    return bytes(b if chr(b).isalnum() or b in (0x5F, 0x27) else 0x20 for b in range(256))


def _contains_near(body: list[str], quote: list[str], text: str | None = None) -> bool:
    """Is the quote in the body, allowing one word dropped or one word added?

    ``text`` is the body's words joined as `` a b c `` (made once for all the quotes of a document).
    """
    n = len(quote)
    if n == 0:
        return True
    if text is None:
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


_STOP = frozenset([
    "a", "an", "the", "to", "of", "in", "on", "for", "and", "or", "but", "is", "are", "was", "were",
    "be", "been", "it", "its", "this", "that", "with", "by", "at", "as", "from", "not", "no", "will",
    "would", "could", "should", "may", "might", "has", "have", "had",
])
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
_INFLECTIONS = (
    ("", ""), ("", "s"), ("s", ""), ("es", ""), ("ed", ""), ("ed", "e"), ("ing", ""), ("ing", "e"), ("led", "l"),
)


class HeadlineQuote(Rule):
    meta = RuleMeta(
        id="attribution.headline-quote",
        summary=(
            "Words quoted in the headline or standfirst that the body never quotes, "
            "or a headline speaker the body never names."
        ),
        severity=Severity.WARNING,
        in_quotes=True,
        options=(
            Option(
                "convention", str, "verbatim",
                "What headline quote marks promise: `verbatim`, the speaker's words; "
                "`paraphrase`, possibly a reported claim (see What it flags).",
                choices=("verbatim", "paraphrase"),
            ),
        ),
        fix_safety="No fix: an editor restores the quote to the body or rewrites the headline.",
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

## Which convention
Measured on the BBC corpus and on mutated articles (docs/attribution.md):
verbatim finds every dangling headline phrase of the bench, paraphrase none;
on the BBC's own copy verbatim reports the BBC's paraphrase quotes (6.7 per
100 articles), which a BBC-style house turns off by choosing `paraphrase`.

## Limits
The speaker check reads a name at the start of the headline before a verb.
Under `verbatim`, a quote whose words the body inflects differently
(`learn and play` beside "learning and play") is flagged.
""",
    )
    def check(self, doc, ctx):
        heads = [b for b in (doc.headline, doc.standfirst) if b is not None]
        if not any(b.start <= q.start < b.end for q in doc.quotations for b in heads):
            return  # most headlines quote nobody: skip reading the body
        body_text = " ".join(doc.prose[b.start : b.end] for b in doc.body)
        body_words = _norm_words(body_text)
        joined = " " + " ".join(body_words) + " "
        body_set = set(body_words)
        verbatim = self.options["convention"] == "verbatim"
        for block in (doc.headline, doc.standfirst):
            if block is None:
                continue
            quotes = [q for q in doc.quotations if block.start <= q.start < block.end]
            speaker = None
            m = _HEAD_SPEAKER.match(doc.prose, block.start, block.end) if quotes else None
            if m:
                surname = m.group(1).split()[-1]
                if _norm_words(surname)[0] not in body_set:
                    speaker = m.group(1)
            missing = []
            for q in quotes:
                words = _norm_words(q.text(doc.prose))
                if _contains_near(body_words, words, joined):
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
                msg = (f"The {block.kind} attributes a quote to {speaker}, who is never mentioned in the body: "
                       "name the speaker in the body.")
                yield Hit(m.start(1), m.end(1), msg)
