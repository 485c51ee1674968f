"""The ``adcopy.furniture`` rule: phrase packs plus the shape of teaser lists, menus and page tops.

Each body paragraph (one line of plain text; a block of lines that is a list
is taken a line at a time) gets a score: a phrase-pack entry gives 1.0 (high
confidence) or 0.7 (medium); a headline-shaped line under a teaser header
gives 0.7; a run of short label-like lines or a one-line menu ("Home | News |
Sport") gives 0.65; the top of a scraped page, above the headline's second
appearance, gives 0.62; a credit, byline, dateline or teaser run judged by
its shape (``kinds``) gives 0.6-0.7. Paragraphs at or above the threshold are
furniture; adjacent ones of one kind form one finding, so a block is reported
(and deleted) once, and other families skip it. The message names the kind
(photo credit, caption, byline, related headline, prompt …). A line that
repeats the headline is never flagged: it is the story's own title.
"""
from __future__ import annotations

from edlint.core.findings import (
    Applicability,
    Edit,
    Fix,
    FixAvailability,
    FixSafety,
    Hit,
    Option,
    RuleMeta,
    Severity,
)
from edlint.core.kinds import house_files
from edlint.core.rule import Rule
from edlint.core.services import RunResource

from . import kinds as K
from . import neighbours as N
from .pack import PhrasePack, load_pack
from .shapes import (
    headline_shaped,
    menu_runs,
    page_header,
    pipe_menu,
    same_text,
    teaser_header_alone,
)
from .units import units

MAX_FURNITURE_CHARS = 320

DOCS = """## What it flags
Text a page carried around the story and a scraper, feed or CMS template
left inside the copy. Each finding names its kind, judged by its own evidence:

- **photo credit**: a short line of names and agencies (`Jane Doe, AP`,
  `REUTERS/Jane Doe`, `… via AP`, `© …`, `Getty Images`), no sentence words;
- **photo caption**: a line that describes a picture: a wire caption
  (`FILE PHOTO: … REUTERS/…`), `Image caption …`, a description with its
  credit at the end (`… [Getty]`, `(NASA/…)`), a line that says where people
  stand (`Jane Doe (R) clashes with …`), a verbless or present-tense
  description with no full stop between paragraphs of copy, a short
  description right over a picture's credit (`Photo by …`, `(Jane Doe /
  Example Chronicle)`), or a line of any length that ends with the credit
  of a caption already found (`… Credit: ESA`);
- **byline**, **dateline or time stamp**: `By` and names (role, outlet, date),
  `Reviewed by …`, `Author: …`, a byline printed twice, `News reporter
  @handle`, a name or a role alone where a byline sits above the first
  paragraph, a line that is a publication date or time and nothing else
  (`Monday 3 May 2021 09:15, UK`, `03 MAY 2021`, `… | Updated : <date>`),
  a wire dateline alone (`NEW YORK --`);
- **related headline**: teaser headers and the headlines under them
  (`DON'T MISS:`), `On example.com: …`, `[Related: …]`, numbered listicle
  teasers, three or more headline-shaped lines in a row that no
  paragraph or `…:` line leads into (a section's name inside such a list,
  `Cricket` between two sports headlines, goes with it), a teaser's text
  ending `Full Article`, two or more in Title Case in a row
  anywhere, a clip's title with its running time (`… (2:46)`), and the
  headlines of a list of links with their source under each;
- **prompt**: newsletter, subscribe, donation, comment, share and follow
  prompts, comment counts, video end cards, trust boxes, channel promos;
- **affiliate or shopping block** and **advertising label**: `Buy Now`,
  `Available from Amazon`, commission disclosures, `Advertisement`, and
  the product block a shop's button closes (the product's name and its
  bulleted specs right above `Buy Now`);
- **page-tool residue** and **navigation**: a line of a page's tool
  buttons and nothing else (`E-mail Article Print-Friendly Subscribe to RSS
  Feed`, `Print Story | Email Story`, `Story Tools: E-MAIL | PRINT | Text
  Size: S M L XL`), `Article continues`, `Previous Next`, SVG titles (`Created with
  Sketch.`), escaped editor markup, lines of invisible characters, gallery
  controls, runs of menu labels, one-line menus, the top of a scraped page
  above the headline's second appearance, one or two short labels between
  two leftover lines (a section label between a menu and a list), above
  the first paragraph a short label right over a leftover line, and a
  short line printed three times or more every second or third line (a
  source under each teaser, a gallery's title over each caption).

Adjacent lines of one kind are one finding.

## Why
Readers notice furniture in published copy at once, and data teams need it out
of archives before counting, training or searching. Spellcheckers see only
words, all spelled correctly.

## What is not furniture
Beyond the examples below: a sentence that only
mentions an advertisement ("The advertisement was banned on Monday.") or a
tool ("Print and share this.", "The story continues to grow.");
a list of specs with no shop's button under it; a list
in the copy (a fact box of `Key: value` lines, items after a line ending in a
colon, menu-like items after a sentence ending in a colon (`… based on:`),
a schedule of dates, a listing that starts with a date, a date range, a
line repeated under each pair of fixtures);
a subheading; a pull quote; a short sentence of the story over a credit
(`The council met on Monday.`: a caption says no "said", "was" or "will");
a line in brackets with no agency, `©` or slash away from other furniture
(`(Rated R)` under a review); the first line of a Markdown article with no
heading and no title in its front matter (`Council news`: its title);
titles in the copy after a `…:` line or with an aside in brackets
(`Jane Doe (Example Show, BBC Two)`); a row of a table of figures or of a
fact box (`Graphic: …` among `Memory: …` and `Audio: …`); a question; a line
in another language repeated (a quoted verse is no caption); the signature
under an embedded post (`— Jane Doe (@janedoe) November 19, 2019`, which
says who wrote the quote); AP's `___`
separator and its `UP NEXT` and `4:14 p.m.` headings; a line that repeats the
headline.

## Limits
Works on whole paragraphs (lines in plain text): furniture glued into the
middle of a real paragraph is found only by phrases that may appear anywhere.
The page top is recognised only when the headline repeats with copy under it.
A single related headline with no header looks like a subheading and is left
alone; so are two in a row unless they are in Title Case. A list of titles of
works in Title Case with no `…:` line over it can read as related headlines.
Files not in English are skipped before any rule runs. Measured on labelled
pages in `docs/adcopy.md`.
"""


