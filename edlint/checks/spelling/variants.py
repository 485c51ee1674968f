"""Curated variant groups: the ``kind: variants`` files of the built-in packs and of the house (``core.kinds``)."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from edlint.core.kinds import DataFile, builtin_files, load, load_path
from edlint.records import Record


class Group(Record):
    """Spellings of one entity; ``forms[0]`` is the house preference (for locale pairs: en-GB, en-US)."""

    _fields = ("forms", "category", "source_file", "proper", "locale_pair", "not_near")

    def __init__(
        self,
        forms: list[str],
        category: str,
        source_file: str,
        proper: bool = True,
        locale_pair: bool = False,
        not_near: dict[str, list[str]] | None = None,
    ) -> None:
        self.forms = forms
        self.category = category
        self.source_file = source_file
        self.proper = proper
        self.locale_pair = locale_pair
        self.not_near = {} if not_near is None else not_near

    def preferred(self, locale: str) -> str:
        if self.locale_pair and locale == "en-US":
            return self.forms[1]
        return self.forms[0]

    @property
    def key(self) -> str:
        return self.forms[0]


def load_groups(extra_files: list[Path] | None = None, house: tuple[DataFile, ...] = ()) -> list[Group]:
    """Every group of the built-in packs, then the house's own (which may re-order a group).

    ``house`` are the ``kind: variants`` files of the configuration's
    ``rule_dirs``; ``extra_files`` the files the rule's option names (the older door).
    The built-in groups are made once per process and shared by every caller: nothing
    changes a group once it is made (``apply_preferences`` makes new ones).
    """
    loaded = [(f.display, load(f)) for f in house]
    loaded += [(str(p), load_path(p, str(p), ("variants",))[1]) for p in extra_files or ()]
    return [*_builtin_groups(), *(g for display, data in loaded for g in _groups_of(display, data))]


@lru_cache(maxsize=1)
def _builtin_groups() -> tuple[Group, ...]:
    """The groups of the built-in packs (about a thousand: three rules and the literal pass ask for them)."""
    return tuple(g for f in builtin_files("variants") for g in _groups_of(f.display, load(f)))


def _groups_of(display: str, data: dict) -> list[Group]:
    return [
        Group(
            forms=list(forms), category=data["category"], source_file=display,
            proper=data.get("proper_nouns", False), locale_pair=data.get("locale_pairs", False),
            not_near=data.get("not_near", {}),
        )
        for forms in data["groups"]
    ]


def apply_preferences(groups: list[Group], prefer: list[str]) -> list[Group]:
    """A house's ``prefer = ["Kiev", "Burma"]`` moves those forms to the front of their groups.

    A group that changes is replaced by a new one: the built-in groups are shared.
    """
    wanted = {p.lower() for p in prefer}
    if not wanted:
        return groups
    out = []
    for g in groups:
        forms, moved = list(g.forms), False
        for i, f in enumerate(forms):
            if f.lower() in wanted and i:
                forms.insert(0, forms.pop(i))
                moved = True
        if moved:  # an explicit choice beats the locale
            g = Group(forms, g.category, g.source_file, g.proper, False, g.not_near)
        out.append(g)
    return out
