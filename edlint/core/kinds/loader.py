"""The one door for house data: every YAML file of the built-in packs and of ``rule_dirs``.

A file says what it is with a top-level ``kind``; the kind names the module
of ``edlint.core.kinds`` that holds its schema and the family folder it
belongs in. Everything a newsroom can add is read here the same way, so a
file edlint cannot use is an error naming it (exit 2), never a silent skip:
an unknown ``kind``, a file at the root of a rule folder, a folder that is no
rule family, a file of one family's kind in another family's folder.

The older doors (``extra_files`` of the spelling rules, ``people_files`` of
the titles rules) name single files; they come through ``load_path`` and
are validated by the same schemas.
"""
from __future__ import annotations

import importlib
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path
from types import ModuleType
from typing import Any

from edlint.core.findings import FAMILIES
from edlint.io.builtin_packs import pack_root
from edlint.io.datafiles import compose, line_of, load_yaml, read_text, unvouched, validate
from edlint.io.errors import InputError
from edlint.records import FrozenRecord

# Every kind of house data and the module that knows it (imported only when a file of that kind is read).
KIND_MODULES = {
    "substitution": "edlint.core.kinds.substitution",
    "existence": "edlint.core.kinds.existence",
    "variants": "edlint.core.kinds.variants",
    "phrases": "edlint.core.kinds.phrases",
    "officeholders": "edlint.core.kinds.officeholders",
    "title-vocabulary": "edlint.core.kinds.title_vocabulary",
    "known-names": "edlint.core.kinds.known_names",
}
# Kinds that are rules of their own (one file, one rule id); the others are data a code rule reads.
RULE_KINDS = ("substitution", "existence")
# Kinds only edlint's own packs hold: the rule reading them has no way to take a house's file.
BUILTIN_ONLY = ("known-names",)
BUILTIN_LABEL = "rules"


def kind_module(kind: str) -> ModuleType:
    """The module of one kind: its ``SCHEMA``, ``FAMILY`` and, for rule kinds, ``rule_class``."""
    return importlib.import_module(KIND_MODULES[kind])


class DataFile(FrozenRecord):
    """One parsed house data file: where it is, what it is, and its raw data (validated on use)."""

    _fields = ("path", "display", "family", "kind", "text", "data")
    _unshown = ("text", "data")
    _uncompared = ("text", "data")

    def __init__(
        self,
        path: Path,
        display: str,
        family: str | None,
        kind: str,
        text: str,
        data: dict[str, Any],
    ) -> None:
        self.path = path
        self.display = display  # how errors and findings name it: ``rules/spelling/x.yaml`` or the folder as configured
        self.family = family  # the family folder it sits in; None for a file named directly in config
        self.kind = kind
        self.text = text
        self.data = data


def discover(root: Path, label: str) -> Iterator[tuple[Path, str | None, str]]:
    """(path, family folder, display name) of every YAML file under a rule folder.

    A file at the root of the folder has no family (None): ``scan`` refuses it.
    """
    if not root.is_dir():
        return
    for path in sorted(root.rglob("*.yaml")) + sorted(root.rglob("*.yml")):
        rel = path.relative_to(root)
        family = rel.parts[0] if len(rel.parts) > 1 else None
        yield path, family, f"{label}/{rel.as_posix()}"


def _read(path: Path, display: str) -> str:
    """The text through the one safe reader (regular files only, capped, UTF-8)."""
    try:
        return read_text(path)
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(display, f"cannot read the data file: {getattr(exc, 'strerror', None) or exc}") from None


def _kind_of(data: Any, text: str, display: str) -> str:
    """The file's ``kind``, or an InputError naming the line when it names none edlint knows."""
    known = ", ".join(KIND_MODULES)
    if not isinstance(data, dict):
        raise InputError(display, f"a data file must be a mapping with a 'kind' (one of {known})", 1)
    kind = data.get("kind")
    if "kind" not in data:
        raise InputError(display, f"no 'kind': say what the file holds (one of {known})", 1)
    if not isinstance(kind, str) or kind not in KIND_MODULES:
        raise InputError(display, f"unknown kind {kind!r} (kinds: {known})", line_of(compose(text), ["kind"]))
    return kind


