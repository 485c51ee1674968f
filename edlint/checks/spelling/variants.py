"""Curated variant groups: ``rules/spelling/variants/*.yaml`` (and a house's own files)."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from edlint.io.builtin_packs import pack_root
from edlint.io.datafiles import DataError, load_yaml, read_text, validate

SCHEMA = {
    "type": "object",
    "required": ["kind", "category", "sources", "groups"],
    "properties": {
        "kind": {"const": "variants"},
        "category": {"type": "string"},
        "proper_nouns": {"type": "boolean"},
        "locale_pairs": {"type": "boolean"},
        "sources": {"type": "array", "minItems": 1, "items": {"type": "string"}},
        "not_near": {"type": "object", "additionalProperties": {"type": "array", "items": {"type": "string"}}},
        "groups": {
            "type": "array",
            "minItems": 1,
            "items": {"type": "array", "minItems": 2, "items": {"type": "string", "minLength": 2}},
        },
    },
    "additionalProperties": False,
}


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


def load_groups(extra_files: list[Path] | None = None) -> list[Group]:
    """Every group of the built-in packs, then the house's own files (which may re-order a group)."""
    groups: list[Group] = []
    root = pack_root() / "spelling" / "variants"
    files = [(p, f"rules/spelling/variants/{p.name}") for p in sorted(root.glob("*.yaml"))]
    files += [(Path(p), str(p)) for p in (extra_files or [])]
    for path, display in files:
        try:
            text = read_text(path)  # the one safe reader: regular files only, capped
        except (OSError, UnicodeDecodeError) as exc:
            raise DataError(display, f"cannot read variant file: {getattr(exc, 'strerror', None) or exc}") from None
        data = load_yaml(text, display)
        validate(data, SCHEMA, display, yaml_text=text)
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
