"""What the terminal report says about how a file's titles were checked (the family's own words)."""
from __future__ import annotations

from typing import Any

from edlint.core.findings import FigureNote

_UNDATED = "titles: no article date, so only titles never held were checked"
_SET_DATE = "(set front matter date or --date)"


def describe_figures(figures: dict[str, Any], date: str | None) -> FigureNote | None:
    """A caveat when the check was partial: no article date (only never-held titles), or people past the data."""
    if not date:
        return FigureNote(f"{_UNDATED} {_SET_DATE}", caveat=True, clean="tally",
                          tally=f"{_UNDATED} in {{n}} clean file{{s}} {_SET_DATE}")
    if figures.get("unchecked"):
        names = "; ".join(f"{u['person']} ({u.get('reason') or u['country'] + ' data ends ' + u['data_ends']})"
                          for u in figures["unchecked"])
        return FigureNote(f"titles: not checked past the data: {names}", caveat=True, clean="say")
    return None
