"""Readability: sentence and paragraph length, and the article's reading grade (textstat).

textstat (and the syllable dictionary) load only when ``readability.grade``
runs; the length rules count words themselves.
"""
from __future__ import annotations

from .grade import Grade
from .long_paragraph import LongParagraph
from .long_sentence import LongSentence
from .notes import describe_figures as describe_figures  # the terminal report's line about this family's figures

RULES = [LongSentence, LongParagraph, Grade]
