"""Front matter: a YAML (``---``) or TOML (``+++``) block at the very top of an article.

Front matter is metadata, never prose: its characters are blanked from the
prose view, and its ``title`` and date keys feed the headline and the article
date that the titles family checks against.
"""
from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass, field
from typing import Any

_FENCES = {"---": "yaml", "+++": "toml"}
_OPEN_RE = re.compile(r"\A(---|\+\+\+)[ \t]*\r?\n")

DATE_KEYS = ("date", "published", "pubdate", "publish_date", "published_at", "publishDate", "datePublished")


class FrontMatterError(ValueError):
    """Front matter that cannot be parsed; ``line`` is 1-based in the file."""

    def __init__(self, message: str, line: int | None = None):
        super().__init__(message)
        self.line = line


@dataclass
class FrontMatter:
    """Parsed front matter and where it sits in the file (``end`` is the offset after the closing fence line)."""

    data: dict[str, Any] = field(default_factory=dict)
    start: int = 0
    end: int = 0
    format: str = ""


def split_front_matter(text: str) -> FrontMatter:
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
    data = _parse(body, fmt, first_line=2)
    return FrontMatter(data=data, start=0, end=end, format=fmt)


def _parse(body: str, fmt: str, first_line: int) -> dict[str, Any]:
    if fmt == "yaml":
        import yaml

        try:
            data = yaml.safe_load(body)
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            line = first_line + mark.line if mark is not None else None
            problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
            raise FrontMatterError(f"invalid YAML front matter: {problem}", line) from None
    else:
        try:
            import tomllib
        except ModuleNotFoundError:  # Python 3.10
            import tomli as tomllib  # type: ignore[no-redef]
        try:
            data = tomllib.loads(body)
        except tomllib.TOMLDecodeError as exc:
            msg = str(exc)
            m = re.search(r"line (\d+)", msg)
            line = first_line + int(m.group(1)) - 1 if m else None
            raise FrontMatterError(f"invalid TOML front matter: {msg}", line) from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise FrontMatterError("front matter is not a mapping of keys to values", first_line)
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


def article_date(data: dict[str, Any]) -> tuple[_dt.date | None, str]:
    """The article date from front matter and the key it came from."""
    for key in DATE_KEYS:
        if key in data:
            d = parse_date(data[key])
            if d:
                return d, f"front matter '{key}'"
    return None, ""
