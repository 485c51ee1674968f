"""Curated variant groups: the ``kind: variants`` files of the built-in packs and of the house (``core.kinds``)."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from edlint.core.kinds import DataFile, builtin_files, load, load_path


@dataclass
class Group:
    """Spellings of one entity; ``forms[0]`` is the house preference (for locale pairs: en-GB, en-US)."""

    forms: list[str]
    category: str
    source_file: str
    proper: bool = True
    locale_pair: bool = False
    not_near: dict[str, list[str]] = field(default_factory=dict)

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
    """
    loaded = [(f.display, load(f)) for f in builtin_files("variants") + tuple(house)]
    loaded += [(str(p), load_path(p, str(p), ("variants",))[1]) for p in extra_files or ()]
    groups: list[Group] = []
    for display, data in loaded:
        for forms in data["groups"]:
            groups.append(Group(
                forms=list(forms), category=data["category"], source_file=display,
                proper=data.get("proper_nouns", False), locale_pair=data.get("locale_pairs", False),
                not_near=data.get("not_near", {}),
            ))
    return groups


def apply_preferences(groups: list[Group], prefer: list[str]) -> list[Group]:
    """A house's ``prefer = ["Kiev", "Burma"]`` moves those forms to the front of their groups."""
    wanted = {p.lower(): p for p in prefer}
    for g in groups:
        for i, f in enumerate(g.forms):
            if f.lower() in wanted and i:
                g.forms.insert(0, g.forms.pop(i))
                if g.locale_pair:
                    g.locale_pair = False  # an explicit choice beats the locale
    return groups
