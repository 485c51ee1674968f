"""Option values shared by every command: one parser for ``--date``.

``edlint check``, ``fix``, ``baseline`` and ``kb`` all take a date; parsing it in one place
keeps their error messages identical and keeps ``kb`` from importing the main command module.
"""
from __future__ import annotations

import datetime as _dt

import typer


def parse_date(value: str | None) -> _dt.date | None:
    if value is None:
        return None
    try:
        return _dt.date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date in the form YYYY-MM-DD", param_hint="--date") from None