def _load_pack(house) -> PhrasePack:
    return load_pack(house=house)


# The built-in phrase pack with the house's phrase files: compiled once per run for each set of house files.
PHRASE_PACK: RunResource[PhrasePack] = RunResource("phrase pack", _load_pack)


class Furniture(Rule):
    meta = RuleMeta(
        id="adcopy.furniture",
        summary="Leftover page furniture, named by kind: credits, captions, bylines, related headlines, prompts, ads.",
        severity=Severity.WARNING,
        in_quotes=True,
        marks_furniture=True,
        options=(
            Option("threshold", float, 0.6, "The score at which a line counts as furniture; "
                   "raise to 0.9 to keep only phrase-pack matches of high confidence."),
            Option("min_menu_run", int, 5, "How many short label-like lines in a row make a menu."),
        ),
        fix=FixAvailability.ALWAYS,
        fix_applicability=FixSafety.MIXED,
        fix_safety=(
            "Deleting the block (whole lines, with the paragraph spacing tidied) is safe when every line matched "
            "a high-confidence phrase-pack entry, and unsafe when any line was judged by its shape (credits, bylines, "
            "datelines, teaser runs, menus, the page top, medium entries). A **photo caption** is the weakest "
            "evidence (a caption and a line of copy can read alike): its findings are a suggestion, not a warning, "
            "and its fix is always unsafe."
        ),
        docs=DOCS,
    )

    def check(self, doc, ctx):
        house = house_files(self, "phrases")  # the rule_dirs' own phrase files, with the built-in pack
        pack = ctx.services.resource(PHRASE_PACK, house)
        found = units(doc)
        texts = [u.text for u in found]
        lines = [(u.first, u.last) for u in found]
        scores = Scores(len(found))
        _phrases(pack, texts, scores)
        _menus(texts, lines, int(self.options["min_menu_run"]), scores)
        head = doc.prose[doc.headline.start : doc.headline.end].strip() if doc.headline is not None else ""
        if not head and doc.kind == "markdown":
            head = _markdown_title(texts, scores)
        _by_kind(texts, scores, head)
        if head:
            _headline_repeats(head, texts, scores)
        threshold = float(self.options["threshold"])
        flagged = [s >= threshold for s in scores.score]
        reasons = scores.reason
        i = 0
        while i < len(found):
            if not flagged[i]:
                i += 1
                continue
            j = i
            while j + 1 < len(found) and flagged[j + 1] and _same_block(reasons[j], reasons[j + 1]):
                j += 1
            yield self._finding(doc, found[i : j + 1], reasons[i : j + 1], all(scores.high[i : j + 1]))
            i = j + 1

    def _finding(self, doc, found, reasons, safe):
        start, end = _deletion(doc, found)
        first_line, last_line = found[0].first, found[-1].last
        categories = sorted(set(reasons), key=reasons.index)
        order = [K.kind_of(r) for r in reasons]
        kinds = sorted(set(order), key=order.index)
        lines = f"line {first_line}" if first_line == last_line else f"lines {first_line}–{last_line}"
        what = f"Leftover {kinds[0]}" if len(kinds) == 1 else f"Leftover furniture ({', '.join(kinds)})"
        if set(categories) != set(kinds):
            what += f" [{', '.join(categories)}]"
        one = len(found) == 1 and first_line == last_line
        msg = f"{what}: delete {'this line' if one else 'these lines'} before publication."
        # A caption is judged by its shape alone: an editor decides (a suggestion, and never a safe fix).
        weak = kinds == ["photo caption"]
        applies = Applicability.SAFE if safe and not weak else Applicability.UNSAFE
        fix = Fix((Edit(start, end, ""),), applies, f"delete {lines}")
        line_kinds = {str(u.first): K.kind_of(r) for u, r in zip(found, reasons, strict=True)}
        return Hit(found[0].block.start, found[-1].block.end, msg, fix=fix,
                   severity=Severity.SUGGESTION if weak else None,
                   data={"categories": categories, "kinds": kinds, "line_kinds": line_kinds})


