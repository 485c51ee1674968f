"""Titles cost grows with the copy, not its square: 10x the input may take at most 15x the time."""
from __future__ import annotations

import datetime as dt
import gc
import statistics
import time

from edlint.api import lint_text

UNIT = ("Vladimir Putin met Sergei Lavrov and Boris Johnson in Moscow. "
        "The Russian premier said the talks went well, and the British premier agreed. ")


def _text(units: int) -> str:
    return "Head\n\n" + UNIT * units + "\n"  # one long line: one paragraph


def _check(text: str) -> int:
    return len(lint_text(text, "a.txt", date=dt.date(2022, 7, 8), select=["titles"]))


def _small_and_large(small: str, large: str, rounds: int = 5) -> tuple[float, float]:
    """CPU times of the two checks taken in alternation with the cycle collector off: the small
    one's median, the large one's best.

    CPU time is steadier than wall time on a shared machine; alternating keeps a slow
    moment from landing on one size only; with the collector off, the objects the rest of
    a test session left alive are not walked again and again during the larger check
    (which made it look up to half slower late in a full run). The small check's best
    alone can be a lucky outlier; its median is steady, and a quadratic cost would still
    show as 100x.
    """
    times: list[list[float]] = [[], []]
    gc.collect()
    gc.disable()
    try:
        for _ in range(rounds):
            for k, text in enumerate((small, large)):
                start = time.process_time()
                _check(text)
                times[k].append(time.process_time() - start)
    finally:
        gc.enable()
    return statistics.median(times[0]), min(times[1])


def test_references_back_in_one_long_line_are_linear():
    small, large = _text(200), _text(2000)
    assert _check(small) == 200 and _check(large) == 2000  # every "Russian premier" means Putin, the president
    t_small, t_large = _small_and_large(small, large)
    assert t_large <= 15 * t_small, (t_small, t_large)
