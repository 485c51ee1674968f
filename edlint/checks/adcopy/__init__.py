"""Leftover ad copy and page furniture: phrase packs plus the shape of teaser lists, menus and page tops.

Each body paragraph (one line of plain text; a block of lines that is a list
is taken a line at a time) gets a score: a phrase-pack entry gives 1.0 (high
confidence) or 0.7 (medium); a headline-shaped line under a teaser header
gives 0.7; a run of short label-like lines or a one-line menu ("Home | News |
Sport") gives 0.65; the top of a scraped page, above the headline's second
appearance, gives 0.62. Paragraphs at or above the threshold are furniture;
adjacent ones form one finding, so a block is reported (and deleted) once,
and other families skip it. A line that repeats the headline is never
flagged: it is the story's own title.
"""
from __future__ import annotations

from ...model import Applicability, Edit, Fix, Hit, RuleMeta, Severity
from ...rulebase import Rule
from .pack import load_pack
from .shapes import headline_shaped, menu_runs, page_header, pipe_menu, same_text, teaser_header_alone
from .units import units

MAX_FURNITURE_CHARS = 320

DOCS = """## What it flags
Promotional and navigational text left inside article copy by scrapers,
syndication feeds and CMS templates: newsletter and consent blurbs, teaser
lists (`DON'T MISS:` followed by headlines), share and follow prompts, comment
prompts and forms, advertising labels, photo credits and gallery controls,
aggregator residue (`Source: Read Full Article`), stray markup, runs of menu
labels and one-line menus (`Home | News | Sport`), and the top of a scraped
page: menus and teasers above the point where the headline appears a second
time, over the story. Adjacent lines that are one thing (a teaser list, a menu,
one kind of prompt, the page top) are one finding.

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
mentions an advertisement ("The advertisement was banned on Monday."); a list
in the copy (a fact box of `Key: value` lines, items in sentence case); a
line that repeats the headline.

## Fix safety
Deleting the block (whole lines, with the paragraph spacing tidied) is safe when
every line matched a high-confidence phrase-pack entry, and unsafe when any
line was judged by its shape (teaser headlines, menus, the page top, medium
entries).

## Options
`threshold` (default 0.6): the score at which a line counts as furniture;
raise to 0.9 to keep only phrase-pack matches of high confidence.
`min_menu_run` (default 5): how many short label-like lines in a row make a menu.

## Limits
Works on whole paragraphs (lines in plain text): furniture glued into the
middle of a real paragraph is found only by phrases that may appear anywhere.
The page top is recognised only when the headline repeats with copy under it.
Headline lists without a teaser header are left alone (lists in copy look the
same). The phrase pack is in English.
"""


class Furniture(Rule):
    meta = RuleMeta(
        id="adcopy.furniture",
        summary="Leftover ad copy or page furniture (sign-up blurbs, teaser lists, share prompts, credits).",
        severity=Severity.WARNING,
        in_quotes=True,
        options={"threshold": 0.6, "min_menu_run": 5},
        fixes="safe/unsafe",
        fix_safety="Safe for high-confidence phrase-pack lines; unsafe where the shape of the lines decided.",
        docs=DOCS,
    )

    def check(self, doc, ctx):
        pack = ctx.services.get("adcopy.pack", load_pack)
        blocks = units(doc)
        texts = [doc.prose[b.start : b.end].strip() for b in blocks]
        lines = [(doc.line_col(b.start)[0], doc.line_col(b.end)[0]) for b in blocks]
        scores = Scores(len(blocks))
        _phrases(pack, texts, scores)
        _menus(texts, lines, int(self.options["min_menu_run"]), scores)
        head = doc.headline
        if head is not None:
            _headline_repeats(doc.prose[head.start : head.end].strip(), texts, scores)
        threshold = float(self.options["threshold"])
        flagged = [s >= threshold for s in scores.score]
        reasons = scores.reason
        i = 0
        while i < len(blocks):
            if not flagged[i]:
                i += 1
                continue
            j = i
            while j + 1 < len(blocks) and flagged[j + 1] and _same_block(reasons[j], reasons[j + 1]):
                j += 1
            yield self._finding(doc, blocks[i : j + 1], reasons[i : j + 1], all(scores.high[i : j + 1]))
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


class Scores:
    """Per-unit verdicts: the best score so far, whether a high-confidence entry gave it, and why."""

    def __init__(self, n: int):
        self.score = [0.0] * n
        self.high = [False] * n
        self.reason = [""] * n

    def set(self, i: int, score: float, reason: str, high: bool = False) -> None:
        self.score[i], self.reason[i], self.high[i] = score, reason, high

    def guess(self, i: int, score: float, reason: str) -> None:
        """A structural guess; it never overrides a stronger verdict."""
        if self.score[i] < score:
            self.set(i, score, reason)


def _phrases(pack, texts: list[str], scores: Scores) -> None:
    """Phrase-pack matches, then teaser headlines: headline-shaped lines right under a teaser line."""
    for i, t in enumerate(texts):
        # Furniture is short; a long paragraph is copy (and matching it would cost the most),
        # unless it is page markup the scraper kept (ad tags and scripts run long).
        if len(t) <= MAX_FURNITURE_CHARS:
            ph = pack.match(t)
        else:
            ph = pack.match(t[:MAX_FURNITURE_CHARS]) if t.startswith("<") else None
        prev_teaser = i > 0 and _opens_list(scores.reason[i - 1], texts[i - 1])
        if ph:
            scores.set(i, 1.0 if ph.high else 0.7, ph.category, ph.high)
            if ph.category == "teaser tag" and prev_teaser and scores.high[i - 1]:
                # A tagged headline under a teaser header: the list is certain, so is its fix.
                scores.set(i, 1.0, ph.category, True)
        elif prev_teaser and headline_shaped(t):
            scores.set(i, 0.7, "teaser headline")


def _opens_list(reason: str, text: str) -> bool:
    """Does this unit start or carry on a teaser list? A header on its own line, or an item of the list."""
    if reason == "teaser header":
        return teaser_header_alone(text)
    return reason.startswith("teaser")


def _menus(texts: list[str], lines: list[tuple[int, int]], min_run: int, scores: Scores) -> None:
    """Menus left by the scraper: runs of label-like lines, and one-line menus with separators."""
    for run in menu_runs(texts, lines, min_run):
        for k in run:
            scores.guess(k, 0.65, "menu labels")
    for i, t in enumerate(texts):
        if len(t) <= MAX_FURNITURE_CHARS and pipe_menu(t):
            scores.guess(i, 0.65, "menu labels")


def _headline_repeats(headline: str, texts: list[str], scores: Scores) -> None:
    """The page's top matter goes when the headline repeats below it; the repeats themselves stay.

    A line that is the headline again is the story's own title (over the body,
    or in a list of links to it): deleting it is an editor's call, not a fix.
    """
    for k in page_header(headline, texts) or ():
        scores.guess(k, 0.62, "page header")
    for k, t in enumerate(texts):
        if same_text(t, headline):
            scores.set(k, 0.0, "")


def _group(reason: str) -> str:
    return "teaser" if reason.startswith("teaser") else reason


def _same_block(a: str, b: str) -> bool:
    """Adjacent furniture is one block when it is one thing: a teaser list, a menu, one kind of prompt.

    An author promo followed by aggregator residue are two leftovers, reported apart;
    a page's top matter (menus, teasers and all) is one block.
    """
    return _group(a) == _group(b) or "menu labels" in (a, b) or "page header" in (a, b)


RULES = [Furniture]
