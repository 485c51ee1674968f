"""Leftover ad copy and page furniture, named by kind.

One rule, ``adcopy.furniture`` (``furniture.py``), built from a phrase pack
(``pack.py``, data in ``rules/adcopy``), the evidence of each kind of leftover
line (``kinds.py``), the shapes of menus, teaser lists and page tops
(``shapes.py``) and the units it judges (``units.py``).
"""
from __future__ import annotations

from .furniture import Furniture

RULES = [Furniture]
