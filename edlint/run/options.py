"""``RunOptions``: the command-line settings that change what a run finds, for every file of it.

Kept apart from the ``Runner`` so the result cache, which keys entries on
these settings, and the workers, which receive them, need nothing else of
the run layer.
"""
from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass


@dataclass
class RunOptions:
    config_path: str | None = None  # --config: one configuration for every file instead of each folder's
    select: list[str] | None = None
    ignore: list[str] | None = None
    date: _dt.date | None = None  # the article date where front matter gives none
    keep_text: bool = True  # send each text back with its result (fixes, reports that quote the article)
    language: str | None = None  # "auto" (detect; skip what is not English) or "en"; None: the config's
