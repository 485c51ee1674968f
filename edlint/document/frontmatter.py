"""Front matter: a YAML (``---``) or TOML (``+++``) block at the very top of an article.

Front matter is metadata, never prose: its characters are blanked from the
prose view, and its ``title`` and date keys feed the headline and the article
date that the titles family checks against.
"""
from __future__ import annotations

import datetime as _dt
import re
from typing import Any

from edlint.io.errors import InputError
from edlint.io.lines import line_col, line_starts
from edlint.records import Record
from .lazyre import lazy

_FENCES = {"---": "yaml", "+++": "toml"}
_OPEN_RE = lazy(r"\A(---|\+\+\+)[ \t]*\r?\n")

DATE_KEYS = ("date", "published", "pubdate", "publish_date", "published_at", "publishDate", "datePublished")


class FrontMatterError(InputError):
    """Front matter that cannot be used: one error naming the file and (1-based) line, like any data file."""

    def __init__(self, message: str, line: int | None = None, path: str = "<front matter>"):
        super().__init__(path, message, line)


class FrontMatter(Record):
    """Parsed front matter and where it sits in the file (``end`` is the offset after the closing fence line)."""

    _fields = ("data", "start", "end", "format")

    def __init__(self, data: dict[str, Any] | None = None, start: int = 0, end: int = 0, format: str = "") -> None:
        self.data = {} if data is None else data
        self.start = start
        self.end = end
        self.format = format


def split_front_matter(text: str, path: str = "<front matter>") -> FrontMatter:
    """Find and parse front matter at the start of ``text``; empty FrontMatter if there is none."""
    m = _OPEN_RE.match(text)
    if not m:
        return FrontMatter()
    fence = m.group(1)
    close = re.compile(r"^" + re.escape(fence) + r"[ \t]*\r?$", re.M)
    c = close.search(text, m.end())
    if not c:
        return FrontMatter()  # an opening rule with no close is a horizontal rule, not front matter
    body = text[m.end() : c.start()]
    end = c.end()
    if end < len(text) and text[end] == "\n":
        end += 1
    fmt = _FENCES[fence]
    data = _parse(body, fmt, first_line=2, path=path)
    return FrontMatter(data=data, start=0, end=end, format=fmt)


def _parse(body: str, fmt: str, first_line: int, path: str = "<front matter>") -> dict[str, Any]:
    if fmt == "yaml":
        from edlint.io.datafiles import parse_yaml

        try:
            data = parse_yaml(body, path, first_line=first_line, what="YAML front matter")
        except InputError as exc:
            raise FrontMatterError(exc.message, exc.line, path) from None
    else:
        try:
            import tomllib
        except ModuleNotFoundError:  # Python 3.10
            import tomli as tomllib  # type: ignore[no-redef]
        try:
            data = tomllib.loads(body)
        except (tomllib.TOMLDecodeError, ValueError, RecursionError) as exc:
            msg = str(exc)
            m = re.search(r"line (\d+)", msg)
            line = first_line + int(m.group(1)) - 1 if m else None
            raise FrontMatterError(f"invalid TOML front matter: {msg}", line, path) from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise FrontMatterError("front matter is not a mapping of keys to values", first_line, path)
    return data


def parse_date(value: Any) -> _dt.date | None:
    """Turn a front-matter date value (date, datetime or ISO-like string) into a date."""
    if isinstance(value, _dt.datetime):
        return value.date()
    if isinstance(value, _dt.date):
        return value
    if isinstance(value, str):
        m = re.match(r"\s*(\d{4})-(\d{1,2})-(\d{1,2})", value)
        if m:
            try:
                return _dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
            except ValueError:
                return None
    return None


def article_date(data: dict[str, Any], text: str = "", path: str = "<front matter>") -> tuple[_dt.date | None, str]:
    """The article date from front matter and the key it came from.

    A value that has the shape of a date but is no real day (``"2022-02-30"``,
    quoted or not) is an error naming the key's line, not a date quietly ignored:
    the titles family judges who held an office *on that day*.
    """
    for key in DATE_KEYS:
        if key in data:
            d = parse_date(data[key])
            if d:
                return d, f"front matter '{key}'"
            value = data[key]
            if isinstance(value, str) and re.match(r"\s*\d{4}-\d{1,2}-\d{1,2}", value):
                m = re.search(r"^[ \t]*['\"]?" + re.escape(key) + r"['\"]?[ \t]*[:=]", text, re.M)
                line = line_col(line_starts(text), m.start())[0] if m else None
                raise FrontMatterError(
                    f"front matter '{key}': {value.strip()!r} is not a real date (YYYY-MM-DD)", line, path
                )
    return None, ""