def _deletion(doc, found) -> tuple[int, int]:
    """The text to delete for these units: their whole lines, keeping the paragraph spacing tidy."""
    start = doc.line_span(found[0].first)[0]
    last_line = found[-1].last
    end = doc.line_starts[last_line] if last_line < len(doc.line_starts) else len(doc.text)
    # With blank lines on both sides, remove one of them.
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
    return start_del, del_end


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
        prev_teaser = i > 0 and scores.reason[i - 1] != "" and _opens_list(scores.reason[i - 1], texts[i - 1])
        if ph:
            scores.set(i, 1.0 if ph.high else 0.7, ph.category, ph.high)
            if ph.category == "teaser tag" and prev_teaser and scores.high[i - 1]:
                # A tagged headline under a teaser header: the list is certain, so is its fix.
                scores.set(i, 1.0, ph.category, True)
        elif prev_teaser and (headline_shaped(t) or _section_label(texts, i)) and not K.tool_line(t):
            scores.set(i, 0.7, "teaser headline")  # a line of tool buttons under the list is judged as itself


def _section_label(texts: list[str], i: int) -> bool:
    """A section's name inside a list of teasers ("Cricket" between two sports headlines): a capitalised
    word or three with no punctuation, with a headline under it, so the list carries on past it."""
    t = texts[i].strip()
    words = t.split()
    return (1 <= len(words) <= 3 and len(t) <= 30 and t[:1].isupper() and all(w.isalpha() for w in words)
            and i + 1 < len(texts) and headline_shaped(texts[i + 1]))


def _opens_list(reason: str, text: str) -> bool:
    """Does this unit start or carry on a teaser list? A header on its own line, or an item of the list."""
    if reason == "teaser header":
        return teaser_header_alone(text)
    return reason.startswith("teaser")


def _menus(texts: list[str], lines: list[tuple[int, int]], min_run: int, scores: Scores) -> None:
    """Menus left by the scraper: runs of label-like lines, and one-line menus with separators."""
    for run in menu_runs(texts, lines, min_run):
        if N.led_into(texts, run.start):
            continue  # the items of a list the copy introduces ("… based on:", then "page views", "browser" …)
        for k in run:
            scores.guess(k, 0.65, "menu labels")
    for i, t in enumerate(texts):
        if len(t) <= MAX_FURNITURE_CHARS and pipe_menu(t):
            scores.guess(i, 0.65, "menu labels")


def _markdown_title(texts: list[str], scores: Scores) -> str:
    """A Markdown article with no `#` heading and no title in its front matter starts with its title.

    Its first line, when short and not a sentence ("Council news"), is that
    title, as plain text's first line is, not a byline over the copy; a line
    with evidence of its own (a phrase, "By …", a date, a credit) stays judged.
    """
    if not texts or scores.score[0] > 0.0 or len(texts) < 2:
        return ""
    t = texts[0]
    if len(t) > 120 or K.paragraph(t) or t.rstrip().endswith((".", ",", ";", ":")):
        return ""
    return t if _line_kind(texts, 0, {}) is None else ""


