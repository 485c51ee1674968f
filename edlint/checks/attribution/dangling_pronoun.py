"""``attribution.dangling-pronoun``: 'He said' with nobody named before it for the pronoun to be."""
from __future__ import annotations

from edlint.core.findings import Hit, RuleMeta, Severity
from edlint.core.rule import Rule
from edlint.document.lazyre import lazy

from .vocab import FULL_NAME, HONORIFIC_NAME, PRONOUN_ATTRIBUTION, ROLE_RE

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
    return bool(HONORIFIC_NAME.search(before) or FULL_NAME.search(before) or ROLE_RE.found_in(before))


_OPENERS = frozenset("\"“‘'HST")


class DanglingPronoun(Rule):
    meta = RuleMeta(
        id="attribution.dangling-pronoun",
        summary="'He said', 'she added', 'they told' with nobody named before it for the pronoun to be.",
        severity=Severity.WARNING,
        fix_safety="No fix: name the speaker.",
        docs="""## What it flags
A sentence of the body that opens with a pronoun attribution — `He said:`,
`She added`, `They told the BBC` — when the body before it names no person
(by full name, honorific and surname, or a role such as "the minister", "a
spokesman"), or for `they`, nothing at all.

## Why
When the paragraph that named the speaker is cut or moved, a quote is left
with "he" and nobody to be him.

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
        prose = doc.prose
        for s in doc.sentences:
            if s.start and prose[s.start - 1] != "\n":
                continue  # the pattern's ``^`` (multi-line) holds only at the start of a line
            first = prose[s.start]
            if first not in _OPENERS and not first.isspace():
                continue  # the pattern starts with a quote mark, a space or the pronoun's capital
            b = doc.blocks[s.block]
            if id(b) not in body_idx:
                continue
            m = PRONOUN_ATTRIBUTION.match(prose, s.start, s.end)
            if not m:
                continue
            pron = m.group(1)
            if not _antecedent_before(doc, s.start, pron) and not _named_later(doc, s, m.end()):
                who = "person" if pron != "They" else "person or group"
                msg = f"'{pron} {m.group(2)}' but no {who} is named before it in the story: name the speaker."
                yield Hit(m.start(1), m.end(2), msg)
