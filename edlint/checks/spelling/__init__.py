"""Spelling consistency: curated variant groups, house style, and variants found on their own.

Curated groups (``rules/spelling/variants``) are matched in the run's single
literal pass. Discovery groups the article's own proper nouns by a
transliteration-normalised key, so ``Sloviansk``/``Slovyansk`` or
``Blair``/``Blayr`` meet even when no list knows them.
"""
from __future__ import annotations

from .discovered import Discovered
from .house_style import HouseStyle
from .inconsistent import Inconsistent

RULES = [Inconsistent, HouseStyle, Discovered]
