"""One term of office: who held which office, from when to when, and on whose authority.

Its own module because both the shipped knowledge base (``officeholders``) and a house's own
people files (``userdata``) build terms, and each of them needs the other's only through this.
"""
from __future__ import annotations

import datetime as _dt
from typing import NamedTuple


class Term(NamedTuple):
    """A term as its source gave it; dates are ISO strings, a year or year-month where that is all it says."""

    person: str
    person_id: str
    office: str
    country: str
    kind: str
    start: str
    end: str  # "" = still in office when the source was taken
    valid_to: str  # the source is complete to this date ("" = no limit given)
    source: str
    licence: str

    def holds_on(self, day: _dt.date) -> bool | None:
        """True/False if the data says; None when the date is past what the source covers."""
        d = day.isoformat()
        if self.start and d < pad_date(self.start, low=True):
            return False
        if self.end:
            return d <= pad_date(self.end, low=False)
        if self.valid_to and d > self.valid_to:
            return None
        return True

    def ended_before(self, day: _dt.date) -> bool:
        """The term is over by the day (the person is a *former* holder)."""
        return bool(self.end) and day.isoformat() > pad_date(self.end, low=False)


def pad_date(date: str, low: bool) -> str:
    """A year or year-month widened to its first (``low``) or last day, so partial dates compare as strings."""
    if len(date) == 4:
        return date + ("-01-01" if low else "-12-31")
    if len(date) == 7:
        return date + ("-01" if low else "-31")
    return date
