"""Titles cost grows with the copy, not its square: 10x the input may take at most 15x the time."""
from __future__ import annotations

import datetime as dt
import time

from edlint.api import lint_text

UNIT = ("Vladimir Putin met Sergei Lavrov and Boris Johnson in Moscow. "
        "The Russian premier said the talks went well, and the British premier agreed. ")


def _cost(units: int) -> tuple[float, int]:
    text = "Head\n\n" + UNIT * units + "\n"  # one long line: one paragraph
    best, found = float("inf"), 0
    for _ in range(3):
        start = time.process_time()  # CPU time: steadier than wall time on a shared machine
        found = len(lint_text(text, "a.txt", date=dt.date(2022, 7, 8), select=["titles"]))
        best = min(best, time.process_time() - start)
    return best, found


def test_references_back_in_one_long_line_are_linear():
    small, n_small = _cost(200)
    large, n_large = _cost(2000)
    assert n_small == 200 and n_large == 2000  # every "Russian premier" means Putin, the president
    assert large <= 15 * small, (small, large)
