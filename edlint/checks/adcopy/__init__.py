"""Leftover ad copy and page furniture: phrase packs plus the shape of teaser lists and menus.

Each body paragraph (one line of plain text) gets a score: a phrase-pack entry
gives 1.0 (high confidence) or 0.7 (medium); a headline-shaped line right
after a teaser header gives 0.7; a run of short label-like lines (a menu left
by the scraper) gives 0.65. Paragraphs at or above the threshold are
furniture; adjacent ones form one finding, so a block is reported (and
deleted) once, and other families skip it.
"""
from __future__ import annotations

import re

from ...model import Applicability, Edit, Fix, Hit, RuleMeta, Severity
from ...rulebase import Rule
from .pack import load_pack

MAX_FURNITURE_CHARS = 320
_TERMINAL = re.compile(r"[.!?…][\"'”’)\]]*\s*$")
_WORD = re.compile(r"\w[\w'’-]*")
_TAG = re.compile(r"\[[A-Z][A-Z ]{1,20}\]\s*$")

DOCS = """## What it flags
Promotional and navigational text left inside article copy by scrapers,
syndication feeds and CMS templates: newsletter and consent blurbs, teaser
lists (`DON'T MISS:` followed by headlines), share and follow prompts, comment
prompts, advertising labels, photo credits, aggregator residue (`Source: Read
Full Article`) and runs of menu labels. Adjacent lines that are one thing (a
teaser list, a menu, one kind of prompt) are one finding.

## Why
Readers notice furniture in published copy at once, and data teams need it out
of archives before counting, training or searching. Spellcheckers see only
words, all spelled correctly.

## Examples
Fails:

    The report continues: "Russia is likely concentrating equipment."
    DON'T MISS:
    UK's defence exposed as new £24bn pledge 'has been spent already' [REVEAL]
    Scroll down to our comments section below to share your views on this story

Passes: the same article without the last three lines; a sentence that only
mentions an advertisement ("The advertisement was banned on Monday.").

## Fix safety
Deleting the block (whole lines, with the paragraph spacing tidied) is safe when
every line matched a high-confidence phrase-pack entry, and unsafe when any
line was judged by its shape (teaser headlines, menu runs, medium entries).

## Options
`threshold` (default 0.6): the score at which a line counts as furniture;
raise to 0.9 to keep only phrase-pack matches of high confidence.
`min_menu_run` (default 5): how many short label-like lines in a row make a menu.

## Limits
Works on whole paragraphs (lines in plain text): furniture glued into the
middle of a real paragraph is found only by phrases that may appear anywhere.
The phrase pack is in English.
"""


def _headline_shaped(text: str) -> bool:
    words = _WORD.findall(text)
    if not 2 <= len(words) <= 25:
        return False
    if _TAG.search(text):
        return True
    return not _TERMINAL.search(text)


_FIXTURE = re.compile(r"\s(v|vs\.?|versus)\s|\d+\s*-\s*\d+|^\d+[.)]?\s|\(")


def _label_like(text: str) -> bool:
    """A menu label: a few words, no sentence end; not a fixture, score or ranked-list line."""
    words = _WORD.findall(text)
    return len(words) <= 4 and len(text) <= 40 and not _TERMINAL.search(text) and not _FIXTURE.search(text)