def _headline_repeats(headline: str, texts: list[str], scores: Scores) -> None:
    """The page's top matter goes when the headline repeats below it; the repeats themselves stay.

    A line that is the headline again is the story's own title (over the body,
    or in a list of links to it): deleting it is an editor's call, not a fix.
    """
    repeats = [k for k, t in enumerate(texts) if same_text(t, headline)]
    if not repeats:
        return  # no page top either: it is found by the headline's second appearance
    for k in page_header(headline, texts) or ():
        scores.guess(k, 0.62, "page header")
    for k in repeats:
        scores.set(k, 0.0, "")


def _line_kind(texts: list[str], i: int, seen: dict[str, int]) -> str | None:
    """What one line's own shape says it is, before its neighbours are asked (None: copy)."""
    t = texts[i]
    if K.long_sentence(t):
        # Copy, as nearly every line of an article is: only a caption's opening label can say otherwise.
        return "photo caption" if K.caption_marked(t, prefix_only=True) or K.position_marked(t) else None
    if K.copy_line(t):
        return None
    if seen.get(K.key(t), 1) == 2 and K.caption_like(t):
        return "photo caption"
    if K.video_up_next(t):
        return "teaser header"
    for test, kind in _SHAPE_TESTS:
        if test(t):
            return kind
    if K.position_marked(t):
        return "photo caption"
    if K.listicle_teaser(t) and not any(0 <= j < len(texts) and texts[j][:1].isdigit() for j in (i - 1, i + 1)):
        return "listicle teaser"
    return "caption shape" if K.caption_shaped(t) else None


_SHAPE_TESTS = (
    (lambda t: K.byline(t) or K.handle_line(t), "byline"),
    (K.dateline, "dateline"),
    (K.photo_credit, "photo credit"),
    (K.caption_marked, "photo caption"),
    (K.video_title, "video link"),
    (K.tool_line, "page tools"),
)


# A caption is the weakest evidence; a menu guessed above the story as in ``_menus``.
_GUESS_SCORE = {"photo caption": 0.65, "menu labels": 0.65}


def _top_matter(texts: list[str], guess: list, headline: str) -> None:
    """Above the first paragraph of copy, a line of only names, an outlet or a role is the byline
    ("Jane Doe", "Political Editor", "Example News Service"); further down it may be a subheading.
    Three or more such lines in a row are a menu, not a byline. Where the headline repeats, the
    story starts under it (the page's top is judged as a whole)."""
    # Only a name line can be top matter: look for one first (most articles have none), then for the
    # first paragraph, which costs more.
    name = next((i for i, t in enumerate(texts) if guess[i] is None and K.name_line(t)), None)
    if name is None:
        return
    first = next((i for i, t in enumerate(texts) if K.paragraph(t)), 0)
    if first <= name:
        return
    start = next((i + 1 for i in range(first - 1, -1, -1) if headline and same_text(texts[i], headline)), 0)
    names = [i for i in range(start, first) if guess[i] is None and K.name_line(texts[i])]
    runs: list[list[int]] = []
    for i in names:
        if runs and runs[-1][-1] == i - 1:
            runs[-1].append(i)
        else:
            runs.append([i])
    for run in runs:
        for i in run:
            guess[i] = "byline" if len(run) <= 2 and _byline_place(texts, guess, i, start, first) else "menu labels"


def _byline_place(texts: list[str], guess: list, i: int, start: int, first: int) -> bool:
    """Where a byline sits: under the headline, over the first paragraph, or beside a date or another byline.
    A name-like label elsewhere in the top matter is a menu item ("Box Office")."""
    if i in (start, first - 1) or K.has_role(texts[i]):
        return True
    return any(0 <= j < len(guess) and guess[j] in ("dateline", "byline") for j in (i - 1, i + 1))


def _by_kind(texts: list[str], scores: Scores, headline: str = "") -> None:
    """Credits, bylines, datelines, captions and related-headline runs, each by its own evidence.

    Context keeps copy out: three date lines in a row are a schedule, not
    stamps; a caption-shaped line counts only between paragraphs of copy (or
    next to a credit), never among lines like it (a list in the copy).
    """
    seen = K.repeats(texts)
    guess = [None if scores.score[i] >= 0.6 or len(t) > 400 else _line_kind(texts, i, seen)
             for i, t in enumerate(texts)]
    _top_matter(texts, guess, headline)
    N.fact_box_rows(texts, guess)
    for i, g in enumerate(guess):
        if g is None or (g == "dateline" and _in_run(guess, i, "dateline", 3)):
            continue
        if g == "caption shape":
            if _copy_or_credit(texts, guess, i - 1) and _copy_or_credit(texts, guess, i + 1):
                scores.guess(i, 0.6, "photo caption")
            continue
        if g == "photo credit" and K.bare_paren_credit(texts[i]) and not _furniture_beside(scores, guess, i):
            continue  # "(Rated R)" under a review: brackets alone are no credit
        scores.guess(i, _GUESS_SCORE.get(g, 0.7), g)
    N.captions_over_credits(texts, guess, scores)
    N.captions_by_credit(texts, scores)
    N.repeated_labels(texts, scores, seen)
    _headline_runs(texts, scores, seen)
    N.title_case_pairs(texts, scores)
    N.labels_between(texts, scores, headline)
    N.labels_over_top_furniture(texts, scores, headline)
    N.product_blocks(texts, scores)


