"""Turn a file's markup into a *prose view*: the same text with every non-prose character blanked.

The prose view has exactly the length of the original file, so an offset into
it is an offset into the file. Rules match on prose, report offsets, and fixes
edit the original — nothing is ever re-located by searching the text again.

Markdown is parsed with markdown-it-py (CommonMark). It maps blocks to source
lines but not inline tokens to characters, so inline markup (link targets,
emphasis markers, code spans, HTML, entities) is blanked here from the source
lines of each prose block.
"""
from __future__ import annotations

import bisect
import re
from functools import lru_cache

from edlint.io.lines import line_bounds, line_starts, line_text

from .frontmatter import FrontMatter
from edlint.records import FrozenRecord
from .lazyre import lazy

__all__ = ["Block", "blank", "line_starts", "markdown_prose", "plain_blocks"]


class Block(FrozenRecord):
    """A run of prose: a paragraph, heading, list item or quoted block.

    ``start``/``end`` are offsets into the file; ``kind`` is ``headline``,
    ``standfirst``, ``heading``, ``paragraph``; ``level`` is the heading level.
    """

    __slots__ = ("start", "end", "kind", "level")
    _fields = ("start", "end", "kind", "level")

    def __init__(self, start: int, end: int, kind: str = "paragraph", level: int = 0) -> None:
        self.start = start
        self.end = end
        self.kind = kind
        self.level = level


_BLANK_KEEP = "\n\r"


def blank(buf: list[str], start: int, end: int) -> None:
    """Replace buf[start:end] with spaces, keeping line breaks so lines stay where they were."""
    for i in range(start, end):
        if buf[i] not in _BLANK_KEEP:
            buf[i] = " "


# ---------------------------------------------------------------- plain text

def plain_blocks(text: str, fm: FrontMatter) -> list[Block]:
    """Paragraphs of a plain-text article.

    Blank lines separate blocks. Inside a block each line is a paragraph (the
    scraped and wire copy edlint sees puts one paragraph per line), unless the
    block is hard-wrapped — all lines but the last of similar, moderate length
    — in which case the lines form one paragraph.
    """
    blocks: list[Block] = []
    pos = fm.end
    cur: list[tuple[int, int]] = []

    def flush() -> None:
        if not cur:
            return
        lengths = [e - s for s, e in cur]
        wrapped = len(cur) > 1 and all(30 <= L <= 100 for L in lengths[:-1]) and lengths[-1] <= 100
        if wrapped:
            blocks.append(Block(cur[0][0], cur[-1][1]))
        else:
            blocks.extend(Block(s, e) for s, e in cur)
        cur.clear()

    starts = line_starts(text)
    first = bisect.bisect_right(starts, pos) - 1
    for i in range(max(first, 0), len(starts)):
        s, e = line_bounds(text, starts, i)
        if s < pos:
            s = pos
        while e > s and text[e - 1] in " \t\r\f\v\u00a0\ufeff":
            e -= 1
        while s < e and text[s] in " \t\u00a0\ufeff":
            s += 1
        if s == e:
            flush()
        else:
            cur.append((s, e))
    flush()
    return blocks


# ---------------------------------------------------------------- markdown

_CODE_SPAN = lazy(r"(`+)(?!`).*?(?<!`)\1(?!`)", re.S)
_HTML_INLINE = lazy(r"<!--(?:(?!<!--|-->).)*-->|</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>", re.S)
_AUTOLINK = lazy(r"<(?:[A-Za-z][A-Za-z0-9+.-]{1,31}:[^<>\s]*|[^<>\s@]+@[^<>\s]+)>")
# Bracket classes exclude "[" as well as "]": each match attempt then stops at the next bracket,
# so a paragraph of 100,000 "[" costs linear time, not quadratic.
_IMAGE = lazy(r"!\[[^\[\]]*\]\([^()]*\)|!\[[^\[\]]*\]\[[^\[\]]*\]")
_LINK = lazy(r"\[((?:[^\[\]]|\[[^\[\]]*\])*)\](\([^()]*\)|\[[^\[\]]*\])")
_BARE_URL = lazy(r"\b(?:https?://|www\.)[^\s<>()]+")
_EMPH = lazy(r"\*+|~~|(?<![A-Za-z0-9])_+|_+(?![A-Za-z0-9])")
_ENTITY = lazy(r"&(?:[A-Za-z][A-Za-z0-9]{1,31}|#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6});")
_ESCAPE = lazy(r"\\(?=[!-/:-@\[-`{-~])")
_SETEXT = lazy(r"^ {0,3}(=+|-+)[ \t]*$")
_ATX_CLOSE = lazy(r"[ \t]+#+[ \t]*$")


def _mask_inline(buf: list[str], text: str, s: int, e: int) -> None:
    """Blank inline markup between s and e (already-unblanked prose of one line)."""
    seg = text[s:e]
    for rx in (_CODE_SPAN, _AUTOLINK, _HTML_INLINE, _IMAGE):
        for m in rx.finditer(seg):
            blank(buf, s + m.start(), s + m.end())
    for m in _LINK.finditer(seg):
        blank(buf, s + m.start(), s + m.start() + 1)  # "["
        blank(buf, s + m.end(1), s + m.end())  # "](url)" or "][ref]"
    for m in _BARE_URL.finditer(seg):
        blank(buf, s + m.start(), s + m.end())
    for m in _EMPH.finditer(seg):
        if all(buf[s + i] != " " for i in range(m.start(), m.end())):
            blank(buf, s + m.start(), s + m.end())
    for m in _ESCAPE.finditer(seg):
        blank(buf, s + m.start(), s + m.end())
    for m in _ENTITY.finditer(seg):
        import html  # only for Markdown with entities: most copy never loads its table

        decoded = html.unescape(m.group(0))
        if len(decoded) == 1 and buf[s + m.start()] != " ":
            buf[s + m.start()] = decoded
            blank(buf, s + m.start() + 1, s + m.end())