class Furniture(Rule):
    meta = RuleMeta(
        id="adcopy.furniture",
        summary="Leftover ad copy or page furniture (sign-up blurbs, teaser lists, share prompts, credits).",
        severity=Severity.WARNING,
        in_quotes=True,
        options={"threshold": 0.6, "min_menu_run": 5},
        fix_safety="Safe for high-confidence phrase-pack lines; unsafe where the shape of the lines decided.",
        docs=DOCS,
    )

    def check(self, doc, ctx):
        pack = ctx.services.get("adcopy.pack", load_pack)
        blocks = doc.body
        texts = [doc.prose[b.start : b.end].strip() for b in blocks]
        scores = [0.0] * len(blocks)
        high = [False] * len(blocks)
        reasons = [""] * len(blocks)
        for i, t in enumerate(texts):
            # Furniture is short; a long paragraph is copy (and matching it would cost the most).
            ph = pack.match(t) if len(t) <= MAX_FURNITURE_CHARS else None
            if ph:
                scores[i] = 1.0 if ph.high else 0.7
                high[i] = ph.high
                reasons[i] = ph.category
                if ph.category == "teaser tag" and i > 0 and reasons[i - 1].startswith("teaser") and high[i - 1]:
                    # A tagged headline under a teaser header: the list is certain, so is its fix.
                    scores[i], high[i] = 1.0, True
            elif i > 0 and reasons[i - 1].startswith("teaser") and _headline_shaped(t):
                scores[i], reasons[i] = 0.7, "teaser headline"
        run = int(self.options["min_menu_run"])
        i = 0
        while i < len(texts):
            j = i
            while j < len(texts) and _label_like(texts[j]) and _adjacent(doc, blocks, i, j):
                j += 1
            if j - i >= run:
                for k in range(i, j):
                    if scores[k] < 0.65:
                        scores[k], reasons[k] = 0.65, "menu labels"
            i = max(j, i + 1)
        threshold = float(self.options["threshold"])
        flagged = [s >= threshold for s in scores]
        i = 0
        while i < len(blocks):
            if not flagged[i]:
                i += 1
                continue
            j = i
            while j + 1 < len(blocks) and flagged[j + 1] and _same_block(reasons[j], reasons[j + 1]):
                j += 1
            yield self._finding(doc, blocks[i : j + 1], reasons[i : j + 1], all(high[i : j + 1]))
            i = j + 1

    def _finding(self, doc, blocks, reasons, safe):
        start = doc.line_span(doc.line_col(blocks[0].start)[0])[0]
        last_line = doc.line_col(blocks[-1].end)[0]
        end = doc.line_starts[last_line] if last_line < len(doc.line_starts) else len(doc.text)
        # Keep paragraph spacing tidy: with blank lines on both sides, remove one of them.
        del_end = end
        if start >= 2 and doc.text[start - 1] == "\n" and doc.text[start - 2 : start] in ("\n\n", "\r\n"):
            nxt = end
            while nxt < len(doc.text) and doc.text[nxt] in " \t\r":
                nxt += 1
            if nxt < len(doc.text) and doc.text[nxt] == "\n":
                del_end = nxt + 1
        if end == len(doc.text) and start > 0:
            # the last line of the file: take the line break before it instead
            start_del = start - 1 if doc.text[start - 1] == "\n" else start
            if start_del > 0 and doc.text[start_del - 1] == "\r":
                start_del -= 1
        else:
            start_del = start
        kinds = sorted(set(reasons), key=reasons.index)
        n = len(blocks)
        what = ", ".join(kinds)
        first_line = doc.line_col(blocks[0].start)[0]
        lines = f"line {first_line}" if first_line == last_line else f"lines {first_line}–{last_line}"
        msg = f"Leftover ad copy ({what}): delete {'this line' if n == 1 and first_line == last_line else 'these lines'} before publication."
        fix = Fix((Edit(start_del, del_end, ""),), Applicability.SAFE if safe else Applicability.UNSAFE, f"delete {lines}")
        span_end = blocks[-1].end
        return Hit(blocks[0].start, span_end, msg, fix=fix, data={"categories": kinds})


def _group(reason: str) -> str:
    return "teaser" if reason.startswith("teaser") else reason


def _same_block(a: str, b: str) -> bool:
    """Adjacent furniture is one block when it is one thing: a teaser list, a menu, one kind of prompt.

    An author promo followed by aggregator residue are two leftovers, reported apart.
    """
    return _group(a) == _group(b) or "menu labels" in (a, b)


def _adjacent(doc, blocks, i: int, j: int) -> bool:
    """Is block j on the line right after block j-1 (menus are consecutive lines)?"""
    if j == i:
        return True
    prev_line = doc.line_col(blocks[j - 1].end)[0]
    return doc.line_col(blocks[j].start)[0] <= prev_line + 2


RULES = [Furniture]
