"""The readability figures as one line of the terminal report's file panel."""
from __future__ import annotations

from typing import Any

from edlint.core.findings import FigureNote


def describe_figures(figures: dict[str, Any], date: str | None) -> FigureNote | None:
    """Flesch, grade, average and longest sentence, as far as they were computed."""
    bits = []
    if "flesch_reading_ease" in figures:
        bits.append(f"Flesch {figures['flesch_reading_ease']:.0f}")
    if "flesch_kincaid_grade" in figures:
        bits.append(f"grade {figures['flesch_kincaid_grade']:.1f}")
    if "avg_sentence_words" in figures:
        bits.append(f"avg sentence {figures['avg_sentence_words']:.1f} w")
    if "longest_sentence_words" in figures:
        bits.append(f"longest {figures['longest_sentence_words']} w")
    return FigureNote("readability: " + " · ".join(bits)) if bits else None