def parse(path: Path, display: str, family: str | None = None) -> DataFile:
    """Read one file and learn its kind; the schema is checked by ``load``, when the data is used."""
    text = _read(path, display)
    data = load_yaml(text, display)
    kind = _kind_of(data, text, display)
    return DataFile(Path(path), display, family, kind, text, data)


def _check_place(path: Path, family: str | None, display: str) -> None:
    """A rule folder holds family folders, and each file sits in the folder of the family it serves."""
    if family is None:
        raise InputError(display, f"a file at the root of a rule folder belongs to no family: move it into a "
                                 f"family folder ({', '.join(FAMILIES)})")
    if family not in FAMILIES:
        raise InputError(display, f"rule files go in a family folder ({', '.join(FAMILIES)}), not {family!r}")


def _check_family(file: DataFile) -> None:
    """Data read by one family's rules (variant groups, phrases, officeholders) goes in that family's folder."""
    wanted = getattr(kind_module(file.kind), "FAMILY", None)
    if wanted and file.family and file.family != wanted:
        raise InputError(file.display, f"a file of kind {file.kind!r} is read by the {wanted} rules: put it in the "
                                      f"{wanted!r} folder, not {file.family!r}")


def scan(root: Path, label: str, own_packs: bool = False) -> list[DataFile]:
    """Every data file of one rule folder, parsed and placed; the first misplaced or unknown one is an error.

    ``own_packs``: the folder is edlint's ``rules/``, which may hold kinds a house cannot add.
    """
    files = []
    for path, family, display in discover(root, label):
        _check_place(path, family, display)
        file = parse(path, display, family)
        if own_packs:
            if unvouched(file.data):
                load(file)  # a pack just parsed from YAML: checked now, so later runs read its cached JSON
            files.append(file)  # edlint's own layout is tested; no kind module is imported for it here
            continue
        _check_family(file)
        if file.kind in BUILTIN_ONLY:
            raise InputError(display, f"kind {file.kind!r} is read from edlint's own packs only; a house lists its "
                                     "own names as variant groups (kind 'variants')")
        files.append(file)
    return files


@lru_cache(maxsize=1)
def builtin() -> tuple[DataFile, ...]:
    """The built-in packs (``rules/``), parsed once per process and shared by the registry and the rules."""
    return tuple(scan(pack_root(), BUILTIN_LABEL, own_packs=True))


def builtin_files(kind: str) -> tuple[DataFile, ...]:
    """The built-in files of one kind, in path order."""
    return tuple(f for f in builtin() if f.kind == kind)


def load(file: DataFile) -> dict[str, Any]:
    """The file's data, checked against its kind's schema (and the kind's own checks); else a located InputError."""
    module = kind_module(file.kind)
    prepare = getattr(module, "prepare", None)
    data = prepare(file.data) if prepare else file.data
    validate(data, module.SCHEMA, file.display, yaml_text=file.text)
    check = getattr(module, "check", None)
    if check:
        check(data, file.text, file.display)
    return data


def load_path(path: Path | str, display: str, kinds: tuple[str, ...]) -> tuple[DataFile, dict[str, Any]]:
    """A file named directly in config (``extra_files``, ``people_files``): parsed, of an expected kind, checked."""
    file = parse(Path(path), display)
    if file.kind not in kinds:
        wanted = " or ".join(repr(k) for k in kinds)
        raise InputError(display, f"a file of kind {file.kind!r} where one of kind {wanted} is expected",
                        line_of(compose(file.text), ["kind"]))
    return file, load(file)


def house_files(rule: Any, kind: str) -> tuple[DataFile, ...]:
    """The files of one kind that the ``rule_dirs`` of the rule's configuration hold (set when rules resolve)."""
    return rule.house_data.get(kind, ())


def house_paths(folders: list[Path], kind: str) -> list[Path]:
    """Paths of the files of one kind in ``rule_dirs`` folders, for commands that read them outside a run (``kb``)."""
    return [f.path.resolve() for folder in folders if Path(folder).is_dir()
            for f in scan(Path(folder), str(folder)) if f.kind == kind]
