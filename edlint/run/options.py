"""``RunOptions``: the command-line settings that change what a run finds, for every file of it.

Kept apart from the ``Runner`` so the result cache, which keys entries on
these settings, and the workers, which receive them, need nothing else of
the run layer.
"""
from __future__ import annotations

import datetime as _dt
from edlint.records import Record


class RunOptions(Record):
    _fields = ("config_path", "select", "ignore", "date", "keep_text", "language")

    def __init__(
        self,
        config_path: str | None = None,
        select: list[str] | None = None,
        ignore: list[str] | None = None,
        date: _dt.date | None = None,
        keep_text: bool = True,
        language: str | None = None,
    ) -> None:
        self.config_path = config_path  # --config: one configuration for every file instead of each folder's
        self.select = select
        self.ignore = ignore
        self.date = date  # the article date where front matter gives none
        self.keep_text = keep_text  # send each text back with its result (fixes, reports that quote the article)
        self.language = language  # "auto" (detect; skip what is not English) or "en"; None: the config's