def _headline_runs(texts: list[str], scores: Scores, seen: dict[str, int], min_run: int = 3) -> None:
    """Related headlines without a header: three or more headline-shaped lines in a row, no copy among them.

    Lines already judged furniture (a date or credit under a teaser) carry a
    run on; a paragraph of copy ends it. A run that a paragraph or a "…:" line
    leads into is a list in the copy and stays; so does a lone headline-shaped
    line (a subheading).
    """
    n = len(texts)
    shaped = [scores.score[i] < 0.6 and len(t) <= 200 and not K.long_sentence(t) and headline_shaped(t)
              and not K.paragraph(t) and K.teaser_like(t) and not K.copy_line(t) for i, t in enumerate(texts)]
    # A short label repeated down the page ("Example Online" under each teaser) carries a run on.
    label = [not shaped[i] and scores.score[i] < 0.6 and len(t) <= 40 and seen.get(K.key(t), 0) >= 3
             and len(t.split()) <= 4 for i, t in enumerate(texts)]
    i = 0
    while i < n:
        if not shaped[i]:
            i += 1
            continue
        j = i
        members = []
        labels = []
        while j < n and (shaped[j] or (members and (scores.score[j] >= 0.6 or label[j]))):
            if shaped[j]:
                members.append(j)
            elif label[j]:
                labels.append(j)
            j += 1
        wordy = sum(len(texts[k].split()) for k in members) >= 5 * len(members)
        if len(members) >= min_run and wordy and _stands_apart(texts, scores, i):
            for k in members:
                scores.guess(k, 0.62, "related headline")
            for k in labels:
                scores.guess(k, 0.62, "related headline")
        i = max(j, i + 1)


def _stands_apart(texts: list[str], scores: Scores, i: int) -> bool:
    """A run that starts at ``i`` is not led into by the copy: a list in the article follows a
    paragraph or an intro line ending with a colon; a block of links follows a header or other furniture."""
    if i == 0:
        return True
    prev = texts[i - 1]
    if scores.score[i - 1] >= 0.6:
        return True
    return len(prev.split()) <= 12 and not K.paragraph(prev) and not prev.rstrip().endswith(":")


def _in_run(guess: list, i: int, kind: str, size: int) -> bool:
    """Is unit ``i`` one of ``size`` or more neighbours guessed as the same kind?"""
    a = i
    while a > 0 and guess[a - 1] == kind:
        a -= 1
    b = i
    while b + 1 < len(guess) and guess[b + 1] == kind:
        b += 1
    return b - a + 1 >= size


_BESIDE = frozenset(("photo credit", "photo caption", "byline", "dateline"))


def _furniture_beside(scores: Scores, guess: list, i: int) -> bool:
    """Is a line next to ``i`` furniture already (a byline over "(CBS)", a caption over its credit)?"""
    return any(0 <= j < len(guess) and (guess[j] in _BESIDE or scores.score[j] >= 0.6) for j in (i - 1, i + 1))


def _copy_or_credit(texts: list[str], guess: list, j: int) -> bool:
    """A neighbour that makes a caption stand out: a paragraph of copy, a credit, or the edge of the text."""
    if j < 0 or j >= len(texts):
        return True
    if guess[j] in ("photo credit", "photo caption", "byline", "dateline"):
        return True
    return K.paragraph(texts[j])


def _group(reason: str) -> str:
    return K.kind_of(reason)


def _same_block(a: str, b: str) -> bool:
    """Adjacent furniture is one block when it is one thing: a teaser list, a menu, one kind of prompt.

    An author promo followed by aggregator residue are two leftovers, reported apart;
    a page's top matter (menus, teasers and all) is one block, and so is a list of links
    with the label repeated on each.
    """
    return _group(a) == _group(b) or not _JOINERS.isdisjoint((a, b))


# Furniture that belongs to the block beside it: menus and the page top, a label repeated on every item.
_JOINERS = frozenset(("menu labels", "page header", "repeated label"))

