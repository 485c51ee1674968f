"""Titles cost grows with the copy, not its square: 10x the input may take at most 15x the time."""
from __future__ import annotations

import datetime as dt

from conftest import small_and_large_cpu

from edlint.api import lint_text

UNIT = ("Vladimir Putin met Sergei Lavrov and Boris Johnson in Moscow. "
        "The Russian premier said the talks went well, and the British premier agreed. ")


def _text(units: int) -> str:
    return "Head\n\n" + UNIT * units + "\n"  # one long line: one paragraph


def _check(text: str) -> int:
    return len(lint_text(text, "a.txt", date=dt.date(2022, 7, 8), select=["titles"]))


def test_references_back_in_one_long_line_are_linear():
    small, large = _text(200), _text(2000)
    assert _check(small) == 200 and _check(large) == 2000  # every "Russian premier" means Putin, the president
    t_small, t_large = small_and_large_cpu(lambda: _check(small), lambda: _check(large), rounds=5)
    assert t_large <= 15 * t_small, (t_small, t_large)