@lru_cache(maxsize=1)
def _parser():
    """Block structure only: edlint blanks inline markup itself (``_mask_inline``), so markdown-it's
    inline pass, whose link-label search costs seconds on a paragraph of ``[`` characters, is off."""
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark").enable(["table", "strikethrough"]).disable("inline")


def markdown_prose(text: str, fm: FrontMatter) -> tuple[str, list[Block]]:
    """Return (prose view, blocks) for a Markdown file."""
    starts = line_starts(text)
    # Blank the front matter for the parser but keep its lines, so maps stay aligned.
    src = (re.sub(r"[^\r\n]", " ", text[: fm.end]) + text[fm.end :]) if fm.end else text
    # markdown-it reads NUL as U+FFFD; compare its token content with the same view.
    same = text.replace("\0", "\ufffd") if "\0" in text else text
    tokens = _parser().parse(src)
    buf = [c if c in _BLANK_KEEP else " " for c in text]
    blocks: list[Block] = []
    container: list[str] = []
    heading_level = 0
    for tok in tokens:
        if tok.type == "heading_open":
            heading_level = int(tok.tag[1:])
        elif tok.type == "heading_close":
            heading_level = 0
        elif tok.type in ("table_open",):
            container.append("table")
        elif tok.type in ("table_close",):
            container.pop()
        if tok.type != "inline" or tok.map is None or "table" in container:
            continue
        block = _inline_block(tok, text, same, starts, buf, heading_level)
        if block is not None:
            blocks.append(block)
    deep = _beyond_nesting(tokens, text, starts, buf)
    if deep:
        blocks = sorted(blocks + deep, key=lambda b: b.start)
    return "".join(buf), blocks


def _inline_block(tok, text: str, same: str, starts: list[int], buf: list[str], heading_level: int) -> Block | None:
    """Put one paragraph's or heading's text back into the prose view and return its block (None if empty).

    markdown-it gives the token's content without container markers (``>``,
    list bullets, indentation) and maps it to source lines only: each content
    line is found again in its source line, so the block keeps file offsets.
    """
    l0, l1 = tok.map
    content_lines = tok.content.split("\n")
    src_lines = [ln for ln in range(l0, l1) if not (heading_level and _SETEXT.match(line_text(text, starts, ln)))]
    bstart = bend = None
    for ln, content in zip(src_lines, content_lines, strict=False):
        if ln >= len(starts):
            break
        span = _content_span(same, starts, ln, content, heading_level)
        if span is None:
            continue
        s, e = span
        for i in range(s, e):
            buf[i] = text[i]
        _mask_inline(buf, text, s, e)
        bstart = s if bstart is None else bstart
        bend = e
    if bstart is None:
        return None
    return Block(bstart, bend, "heading" if heading_level else "paragraph", heading_level)


def _content_span(same: str, starts: list[int], ln: int, content: str, heading_level: int) -> tuple[int, int] | None:
    """Where one content line of a token lies in source line ``ln`` (None if nowhere, or empty).

    The content normally ends the line (container markers come before it); a
    heading's closing ``#`` run is ignored. Otherwise its first occurrence counts.
    """
    line_text_ = line_text(same, starts, ln)
    ls = starts[ln]
    stripped = line_text_.rstrip(" \t")
    c = content.rstrip(" \t")
    if heading_level:
        stripped = _ATX_CLOSE.sub("", stripped)
    idx = len(stripped) - len(c)
    if idx < 0 or stripped[idx:] != c:
        idx = line_text_.find(c)
        if idx < 0:
            return None
    s, e = ls + idx, ls + idx + len(c)
    return None if s == e else (s, e)


_LEAVES = ("inline", "fence", "code_block", "html_block", "hr")


def _beyond_nesting(tokens, text: str, starts: list[int], buf: list[str]) -> list[Block]:
    """Prose the parser dropped for being nested too deeply (``> > > …`` 20 levels and more).

    markdown-it stops parsing containers at its nesting limit and emits no
    tokens for what lies inside; those lines would go unchecked. They are
    taken here as plain paragraphs, without their ``>`` and list markers.
    """
    limit = 20
    deepest = [t.map for t in tokens if t.map is not None and t.nesting == 1 and t.level >= limit - 1]
    if not deepest:
        return []
    covered: set[int] = set()
    for t in tokens:
        if t.map is not None and (t.type in _LEAVES or t.type == "table_open"):
            covered.update(range(t.map[0], t.map[1]))
    out: list[Block] = []
    done: set[int] = set()
    for l0, l1 in deepest:
        for ln in range(l0, min(l1, len(starts))):
            if ln in covered or ln in done:
                continue
            done.add(ln)
            s, e = line_bounds(text, starts, ln)
            m = re.match(r"(?:[ \t]*(?:>|[-+*]|[0-9]{1,9}[.)])(?=[ \t]|$))*[ \t]*", text[s:e])
            s += m.end() if m else 0
            while e > s and text[e - 1] in " \t":
                e -= 1
            if s == e:
                continue
            for i in range(s, e):
                buf[i] = text[i]
            _mask_inline(buf, text, s, e)
            out.append(Block(s, e, "paragraph"))
    return out
