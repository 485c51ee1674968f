"""Titles checked against the officeholder knowledge base on the article's date.

Three patterns: a title before a name ("Russian Foreign Minister Sergei
Lavrov"), apposition ("Sergei Lavrov, Russia's foreign minister,") and a
reference back ("the Russian premier said" means the person most recently
named whom that title could mean). The knowledge base loads only when a
paragraph holds a title word. ``judge.py`` finds and judges; the two rules
here report what is theirs.
"""
from __future__ import annotations

from .former import Former
from .wrong_office import WrongOffice
from .notes import describe_figures as describe_figures  # the terminal report's line about this family's figures

RULES = [WrongOffice, Former]
