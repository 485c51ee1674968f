"""Where the built-in rule packs (the top-level ``rules/`` folder) are found.

In a wheel the folder ships as ``edlint/_rules``; in a source checkout it is
the ``rules/`` folder beside the package. Both are read through this one
function so nothing else needs to know which.
"""
from __future__ import annotations

from pathlib import Path


def pack_root() -> Path:
    """The folder of the built-in packs: ``edlint/_rules`` in a wheel, else ``rules/`` beside the package."""
    here = Path(__file__).resolve().parents[1]  # the edlint package
    shipped = here / "_rules"
    if shipped.is_dir():
        return shipped
    return here.parent / "rules"

